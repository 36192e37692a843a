// Any backend: the same reader, pointed by its one setting (signal:api-base) at our own
// format, a JSON Feed or schema.org JSON-LD, all served by Debian's nginx on another origin
// (CORS, gzip); and the HTTP faults a backend can have, from the Python fault server.
import assert from "node:assert/strict";
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import {
  DIST,
  REFERENCE,
  REFERENCE_SLUG,
  ROOT,
  axeViolations,
  deploySite,
  eventually,
  noProblems,
  screenshot,
  setUp,
  settled,
  startStaticHost,
  text,
  texts,
} from "./harness.mjs";

const ARTICLE = `articles/${REFERENCE_SLUG}`;
const ARTICLE_JSON = `/articles/${REFERENCE_SLUG}.json`;
const FEED = JSON.parse(await readFile(join(ROOT, "tests/fixtures/formats/feed.json"), "utf8"));

let env;
let data;
/** One deployed reader per shape, each pointed at a document on nginx. */
const sites = {};

before(async () => {
  // nginx serves one folder: our own documents at its root, and the two other shapes.
  data = await mkdtemp(join(tmpdir(), "soh-formats-"));
  await cp(join(ROOT, "public/data"), data, { recursive: true });
  await cp(join(ROOT, "tests/fixtures/formats"), data, { recursive: true });
  // A folder whose index is a JSON Feed (with no per-article documents beside it).
  await cp(join(ROOT, "tests/fixtures/formats/feed.json"), join(data, "feed-folder/articles.json"));
  // A folder whose article documents are in another format (a JSON Feed of that one item).
  await mkdir(join(data, "foreign-folder/articles"), { recursive: true });
  await writeFile(join(data, `foreign-folder${ARTICLE_JSON}`), JSON.stringify({ ...FEED, items: [FEED.items[0]] }));
  // A JSON Feed in two pages, linked by next_url (relative to the page).
  const [first, second] = FEED.items;
  await mkdir(join(data, "paged"));
  await writeFile(join(data, "paged/feed.json"), JSON.stringify({ ...FEED, items: [first], next_url: "feed-2.json" }));
  await writeFile(join(data, "paged/feed-2.json"), JSON.stringify({ ...FEED, items: [second] }));
  env = await setUp({ nginx: data });
  sites.contract = { host: env.host };
  for (const [name, file] of [
    ["feed", "feed.json"],
    ["jsonld", "news.jsonld"],
    ["feedFolder", "feed-folder/"],
    ["foreignFolder", "foreign-folder/"],
    ["paged", "paged/feed.json"],
  ]) {
    const site = await deploySite(DIST, env.nginx.url + file);
    sites[name] = { site, host: await startStaticHost({ root: site.dir }) };
  }
});

after(async () => {
  for (const { site, host } of Object.values(sites)) {
    await host.close();
    await site?.remove();
  }
  await env?.tearDown();
  if (data) await rm(data, { recursive: true, force: true });
});

/** A page of the reader deployed for `shape`, with the JSON responses it received. */
async function open(shape, path) {
  const page = await env.open(null);
  page.json = [];
  // The adapter module's files (src/source/formats.rs), requested from the reader's own host.
  page.adapter = [];
  // The app's builds, in the order the page loaded them: "article" (the article page alone)
  // or "whole" (src/app.rs, public/boot.js).
  page.builds = [];
  page.on("request", (request) => {
    const path = new URL(request.url()).pathname;
    if (/signal-of-hope-adapt/.test(path)) page.adapter.push(path.slice(path.lastIndexOf("/") + 1));
    else if (/^\/signal-of-hope-article-[0-9a-f]+_bg\.wasm$/.test(path)) page.builds.push("article");
    else if (/^\/signal-of-hope-[0-9a-f]+_bg\.wasm$/.test(path)) page.builds.push("whole");
  });
  page.on("response", (response) => {
    if (response.url().startsWith(env.nginx.origin)) {
      page.json.push({ path: new URL(response.url()).pathname, encoding: response.headers()["content-encoding"] });
    }
  });
  await page.goto(sites[shape].host.url + path);
  return page;
}

