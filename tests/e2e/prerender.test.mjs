// Prerendered pages (scripts/prerender, crates/prerender), end to end: the release build with
// the pages written from the end-to-end fixture API, read without JavaScript, by a link-preview
// library, and taken over by the app.
import assert from "node:assert/strict";
import { readFile, readdir, rm } from "node:fs/promises";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { unfurl } from "unfurl.js";
import {
  AXE_SOURCE,
  REFERENCE,
  REFERENCE_SLUG,
  assertReferenceArticle,
  axeViolations,
  eventually,
  noProblems,
  prerender,
  setUp,
  startStaticHost,
  text,
  texts,
} from "./harness.mjs";

const ARTICLE = `articles/${REFERENCE_SLUG}`;
const ARTICLE_JSON = `/articles/${REFERENCE_SLUG}.json`;
let env;
let site;

before(async () => {
  env = await setUp({ prerendered: true });
  site = env.site;
});
after(async () => {
  await env?.tearDown();
});

/** A browser context without JavaScript: what a no-JS reader, a crawler or a reader mode sees. */
async function openWithoutScripts(path, options = {}) {
  return env.open(path, { javaScriptEnabled: false, ...options });
}

/** The page's prerendered HTML, as served, parsed without running it, then shaped (`shapeIn`). */
async function servedShape(page, path, selector) {
  const html = await (await fetch(env.host.url + path)).text();
  return page.evaluate(
    ({ html, selector, source }) => {
      const shape = new Function(`return (${source})`)();
      return shape(selector, new DOMParser().parseFromString(html, "text/html"));
    },
    { html, selector, source: shapeIn.toString() },
  );
}

/**
 * The element tree under `selector` in `doc` as comparable text: tags, attributes (sorted) and
 * text, without comments, whitespace-only text or the mark of the static frame.
 */
function shapeIn(selector, doc = document) {
  const walk = (node) => {
    if (node.nodeType === 3) return node.data.trim() ? JSON.stringify(node.data) : "";
    if (node.nodeType !== 1) return "";
    const attributes = [...node.attributes]
      .filter((a) => a.name !== "data-shell")
      .map((a) => `${a.name}=${JSON.stringify(a.value)}`)
      .sort()
      .join(" ");
    const children = [...node.childNodes].map(walk).filter(Boolean).join("");
    return `<${node.localName} ${attributes}>${children}</${node.localName}>`;
  };
  return walk(doc.querySelector(selector));
}

describe("without JavaScript", () => {
  test("the reference article is laid out like the reference page, element by element", async () => {
    const page = await openWithoutScripts(ARTICLE);
    await assertReferenceArticle(page);
    assert.equal(await page.title(), REFERENCE.headline);
    // The controls that need scripts are not shown; the links are plain links.
    for (const control of [".theme-toggle", ".embed-control"]) {
      assert.equal(await page.locator(control).isVisible(), false, `${control} is hidden`);
    }
    assert.equal(await page.locator("noscript").count(), 0, "no 'needs JavaScript' message");
    // The skip link stays on this page (under the document's <base>, "#main" would be home's).
    await page.keyboard.press("Tab");
    await page.keyboard.press("Enter");
    assert.equal(page.url(), `${env.host.url}${ARTICLE}#main`);
    assert.equal(await text(page, "h1"), REFERENCE.headline);
    await page.context().close();
  });

  test("the feed's first page and a pillar page, with working links between them", async () => {
    const page = await openWithoutScripts("");
    const titles = await texts(page, ".cards h2");
    assert.ok(titles.includes(REFERENCE.headline), "the reference article is in the feed");
    assert.equal(await page.locator(".feed-more").isVisible(), false, "no Load more without scripts");
    await page.getByRole("link", { name: REFERENCE.headline }).click();
    await page.waitForURL(`**/${ARTICLE}`);
    assert.equal(await text(page, "h1"), REFERENCE.headline);
    await page.getByRole("link", { name: "Tech Stocks & Semiconductors" }).click();
    await page.waitForURL("**/pillars/tech-stocks-semiconductors");
    assert.equal(await text(page, ".page-heading"), "Tech Stocks & Semiconductors");
    assert.ok((await texts(page, ".cards h2")).includes(REFERENCE.headline));
    await page.getByRole("link", { name: "All articles" }).click();
    await page.waitForURL(env.host.url);
    assert.equal(await text(page, "#feed-heading"), "Latest analysis");
    await page.context().close();
  });

  test("axe-core finds no violations on the article, the feed and a pillar page, in both themes", async () => {
    // axe needs scripts of its own, so the page's are refused by a CSP instead (`script-src
    // 'none'`): boot.js and the app do not run, as without JavaScript, and axe is evaluated by
    // the test, which a page's CSP does not govern.
    for (const colorScheme of ["light", "dark"]) {
      for (const path of [ARTICLE, "", "pillars/health-biotech"]) {
        const page = await env.open(null, { colorScheme });
        await page.route(env.host.url + path, async (route) => {
          const response = await route.fetch();
          const headers = { ...response.headers(), "content-security-policy": "script-src 'none'" };
          await route.fulfill({ response, headers });
        });
        await page.goto(env.host.url + path);
        assert.equal(await page.evaluate(() => document.documentElement.className), "", "no scripts ran");
        await page.evaluate(AXE_SOURCE);
        assert.deepEqual(await axeViolations(page), [], `/${path}, ${colorScheme}`);
        await page.context().close();
      }
    }
  });

  test("readable in both colour schemes and in print", async () => {
    for (const colorScheme of ["light", "dark"]) {
      const page = await openWithoutScripts(ARTICLE, { colorScheme });
      const colours = await page.evaluate(() => {
        const style = getComputedStyle(document.body);
        return [style.backgroundColor, style.color];
      });
      const light = colours[0] === "rgb(247, 245, 240)";
      assert.equal(light, colorScheme === "light", `${colorScheme}: ${colours}`);
      await page.emulateMedia({ media: "print" });
      assert.equal(await page.locator("h1").isVisible(), true);
      assert.equal(await page.locator(".article-body").isVisible(), true);
      assert.equal(await page.locator(".site-header").isVisible(), false, "no site header in print");
      await page.context().close();
    }
  });
});

