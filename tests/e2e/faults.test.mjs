// Faults, end to end: the fault server misbehaving on purpose, for the article page, the feed
// and its Load more. Every case ends in content or a message that says what happened, never a
// skeleton or spinner left on screen; where retrying can help there is a Retry (or Load more),
// and it works once the fault is lifted.
//
// Covered elsewhere, not repeated here: a response that stalls forever ends in "did not answer
// within N seconds" with a working Retry (formats.test.mjs, "a stalled response is given up
// after the configured timeout"); a missing CORS header, JSON served as text/html and an HTML
// page instead of the article (formats.test.mjs, "faults a backend can have"); 503 and a
// dropped connection on the article with Retry (article.test.mjs); a failed Load more
// (site.test.mjs).
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { REFERENCE, REFERENCE_SLUG, ROOT, eventually, noProblems, setUp, text } from "./harness.mjs";

const ARTICLE = `articles/${REFERENCE_SLUG}`;
const ARTICLE_JSON = `/articles/${REFERENCE_SLUG}.json`;
const PAGE1 = JSON.parse(await readFile(join(ROOT, "public/data/articles.json"), "utf8"));
const PAGE2 = JSON.parse(await readFile(join(ROOT, "public/data/pages/2.json"), "utf8"));
const ALL = PAGE1.articles.length + PAGE2.articles.length;

let env;
before(async () => {
  env = await setUp();
});
after(async () => {
  await env?.tearDown();
});

/** Waits until nothing on the page is loading any more: no skeleton, no busy region. */
async function settled(page) {
  await page.waitForFunction(
    () =>
      !document.querySelector(".article-loading, .cards-loading, .skeleton, [aria-busy='true']") &&
      document.querySelector("main .notice, main article.article, main .cards"),
    null,
    { timeout: 15_000 },
  );
}

/** The page's message, white space collapsed. */
const message = async (page) => (await page.locator("main .notice").textContent()).replace(/\s+/g, " ").trim();
const retryButtons = (page) => page.getByRole("button", { name: "Retry" });

/** Only provoked failures may be logged: the requests the test made fail, nothing else. */
function provoked(page, pattern) {
  page.problems = page.problems.filter((p) => !pattern.test(p));
  noProblems(page);
}

/** Opens the article page, waits for its notice, returns { page, text }. */
async function articleNotice() {
  const page = await env.open(ARTICLE);
  await page.locator("main .notice").waitFor();
  await settled(page);
  return { page, text: await message(page) };
}

/** Clicks Retry and waits for the reference article. */
async function retryShowsArticle(page) {
  await retryButtons(page).click();
  await page.locator("article.article h1").waitFor();
  assert.equal(await text(page, "main h1"), REFERENCE.headline);
  await settled(page);
}

