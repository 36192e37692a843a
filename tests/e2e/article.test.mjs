// The article page, end to end: the release build on a static host, the JSON on another origin.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import {
  NEEDS_REQUEST,
  REFERENCE,
  REFERENCE_SLUG,
  assertReferenceArticle,
  axeViolations,
  eventually,
  noProblems,
  setUp,
  text,
  texts,
} from "./harness.mjs";

const ARTICLE = `articles/${REFERENCE_SLUG}`;
const ARTICLE_JSON = `/articles/${REFERENCE_SLUG}.json`;
let env;

before(async () => {
  env = await setUp();
});
after(async () => {
  await env?.tearDown();
});

describe("the reference article", () => {
  test("is laid out like the reference page, element by element", { skip: NEEDS_REQUEST }, async () => {
    await env.api.reset();
    const page = await env.open(ARTICLE);
    await page.locator("article.article h1").waitFor();

    await assertReferenceArticle(page);

    // The title comes in the task after the first paint (components::AfterPaint).
    await eventually(() => page.title(), REFERENCE.headline);
    assert.equal(await env.api.count(ARTICLE_JSON), 1, "fetched once, from the API origin");
    noProblems(page);
    await page.context().close();
  });

  test("the Embed control gives a partner the snippets, and Copy copies one", async () => {
    const page = await env.open(ARTICLE);
    await page.locator("article.article h1").waitFor();
    await page.context().grantPermissions(["clipboard-read", "clipboard-write"], { origin: env.host.origin });
    await page.locator(".embed-control summary").click();
    const code = await page.getByLabel("The article").inputValue();
    assert.equal(
      code,
      `<blockquote class="signal-embed" data-slug="${REFERENCE_SLUG}" data-kind="article" data-theme="auto">\n` +
        `  <a href="${env.host.url}${ARTICLE}">${REFERENCE.headline}</a>\n</blockquote>\n` +
        `<script src="${env.host.url}embed/v1/loader.js" async></script>`,
    );
    assert.match(await page.getByLabel("Its card").inputValue(), /data-kind="card"/);
    await page.getByRole("button", { name: "Copy" }).first().click();
    await eventually(() => text(page, ".embed-snippet-status"), "Copied.");
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), code);
    noProblems(page);
    await page.context().close();
  });

  test("summary box and pillar badges are visually distinct", async () => {
    const page = await env.open(ARTICLE);
    await page.locator(".summary-box").waitFor();
    const styles = await page.evaluate(() => {
      const css = (sel) => getComputedStyle(document.querySelector(sel));
      return {
        body: css("body").backgroundColor,
        summary: css(".summary-box").backgroundColor,
        summaryBorder: css(".summary-box").borderLeftWidth,
        badge: css(".badge").backgroundColor,
        badgeRadius: parseFloat(css(".badge").borderTopLeftRadius),
        paragraph: css(".article-body p").backgroundColor,
      };
    });
    assert.notEqual(styles.summary, styles.body, "the summary box has its own background");
    assert.ok(parseFloat(styles.summaryBorder) >= 3, "and an accent border");
    assert.notEqual(styles.badge, styles.body, "badges have their own background");
    assert.ok(styles.badgeRadius >= 8, "badges are pill-shaped");
    await page.context().close();
  });

  for (const timezoneId of ["America/Los_Angeles", "Pacific/Kiritimati"]) {
    test(`shows the same calendar dates to a reader in ${timezoneId}`, async () => {
      const page = await env.open(ARTICLE, { timezoneId });
      await page.locator(".dateline time").waitFor();
      assert.equal(await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone), timezoneId);
      assert.equal(await text(page, ".dateline time"), "Thursday, July 2, 2026");
      assert.match(await text(page, ".publisher-line"), /Thursday, July 2, 2026$/);

      // A date-time shows the date of its own offset (-07:00), not the reader's.
      await page.goto(env.host.url + "articles/sample-grid-scale-sodium-batteries");
      const time = page.locator(".dateline time");
      await time.waitFor();
      assert.equal(await time.textContent(), "Tuesday, June 30, 2026");
      assert.equal(await time.getAttribute("datetime"), "2026-06-30T23:45:00-07:00");
      await page.context().close();
    });
  }
});

describe("while loading", () => {
  test("a skeleton reserves the article's space, then the article replaces it without shifting", { skip: NEEDS_REQUEST }, async () => {
    await env.api.reset();
    const release = env.api.hold(ARTICLE_JSON);
    const page = await env.open(null);
    await page.addInitScript(() => {
      window.__cls = 0;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__cls += entry.value;
      }).observe({ type: "layout-shift", buffered: true });
    });
    try {
      await page.goto(env.host.url + ARTICLE);
      const skeleton = page.getByRole("status");
      await skeleton.waitFor();
      assert.equal(await skeleton.textContent(), "Loading article…");
      const box = await page.locator(".article-loading").boundingBox();
      assert.ok(box.height > 700, `the skeleton is as tall as the first screen of the article (${box.height}px)`);
      assert.equal(await page.locator("article h1").count(), 0);
    } finally {
      await release();
    }
    await page.locator("article h1").waitFor();
    assert.equal(await page.locator(".article-loading").count(), 0, "the skeleton is gone");
    const cls = await page.evaluate(() => window.__cls);
    assert.ok(cls < 0.1, `cumulative layout shift ${cls.toFixed(3)} is below 0.1 ("good")`);
    noProblems(page);
    await page.context().close();
  });
});