describe("a link preview (unfurl.js reads the served HTML without running it)", () => {
  test("finds the article's title, description, URL and date", async () => {
    const preview = await unfurl(env.host.url + ARTICLE);
    const canonical = env.host.url + ARTICLE;
    assert.equal(preview.title, REFERENCE.headline);
    assert.equal(preview.open_graph.title, REFERENCE.headline);
    assert.equal(preview.open_graph.type, "article");
    assert.equal(preview.open_graph.url, canonical);
    assert.equal(preview.canonical_url, canonical);
    assert.ok(REFERENCE.summary.startsWith(preview.description.replace(/…$/, "")), preview.description);
    assert.equal(preview.open_graph.description, preview.description);
    assert.equal(preview.open_graph.site_name, "Signal of Hope");
    assert.equal(preview.twitter_card.card, "summary");
    assert.equal(preview.twitter_card.title, REFERENCE.headline);
    const html = await (await fetch(env.host.url + ARTICLE)).text();
    assert.match(html, /<meta property="article:published_time" content="2026-07-02"/);
    const ld = JSON.parse(html.match(/<script type="application\/ld\+json"[^>]*>([^<]*)<\/script>/)[1]);
    assert.equal(ld.headline, REFERENCE.headline);
    assert.equal(ld.url, canonical);
  });

  test("the feed and a pillar page have their own titles and URLs", async () => {
    const feed = await unfurl(env.host.url);
    assert.equal(feed.open_graph.url, env.host.url);
    assert.equal(feed.open_graph.type, "website");
    const pillar = await unfurl(env.host.url + "pillars/health-biotech");
    assert.match(pillar.title, /Health & Biotech/);
    assert.equal(pillar.open_graph.url, env.host.url + "pillars/health-biotech");
  });
});

