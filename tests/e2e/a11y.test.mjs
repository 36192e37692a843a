// Accessibility: axe-core on every route in both themes, a keyboard-only walk, and
// screenshots of each route for people to look at.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import {
  NEEDS_REQUEST,
  REFERENCE,
  REFERENCE_SLUG,
  SCREENSHOTS,
  axeViolations,
  eventually,
  noProblems,
  screenshot,
  settled,
  setUp,
  text,
} from "./harness.mjs";

const ROUTES = {
  feed: "",
  pillar: "pillars/energy-infrastructure",
  article: `articles/${REFERENCE_SLUG}`,
  "article-blocks": "articles/sample-every-block-type",
  "article-boxes": "articles/sample-grid-scale-sodium-batteries",
  "not-found": "no/such/page",
  "article-not-found": "articles/no-such-article",
  "pillar-not-found": "pillars/no-such-pillar",
  "article-invalid": "articles/test-missing-headline",
};

let env;
before(async () => {
  env = await setUp();
});
after(async () => {
  await env?.tearDown();
});

describe("axe-core finds no violations", () => {
  for (const colorScheme of ["light", "dark"]) {
    for (const [name, path] of Object.entries(ROUTES)) {
      test(`${name}, ${colorScheme} theme`, async () => {
        await env.api.reset();
        const page = await env.open(path, { colorScheme });
        await settled(page);
        assert.deepEqual(await axeViolations(page), []);
        noProblems(page);
        await page.context().close();
      });
    }
    test(`a server error with Retry, ${colorScheme} theme`, { skip: NEEDS_REQUEST }, async () => {
      await env.api.reset();
      await env.api.fail(`/articles/${REFERENCE_SLUG}.json`, { status: 500 });
      const page = await env.open(ROUTES.article, { colorScheme });
      await page.getByRole("button", { name: "Retry" }).waitFor();
      assert.deepEqual(await axeViolations(page), []);
      await page.context().close();
    });
    test(`the loading skeleton, ${colorScheme} theme`, { skip: NEEDS_REQUEST }, async () => {
      await env.api.reset();
      const release = env.api.hold(`/articles/${REFERENCE_SLUG}.json`);
      try {
        const page = await env.open(ROUTES.article, { colorScheme });
        await page.locator(".article-loading").waitFor();
        assert.deepEqual(await axeViolations(page), []);
        await page.context().close();
      } finally {
        await release();
      }
    });
  }
  test("with the theme chosen by the toggle (dark over a light system)", async () => {
    const page = await env.open(ROUTES.article, { colorScheme: "light" });
    await settled(page);
    await page.getByRole("button", { name: "Dark theme" }).click();
    await eventually(() => page.evaluate(() => document.documentElement.dataset.theme), "dark");
    assert.deepEqual(await axeViolations(page), []);
    await page.context().close();
  });
});

/** Presses Tab until `matches` holds for the focused element; returns how many presses. */
async function tabTo(page, description, matches, arg) {
  for (let presses = 1; presses <= 80; presses++) {
    await page.keyboard.press("Tab");
    if (await page.evaluate(matches, arg)) {
      const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
      assert.notEqual(outline, "none", `${description} shows where focus is`);
      return presses;
    }
  }
  throw new Error(`Tab never reached ${description}`);
}

const focusedText = (name) => document.activeElement?.textContent?.trim() === name;

test("keyboard only: feed → pillar → article → back", async () => {
  const page = await env.open("");
  await settled(page);

  // The first Tab offers the skip link, which moves focus to the content.
  await page.keyboard.press("Tab");
  assert.equal(await page.evaluate(() => document.activeElement.textContent), "Skip to content");
  await page.keyboard.press("Enter");
  assert.equal(await page.evaluate(() => document.activeElement.id), "main");

  await tabTo(page, "the Energy & Infrastructure badge", focusedText, "Energy & Infrastructure");
  await page.keyboard.press("Enter");
  await eventually(() => text(page, "main h1"), "Energy & Infrastructure");
  assert.equal(await page.evaluate(() => document.activeElement.id), "main", "focus moves to the new page");

  await tabTo(page, "the reference article's headline", focusedText, REFERENCE.headline);
  await page.keyboard.press("Enter");
  await page.locator(".article-body").waitFor();
  assert.equal(await text(page, "main h1"), REFERENCE.headline);

  await tabTo(page, "the way back", focusedText, "← Back to Energy & Infrastructure");
  await page.keyboard.press("Enter");
  await eventually(() => text(page, "main h1"), "Energy & Infrastructure");
  assert.equal(new URL(page.url()).pathname, "/pillars/energy-infrastructure");

  // The theme toggle works from the keyboard too.
  await page.keyboard.press("Shift+Tab");
  const toggle = page.getByRole("button", { name: "Dark theme" });
  await toggle.focus();
  const before = await toggle.getAttribute("aria-pressed");
  await page.keyboard.press("Space");
  await eventually(() => toggle.getAttribute("aria-pressed"), before === "true" ? "false" : "true");
  noProblems(page);
  await page.context().close();
});

test("one h1 and a logical heading outline on every route", async () => {
  for (const path of Object.values(ROUTES)) {
    const page = await env.open(path);
    await settled(page);
    const levels = await page.locator("h1, h2, h3, h4, h5, h6").evaluateAll((hs) => hs.map((h) => +h.tagName[1]));
    assert.equal(levels.filter((l) => l === 1).length, 1, `one h1 on /${path}`);
    assert.equal(levels[0], 1, `/${path} starts with its h1`);
    levels.reduce((prev, level) => (assert.ok(level <= prev + 1, `no skipped level on /${path}`), level));
    await page.context().close();
  }
});

test("readable from 320 px phones to wide desktops: nothing overflows sideways", async () => {
  for (const width of [320, 375, 768, 1280, 1920]) {
    for (const path of [ROUTES.feed, ROUTES.article, ROUTES["article-blocks"]]) {
      const page = await env.open(path, { viewport: { width, height: 800 } });
      await settled(page);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `/${path} at ${width}px overflows by ${overflow}px`);
      await page.context().close();
    }
  }
});

test(`screenshots of each route, 375 and 1280 px, light and dark (written to ${SCREENSHOTS})`, async () => {
  for (const [name, path] of Object.entries(ROUTES)) {
    for (const width of [375, 1280]) {
      for (const colorScheme of ["light", "dark"]) {
        const page = await env.open(path, { viewport: { width, height: 900 }, colorScheme, reducedMotion: "reduce" });
        await settled(page);
        await screenshot(page, `${name}-${width}-${colorScheme}`);
        await page.context().close();
      }
    }
  }
});
