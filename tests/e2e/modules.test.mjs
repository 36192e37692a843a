// The app's two builds (src/app.rs): a first visit to an article loads the article page alone
// (src/bin/article.rs), a smaller wasm; any other address loads the whole app. boot.js chooses
// by the path; the article page leaves its links to other pages to the browser.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import {
  DIST,
  REFERENCE,
  REFERENCE_SLUG,
  bootScriptHash,
  cspViolations,
  deploySite,
  eventually,
  noProblems,
  setUp,
  text,
} from "./harness.mjs";
import { startHeaderHost } from "./servers.mjs";

// Trunk writes its 64-bit hash in hex without leading zeros: 16 digits or fewer.
const ARTICLE_WASM = /^\/signal-of-hope-article-[0-9a-f]{1,16}_bg\.wasm$/;
const WHOLE_WASM = /^\/signal-of-hope-[0-9a-f]{1,16}_bg\.wasm$/;

describe("the article page's own module", () => {
  let env;
  before(async () => {
    env = await setUp();
  });
  after(async () => {
    await env?.tearDown();
  });

  /** The wasm files the site served since `from` (an index into its request log). */
  const wasmSince = (from) => {
    const served = env.host.requests.slice(from);
    return {
      article: served.filter((p) => ARTICLE_WASM.test(p)).length,
      whole: served.filter((p) => WHOLE_WASM.test(p)).length,
    };
  };

  /** A marker in the page's window: gone after a full page load, kept by the app's router. */
  const mark = (page) => page.evaluate(() => (window.__sameDocument = true));
  const sameDocument = (page) => page.evaluate(() => window.__sameDocument === true);

  test("a first visit to an article loads only the article page's module", async () => {
    const from = env.host.requests.length;
    const page = await env.open(`articles/${REFERENCE_SLUG}`);
    await eventually(() => text(page, "main h1"), REFERENCE.headline);
    await page.locator(".article-body").waitFor();
    assert.deepEqual(wasmSince(from), { article: 1, whole: 0 });
    noProblems(page);
    await page.context().close();
  });

  test("a missing article: the article page hands over to the whole app, once, which says so", async () => {
    const from = env.host.requests.length;
    const page = await env.open("articles/no-such-article");
    // The whole app looks in the index too (a feed index would carry the article).
    await eventually(() => text(page, "main h1"), "Article not found");
    assert.deepEqual(wasmSince(from), { article: 1, whole: 1 });
    assert.equal(await page.evaluate(() => history.state), "signal:whole-app");
    // Its links are the whole app's: the feed opens without a page load.
    await mark(page);
    await page.locator("header .brand").click();
    await eventually(() => text(page, "main h1"), "Latest analysis");
    assert.equal(await sameDocument(page), true);
    assert.deepEqual(wasmSince(from), { article: 1, whole: 1 });
    noProblems(page);
    await page.context().close();
  });

  test("the feed and a pillar's page load the whole app", async () => {
    for (const [path, heading] of [
      ["", "Latest analysis"],
      ["pillars/energy-infrastructure", "Energy & Infrastructure"],
    ]) {
      const from = env.host.requests.length;
      const page = await env.open(path);
      await eventually(() => text(page, "main h1"), heading);
      assert.deepEqual(wasmSince(from), { article: 0, whole: 1 }, path);
      noProblems(page);
      await page.context().close();
    }
  });

  test("from the article page, a pillar's page and the feed load with the whole app, and Back returns", async () => {
    const page = await env.open(`articles/${REFERENCE_SLUG}`);
    await page.locator(".article-body").waitFor();
    await mark(page);
    const from = env.host.requests.length;
    await page.locator(".article .badge").last().click();
    await eventually(() => text(page, "main h1"), "Energy & Infrastructure");
    assert.equal(await sameDocument(page), false, "the browser loaded the pillar's page");
    assert.equal(new URL(page.url()).pathname, "/pillars/energy-infrastructure");
    assert.deepEqual(wasmSince(from), { article: 0, whole: 1 });

    // The whole app follows its own links: to an article, then Back to the pillar's page.
    await mark(page);
    await page.locator(".card h2 a").first().click();
    await page.locator(".article-body").waitFor();
    await page.goBack();
    await eventually(() => text(page, "main h1"), "Energy & Infrastructure");
    assert.equal(await sameDocument(page), true, "no page load within the whole app");

    // Back to the first article: loaded again, with the article page's module.
    await page.goBack();
    await eventually(() => text(page, "main h1"), REFERENCE.headline);
    await page.locator(".article-body").waitFor();

    await page.locator("header .brand").click();
    await eventually(() => text(page, "main h1"), "Latest analysis");
    assert.equal(new URL(page.url()).pathname, "/");
    noProblems(page);
    await page.context().close();
  });

  test("an article opened in the whole app stays in it; after a reload, Back loads the feed", async () => {
    const page = await env.open("");
    await page.locator(".card h2 a").first().waitFor();
    await mark(page);
    const from = env.host.requests.length;
    await page.locator(`.card h2 a[href$="/articles/${REFERENCE_SLUG}"]`).click();
    await eventually(() => text(page, "main h1"), REFERENCE.headline);
    assert.equal(await sameDocument(page), true);
    assert.deepEqual(wasmSince(from), { article: 0, whole: 0 }, "nothing more to load");

    // A reload of that address is a first visit to an article.
    await page.reload();
    await eventually(() => text(page, "main h1"), REFERENCE.headline);
    assert.deepEqual(wasmSince(from), { article: 1, whole: 0 });
    // Back to the feed's entry, which the reloaded page did not make: the browser loads it.
    await page.goBack();
    await eventually(() => text(page, "main h1"), "Latest analysis");
    assert.equal(new URL(page.url()).pathname, "/");
    noProblems(page);
    await page.context().close();
  });

  test("under the strict CSP of docs/deploying.md: the inline boot script's hash, no other", async () => {
    const site = await deploySite(DIST, env.api.url);
    const hash = await bootScriptHash(site.dir);
    const policy =
      `default-src 'self'; script-src 'self' '${hash}' 'wasm-unsafe-eval'; ` +
      `style-src 'self'; img-src 'self' data:; connect-src 'self' ${new URL(env.api.url).origin}`;
    const host = await startHeaderHost({
      root: site.dir,
      headers: { "content-security-policy": policy },
      fallback: "index.html",
    });
    try {
      for (const [path, heading] of [
        [`articles/${REFERENCE_SLUG}`, REFERENCE.headline],
        ["", "Latest analysis"],
      ]) {
        const page = await env.open(null);
        const violations = await cspViolations(page);
        await page.goto(host.url + path);
        await eventually(() => text(page, "main h1"), heading, { message: path });
        await page.locator(".article-body, .card").first().waitFor();
        assert.deepEqual(violations, [], path);
        noProblems(page);
        await page.context().close();
      }
    } finally {
      await host.close();
      await site.remove();
    }
  });
});
