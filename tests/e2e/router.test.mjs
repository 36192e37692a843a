// The app's own router (src/router.rs) and the early request for a page's JSON
// (public/boot.js): which clicks it takes, what it leaves to the browser, and that a cold
// load asks for the article once, before the wasm has finished downloading.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import {
  NEEDS_REQUEST,
  REFERENCE,
  REFERENCE_SLUG,
  eventually,
  noProblems,
  setUp,
  settled,
  text,
} from "./harness.mjs";

describe("the router", () => {
  let env;
  before(async () => {
    env = await setUp();
  });
  after(async () => {
    await env?.tearDown();
  });

  /** Marks the current document, so a full load (which loses the mark) can be told apart. */
  const mark = (page) => page.evaluate(() => (window.sameDocument = true));
  const sameDocument = (page) => page.evaluate(() => window.sameDocument === true);

  test("follows links to its pages without reloading, and starts each page at the top", async () => {
    const page = await env.open("");
    await page.locator(".card").first().waitFor();
    await mark(page);
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await page.locator(".card .badge", { hasText: "Energy & Infrastructure" }).first().click();
    await eventually(() => text(page, "main h1"), "Energy & Infrastructure");
    assert.equal(await page.evaluate(() => window.scrollY), 0, "a new page starts at the top");
    await page.locator(`.card h2 a[href$="${REFERENCE_SLUG}"]`).click();
    await eventually(() => text(page, "main h1"), REFERENCE.headline);
    await page.locator("header .brand").click();
    await eventually(() => text(page, "main h1"), "Latest analysis");
    await page.goBack();
    await eventually(() => text(page, "main h1"), REFERENCE.headline);
    await page.goForward();
    await eventually(() => text(page, "main h1"), "Latest analysis");
    assert.ok(await sameDocument(page), "every step stayed in one document");
    noProblems(page);
    await page.context().close();
  });

  test("leaves other links to the browser: files, other sites, new tabs, jumps in the page", async () => {
    const page = await env.open("");
    await page.locator(".card").first().waitFor();
    // The test's links go into the app's page: on a prerendered page, once the app has taken
    // it over (it replaces the prerendered <main>, and a link added to that one with it).
    await settled(page);
    const addLink = (href, attrs = {}) =>
      page.evaluate(
        ([href, attrs]) => {
          const a = Object.assign(document.createElement("a"), { href, textContent: `link ${href}` });
          for (const [k, v] of Object.entries(attrs)) a.setAttribute(k, v);
          a.id = "test-link";
          document.getElementById("test-link")?.remove();
          document.querySelector("main").prepend(a);
        },
        [href, attrs],
      );

    // A file under the site (the embed self-test page) is a full load, not an app page.
    await mark(page);
    await addLink("/embed/check/");
    await Promise.all([page.waitForURL("**/embed/check/"), page.click("#test-link")]);
    assert.equal(await sameDocument(page), false, "the embed self-test page loaded as a document");

    // A modified click opens a new tab and leaves this one alone.
    await page.goto(env.host.url);
    await page.locator(".card").first().waitFor();
    await settled(page);
    await mark(page);
    const [popup] = await Promise.all([
      page.context().waitForEvent("page"),
      page.locator(".card .badge").first().click({ modifiers: ["Control"] }),
    ]);
    await popup.waitForLoadState();
    assert.equal(new URL(page.url()).pathname, "/", "this tab stays on the feed");
    assert.ok(await sameDocument(page));
    await popup.close();

    // target=_blank and download are the browser's.
    await addLink("/pillars/energy-infrastructure", { target: "_blank" });
    const [tab] = await Promise.all([page.context().waitForEvent("page"), page.click("#test-link")]);
    await tab.close();
    assert.equal(new URL(page.url()).pathname, "/");

    // The skip link jumps within the page: the page stays.
    await page.locator(".skip-link").focus();
    await page.keyboard.press("Enter");
    await eventually(() => page.evaluate(() => document.activeElement?.id), "main");
    assert.equal(await text(page, "main h1"), "Latest analysis");
    assert.ok(await sameDocument(page));
    await page.context().close();
  });
});