describe("with JavaScript, the app takes the page over", () => {
  /** Records, from the first byte, layout shifts and whether `content` ever left the page. */
  async function watch(page, content) {
    await page.addInitScript((content) => {
      window.__shifts = [];
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) window.__shifts.push(entry.value);
      }).observe({ type: "layout-shift", buffered: true });
      window.__gaps = 0;
      new MutationObserver(() => {
        if (document.readyState !== "loading" && !document.querySelector(content)) window.__gaps += 1;
      }).observe(document, { childList: true, subtree: true });
    }, content);
  }

  test("the article: no request for its document, no flash, no shift, the same markup", async () => {
    await env.api.reset();
    const page = await env.open(null);
    await watch(page, "main h1");
    await page.goto(env.host.url + ARTICLE);
    await eventually(() => page.locator("[data-shell]").count(), 0);
    // The app's page now: its title, its theme toggle, its Embed control.
    assert.equal(await page.locator("main[data-shell]").count(), 0);
    await assertReferenceArticle(page);
    assert.equal(await env.api.count(ARTICLE_JSON), 0, "the page carried its document");
    assert.deepEqual(await page.evaluate(() => window.__shifts), [], "no layout shift");
    assert.equal(await page.evaluate(() => window.__gaps), 0, "the headline never left the page");
    const served = await servedShape(page, ARTICLE, "main");
    assert.equal(await page.evaluate(shapeIn, "main"), served, "the app's markup is the prerendered markup");
    // Exactly one set of head entries: the prerendered ones are gone once the app's are in.
    await eventually(() => page.locator('head link[rel="canonical"]').count(), 1);
    await eventually(() => page.locator('head meta[property="og:title"]').count(), 1);
    noProblems(page);
    await page.context().close();
  });

  test("then it behaves as the app: client navigation, theme toggle, Embed, Back without refetch", async () => {
    await env.api.reset();
    const page = await env.open("");
    await eventually(() => page.locator("[data-shell]").count(), 0);
    // A client navigation from the feed (the whole app): the document stays.
    await page.evaluate(() => (window.__samePage = true));
    await page.getByRole("link", { name: REFERENCE.headline }).click();
    await eventually(() => text(page, "h1"), REFERENCE.headline);
    assert.equal(await page.evaluate(() => window.__samePage), true, "navigated without a page load");
    const toggle = page.getByRole("button", { name: "Dark theme" });
    const pressed = await toggle.getAttribute("aria-pressed");
    await toggle.click();
    await eventually(() => toggle.getAttribute("aria-pressed"), pressed === "true" ? "false" : "true");
    await page.locator(".embed-control summary").click();
    assert.match(await page.getByLabel("The article").inputValue(), /signal-embed/);
    await page.goBack();
    await eventually(() => text(page, "#feed-heading"), "Latest analysis");
    assert.equal(await page.evaluate(() => window.__samePage), true);
    assert.equal(await env.api.count("/articles.json"), 0, "the feed came with its page, Back from memory");
    noProblems(page);
    await page.context().close();
  });

  test("the reading position is kept", async () => {
    const page = await env.open(null, { viewport: { width: 375, height: 640 } });
    // The wasm is held until the reader has scrolled into the prerendered article.
    let release;
    const scrolled = new Promise((resolve) => (release = resolve));
    await page.route("**/*.wasm", async (route) => {
      await scrolled;
      await route.continue();
    });
    await page.goto(env.host.url + ARTICLE);
    await page.evaluate(() => window.scrollTo(0, 900));
    const before = await page.evaluate(() => window.scrollY);
    assert.equal(before, 900);
    assert.equal(await page.locator("[data-shell]").count(), 3, "still the prerendered page");
    release();
    await eventually(() => page.locator("[data-shell]").count(), 0);
    assert.equal(await page.evaluate(() => window.scrollY), before);
    await page.context().close();
  });

  for (const [path, selector] of [
    ["", "main"],
    ["pillars/health-biotech", "main"],
  ]) {
    test(`/${path}: the same markup, no shift, its document carried`, async () => {
      await env.api.reset();
      const page = await env.open(null);
      await watch(page, "main .cards li");
      await page.goto(env.host.url + path);
      await eventually(() => page.locator("[data-shell]").count(), 0);
      assert.equal(await page.evaluate(shapeIn, selector), await servedShape(page, path, selector));
      assert.deepEqual(await page.evaluate(() => window.__shifts), []);
      assert.equal(await page.evaluate(() => window.__gaps), 0, "the cards never left the page");
      assert.equal(await env.api.count("/articles.json"), 0, "the first index page was carried");
      noProblems(page);
      await page.context().close();
    });
  }

  test("a fallback that serves the prerendered feed for another address shows that address's page", async () => {
    // nginx's `try_files … /index.html`: an article without a prerendered page gets the feed's.
    await rm(join(site.dir, ARTICLE), { recursive: true });
    const host = await startStaticHost({ root: site.dir, fallback: "index.html" });
    try {
      const page = await env.open(null);
      await page.goto(host.url + ARTICLE);
      await eventually(() => text(page, "h1"), REFERENCE.headline);
      assert.equal(await page.locator(".feed").count(), 0, "not the feed");
      assert.equal(await page.locator("[data-shell]").count(), 0);
      noProblems(page);
      await page.context().close();
    } finally {
      await host.close();
      // Written again for the tests after this one.
      const run = await prerender(["--api", env.api.url, "--site-url", env.host.url, "--dist", site.dir]);
      assert.equal(run.code, 0, run.stderr);
      assert.match(run.stdout, new RegExp(`new 1:\\n    ${ARTICLE}/index.html`));
    }
  });
});

describe("scripts/prerender", () => {
  test("a second run rewrites nothing and says so", async () => {
    const run = await prerender(["--api", env.api.url, "--site-url", env.host.url, "--dist", site.dir]);
    assert.equal(run.code, 0, run.stderr);
    assert.doesNotMatch(run.stdout, /^  (new|changed) /m);
    assert.match(run.stdout, /unchanged \d+/);
  });

  test("an unreachable backend: a clear message, a non-zero exit, nothing half-written", async () => {
    const run = await prerender(["--api", "http://127.0.0.1:9/", "--site-url", env.host.url, "--dist", site.dir]);
    assert.notEqual(run.code, 0);
    assert.match(run.stderr, /the index could not be read: http:\/\/127\.0\.0\.1:9\/articles\.json/);
    const leftovers = [];
    const walk = async (dir) => {
      for (const entry of await readdir(dir, { withFileTypes: true })) {
        if (entry.isDirectory()) await walk(join(dir, entry.name));
        else if (/\.tmp-/.test(entry.name)) leftovers.push(entry.name);
      }
    };
    await walk(site.dir);
    assert.deepEqual(leftovers, []);
    // The pages written before are still there, whole.
    const html = await readFile(join(site.dir, ARTICLE, "index.html"), "utf8");
    assert.match(html, /<\/html>\s*$/);
  });
});
