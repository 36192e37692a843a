// Routing on real static hosting: deep links and reloads with each documented SPA fallback,
// and a deployment under a sub-path.
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { after, before, describe, test } from "node:test";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import {
  DIST_READER,
  NEEDS_REQUEST,
  PRERENDERED,
  REFERENCE,
  REFERENCE_SLUG,
  ROOT,
  eventually,
  noProblems,
  setUp,
  text,
  texts,
} from "./harness.mjs";

const DEEP_LINKS = [
  [`articles/${REFERENCE_SLUG}`, REFERENCE.headline],
  ["pillars/energy-infrastructure", "Energy & Infrastructure"],
  ["", "Latest analysis"],
];

for (const fallback of ["404.html", "index.html"]) {
  describe(`a static host whose fallback is ${fallback}`, () => {
    let env;
    before(async () => {
      env = await setUp({ fallback });
    });
    after(async () => {
      await env?.tearDown();
    });

    test("serves every route from a deep link and from a reload", async () => {
      const page = await env.open(null);
      for (const [path, heading] of DEEP_LINKS) {
        const response = await page.goto(env.host.url + path);
        // GitHub Pages style hosts answer unknown paths with 404.html and status 404; the app runs.
        // A prerendered page is a page of its own, answered 200.
        const written = PRERENDERED && existsSync(join(env.site.dir, decodeURIComponent(path), "index.html"));
        if (path) assert.equal(response.status(), fallback === "404.html" && !written ? 404 : 200);
        await eventually(() => text(page, "main h1"), heading, { message: `deep link to /${path}` });
        await page.reload();
        await eventually(() => text(page, "main h1"), heading, { message: `reload of /${path}` });
      }
      noProblems(page);
      await page.context().close();
    });

    test("a client-side navigation then a reload stays on the page", async () => {
      const page = await env.open("");
      await page.locator(".card .badge").first().click();
      const heading = await eventually(() => text(page, "main h1"), "Tech Stocks & Semiconductors");
      await page.reload();
      await eventually(() => text(page, "main h1"), heading);
      assert.equal(new URL(page.url()).pathname, "/pillars/tech-stocks-semiconductors");
      await page.context().close();
    });
  });
}

describe("deployed under /reader/ (built with --public-url /reader/)", () => {
  let env;
  before(async () => {
    env = await setUp({ dist: DIST_READER, prefix: "/reader/", bundledData: true });
  });
  after(async () => {
    await env?.tearDown();
  });

  test("links, routes, data and assets all resolve under the sub-path", async () => {
    const page = await env.open("");
    assert.equal(page.url(), `${env.host.origin}/reader/`);
    await page.locator(".card").first().waitFor();
    assert.equal(await text(page, "main h1"), "Latest analysis");
    assert.equal(await page.locator("header .brand").getAttribute("href"), "/reader/");
    const cardLink = page.locator(".card h2 a").first();
    assert.equal(await cardLink.getAttribute("href"), `/reader/articles/${REFERENCE_SLUG}`);

    await cardLink.click();
    await page.locator(".article-body").waitFor();
    assert.equal(new URL(page.url()).pathname, `/reader/articles/${REFERENCE_SLUG}`);
    assert.equal(await text(page, "main h1"), REFERENCE.headline);
    const badge = page.locator(".pillars .badge").first();
    assert.equal(await badge.getAttribute("href"), "/reader/pillars/tech-stocks-semiconductors");
    assert.equal(
      await page.locator('link[rel="canonical"]').getAttribute("href"),
      `${env.host.origin}/reader/articles/${REFERENCE_SLUG}`,
    );

    await badge.click();
    await eventually(() => text(page, "main h1"), "Tech Stocks & Semiconductors");
    await page.reload();
    await eventually(() => text(page, "main h1"), "Tech Stocks & Semiconductors");

    await page.goto(`${env.host.url}articles/${REFERENCE_SLUG}`);
    await eventually(() => text(page, "main h1"), REFERENCE.headline);
    await page.goto(`${env.host.url}no/such/page`);
    await eventually(() => text(page, "main h1"), "Page not found");

    // Everything was fetched from under /reader/: the bundled data, the wasm, the styles.
    const outside = env.host.requests.filter((p) => !p.startsWith("/reader/"));
    assert.deepEqual(outside, []);
    assert.ok(env.host.requests.includes("/reader/data/articles.json"));
    assert.ok(env.host.requests.some((p) => /^\/reader\/signal-of-hope-[0-9a-f]+_bg\.wasm$/.test(p)));
    assert.equal((await env.api.requests()).length, 0, "the default API base is the bundled data");
    noProblems(page);
    await page.context().close();
  });

  test("an article whose slug holds & + , ; = @ : $ is requested once under the sub-path", async () => {
    // boot.js's early request and the app's must have one URL (router.test.mjs, at /).
    const slug = "q&a+grid,power;v=2@desk:usd$1";
    const body = await readFile(join(ROOT, "tests/fixtures/api/articles", `${slug}.json`), "utf8");
    const isDocument = (url) => decodeURIComponent(new URL(url).pathname) === `/reader/data/articles/${slug}.json`;
    const page = await env.open(null);
    let requests = 0;
    page.on("request", (request) => (requests += isDocument(request.url()) ? 1 : 0));
    await page.route((url) => isDocument(url.href), (route) => route.fulfill({ contentType: "application/json", body }));
    await page.goto(`${env.host.url}articles/${slug}`);
    await eventually(() => text(page, "main h1"), JSON.parse(body).headline);
    assert.equal(requests, 1, "the app used the early request");
    noProblems(page);
    await page.context().close();
  });

  test("a document in another format loads the adapter module from under the sub-path", { skip: NEEDS_REQUEST }, async () => {
    const feed = await readFile(join(ROOT, "tests/fixtures/formats/feed.json"), "utf8");
    const page = await env.open(null);
    await page.route("**/reader/data/articles.json", (route) =>
      route.fulfill({ contentType: "application/feed+json", body: feed }),
    );
    const before = env.host.requests.length;
    await page.goto(env.host.url);
    await page.locator(".card").first().waitFor();
    assert.deepEqual(await texts(page, ".card h2"), JSON.parse(feed).items.map((item) => item.title));
    const adapter = env.host.requests.slice(before).filter((p) => p.includes("adapt"));
    assert.deepEqual(adapter, ["/reader/signal-of-hope-adapt.js", "/reader/signal-of-hope-adapt_bg.wasm"]);
    noProblems(page);
    await page.context().close();
  });
});