describe("the page's JSON is requested before the app starts", () => {
  let env;
  before(async () => {
    env = await setUp();
  });
  after(async () => {
    await env?.tearDown();
  });

  /** The resource timings of the article JSON and the wasm, after a cold load. */
  const timings = (page, slug) =>
    page.evaluate((slug) => {
      const entries = performance.getEntriesByType("resource");
      const json = entries.find((e) => e.name.endsWith(`/articles/${slug}.json`));
      const wasm = entries.find((e) => e.name.endsWith("_bg.wasm"));
      return { jsonStart: json?.startTime, wasmEnd: wasm?.responseEnd };
    }, slug);

  test("an article: one request, started while the wasm downloads", { skip: NEEDS_REQUEST }, async () => {
    const page = await env.open(null);
    // A slow link (250 KB/s), so that the wasm takes a while to arrive, as on a phone.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send("Network.emulateNetworkConditions", {
      offline: false,
      latency: 40,
      downloadThroughput: 250 * 1024,
      uploadThroughput: 250 * 1024,
    });
    await page.goto(`${env.host.url}articles/${REFERENCE_SLUG}`);
    await eventually(() => text(page, "main h1"), REFERENCE.headline);
    const { jsonStart, wasmEnd } = await timings(page, REFERENCE_SLUG);
    assert.ok(jsonStart !== undefined && wasmEnd !== undefined, "both requests are in the timeline");
    assert.ok(jsonStart < wasmEnd, `the JSON request (${jsonStart} ms) starts before the wasm has arrived (${wasmEnd} ms)`);
    assert.equal(await env.api.count(`/articles/${REFERENCE_SLUG}.json`), 1, "the app used the early request");
    noProblems(page);
    await page.context().close();
  });

  test("an article whose JSON came before the wasm is in the app's first frame, with no placeholder", { skip: NEEDS_REQUEST }, async () => {
    const page = await env.open(null);
    // Before every frame (animation frame callbacks run just before the paint): whether the
    // loading placeholder or the headline is on the page.
    await page.addInitScript(() => {
      window.frames_ = [];
      const tick = () => {
        window.frames_.push({
          placeholder: document.querySelector(".skeleton, [aria-busy='true']") !== null,
          headline: document.querySelector("article.article h1.headline") !== null,
        });
        requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
    // The wasm is held until the article's JSON has arrived and been read by the page's
    // early request, as on a slow link where the larger download finishes last.
    const jsonArrived = page.waitForEvent("response", (r) => r.url().endsWith(`/articles/${REFERENCE_SLUG}.json`));
    await page.route("**/*_bg.wasm", async (route) => {
      await jsonArrived;
      // Awaited in the page: the body is an ArrayBuffer, which is not sent back here.
      await page.evaluate(async () => {
        await window.__signalPreload?.body;
      });
      await route.continue();
    });
    await page.goto(`${env.host.url}articles/${REFERENCE_SLUG}`);
    await eventually(() => text(page, "main h1"), REFERENCE.headline);
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    const frames = await page.evaluate(() => window.frames_);
    assert.ok(frames.some((f) => f.headline), "the headline was painted");
    assert.deepEqual(frames.filter((f) => f.placeholder), [], "no frame showed the loading placeholder");
    noProblems(page);
    await page.context().close();
  });

  test("an article whose slug holds & + , ; = @ : $ is requested once, however its address is written", async () => {
    // tests/fixtures/api/articles: boot.js and the app must escape the slug alike, or the
    // app cannot take boot.js's request and downloads the document again.
    const slug = "q&a+grid,power;v=2@desk:usd$1";
    const documentPath = `/api/articles/${slug}.json`;
    /** Requests for the article's document, however its URL was escaped. */
    const requests = async () =>
      (await env.api.requests()).filter((path) => decodeURIComponent(path) === documentPath).length;
    for (const address of [slug, encodeURIComponent(slug)]) {
      const before = await requests();
      const page = await env.open(`articles/${address}`);
      await eventually(() => text(page, "main h1"), "Questions & answers: grid power, priced in dollars");
      assert.equal(await requests(), before + 1, `articles/${address}: the app used the early request`);
      noProblems(page);
      await page.context().close();
    }
  });

  test("the feed: the index is requested once; a Retry after a failure asks again", { skip: NEEDS_REQUEST }, async () => {
    await env.api.fail("/articles.json", { status: 500 });
    const before = await env.api.count("/articles.json");
    const page = await env.open("");
    await page.getByRole("button", { name: "Retry" }).waitFor();
    assert.equal(await env.api.count("/articles.json"), before + 1, "one request, the early one");
    await page.getByRole("button", { name: "Retry" }).click();
    await page.locator(".card").first().waitFor();
    assert.equal(await env.api.count("/articles.json"), before + 2, "Retry made a request of its own");
    await page.context().close();
  });
});