/** The reference layout: kicker, headline, dateline, publisher line, pillars, source. */
async function assertReferenceLayout(page) {
  await page.locator("article.article h1").waitFor();
  assert.equal(await text(page, "article .kicker"), "Signal of Hope");
  assert.equal(await text(page, "h1"), REFERENCE.headline);
  assert.equal(await text(page, ".dateline time"), "Thursday, July 2, 2026");
  assert.equal(
    (await text(page, ".publisher-line")).replace(/\s+/g, " "),
    "DrakX Intelligence · Analyzed & Published Thursday, July 2, 2026",
  );
  assert.equal(
    (await page.getByRole("region", { name: "Summary" }).textContent()).trim(),
    REFERENCE.summary,
  );
  assert.equal(await text(page, ".pillars h2"), "⬡ 2 pillars detected");
  assert.deepEqual(await texts(page, ".pillars ul > li > a"), [
    "Tech Stocks & Semiconductors",
    "Energy & Infrastructure",
  ]);
  await eventually(() => page.title(), REFERENCE.headline);
}

describe("three shapes from nginx on another origin", () => {
  test("our own format", async () => {
    const page = await open("contract", ARTICLE);
    await assertReferenceLayout(page);
    assert.deepEqual(await texts(page, ".article-body > p"), REFERENCE.body);
    assert.equal((await text(page, ".sources")).replace(/\s+/g, " "), "reported via Science Daily");
    assert.deepEqual(page.json, [{ path: ARTICLE_JSON, encoding: "gzip" }], "one gzipped document");
    assert.deepEqual(page.adapter, [], "our own format never downloads the adapter module");
    assert.deepEqual(page.builds, ["article"], "the article page alone");
    noProblems(page);
    await page.context().close();
  });

  test("a JSON Feed: the feed lists its items, and an item opens without another request", async () => {
    const page = await open("feed", "");
    await settled(page);
    assert.deepEqual(await texts(page, ".card h2"), FEED.items.map((item) => item.title));
    await page.getByRole("link", { name: REFERENCE.headline }).click();
    await assertReferenceLayout(page);
    assert.deepEqual(
      page.json.map((r) => r.path),
      ["/feed.json"],
      "the feed carries the article: no per-item document",
    );
    assert.equal(page.json[0].encoding, "gzip");
    assert.equal(await text(page, ".sources a"), "sciencedaily.com");
    assert.deepEqual(
      page.adapter,
      ["signal-of-hope-adapt.js", "signal-of-hope-adapt_bg.wasm"],
      "the adapter module is loaded once, for the feed",
    );
    noProblems(page);
    await screenshot(page, "article-from-json-feed-1280");
    await page.context().close();
  });

  test("a JSON Feed's HTML content becomes body blocks, and nothing in it runs", async () => {
    const page = await open("feed", ARTICLE);
    await page.locator("article.article h1").waitFor();
    assert.deepEqual(page.builds, ["whole"], "an API that names a feed: the whole app at once");
    const body = page.locator(".article-body");
    assert.equal(await body.locator("h2.subheading").textContent(), "What the drug does");
    assert.equal(await body.locator("blockquote").textContent(), "The cancer had engineered a structural trap.");
    assert.equal(await body.locator("figcaption").textContent(), "The research team");
    assert.deepEqual(await texts(page, ".article-body li"), ["Already FDA-approved", "Questions? Write to the desk"]);
    const links = await body.locator("a").evaluateAll((as) =>
      as.map((a) => [a.textContent, a.getAttribute("href"), a.getAttribute("rel")]),
    );
    assert.deepEqual(links, [
      ["Science Daily", "https://www.sciencedaily.com/", "nofollow noopener noreferrer"],
      ["Write to the desk", "mailto:desk@drakx.example", "nofollow noopener noreferrer"],
    ]);
    assert.match(await body.textContent(), /Not a link\./, "a javascript: link is left as text");
    for (const tag of ["script", "iframe", "img", "style", "[onclick]", "[onerror]"]) {
      assert.equal(await body.locator(tag).count(), 0, `no ${tag} in the body`);
    }
    assert.equal(await page.evaluate(() => window.__pwned), undefined, "no script, handler or URL ran");
    assert.deepEqual(await axeViolations(page), []);
    noProblems(page);
    await page.context().close();
  });

  test("an adapter module that can't be loaded is a failure to retry, not a broken page", async () => {
    const page = await env.open(null);
    let failing = true;
    await page.route("**/signal-of-hope-adapt_bg.wasm", (route) => (failing ? route.abort("connectionreset") : route.continue()));
    await page.goto(sites.feed.host.url);
    const alert = page.getByRole("alert");
    await alert.waitFor();
    assert.match(await alert.textContent(), /in another format .*couldn't be loaded/);
    failing = false;
    await page.getByRole("button", { name: "Retry" }).click();
    await page.locator(".card h2").first().waitFor();
    assert.deepEqual(await texts(page, ".card h2"), FEED.items.map((item) => item.title));
    // The aborted request is the browser's own console error; nothing else went wrong.
    assert.deepEqual(page.problems.filter((p) => !/adapt_bg\.wasm|Failed to load resource/.test(p)), []);
    await page.context().close();
  });

  test("a JSON Feed's tags are pillars with their own pages", async () => {
    const page = await open("feed", "pillars/energy-infrastructure");
    await settled(page);
    assert.equal(await text(page, "h1"), "Energy & Infrastructure");
    assert.deepEqual(await texts(page, ".card h2"), FEED.items.map((item) => item.title));
    noProblems(page);
    await page.context().close();
  });

  test("a folder whose index is a JSON Feed: a shared link still opens the article", async () => {
    const page = await open("feedFolder", ARTICLE);
    await assertReferenceLayout(page);
    // The article page alone finds no article document (404) and hands the page to the whole
    // app (src/source/whole_app.rs), which asks again and then reads the index that carries it.
    assert.deepEqual(page.builds, ["article", "whole"]);
    assert.deepEqual(
      page.json.map((r) => r.path),
      [`/feed-folder${ARTICLE_JSON}`, `/feed-folder${ARTICLE_JSON}`, "/feed-folder/articles.json"],
      "no article document (404), so the index, which carries it",
    );
    // A reload of that entry loads the whole app at once: the entry is marked.
    const before = page.builds.length;
    await page.reload();
    await assertReferenceLayout(page);
    assert.equal(await page.evaluate(() => history.state), "signal:whole-app");
    assert.ok(!page.builds.slice(before).includes("article"), JSON.stringify(page.builds));
    // Once the index is known to carry its articles, no more article documents are asked for.
    await page.locator("a.brand").click();
    await page.locator(".card h2").first().waitFor();
    const fromFeed = page.json.length;
    await page.getByRole("link", { name: FEED.items[1].title }).click();
    await page.locator("h1", { hasText: FEED.items[1].title }).waitFor();
    assert.deepEqual(page.json.slice(fromFeed), [], "the article is in the feed the page read");
    noProblems(page);
    await page.context().close();
  });

  test("a folder whose article documents are in another format: the whole app reads them", async () => {
    const page = await open("foreignFolder", ARTICLE);
    await assertReferenceLayout(page);
    assert.deepEqual(page.builds, ["article", "whole"]);
    assert.deepEqual(
      page.json.map((r) => r.path),
      [`/foreign-folder${ARTICLE_JSON}`, `/foreign-folder${ARTICLE_JSON}`],
      "the article page alone hands over on seeing a JSON Feed, without the adapter module",
    );
    assert.deepEqual(page.adapter, ["signal-of-hope-adapt.js", "signal-of-hope-adapt_bg.wasm"]);
    noProblems(page);
    await page.context().close();
  });

  test("a JSON Feed in pages: Load more follows next_url, and a later item opens from memory", async () => {
    const page = await open("paged", "");
    await settled(page);
    assert.deepEqual(await texts(page, ".card h2"), [FEED.items[0].title]);
    await page.getByRole("button", { name: "Load more" }).click();
    await page.locator(".card").nth(1).waitFor();
    assert.deepEqual(await texts(page, ".card h2"), FEED.items.map((item) => item.title));
    await page.getByRole("link", { name: FEED.items[1].title }).click();
    await page.locator("h1", { hasText: FEED.items[1].title }).waitFor();
    assert.deepEqual(page.json.map((r) => r.path), ["/paged/feed.json", "/paged/feed-2.json"]);
    noProblems(page);
    await page.context().close();
  });

  test("schema.org NewsArticle JSON-LD", async () => {
    const page = await open("jsonld", "");
    await settled(page);
    assert.equal((await texts(page, ".card h2")).length, 2, "two NewsArticles in the @graph");
    await page.goto(sites.jsonld.host.url + ARTICLE);
    await assertReferenceLayout(page);
    assert.deepEqual(await texts(page, ".article-body > p"), REFERENCE.body, "articleBody's paragraphs");
    assert.equal((await text(page, ".sources")).replace(/\s+/g, " "), "reported via Science Daily");
    assert.deepEqual(await page.locator(".sources a").getAttribute("href"), "https://www.sciencedaily.com/");
    assert.ok(page.json.every((r) => r.path === "/news.jsonld" && r.encoding === "gzip"), JSON.stringify(page.json));
    noProblems(page);
    await screenshot(page, "article-from-json-ld-1280");
    await page.context().close();
  });
});

describe("faults a backend can have (Python fault server)", () => {
  /** The reader deployed against the fault server; the article's error panel text. */
  async function articleError({ expectedConsole = null } = {}) {
    const page = await env.open(null);
    await page.goto(faulty.host.url + ARTICLE);
    await page.locator(".notice").waitFor();
    const message = (await page.locator("main").textContent()).replace(/\s+/g, " ");
    // Chromium logs the refusal it was provoked into; nothing else may appear.
    if (expectedConsole) page.problems = page.problems.filter((p) => !expectedConsole.test(p));
    noProblems(page);
    await page.context().close();
    return message;
  }
  let faulty;

  before(async () => {
    const site = await deploySite(DIST, env.api.url);
    faulty = { site, host: await startStaticHost({ root: site.dir }) };
    sites.faulty = faulty;
  });

  test("a missing CORS header is named, not reported as a network failure", async () => {
    await env.api.reset();
    await env.api.noCors(ARTICLE_JSON);
    const message = await articleError({ expectedConsole: /blocked by CORS policy/ });
    assert.match(message, /Couldn't load this article/);
    assert.match(message, /did not allow this site to read its answer/);
    assert.match(message, /Access-Control-Allow-Origin/);
  });

  test("an unreachable server is still a network failure", async () => {
    await env.api.reset();
    // The request and the reader's follow-up probe both fail.
    await env.api.drop(ARTICLE_JSON, { times: 2 });
    const message = await articleError();
    assert.match(message, /Couldn't reach the server/);
  });

  test("JSON served as text/html is still read", async () => {
    await env.api.reset();
    await env.api.contentType(ARTICLE_JSON, "text/html; charset=utf-8");
    const page = await env.open(null);
    await page.goto(faulty.host.url + ARTICLE);
    await page.locator("article.article h1").waitFor();
    assert.equal(await text(page, "h1"), REFERENCE.headline);
    noProblems(page);
    await page.context().close();
  });

  test("an HTML page instead of JSON gets a message that says so", async () => {
    await env.api.reset();
    await env.api.respond(ARTICLE_JSON, {
      body: "<!doctype html><title>Sign in</title><p>Please sign in</p>",
      contentType: "text/html; charset=utf-8",
    });
    const message = await articleError();
    assert.match(message, /This article can't be displayed/);
    assert.match(message, /The server sent text\/html instead of JSON/);
  });

  test("a later contract version is refused with a clear message", async () => {
    await env.api.reset();
    await env.api.respond(ARTICLE_JSON, {
      body: { ...REFERENCE, version: 2 },
    });
    const message = await articleError();
    assert.match(message, /version: this document is written for contract version 2/);
  });

  test("a stalled response is given up after the configured timeout, and Retry works", async () => {
    // A reader deployed with a 2-second request timeout (the default is 20).
    const site = await deploySite(DIST, env.api.url);
    for (const file of ["index.html", "404.html"]) {
      const path = join(site.dir, file);
      const html = await readFile(path, "utf8");
      await writeFile(path, html.replace("</head>", '<meta name="signal:request-timeout" content="2" /></head>'));
    }
    sites.impatient = { site, host: await startStaticHost({ root: site.dir }) };
    await env.api.reset();
    const release = env.api.hold(ARTICLE_JSON);
    const page = await env.open(null);
    await page.goto(sites.impatient.host.url + ARTICLE);
    await page.locator(".notice").waitFor();
    assert.match(await text(page, ".notice h1"), /Couldn't load this article/);
    assert.match(await text(page, ".notice .problem"), /did not answer within 2 seconds/);
    await release();
    await page.getByRole("button", { name: "Retry" }).click();
    await page.locator("article.article h1").waitFor();
    assert.equal(await text(page, "h1"), REFERENCE.headline);
    noProblems(page);
    await page.context().close();
  });

  test("a rejected document names the offending field by its path", async () => {
    await env.api.reset();
    const pillars = [...REFERENCE.pillars, { slug: "third", name: 3 }];
    await env.api.respond(ARTICLE_JSON, { body: { ...REFERENCE, pillars } });
    const message = await articleError();
    assert.match(message, /pillars\[2\]\.name: expected a string, found the number 3/);
  });
});
