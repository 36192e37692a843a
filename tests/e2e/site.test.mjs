// The reader's whole site: feed, pillar pages, navigation and caching, metadata, themes, print.
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import {
  NEEDS_REQUEST,
  REFERENCE,
  REFERENCE_SLUG,
  ROOT,
  eventually,
  noProblems,
  settled,
  setUp,
  text,
  texts,
} from "./harness.mjs";

const PAGE1 = JSON.parse(await readFile(join(ROOT, "public/data/articles.json"), "utf8"));
const PAGE2 = JSON.parse(await readFile(join(ROOT, "public/data/pages/2.json"), "utf8"));
const ALL_CARDS = [...PAGE1.articles, ...PAGE2.articles];
const newestFirst = (cards) =>
  [...cards].sort((a, b) => Date.parse(b.published_at) - Date.parse(a.published_at)).map((c) => c.headline);

let env;
before(async () => {
  env = await setUp();
});
after(async () => {
  await env?.tearDown();
});

describe("the feed", () => {
  test("shows the index's cards newest first, and Load more follows `next`", async () => {
    await env.api.reset();
    const page = await env.open("");
    await page.locator(".card").first().waitFor();
    assert.equal(await text(page, "h1"), "Latest analysis");
    assert.deepEqual(await texts(page, ".card h2"), newestFirst(PAGE1.articles));

    const first = page.locator(".card").first();
    assert.equal(await first.locator(".kicker").textContent(), "Signal of Hope");
    assert.equal(await first.locator("h2 a").getAttribute("href"), `/articles/${REFERENCE_SLUG}`);
    assert.equal(await first.locator("time").getAttribute("datetime"), "2026-07-02");
    assert.equal(await first.locator("time").textContent(), "Jul 2, 2026");
    const summary = await first.locator(".card-summary").textContent();
    assert.ok(summary.length <= 220 && summary.endsWith("…"), `summary cut to a readable length: ${summary}`);
    assert.ok(REFERENCE.summary.startsWith(summary.slice(0, -1).trimEnd()));
    assert.deepEqual(await first.locator(".badge").allTextContents(), ["Tech Stocks & Semiconductors", "Energy & Infrastructure"]);

    await page.getByRole("button", { name: "Load more" }).click();
    await eventually(() => page.locator(".card").count(), ALL_CARDS.length);
    assert.deepEqual(await texts(page, ".card h2"), newestFirst(ALL_CARDS), "kept what was shown, added the rest");
    assert.equal(await page.getByRole("button", { name: "Load more" }).count(), 0, "the last page has no `next`");
    assert.equal(await env.api.count("/pages/2.json"), 1, "`next` resolved relative to articles.json");
    assert.equal(await text(page, "[role=status]"), `Showing ${ALL_CARDS.length} articles`);
    noProblems(page);
    await page.context().close();
  });

  test("a failed page after the first keeps the cards shown and can be retried", async () => {
    await env.api.reset();
    await env.api.fail("/pages/2.json", { status: 502 });
    const page = await env.open("");
    await page.locator(".card").first().waitFor();
    await page.getByRole("button", { name: "Load more" }).click();
    await page.locator(".more-error").waitFor();
    assert.match(await text(page, ".more-error"), /HTTP 502/);
    assert.equal(await page.locator(".card").count(), PAGE1.articles.length);
    await page.getByRole("button", { name: "Load more" }).click();
    await eventually(() => page.locator(".card").count(), ALL_CARDS.length);
    assert.equal(await page.locator(".more-error").count(), 0);
    noProblems(page);
    await page.context().close();
  });
});

describe("pillar pages", () => {
  test("list the articles carrying the pillar, with its name and how many", async () => {
    const page = await env.open("pillars/energy-infrastructure");
    await page.locator(".card").first().waitFor();
    assert.equal(await text(page, "h1"), "Energy & Infrastructure");
    const expected = ALL_CARDS.filter((c) => c.pillars?.some((p) => p.slug === "energy-infrastructure"));
    assert.equal(await text(page, ".page-count"), `${expected.length} articles found`);
    assert.deepEqual(await texts(page, ".card h2"), newestFirst(expected));
    await eventually(() => page.title(), "Energy & Infrastructure · Signal of Hope");

    await page.goto(env.host.url + "pillars/health-biotech");
    await eventually(() => text(page, "h1"), "Health & Biotech");
    assert.equal(await text(page, ".page-count"), "1 article found");
    noProblems(page);
    await page.context().close();
  });

  test("an unknown pillar says so", async () => {
    const page = await env.open("pillars/no-such-pillar");
    await eventually(() => text(page, "main h1"), "Pillar not found");
    assert.match(await text(page, "main .notice"), /No article carries a pillar called “no-such-pillar”/);
    assert.equal(await page.getByRole("link", { name: "Back to all articles" }).getAttribute("href"), "/");
    noProblems(page);
    await page.context().close();
  });
});

