// The site's frame in index.html (the [data-shell] header and footer): painted while the wasm
// downloads, replaced by the app's own in place, never shown in an embed frame, and the page
// a reader without JavaScript sees.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import {
  PRERENDERED,
  REFERENCE,
  REFERENCE_SLUG,
  eventually,
  noProblems,
  setUp,
  text,
} from "./harness.mjs";

const STATIC_FRAME =
  PRERENDERED && "a prerendered page has the app's own frame instead (prerender.test.mjs)";

describe("the static frame", () => {
  let env;
  before(async () => {
    env = await setUp();
  });
  after(async () => {
    await env?.tearDown();
  });

  /** Opens `path` with the app's wasm held back until `release()` is called. */
  async function openHeld(path, contextOptions) {
    const page = await env.open(null, contextOptions);
    let release;
    const released = new Promise((r) => (release = r));
    await page.route("**/*_bg.wasm", async (route) => {
      await released;
      await route.continue();
    });
    await page.goto(env.host.url + path);
    return { page, release };
  }

  /** Position, size and text of the elements the frame and the app share. */
  const frame = (page) =>
    page.evaluate(() => {
      const box = (selector) => {
        const element = document.querySelector(selector);
        if (!element) return null;
        const { x, y, width, height } = element.getBoundingClientRect();
        return { x, y, width, height, text: element.textContent.trim() };
      };
      return {
        header: box("body > header.site-header"),
        brand: box("body > header .brand"),
        brandHref: document.querySelector("body > header .brand")?.href,
        footerText: box("body > footer.site-footer")?.text,
        footerWidth: box("body > footer.site-footer")?.width,
      };
    });

  test("is painted before the wasm arrives, and the app's header and footer replace it in place", { skip: STATIC_FRAME }, async () => {
    const { page, release } = await openHeld(`articles/${REFERENCE_SLUG}`);
    await page.locator("header[data-shell] .brand").waitFor();
    await page.waitForFunction(() => performance.getEntriesByName("first-contentful-paint").length === 1);
    const before = await frame(page);
    assert.equal(before.brand.text, "⬡Signal of Hope");
    assert.equal(await page.locator("[data-shell]").count(), 3, "header, main and footer");

    release();
    await eventually(() => text(page, "main h1"), REFERENCE.headline);
    assert.equal(await page.locator("[data-shell]").count(), 0, "the static frame is gone");
    for (const landmark of ["header", "main", "footer"]) {
      assert.equal(await page.locator(`body > ${landmark}`).count(), 1, `one ${landmark}`);
    }
    const after = await frame(page);
    assert.deepEqual(
      { ...after, header: { ...after.header, text: null } },
      { ...before, header: { ...before.header, text: null } },
      "the same header, brand, link and footer, in the same place",
    );
    noProblems(page);
    await page.context().close();
  });

  test("is never shown in an embed frame", async () => {
    const { page, release } = await openHeld(`embed/articles/${REFERENCE_SLUG}`);
    await page.waitForFunction(() => document.body && document.querySelector("footer[data-shell]"));
    for (const part of await page.locator("[data-shell]").all()) {
      assert.equal(await part.isVisible(), false, "hidden while the wasm loads");
    }
    release();
    await page.locator(".embed-root h1.headline").waitFor();
    assert.equal(await page.locator("[data-shell]").count(), 0);
    assert.equal(await page.locator("header.site-header").count(), 0, "no site header in a frame");
    noProblems(page);
    await page.context().close();
  });

  test("is what a reader without JavaScript sees, with the reason", { skip: STATIC_FRAME }, async () => {
    const page = await env.open(`articles/${REFERENCE_SLUG}`, { javaScriptEnabled: false });
    assert.equal(await text(page, "header .brand"), "⬡Signal of Hope");
    assert.match(await text(page, "main"), /needs JavaScript to show articles/);
    assert.match(await text(page, "footer"), /published by DrakX Intelligence/);
    await page.context().close();
  });
});
