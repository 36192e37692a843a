// Any backend, as found in the wild: every document of the real-world corpus
// (tests/fixtures/wild/, see its SOURCES.md) served on its own origin with its format's
// Content-Type, and the release build pointed at it. What each page must show is what the
// native pipeline makes of the same document (tests/fixtures/wild-expected.json, written by
// crates/model/tests/wild.rs): so this also compares the browser's parsers with the native
// ones over the whole corpus.
import assert from "node:assert/strict";
import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { chromium } from "playwright-core";
import { CHROMIUM_ARGS, DIST, ROOT, deploySite, settled } from "./harness.mjs";
import { startHeaderHost } from "./servers.mjs";

const EXPECTED = JSON.parse(await readFile(join(ROOT, "tests/fixtures/wild-expected.json"), "utf8"));
// WILD_ONLY=<part of a file name>: only those documents (when looking into one).
const ONLY = process.env.WILD_ONLY ?? "";
const API_MARK = "__WILD_DOCUMENT__";

// Documents are checked this many at a time, each worker with its own host of the site.
const WORKERS = 3;

let site;
let hosts = [];
let docs;
let browser;

// The corpus is served at http://wild.example/<file> (Chromium maps the host to our server),
// the URL crates/model/tests/wild.rs resolved the documents' relative links against.
const SERVED_AT = "http://wild.example/";
const BY_FILE = new Map(EXPECTED.map((entry) => [`/${entry.file}`, entry]));