test("any other path shows a not-found page inside the app's frame", async () => {
  const page = await env.open("no/such/page");
  await eventually(() => text(page, "main h1"), "Page not found");
  assert.equal(await page.locator("header.site-header .brand").count(), 1);
  assert.equal(await page.locator("footer.site-footer").count(), 1);
  await page.getByRole("link", { name: "Back to all articles" }).click();
  await eventually(() => text(page, "main h1"), "Latest analysis");
  noProblems(page);
  await page.context().close();
});

test("header with the product's name linking home, footer with the publisher", async () => {
  const page = await env.open("pillars/energy-infrastructure");
  await page.locator(".card").first().waitFor();
  assert.match(await text(page, "header .brand"), /Signal of Hope$/);
  assert.equal(await page.locator("header .brand").getAttribute("href"), "/");
  assert.match(await text(page, "footer.site-footer"), /DrakX Intelligence/);
  await page.locator("header .brand").click();
  await eventually(() => text(page, "main h1"), "Latest analysis");
  await page.context().close();
});

describe("navigation and caching", () => {
  test("an article opened from the feed shows its card at once, then the rest", async () => {
    await env.api.reset();
    const release = env.api.hold(`/articles/${REFERENCE_SLUG}.json`);
    const page = await env.open("");
    try {
      const link = page.locator(".card h2 a").first();
      await link.waitFor();
      await link.click();
      await eventually(() => text(page, "main h1"), REFERENCE.headline);
      assert.equal(await text(page, "main .kicker"), "Signal of Hope");
      assert.equal(await text(page, "main .summary-box"), REFERENCE.summary);
      assert.equal(await page.locator(".article--preview .skeleton-body").count(), 1, "the body is still loading");
      assert.equal(await page.locator(".article-body").count(), 0);
    } finally {
      await release();
    }
    await page.locator(".article-body").waitFor();
    assert.deepEqual(await texts(page, ".article-body > p"), REFERENCE.body);
    noProblems(page);
    await page.context().close();
  });

  test("Back and Forward are instant and fetch nothing again", { skip: NEEDS_REQUEST }, async () => {
    await env.api.reset();
    const page = await env.open("");
    await page.locator(".card h2 a").first().click();
    await page.locator(".article-body").waitFor();
    await page.locator(".article .badge").last().click();
    await eventually(() => text(page, "main h1"), "Energy & Infrastructure");
    const before = await env.api.requests();

    await page.goBack();
    await eventually(() => text(page, "main h1"), REFERENCE.headline);
    assert.equal(await page.locator(".article-loading, .skeleton").count(), 0, "no loading state");
    await page.goBack();
    await eventually(() => text(page, "main h1"), "Latest analysis");
    assert.equal(await page.locator(".cards-loading").count(), 0);
    await page.goForward();
    await eventually(() => text(page, "main h1"), REFERENCE.headline);
    await page.goForward();
    await eventually(() => text(page, "main h1"), "Energy & Infrastructure");
    // (A card under the resting mouse pointer may prefetch its own article; nothing already
    // fetched is fetched again.)
    const requests = await env.api.requests();
    const again = requests.slice(before.length).filter((p) => before.includes(p));
    assert.deepEqual(again, [], "no document fetched again");
    for (const path of ["/api/articles.json", `/api/articles/${REFERENCE_SLUG}.json`]) {
      assert.equal(requests.filter((p) => p === path).length, 1, `${path} fetched once`);
    }
    noProblems(page);
    await page.context().close();
  });

  test("cards prefetch their article on hover and on focus", async () => {
    await env.api.reset();
    const page = await env.open("");
    const links = page.locator(".card h2 a");
    await links.first().waitFor();
    const slug = (href) => href.split("/").pop();
    const first = slug(await links.nth(0).getAttribute("href"));
    const second = slug(await links.nth(1).getAttribute("href"));
    assert.equal(await env.api.count(`/articles/${first}.json`), 0);

    await links.nth(0).hover();
    await eventually(() => env.api.count(`/articles/${first}.json`), 1, { message: "hover prefetches" });
    await links.nth(1).focus();
    await eventually(() => env.api.count(`/articles/${second}.json`), 1, { message: "focus prefetches" });

    await links.nth(0).click();
    await page.locator(".article-body").waitFor();
    assert.equal(await env.api.count(`/articles/${first}.json`), 1, "opening it used the prefetched document");
    await page.context().close();
  });
});