describe("the article page", () => {
  test("404: not found, a way back, no Retry", async () => {
    await env.api.reset();
    // Every time: the article page alone hands a missing article over to the whole app
    // (src/source/whole_app.rs), which asks again, and then also looks in the index.
    await env.api.fail(ARTICLE_JSON, { status: 404, times: Infinity });
    const { page, text: shown } = await articleNotice();
    assert.equal(await text(page, "main h1"), "Article not found");
    assert.match(shown, /There is no article at this address/);
    assert.equal(await retryButtons(page).count(), 0);
    assert.equal(await page.getByRole("link", { name: "Back to all articles" }).count(), 1);
    noProblems(page);
    await page.context().close();
  });

  test("410: the article was removed, no Retry", async () => {
    await env.api.reset();
    await env.api.fail(ARTICLE_JSON, { status: 410, times: Infinity });
    const { page, text: shown } = await articleNotice();
    assert.equal(await text(page, "main h1"), "Article removed");
    assert.match(shown, /The article at this address has been removed by its publisher/);
    assert.equal(await retryButtons(page).count(), 0, "retrying cannot bring it back");
    assert.equal(await page.title(), "Article removed · Signal of Hope");
    noProblems(page);
    await page.context().close();
  });

  test("500: a server problem, and Retry works", async () => {
    await env.api.reset();
    await env.api.fail(ARTICLE_JSON, { status: 500 });
    const { page, text: shown } = await articleNotice();
    assert.equal(await text(page, "main h1"), "Couldn't load this article");
    assert.match(shown, /The server had a problem \(HTTP 500\)\. Please try again\./);
    await retryShowsArticle(page);
    noProblems(page);
    await page.context().close();
  });

  test("a Retry that fails again can be retried again (no panic)", async () => {
    await env.api.reset();
    await env.api.fail(ARTICLE_JSON, { status: 503, times: 2 });
    const { page } = await articleNotice();
    await retryButtons(page).click();
    await eventually(() => env.api.count(ARTICLE_JSON), 2);
    await settled(page);
    assert.match(await message(page), /HTTP 503/);
    await retryShowsArticle(page);
    assert.equal(await env.api.count(ARTICLE_JSON), 3);
    noProblems(page);
    await page.context().close();
  });

  test("503 with Retry-After in seconds says when to try again, and Retry works", async () => {
    await env.api.reset();
    await env.api.headers(ARTICLE_JSON, { "Retry-After": "120" });
    await env.api.fail(ARTICLE_JSON, { status: 503 });
    const { page, text: shown } = await articleNotice();
    assert.match(shown, /The server is unavailable for now \(HTTP 503\)\. It asks to be tried again in 2 minutes\./);
    await retryShowsArticle(page);
    noProblems(page);
    await page.context().close();
  });

  test("503 with Retry-After as an HTTP-date says when to try again", async () => {
    await env.api.reset();
    // An hour from now, to the second; the page reads it with the same clock.
    const at = new Date(Math.floor(Date.now() / 1000) * 1000 + 3_600_000).toUTCString();
    await env.api.headers(ARTICLE_JSON, { "Retry-After": at });
    await env.api.fail(ARTICLE_JSON, { status: 503 });
    const { page, text: shown } = await articleNotice();
    assert.match(shown, /\(HTTP 503\)\. It asks to be tried again in 1 hour\./, at);
    assert.equal(await retryButtons(page).count(), 1);
    noProblems(page);
    await page.context().close();
  });

  test("a Retry-After the API does not expose through CORS is not read; Retry is still offered", async () => {
    await env.api.reset();
    await env.api.headers(ARTICLE_JSON, { "Retry-After": "120" }, { expose: false });
    await env.api.fail(ARTICLE_JSON, { status: 503 });
    const { page, text: shown } = await articleNotice();
    assert.match(shown, /The server had a problem \(HTTP 503\)\. Please try again\./);
    await retryShowsArticle(page);
    await page.context().close();
  });

  test("429 with Retry-After: refused for now, when to retry, and Retry works", async () => {
    await env.api.reset();
    await env.api.headers(ARTICLE_JSON, { "Retry-After": "5" });
    await env.api.fail(ARTICLE_JSON, { status: 429 });
    const { page, text: shown } = await articleNotice();
    assert.match(shown, /The request was refused \(HTTP 429\)\. The server asks to be tried again in 5 seconds\./);
    await retryShowsArticle(page);
    noProblems(page);
    await page.context().close();
  });

  test("a connection reset: couldn't reach the server, and Retry works", async () => {
    await env.api.reset();
    // The request and the reader's two follow-up probes (CORS? redirects?) are all reset.
    await env.api.rst(ARTICLE_JSON, { times: 3 });
    const { page, text: shown } = await articleNotice();
    assert.match(shown, /Couldn't reach the server\. Check your connection and try again\./);
    await retryShowsArticle(page);
    noProblems(page);
    await page.context().close();
  });

  test("a body cut off mid-JSON (a short but complete answer) says so, and Retry works", async () => {
    await env.api.reset();
    await env.api.truncate(ARTICLE_JSON, { bytes: 300, times: 1 });
    const { page, text: shown } = await articleNotice();
    assert.equal(await text(page, "main h1"), "Couldn't load this article");
    assert.match(shown, /The server's answer was cut off after 300 bytes, before the end of its JSON document/);
    await retryShowsArticle(page);
    noProblems(page);
    await page.context().close();
  });

  test("a connection that breaks mid-body says the answer is incomplete, and Retry works", async () => {
    await env.api.reset();
    await env.api.truncate(ARTICLE_JSON, { bytes: 300, lie: true, times: 1 });
    const { page, text: shown } = await articleNotice();
    assert.match(shown, /The connection broke while the server's answer was arriving/);
    await retryShowsArticle(page);
    noProblems(page);
    await page.context().close();
  });

  test("an empty body says the answer was empty", async () => {
    await env.api.reset();
    await env.api.respond(ARTICLE_JSON, { body: "" });
    const { page, text: shown } = await articleNotice();
    assert.match(shown, /The server's answer was empty/);
    await env.api.reset();
    await retryShowsArticle(page);
    await page.context().close();
  });

  test("a redirect loop is named; retrying would not help", async () => {
    await env.api.reset();
    await env.api.redirect(ARTICLE_JSON);
    const { page, text: shown } = await articleNotice();
    assert.equal(await text(page, "main h1"), "Couldn't load this article");
    assert.match(shown, /The server redirected the request in a loop \(or too many times\)/);
    assert.equal(await retryButtons(page).count(), 0);
    assert.equal(await page.getByRole("link", { name: "Back to all articles" }).count(), 1);
    // Once the operator fixes it, opening the article again works.
    await env.api.reset();
    await page.reload();
    await page.locator("article.article h1").waitFor();
    provoked(page, /ERR_TOO_MANY_REDIRECTS/);
    await page.context().close();
  });

  /** A 503 first (the app loads online), then the network goes away and Retry is clicked. */
  async function retryWhileOffline() {
    await env.api.reset();
    await env.api.fail(ARTICLE_JSON, { status: 503 });
    const page = await env.open(ARTICLE);
    await page.locator("main .notice").waitFor();
    await page.context().setOffline(true);
    let failures = 0;
    page.on("requestfailed", (r) => (failures += r.url().endsWith(ARTICLE_JSON) ? 1 : 0));
    await retryButtons(page).click();
    // The request and the reader's two probes (is it CORS? a redirect loop?) have all failed:
    // the retry is over.
    await eventually(() => failures, 3);
    await settled(page);
    return page;
  }

  test("offline, then back online: Retry shows the article", async () => {
    const page = await retryWhileOffline();
    // Still a message with Retry, not a skeleton.
    assert.equal(await retryButtons(page).count(), 1);
    await page.context().setOffline(false);
    await retryShowsArticle(page);
    provoked(page, /ERR_INTERNET_DISCONNECTED/);
    await page.context().close();
  });

  test("a Retry that fails for another reason (offline) shows that reason", async () => {
    const page = await retryWhileOffline();
    await eventually(() => message(page).then((m) => /Couldn't reach the server/.test(m)), true);
    await page.context().close();
  });

  test("a Retry that ends in a 404 shows not found, in the panel and the title", async () => {
    await env.api.reset();
    await env.api.fail(ARTICLE_JSON, { status: 503 });
    const page = await env.open(ARTICLE);
    await page.locator("main .notice").waitFor();
    await env.api.fail(ARTICLE_JSON, { status: 404, times: Infinity });
    await retryButtons(page).click();
    await eventually(() => text(page, "main h1"), "Article not found");
    await eventually(() => page.title().then((t) => t.startsWith("Article not found")), true);
    assert.equal(await retryButtons(page).count(), 0);
    await page.context().close();
  });

  test("a document past the 32 MB limit is refused before it is read", async () => {
    await env.api.reset();
    // Served uncompressed, so its Content-Length gives it away before the body is read.
    const big = JSON.stringify({ ...REFERENCE, summary: "x".repeat(33 * 1024 * 1024) });
    await env.api.respond(ARTICLE_JSON, { body: big });
    const { page, text: shown } = await articleNotice();
    assert.equal(await text(page, "main h1"), "This article can't be displayed");
    assert.match(shown, /larger than the 32 MB this reader reads/);
    assert.equal(await retryButtons(page).count(), 0, "asking again cannot help");
    noProblems(page);
    await page.context().close();
  });
});

describe("the feed", () => {
  test("503 on the first page: a message and a Retry that works", async () => {
    await env.api.reset();
    await env.api.fail("/articles.json", { status: 503 });
    const page = await env.open("");
    await page.locator("main .notice").waitFor();
    await settled(page);
    assert.equal(await text(page, "main .notice h1"), "Couldn't load this feed");
    assert.match(await message(page), /HTTP 503/);
    await retryButtons(page).click();
    await eventually(() => page.locator(".card").count(), PAGE1.articles.length);
    await settled(page);
    noProblems(page);
    await page.context().close();
  });

  test("410 on the first page: the feed was removed, no Retry", async () => {
    await env.api.reset();
    await env.api.fail("/articles.json", { status: 410 });
    const page = await env.open("");
    await page.locator("main .notice").waitFor();
    assert.equal(await text(page, "main .notice h1"), "Feed removed");
    assert.equal(await retryButtons(page).count(), 0);
    noProblems(page);
    await page.context().close();
  });

  test("an HTML page instead of the index says so", async () => {
    await env.api.reset();
    await env.api.respond("/articles.json", {
      body: "<!doctype html><title>Maintenance</title><p>Back soon</p>",
      contentType: "text/html; charset=utf-8",
    });
    const page = await env.open("");
    await page.locator("main .notice").waitFor();
    assert.equal(await text(page, "main .notice h1"), "This feed can't be displayed");
    assert.match(await message(page), /The server sent text\/html instead of JSON/);
    noProblems(page);
    await page.context().close();
  });

  /** The feed with its first page shown, then Load more clicked once. */
  async function loadMore() {
    const page = await env.open("");
    await page.locator(".card").first().waitFor();
    await page.getByRole("button", { name: "Load more" }).click();
    return page;
  }

  async function moreError(page) {
    await page.locator(".more-error").waitFor();
    await settled(page);
    assert.equal(await page.locator(".card").count(), PAGE1.articles.length, "the cards shown stay");
    return (await text(page, ".more-error")).replace(/\s+/g, " ");
  }

  async function loadMoreWorks(page) {
    await page.getByRole("button", { name: "Load more" }).click();
    await eventually(() => page.locator(".card").count(), ALL);
    await settled(page);
    assert.equal(await page.locator(".more-error").count(), 0);
  }

  test("Load more: a later page that is gone (410) is named, and Load more goes away", async () => {
    await env.api.reset();
    await env.api.fail("/pages/2.json", { status: 410 });
    const page = await loadMore();
    assert.match(await moreError(page), /removed by its publisher/);
    await eventually(() => page.getByRole("button", { name: "Load more" }).count(), 0);
    assert.equal(await page.locator(".card").count(), PAGE1.articles.length);
    await page.context().close();
  });

  test("Load more: a page without CORS is named, and Load more retries it", async () => {
    await env.api.reset();
    // The request and the reader's no-cors probe.
    await env.api.noCors("/pages/2.json", { times: 2 });
    const page = await loadMore();
    assert.match(await moreError(page), /did not allow this site to read its answer/);
    await loadMoreWorks(page);
    provoked(page, /blocked by CORS policy/);
    await page.context().close();
  });

  test("Load more: a body cut off mid-JSON says so, and Load more retries it", async () => {
    await env.api.reset();
    await env.api.truncate("/pages/2.json", { bytes: 40, times: 1 });
    const page = await loadMore();
    assert.match(await moreError(page), /cut off after 40 bytes/);
    await loadMoreWorks(page);
    noProblems(page);
    await page.context().close();
  });

  test("Load more: 503 with Retry-After says when, and Load more retries it", async () => {
    await env.api.reset();
    await env.api.headers("/pages/2.json", { "Retry-After": "30" });
    await env.api.fail("/pages/2.json", { status: 503 });
    const page = await loadMore();
    assert.match(await moreError(page), /Couldn't load more articles\. The server is unavailable for now \(HTTP 503\)\. It asks to be tried again in 30 seconds\./);
    await loadMoreWorks(page);
    noProblems(page);
    await page.context().close();
  });

  test("Load more while offline, then online again", async () => {
    await env.api.reset();
    const page = await env.open("");
    await page.locator(".card").first().waitFor();
    await settled(page);
    await page.context().setOffline(true);
    await page.getByRole("button", { name: "Load more" }).click();
    assert.match(await moreError(page), /Couldn't reach the server/);
    await page.context().setOffline(false);
    await loadMoreWorks(page);
    provoked(page, /ERR_INTERNET_DISCONNECTED/);
    await page.context().close();
  });

  test("a first page whose `next` is itself: no Load more, no loop", async () => {
    await env.api.reset();
    await env.api.respond("/articles.json", { body: { ...PAGE1, next: "articles.json" } });
    const page = await env.open("");
    await page.locator(".card").first().waitFor();
    await settled(page);
    assert.equal(await page.locator(".card").count(), PAGE1.articles.length);
    assert.equal(await page.getByRole("button", { name: "Load more" }).count(), 0);
    assert.equal(await env.api.count("/articles.json"), 1, "read once");
    noProblems(page);
    await page.context().close();
  });

  for (const [name, next] of [
    ["itself", "2.json"],
    ["the first page", "../articles.json"],
    ["itself under another URL (a pager that ignores its query)", "2.json?page=3"],
  ]) {
    test(`a later page whose \`next\` leads to ${name}: Load more ends, no duplicates`, async () => {
      await env.api.reset();
      await env.api.respond("/articles.json", { body: { ...PAGE1, next: "pages/2.json" } });
      await env.api.respond("/pages/2.json", { body: { ...PAGE2, next } });
      const page = await loadMore();
      await eventually(() => page.locator(".card").count(), ALL);
      await settled(page);
      if (next.includes("?")) {
        // A new URL could hold new articles, so it is offered once; it repeats the page, so
        // the index ends there.
        await page.getByRole("button", { name: "Load more" }).click();
        await eventually(() => env.api.count("/pages/2.json"), 2);
        await settled(page);
      }
      await eventually(() => page.getByRole("button", { name: "Load more" }).count(), 0, { message: "nothing more to load" });
      assert.equal(await page.locator(".card").count(), ALL);
      const slugs = await page.locator(".card h2 a").evaluateAll((as) => as.map((a) => a.getAttribute("href")));
      assert.equal(new Set(slugs).size, slugs.length, "each article once");
      assert.equal(await env.api.count("/pages/2.json"), next.includes("?") ? 2 : 1);
      assert.equal(await env.api.count("/articles.json"), 1);
      noProblems(page);
      await page.context().close();
    });
  }

  test("a pager that serves the first page again under every URL ends after one Load more", async () => {
    await env.api.reset();
    // `?page=N` is ignored by this server: every page is the first page, with a new `next`.
    await env.api.respond("/articles.json", { body: { ...PAGE1, next: "pages/2.json" } });
    await env.api.respond("/pages/2.json", { body: { ...PAGE1, next: "2.json?page=3" } });
    const page = await loadMore();
    await settled(page);
    await eventually(() => page.getByRole("button", { name: "Load more" }).count(), 0);
    assert.equal(await page.locator(".card").count(), PAGE1.articles.length, "no duplicates");
    assert.equal(await env.api.count("/pages/2.json"), 1);
    noProblems(page);
    await page.context().close();
  });
});