/** Serves each document at `/<file>`, as its format's servers do, with CORS. */
async function startDocuments() {
  const requests = [];
  const server = createServer(async (req, res) => {
    requests.push(req.url);
    const entry = BY_FILE.get(decodeURIComponent(new URL(req.url, "http://localhost").pathname));
    if (!entry) {
      res.writeHead(404, { "access-control-allow-origin": "*" }).end();
      return;
    }
    const body = entry.document ?? (await readFile(join(ROOT, "tests/fixtures/wild", entry.file)));
    res.writeHead(200, {
      "content-type": entry.content_type,
      "access-control-allow-origin": "*",
      "cache-control": "no-store",
    });
    res.end(body);
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  server.unref();
  return {
    requests,
    port: server.address().port,
    url: (entry) => SERVED_AT + entry.file,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

before(async () => {
  docs = await startDocuments();
  // One deployment; each document's test points its signal:api-base at that document.
  site = await deploySite(DIST, API_MARK);
  for (let i = 0; i < WORKERS; i += 1) {
    hosts.push(await startHeaderHost({ root: site.dir, fallback: "404.html", fallbackStatus: 404, substitute: {} }));
  }
  browser = await chromium.launch({
    executablePath: process.env.CHROME_PATH ?? "/usr/bin/chromium",
    args: [...CHROMIUM_ARGS, `--host-resolver-rules=MAP wild.example 127.0.0.1:${docs.port}`],
  });
});

after(async () => {
  await browser?.close();
  await Promise.all(hosts.map((host) => host.close()));
  await docs?.close();
  await site?.remove();
});

const squash = (text) => (text ?? "").replace(/\s+/g, " ").trim();

/**
 * A new page of `host`'s browser context (one per host, so the app's wasm is compiled once
 * per host, not once per document), with its uncaught errors and console errors kept.
 */
async function open(host, path) {
  host.context ??= await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await host.context.newPage();
  page.problems = [];
  page.on("pageerror", (err) => page.problems.push(`uncaught: ${err.message}`));
  page.on("console", (msg) => {
    if (msg.type() === "error" && !/Failed to load resource/.test(msg.text())) page.problems.push(`console: ${msg.text()}`);
  });
  await page.goto(host.url + path.replace(/^\//, ""));
  await settled(page);
  return page;
}

const allText = (page, selector) => page.locator(selector).evaluateAll((els) => els.map((e) => e.textContent));

/** The article page shows what the native pipeline made of the article. */
async function checkArticle(page, article, file) {
  assert.equal(squash(await page.locator("h1.headline").textContent()), squash(article.headline), `${file}: headline`);
  if (article.paragraph !== null) {
    const body = squash(await page.locator(".article-body").textContent());
    assert.ok(body.includes(squash(article.paragraph).slice(0, 200)), `${file}: the first paragraph is in the body`);
  }
  if (article.full_article) {
    const [label, href] = article.full_article;
    const link = page.locator(".full-article a");
    assert.equal(squash(await link.textContent()), label, `${file}: the link to the full article`);
    assert.equal(await link.getAttribute("href"), href, `${file}: where it leads`);
  } else {
    assert.equal(await page.locator(".full-article").count(), 0, `${file}: a body, so no link instead`);
  }
  assert.deepEqual((await allText(page, ".article [role=note] li")).map(squash), article.notices, `${file}: notices`);
  // Contract 1.1 from the foreign format: the hero (its address; the picture's host is not
  // reachable from here), the byline, the language and the update.
  const hero = page.locator(".figure-hero img");
  if (article.image === null) assert.equal(await hero.count(), 0, `${file}: no hero`);
  else assert.equal(await hero.getAttribute("src"), article.image, `${file}: hero`);
  assert.deepEqual((await allText(page, ".byline bdi")).map(squash), article.authors.map(squash), `${file}: byline`);
  assert.equal(await page.locator("article.article").getAttribute("lang"), article.language, `${file}: language`);
  const updated = page.locator(".updated time");
  assert.equal((await updated.count()) ? await updated.getAttribute("datetime") : null, article.updated, `${file}: update`);
}

/** Checks one document on `host`; throws what is wrong. Returns whether it rendered. */
async function checkDocument(host, index, entry) {
  host.substitute[API_MARK] = docs.url(entry);
  const pages = [];
  try {
    const feed = await open(host, "/");
    pages.push(feed);
    if (entry.error !== null) {
      // Nothing a reader could show: the page says why, in the model's words. (Where the XML is
      // not well-formed, the reason after the colon is each parser's own.)
      const shown = squash(await feed.locator(".problem").textContent());
      const [notXml] = entry.error.match(/^the XML is not well-formed: /) ?? [];
      if (notXml) assert.ok(shown.startsWith(notXml) && shown.length > notXml.length, `${entry.file}: ${shown}`);
      else assert.equal(shown, squash(entry.error), `${entry.file}: the error`);
      if (notXml && process.env.WILD_SHOW_ERRORS) console.log(entry.file, shown);
    } else {
      assert.deepEqual((await allText(feed, ".card-headline")).map(squash), entry.cards.map(squash), `${entry.file}: the cards`);
      assert.deepEqual((await allText(feed, ".feed [role=note] li")).map(squash), entry.notices, `${entry.file}: the feed's notice`);
      // The first card opens its article without another request for the document.
      const mine = () => docs.requests.filter((url) => decodeURIComponent(url) === `/${entry.file}`).length;
      const requested = mine();
      await feed.locator(".card-headline a").first().click();
      await feed.waitForURL((url) => url.pathname === entry.article.path);
      await settled(feed);
      await checkArticle(feed, entry.article, entry.file);
      assert.equal(mine(), requested, `${entry.file}: no second request for the document`);
      // A direct link to it works on a fresh load.
      const direct = await open(host, entry.article.path);
      pages.push(direct);
      await checkArticle(direct, entry.article, entry.file);
    }
    for (const page of pages) assert.deepEqual(page.problems, [], `${entry.file}: no uncaught or console errors`);
    return entry.error === null;
  } finally {
    for (const page of pages) await page.close();
  }
}

test(`every document of the corpus renders in Chromium (${EXPECTED.length} documents)`, async (t) => {
  let rendered = 0;
  let refused = 0;
  const failures = [];
  const queue = [...EXPECTED.entries()].filter(([, entry]) => entry.file.includes(ONLY));
  await Promise.all(
    hosts.map(async (host) => {
      for (let next = queue.shift(); next; next = queue.shift()) {
        const [index, entry] = next;
        try {
          if (await checkDocument(host, index, entry)) rendered += 1;
          else refused += 1;
        } catch (err) {
          failures.push(err.message.split("\n")[0]);
        }
      }
    }),
  );
  const summary = `${rendered}/${EXPECTED.length} render; ${refused} say plainly why they cannot be shown`;
  t.diagnostic(summary);
  console.log(`wild corpus: ${summary}`);
  assert.deepEqual(failures.sort(), []);
  if (!ONLY) assert.equal(rendered + refused, EXPECTED.length);
});