describe("metadata", () => {
  const head = (page) =>
    page.evaluate(() => {
      const meta = (attr, key) =>
        [...document.head.querySelectorAll(`meta[${attr}="${key}"]`)].map((m) => m.getAttribute("content"));
      const ld = [...document.head.querySelectorAll('script[type="application/ld+json"]')].map((s) =>
        JSON.parse(s.textContent),
      );
      return {
        title: document.title,
        description: meta("name", "description"),
        canonical: [...document.head.querySelectorAll('link[rel="canonical"]')].map((l) => l.href),
        ogTitle: meta("property", "og:title"),
        ogType: meta("property", "og:type"),
        ogUrl: meta("property", "og:url"),
        twitterCard: meta("name", "twitter:card"),
        twitterTitle: meta("name", "twitter:title"),
        ld,
      };
    });

  test("each route sets its title, description, canonical link, Open Graph, Twitter and JSON-LD", async () => {
    const page = await env.open("");
    await page.locator(".card").first().waitFor();
    // The app's <head>: on a prerendered page, once the app has taken it over (until then the
    // prerendered entries are there, and for a moment the app's beside them). The entries come
    // in the task after the first paint (components::AfterPaint).
    await settled(page);
    const canonicalOf = async () => (await head(page)).canonical;
    await eventually(canonicalOf, [env.host.url]);
    let m = await head(page);
    assert.equal(m.title, "Signal of Hope");
    assert.equal(m.canonical.length, 1);
    assert.equal(m.canonical[0], env.host.url);
    assert.deepEqual(m.ogType, ["website"]);
    assert.deepEqual(m.ld, []);

    await page.locator(".card h2 a").first().click();
    await page.locator(".article-body").waitFor();
    const url = `${env.host.url}articles/${REFERENCE_SLUG}`;
    await eventually(canonicalOf, [url]);
    m = await head(page);
    assert.equal(m.title, REFERENCE.headline);
    assert.equal(m.description.length, 1, "one description, replaced not added");
    assert.ok(REFERENCE.summary.startsWith(m.description[0].replace(/…$/, "")));
    assert.deepEqual(m.canonical, [url]);
    assert.deepEqual(m.ogTitle, [REFERENCE.headline]);
    assert.deepEqual(m.ogType, ["article"]);
    assert.deepEqual(m.ogUrl, [url]);
    assert.deepEqual(m.twitterCard, ["summary"]);
    assert.deepEqual(m.twitterTitle, [REFERENCE.headline]);
    assert.equal(m.ld.length, 1);
    const ld = m.ld[0];
    assert.equal(ld["@type"], "AnalysisNewsArticle");
    assert.equal(ld.headline, REFERENCE.headline);
    assert.equal(ld.datePublished, "2026-07-02");
    assert.deepEqual(ld.publisher, { "@type": "Organization", name: "DrakX Intelligence" });
    assert.equal(ld.articleSection, "Signal of Hope");
    assert.deepEqual(ld.about.map((t) => t.name), ["Tech Stocks & Semiconductors", "Energy & Infrastructure"]);
    assert.deepEqual(ld.keywords, ["Tech Stocks & Semiconductors", "Energy & Infrastructure"]);
    assert.equal(ld.abstract, REFERENCE.summary);
    assert.deepEqual(ld.isBasedOn, [{ "@type": "CreativeWork", name: "Science Daily", url: "https://www.sciencedaily.com/" }]);
    assert.deepEqual(ld.citation, ld.isBasedOn);

    await page.locator(".article .badge").first().click();
    await eventually(() => text(page, "main h1"), "Tech Stocks & Semiconductors");
    await eventually(canonicalOf, [`${env.host.url}pillars/tech-stocks-semiconductors`]);
    m = await head(page);
    assert.equal(m.title, "Tech Stocks & Semiconductors · Signal of Hope");
    assert.deepEqual(m.canonical, [`${env.host.url}pillars/tech-stocks-semiconductors`]);
    assert.deepEqual(m.ogType, ["website"]);
    assert.deepEqual(m.ld, [], "the article's JSON-LD left with the article");
    await page.context().close();
  });
});

describe("reading", () => {
  test("the article page shows its reading time", async () => {
    const page = await env.open(`articles/${REFERENCE_SLUG}`);
    await page.locator(".reading-time").waitFor();
    assert.equal(await text(page, ".reading-time"), "2 min read");
    await page.context().close();
  });

  test("a way back to where the reader came from", async () => {
    const page = await env.open("pillars/energy-infrastructure");
    await page.locator(".card h2 a").first().click();
    await page.locator(".article-body").waitFor();
    const back = page.locator(".back-link a");
    assert.equal((await back.textContent()).trim(), "← Back to Energy & Infrastructure");
    await back.click();
    await eventually(() => text(page, "main h1"), "Energy & Infrastructure");
    await page.goto(env.host.url + `articles/${REFERENCE_SLUG}`);
    await page.locator(".article-body").waitFor();
    assert.equal((await text(page, ".back-link a")), "← All articles", "landing on an article: the feed");
    await page.context().close();
  });
});