describe("when it goes wrong", () => {
  test("a missing article shows 'not found' with a way back", async () => {
    const page = await env.open("articles/no-such-article");
    await eventually(() => text(page, "main h1"), "Article not found");
    assert.equal(await page.title(), "Article not found · Signal of Hope");
    await page.getByRole("link", { name: "Back to all articles" }).click();
    await eventually(() => text(page, "main h1"), "Latest analysis");
    assert.equal(new URL(page.url()).pathname, "/");
    noProblems(page);
    await page.context().close();
  });

  test("a server error offers a Retry that works", { skip: NEEDS_REQUEST }, async () => {
    await env.api.reset();
    await env.api.fail(ARTICLE_JSON, { status: 503, times: 1 });
    const page = await env.open(ARTICLE);
    await eventually(() => text(page, "main h1"), "Couldn't load this article");
    assert.match(await text(page, ".problem"), /HTTP 503/);
    await page.getByRole("button", { name: "Retry" }).click();
    await eventually(() => text(page, "main h1"), REFERENCE.headline);
    assert.equal(await env.api.count(ARTICLE_JSON), 2, "Retry asked the server again");
    noProblems(page);
    await page.context().close();
  });

  test("a network failure offers a Retry that works", { skip: NEEDS_REQUEST }, async () => {
    await env.api.reset();
    // Unreachable: the request and the reader's follow-up probe (is it CORS?) both fail.
    await env.api.drop(ARTICLE_JSON, { times: 2 });
    const page = await env.open(ARTICLE);
    await eventually(() => text(page, "main h1"), "Couldn't load this article");
    assert.match(await text(page, ".problem"), /Couldn't reach the server/);
    await page.getByRole("button", { name: "Retry" }).click();
    await eventually(() => text(page, "main h1"), REFERENCE.headline);
    noProblems(page);
    await page.context().close();
  });

  for (const [slug, problem] of [
    ["test-missing-headline", "headline: required, but missing"],
    ["test-wrong-type", 'pillars: expected a list, found the string "Energy & Infrastructure"'],
  ]) {
    test(`an invalid document says what is wrong (${problem})`, async () => {
      const page = await env.open(`articles/${slug}`);
      await eventually(() => text(page, "main h1"), "This article can't be displayed");
      assert.ok((await text(page, "main code")).startsWith(problem), await text(page, "main code"));
      assert.equal(await page.getByRole("button", { name: "Retry" }).count(), 0, "retrying would not help");
      noProblems(page);
      await page.context().close();
    });
  }

  test("markup in the data is shown as text and script URLs never become links", async () => {
    const page = await env.open("articles/test-hostile-text");
    await page.locator("h1.headline").waitFor();
    assert.equal(await text(page, "h1"), '<img src=x onerror="window.__pwned=1">Headline with markup');
    assert.equal(await page.locator("main img, main script, main iframe, main svg, main b, main u").count(), 0);
    const protocols = await page.locator("main a").evaluateAll((links) => links.map((a) => a.protocol));
    assert.ok(protocols.length > 0 && protocols.every((p) => p === "http:" || p === "https:"), `links: ${protocols}`);
    assert.equal(await page.locator(".sources a").count(), 1);
    assert.equal(await page.locator(".sources a").getAttribute("href"), "https://example.org/source");
    assert.equal(await page.locator(".publisher-line a").count(), 0);
    assert.equal(await page.evaluate(() => window.__pwned), undefined);
    noProblems(page);
    await page.context().close();
  });
});

describe("layout variations", () => {
  test("every block type, in order", async () => {
    const page = await env.open("articles/sample-every-block-type");
    await page.locator("h1.headline").waitFor();
    const tags = await page.locator(".article-body > *").evaluateAll((els) => els.map((e) => e.tagName));
    assert.deepEqual(tags, ["P", "H2", "P", "FIGURE", "H2", "UL", "FIGURE", "P"]);
    assert.equal(await text(page, "figure.quote figcaption"), "A packaging engineer, in a sample interview");
    assert.equal(await page.locator(".body-list li").count(), 3);
    assert.equal(await text(page, ".pillars h2"), "⬡ 1 pillar detected");
    assert.equal((await text(page, ".sources")).replace(/\s+/g, " "), "reported via Industry capacity survey (sample) and Conference proceedings (sample)");
    await page.context().close();
  });

  test("several summary boxes, and an article with no pillars", async () => {
    const page = await env.open("articles/sample-grid-scale-sodium-batteries");
    await page.locator("h1.headline").waitFor();
    assert.deepEqual(await texts(page, ".summary-box--extra h2"), ["Why it matters", "Key numbers", "What to watch"]);
    assert.equal(await page.getByRole("region", { name: "Key numbers" }).locator("li").count(), 3);
    await page.goto(env.host.url + "articles/sample-no-pillars");
    await page.locator("h1.headline").waitFor();
    assert.equal(await page.locator(".pillars").count(), 0, "no pillar section for no pillars");
    assert.equal(await page.locator(".publisher-line").count(), 0, "no publisher, no status: no line");
    await page.context().close();
  });
});

test("axe-core finds no accessibility violations on the article page", async () => {
  const page = await env.open(ARTICLE);
  await page.locator("h1.headline").waitFor();
  assert.deepEqual(await axeViolations(page), []);
  await page.context().close();
});
