// WordPress's REST API and Ghost's Content API as API bases, addressed as their users know
// them (signal:api-base = the posts endpoint). A small server answers like each API, with
// real responses from the corpus (tests/fixtures/wild/): the list of posts, page by page
// (WordPress: Link and X-WP-TotalPages headers; Ghost: meta.pagination), and one post by
// slug (WordPress: ?slug=; Ghost: posts/slug/<slug>/). Checks that a direct link asks for
// that one post, that Load more follows each API's paging and stops at its end, and that a
// card opens its article without a request.
import assert from "node:assert/strict";
import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { DIST, ROOT, deploySite, eventually, noProblems, settled, startStaticHost, texts } from "./harness.mjs";
import { chromium } from "playwright-core";
import { CHROMIUM_ARGS } from "./harness.mjs";

const wild = async (file) => JSON.parse(await readFile(join(ROOT, "tests/fixtures/wild", file), "utf8"));
const WP_PAGES = [
  await wild("wordpress/frontity-demo-worona-posts-category-7-embed.json"),
  await wild("wordpress/frontity-test-posts-embed.json"),
];
const GHOST_PAGES = [await wild("ghost/algolia-ghost6-posts-page-1.json"), await wild("ghost/algolia-ghost6-posts-page-2.json")];
const GHOST_KEY = "22444f78447824223cefc48062";