describe("themes, print, motion", () => {
  const background = (page) => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const LIGHT = "rgb(247, 245, 240)";
  const DARK = "rgb(20, 23, 28)";

  test("follows the system theme until the reader chooses, then remembers the choice", async () => {
    const page = await env.open("", { colorScheme: "dark" });
    const toggle = page.getByRole("button", { name: "Dark theme" });
    await toggle.waitFor();
    // The app's toggle: a prerendered page's says "not pressed" until the app takes it over
    // (its look follows the scheme in CSS; its state needs the app).
    await settled(page);
    assert.equal(await background(page), DARK);
    assert.equal(await toggle.getAttribute("aria-pressed"), "true");

    // The system switches while the page is open: page and toggle follow.
    await page.emulateMedia({ colorScheme: "light" });
    await eventually(() => background(page), LIGHT);
    await eventually(() => toggle.getAttribute("aria-pressed"), "false");
    await page.emulateMedia({ colorScheme: "dark" });
    await eventually(() => toggle.getAttribute("aria-pressed"), "true");

    await toggle.click();
    await eventually(() => background(page), LIGHT);
    assert.equal(await toggle.getAttribute("aria-pressed"), "false");
    assert.equal(await page.evaluate(() => localStorage.getItem("signal-of-hope:theme")), "light");

    await page.reload();
    await page.locator(".card").first().waitFor();
    await settled(page);
    assert.equal(await background(page), LIGHT, "remembered over the system's dark");
    assert.equal(await page.getByRole("button", { name: "Dark theme" }).getAttribute("aria-pressed"), "false");
    await page.context().close();

    const light = await env.open("", { colorScheme: "light" });
    await light.locator(".card").first().waitFor();
    assert.equal(await background(light), LIGHT);
    await light.getByRole("button", { name: "Dark theme" }).click();
    await eventually(() => background(light), DARK);
    await light.context().close();
  });

  test("the remembered theme applies before the app starts (no flash)", async () => {
    const page = await env.open("", { colorScheme: "light" });
    await page.evaluate(() => localStorage.setItem("signal-of-hope:theme", "dark"));
    // Block the app itself: what shows is index.html, its stylesheet and theme script only.
    await page.route(/\.wasm$/, (route) => route.abort());
    await page.reload();
    assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), "dark");
    assert.equal(await background(page), DARK);
    await page.context().close();
  });

  test("print shows the article alone, with link targets spelled out", async () => {
    const page = await env.open(`articles/${REFERENCE_SLUG}`, { colorScheme: "dark" });
    await page.locator(".article-body").waitFor();
    // The app's page, once it has taken a prerendered one over: an element removed between
    // finding it and reading its style would have no style at all.
    await settled(page);
    await page.emulateMedia({ media: "print" });
    const shown = (sel) =>
      page.evaluate((sel) => {
        const element = document.querySelector(sel);
        if (!element) throw new Error(`no ${sel}`);
        return getComputedStyle(element).display !== "none";
      }, sel);
    for (const chrome of ["header.site-header", "footer.site-footer", ".theme-toggle", ".back-link"]) {
      assert.equal(await shown(chrome), false, `${chrome} is not printed`);
    }
    assert.equal(await shown("article.article"), true);
    const after = await page
      .locator(".sources a")
      .evaluate((a) => getComputedStyle(a, "::after").content);
    assert.equal(after, '" (https://www.sciencedaily.com/)"');
    assert.equal(
      await page.evaluate(() => getComputedStyle(document.body).color),
      "rgb(0, 0, 0)",
      "black on paper, even from the dark theme",
    );
    const pdf = await page.pdf();
    assert.ok(pdf.length > 1000, "the page prints");
    await page.context().close();
  });

  test("respects prefers-reduced-motion", { skip: NEEDS_REQUEST }, async () => {
    await env.api.reset();
    const release = env.api.hold(`/articles/${REFERENCE_SLUG}.json`);
    const animation = (page) =>
      page.locator(".skeleton span").first().evaluate((el) => parseFloat(getComputedStyle(el).animationDuration));
    try {
      const moving = await env.open(`articles/${REFERENCE_SLUG}`, { reducedMotion: "no-preference" });
      await moving.locator(".skeleton span").first().waitFor();
      assert.ok((await animation(moving)) >= 1, "the skeleton shimmers by default");
      const still = await env.open(`articles/${REFERENCE_SLUG}`, { reducedMotion: "reduce" });
      await still.locator(".skeleton span").first().waitFor();
      assert.ok((await animation(still)) < 0.001, "and not when the reader asks for less motion");
      await moving.context().close();
      await still.context().close();
    } finally {
      await release();
    }
  });
});