/** Answers like WordPress and Ghost do, on one origin, with CORS as each sends it. */
async function startPostsApis() {
  const requests = [];
  const server = createServer((req, res) => {
    const url = new URL(req.url, "http://localhost");
    requests.push(url.pathname + url.search);
    const json = (status, body, headers = {}) => {
      res.writeHead(status, { "content-type": "application/json; charset=UTF-8", ...headers });
      res.end(JSON.stringify(body));
    };
    if (url.pathname === "/wp-json/wp/v2/posts") {
      // WordPress (wp-includes/rest-api.php, class-wp-rest-server.php): the caller's origin,
      // and the paging headers exposed to it.
      const cors = {
        "access-control-allow-origin": req.headers.origin ?? "*",
        "access-control-expose-headers": "X-WP-Total, X-WP-TotalPages, Link",
      };
      const slug = url.searchParams.get("slug");
      if (slug !== null) return json(200, WP_PAGES.flat().filter((p) => p.slug === slug), cors);
      const page = Number(url.searchParams.get("page") ?? "1");
      if (!(page >= 1 && page <= WP_PAGES.length)) {
        return json(400, { code: "rest_post_invalid_page_number", message: "The page number requested is larger than the number of pages available.", data: { status: 400 } }, cors);
      }
      const headers = { ...cors, "x-wp-total": String(WP_PAGES.flat().length), "x-wp-totalpages": String(WP_PAGES.length) };
      if (page < WP_PAGES.length) {
        const next = new URL(url);
        next.searchParams.set("page", String(page + 1));
        headers.link = `<http://${req.headers.host}${next.pathname}${next.search}>; rel="next"`;
      }
      return json(200, WP_PAGES[page - 1], headers);
    }
    const ghost = /^\/ghost\/api\/content\/posts\/(?:slug\/([^/]+)\/)?$/.exec(url.pathname);
    if (ghost) {
      // Ghost (core/server/web/api/endpoints/content/middleware.js): CORS for any origin,
      // after the key is checked.
      if (url.searchParams.get("key") !== GHOST_KEY) return json(401, { errors: [{ message: "Unknown Content API Key" }] });
      const cors = { "access-control-allow-origin": "*" };
      if (ghost[1] !== undefined) {
        const post = GHOST_PAGES.flatMap((p) => p.posts).find((p) => p.slug === decodeURIComponent(ghost[1]));
        return post ? json(200, { posts: [post] }, cors) : json(404, { errors: [{ message: "Resource not found" }] }, cors);
      }
      const page = Number(url.searchParams.get("page") ?? "1");
      return json(200, GHOST_PAGES[page - 1] ?? { posts: [], meta: { pagination: { page, next: null } } }, cors);
    }
    res.writeHead(404).end();
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  server.unref();
  return { origin: `http://127.0.0.1:${server.address().port}`, requests, close: () => new Promise((r) => server.close(r)) };
}

let api;
let browser;
const sites = {};

before(async () => {
  api = await startPostsApis();
  browser = await chromium.launch({ executablePath: process.env.CHROME_PATH ?? "/usr/bin/chromium", args: CHROMIUM_ARGS });
  for (const [name, base] of [
    ["wordpress", `${api.origin}/wp-json/wp/v2/posts`],
    ["ghost", `${api.origin}/ghost/api/content/posts/?key=${GHOST_KEY}&include=tags,authors`],
  ]) {
    const site = await deploySite(DIST, base.replaceAll("&", "&amp;"));
    sites[name] = { site, host: await startStaticHost({ root: site.dir }) };
  }
});

after(async () => {
  await browser?.close();
  for (const { site, host } of Object.values(sites)) {
    await host.close();
    await site.remove();
  }
  await api?.close();
});

async function open(name, path) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  page.problems = [];
  page.on("pageerror", (err) => page.problems.push(`uncaught: ${err.message}`));
  page.on("console", (msg) => {
    if (msg.type() === "error" && !/Failed to load resource/.test(msg.text())) page.problems.push(`console: ${msg.text()}`);
  });
  await page.goto(sites[name].host.url + path);
  await settled(page);
  return page;
}

/** The API requests made while `action` runs. */
async function requestsDuring(action) {
  const before = api.requests.length;
  await action();
  return api.requests.slice(before);
}

describe("WordPress REST API", () => {
  const first = WP_PAGES[0][0];
  const later = WP_PAGES[1][2];

  test("the posts endpoint is the feed; Load more follows the Link header and stops at the last page", async () => {
    let page;
    const made = await requestsDuring(async () => {
      page = await open("wordpress", "");
      await eventually(async () => (await texts(page, ".card-headline")).length, WP_PAGES[0].length);
    });
    assert.deepEqual(made, ["/wp-json/wp/v2/posts?_embed=wp:term,wp:featuredmedia,author"]);
    const more = await requestsDuring(async () => {
      await page.getByRole("button", { name: "Load more" }).click();
      await eventually(async () => (await texts(page, ".card-headline")).length, WP_PAGES.flat().length);
      await eventually(async () => page.getByRole("button", { name: "Load more" }).count(), 0);
    });
    // The Link header's target, as WordPress writes it (its query encoded), and no page past
    // the last.
    assert.deepEqual(more, ["/wp-json/wp/v2/posts?_embed=wp%3Aterm%2Cwp%3Afeaturedmedia%2Cauthor&page=2"]);
    // Titles are WordPress's rendered HTML, decoded once.
    assert.ok((await texts(page, ".card-headline")).includes(later.title.rendered.replace(/&#8217;/g, "\u2019")));
    noProblems(page);
    await page.context().close();
  });

  test("a card opens its post without a request; a direct link asks for that one post", async () => {
    const page = await open("wordpress", "");
    const opened = await requestsDuring(async () => {
      await page.locator(".card-headline a", { hasText: first.title.rendered }).click();
      await page.waitForURL((url) => url.pathname === `/articles/${first.slug}`);
      await settled(page);
    });
    assert.deepEqual(opened, []);
    assert.equal((await page.locator("h1.headline").textContent()).trim(), first.title.rendered);
    await page.context().close();

    let direct;
    const made = await requestsDuring(async () => {
      direct = await open("wordpress", `articles/${later.slug}`);
    });
    assert.deepEqual(made, [`/wp-json/wp/v2/posts?_embed=wp:term,wp:featuredmedia,author&slug=${later.slug}`]);
    assert.ok((await direct.locator(".article-body").textContent()).length > 20, "the post's content");
    noProblems(direct);
    await direct.context().close();
  });

  test("a slug WordPress does not have is a page not found", async () => {
    const page = await open("wordpress", "articles/no-such-post");
    assert.match(await page.locator("main h1").textContent(), /not found|no longer/i);
    await page.context().close();
  });
});

describe("Ghost Content API", () => {
  const [first] = GHOST_PAGES[0].posts;
  const last = GHOST_PAGES[1].posts[0];
  const query = `key=${GHOST_KEY}&include=tags,authors`;

  test("the posts endpoint is the feed; Load more follows meta.pagination and stops", async () => {
    let page;
    const made = await requestsDuring(async () => {
      page = await open("ghost", "");
      await eventually(async () => (await texts(page, ".card-headline")).length, GHOST_PAGES[0].posts.length);
    });
    assert.deepEqual(made, [`/ghost/api/content/posts/?${query}`]);
    const more = await requestsDuring(async () => {
      await page.getByRole("button", { name: "Load more" }).click();
      await eventually(async () => (await texts(page, ".card-headline")).length, GHOST_PAGES[0].posts.length + 1);
      await eventually(async () => page.getByRole("button", { name: "Load more" }).count(), 0);
    });
    assert.deepEqual(more, [`/ghost/api/content/posts/?${query}&page=2`]);
    noProblems(page);
    await page.context().close();
  });

  test("a direct link asks Ghost for that one post by slug", async () => {
    let page;
    const made = await requestsDuring(async () => {
      page = await open("ghost", `articles/${last.slug}`);
    });
    assert.deepEqual(made, [`/ghost/api/content/posts/slug/${last.slug}/?${query}`]);
    assert.equal((await page.locator("h1.headline").textContent()).trim(), last.title);
    noProblems(page);
    await page.context().close();

    const card = await open("ghost", "");
    const opened = await requestsDuring(async () => {
      await card.locator(".card-headline a", { hasText: first.title }).first().click();
      await card.waitForURL((url) => url.pathname === `/articles/${first.slug}`);
      await settled(card);
    });
    assert.deepEqual(opened, []);
    await card.context().close();
  });
});
