// Contract 1.1 in the browser: images, bylines, updates, languages and direction, from the
// documents of tests/fixtures/rich/ on nginx (a second origin), their pictures on a third, an
// image server this file runs, which can hold a picture back, never send it, or not have it.
// Pages are the release build's (and, in the last suite, the prerendered ones).
import assert from "node:assert/strict";
import { createServer } from "node:http";
import { deflateSync } from "node:zlib";
import { cp, mkdtemp, readFile, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { unfurl } from "unfurl.js";
import {
  DIST,
  ROOT,
  axeViolations,
  bootScriptHash,
  cspViolations,
  deploySite,
  eventually,
  noProblems,
  screenshot,
  setUp,
  settled,
  text,
  texts,
} from "./harness.mjs";
import { startHeaderHost } from "./servers.mjs";

const GERMAN = "articles/solarstrom-fuer-schulen";
const ARABIC = "articles/waha-miyah";
const LATE = "articles/images-arriving-late";
const MISSING = "articles/image-missing";
/** The dates ICU4X and Intl both write (tests/locale.rs checks the table in both). */
const LOCALE = JSON.parse(await readFile(join(ROOT, "tests/fixtures/locale/expected.json"), "utf8"));
const written = (language, day) => LOCALE.find((row) => row.language === language && row.day === day);
const PNG = await readFile(join(ROOT, "public/icons/icon-512.png"));

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (bytes) => {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
};
const made = new Map();
/** A PNG of `width` × `height` pixels, one colour: a picture whose size is what its document says. */
function png(width, height) {
  const key = `${width}x${height}`;
  if (!made.has(key)) {
    const header = Buffer.alloc(13);
    header.writeUInt32BE(width, 0);
    header.writeUInt32BE(height, 4);
    header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
    const row = Buffer.alloc(1 + width * 3, 0x9c);
    row[0] = 0; // no filter
    const pixels = deflateSync(Buffer.concat(Array.from({ length: height }, () => row)));
    made.set(
      key,
      Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk("IHDR", header), chunk("IDAT", pixels), chunk("IEND", Buffer.alloc(0))]),
    );
  }
  return made.get(key);
}

/**
 * The pictures' host: `/img/…` answers at once, `/hold/…` once `release()` is called,
 * `/never.png` never, `/missing.png` with a 404. Every request is logged with its Referer.
 */
async function startImages() {
  const requests = [];
  const held = [];
  let released = false;
  const server = createServer((req, res) => {
    const path = new URL(req.url, "http://images").pathname;
    requests.push({ path, referer: req.headers.referer ?? null });
    // `…-1600x900.png` is a picture of that size; any other name the 512 px icon.
    const size = path.match(/-(\d+)x(\d+)\.png$/);
    const send = () => {
      res.writeHead(200, { "content-type": "image/png", "cache-control": "no-store" });
      res.end(size ? png(Number(size[1]), Number(size[2])) : PNG);
    };
    if (path === "/missing.png") {
      res.writeHead(404, { "content-type": "text/plain" });
      res.end("not found");
    } else if (path === "/never.png") {
      // Left open until the server closes.
    } else if (path.startsWith("/hold/") && !released) {
      held.push(send);
    } else {
      send();
    }
  });
  await new Promise((done) => server.listen(0, "127.0.0.1", done));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return {
    origin,
    requests,
    release() {
      released = true;
      held.splice(0).forEach((send) => send());
    },
    hold() {
      released = false;
    },
    close() {
      server.closeAllConnections();
      return new Promise((done) => server.close(done));
    },
  };
}

/** tests/fixtures/rich/ with the image server's origin filled in, in a folder nginx serves. */
async function richData(imagesOrigin) {
  const dir = await mkdtemp(join(tmpdir(), "soh-rich-"));
  await cp(join(ROOT, "tests/fixtures/rich"), dir, { recursive: true });
  for (const file of ["articles.json", ...(await readdir(join(dir, "articles"))).map((f) => `articles/${f}`)]) {
    const path = join(dir, file);
    await writeFile(path, (await readFile(path, "utf8")).replaceAll("@IMAGES@", imagesOrigin));
  }
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

/** Sums layout shifts from now on (none caused by input happen here). */
async function watchShifts(page) {
  await page.evaluate(() => {
    window.__shift = 0;
    window.__shifts = [];
    const add = (entries) => {
      for (const entry of entries) {
        window.__shift += entry.value;
        window.__shifts.push(entry.sources?.map((s) => s.node?.className ?? s.node?.nodeName));
      }
    };
    window.__shiftObserver = new PerformanceObserver((list) => add(list.getEntries()));
    window.__shiftObserver.observe({ type: "layout-shift" });
    window.__takeShifts = () => add(window.__shiftObserver.takeRecords());
  });
}

/**
 * The shifts so far, after two animation frames (a layout shift is found by the frame after
 * the change), with the entries the observer has not delivered yet taken at once.
 */
const shiftsNow = (page) =>
  page.evaluate(
    () =>
      new Promise((done) =>
        requestAnimationFrame(() =>
          requestAnimationFrame(() => {
            window.__takeShifts();
            done({ total: window.__shift, sources: window.__shifts });
          }),
        ),
      ),
  );

const boxOf = (page, selector) =>
  page.locator(selector).evaluate((el) => {
    const r = el.getBoundingClientRect();
    return { width: Math.round(r.width), height: Math.round(r.height) };
  });

const noSidewaysScroll = (page) =>
  page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);

/**
 * The site of these tests: the image server, tests/fixtures/rich/ on nginx, and the release
 * build (prerendered or not), set up before a suite's tests and stopped after them.
 */
function richSite({ prerendered }) {
  const site = {};
  before(async () => {
    site.images = await startImages();
    site.data = await richData(site.images.origin);
    site.env = await setUp({ nginx: site.data.dir, prerendered });
  });
  after(async () => {
    await site.env?.tearDown();
    await site.images?.close();
    await site.data?.remove();
  });
  return site;
}

describe("contract 1.1 articles in the app", () => {
  const site = richSite({ prerendered: false });
  let env;
  let images;
  before(() => ({ env, images } = site));

  test("a German article: its lang, dates, update and reading time in German, its byline and pictures", async () => {
    const page = await env.open(GERMAN);
    await page.locator(".article-body").waitFor();
    await settled(page);
    const root = page.locator("article.article");
    assert.equal(await root.getAttribute("lang"), "de");
    assert.equal(await root.getAttribute("dir"), "ltr");
    assert.equal(await page.evaluate(() => document.documentElement.lang), "en", "the interface stays English");
    assert.equal(await text(page, ".dateline time"), "Donnerstag, 2. Juli 2026");
    assert.equal(await page.locator(".dateline time").first().getAttribute("datetime"), "2026-07-02");
    assert.equal(await text(page, ".updated"), "Aktualisiert am Freitag, 3. Juli 2026");
    assert.equal(await page.locator(".updated time").getAttribute("datetime"), "2026-07-03T08:15:00+02:00");
    assert.match(await text(page, ".reading-time"), /^\d+ Min\. Lesezeit$/);
    assert.equal((await text(page, ".byline")).replace(/\s+/g, " "), "Von Anna Schmidt und Jonas Weber");
    assert.equal(
      await page.locator(".byline a").getAttribute("href"),
      "https://zeitung.example/autoren/anna-schmidt",
    );
    assert.equal(await page.locator(".byline a").getAttribute("rel"), "author");

    // The hero: loaded at once, its size given, its widths offered, no referrer.
    const hero = page.locator(".figure-hero img");
    assert.equal(await hero.getAttribute("alt"), "Solarmodule auf dem Flachdach einer Schule, dahinter Bäume");
    assert.equal(await hero.getAttribute("loading"), null, "the hero is not lazy");
    assert.equal(await hero.getAttribute("decoding"), "async");
    assert.equal(await hero.getAttribute("width"), "1600");
    assert.equal(await hero.getAttribute("height"), "1067");
    assert.equal(await hero.getAttribute("referrerpolicy"), "no-referrer");
    assert.match(await hero.getAttribute("srcset"), /schuldach-400x267\.png 400w, .*schuldach-1600x1067\.png 1600w$/);
    assert.ok(await hero.getAttribute("sizes"));
    assert.equal(
      (await text(page, ".figure-hero figcaption")).replace(/\s+/g, " "),
      "Das Dach der Gesamtschule Nord, Projektseite Foto: Beispiel Zeitung",
    );
    assert.equal(await page.locator(".figure-hero figcaption a").getAttribute("href"), "https://zeitung.example/projekt");
    // The body's figures wait until they are near the screen.
    assert.deepEqual(
      await page.locator(".article-body .figure img").evaluateAll((imgs) => imgs.map((i) => i.loading)),
      ["lazy", "lazy"],
    );
    assert.deepEqual(await texts(page, ".article-body .figure-credit"), ["Grafik: Landkreis"]);
    // Every picture request went without a Referer.
    await eventually(() => images.requests.some((r) => r.path.startsWith("/img/schuldach")), true);
    assert.deepEqual(images.requests.filter((r) => r.referer !== null), []);
    noProblems(page);
    await page.context().close();
  });

  test("an Arabic article reads right to left at 375 and 1280 px, axe-clean in both themes", async () => {
    for (const width of [375, 1280]) {
      for (const colorScheme of ["light", "dark"]) {
        const page = await env.open(ARABIC, { viewport: { width, height: 900 }, colorScheme });
        await page.locator(".article-body").waitFor();
        await settled(page);
        const root = page.locator("article.article");
        assert.equal(await root.getAttribute("lang"), "ar");
        assert.equal(await root.getAttribute("dir"), "rtl");
        assert.equal(await root.evaluate((el) => getComputedStyle(el).direction), "rtl");
        assert.equal(await text(page, ".dateline time"), "الخميس، 2 يوليو 2026");
        assert.equal(await text(page, ".updated"), "آخر تحديث الأحد، 5 يوليو 2026");
        // The summary box's accent rule is on the right, where an Arabic line starts.
        const summary = await page.locator(".summary-box").first().evaluate((el) => {
          const s = getComputedStyle(el);
          return { right: s.borderRightWidth, left: s.borderLeftWidth };
        });
        assert.deepEqual(summary, { right: "4px", left: "0px" });
        // The byline in Arabic; a Latin name keeps its own order inside the Arabic line.
        assert.equal((await text(page, ".byline")).replace(/\s+/g, " "), "بقلم ليلى حسن و Jane Goodall");
        assert.deepEqual(await texts(page, ".byline bdi"), ["ليلى حسن", "Jane Goodall"]);
        // The interface's English keeps its order too.
        assert.equal(await page.locator(".pillars-heading span[lang='en']").getAttribute("dir"), "ltr");
        assert.ok(await noSidewaysScroll(page), `no sideways scroll at ${width} px`);
        assert.deepEqual(await axeViolations(page), [], `axe at ${width} px, ${colorScheme}`);
        await screenshot(page, `article-arabic-${width}-${colorScheme}`);
        noProblems(page);
        await page.context().close();
      }
    }
  });

  test("German screenshots and axe at 375 and 1280 px in both themes", async () => {
    for (const width of [375, 1280]) {
      for (const colorScheme of ["light", "dark"]) {
        const page = await env.open(GERMAN, { viewport: { width, height: 900 }, colorScheme });
        await page.locator(".article-body").waitFor();
        await settled(page);
        await page.evaluate(() => Promise.all([...document.images].map((i) => i.decode().catch(() => {}))));
        assert.ok(await noSidewaysScroll(page), `no sideways scroll at ${width} px`);
        assert.deepEqual(await axeViolations(page), [], `axe at ${width} px, ${colorScheme}`);
        await screenshot(page, `article-german-${width}-${colorScheme}`);
        await page.context().close();
      }
    }
  });

  test("pictures that arrive late or never move nothing: CLS 0 at 375 and 1280 px", async () => {
    for (const width of [375, 1280]) {
      images.hold();
      const page = await env.open(LATE, { viewport: { width, height: 900 } });
      await page.locator(".article-body").waitFor();
      await settled(page);
      await watchShifts(page);
      // The boxes are there before the pictures: the sized hero at its ratio, the unsized
      // figure in its 3:2 frame.
      const heroBefore = await boxOf(page, ".figure-hero img");
      const unsizedBefore = await boxOf(page, ".figure-unsized img");
      assert.ok(heroBefore.height > 100, `the hero's box is reserved: ${JSON.stringify(heroBefore)}`);
      assert.ok(Math.abs((heroBefore.width * 900) / 1600 - heroBefore.height) <= 1, JSON.stringify(heroBefore));
      assert.ok(Math.abs((unsizedBefore.width * 2) / 3 - unsizedBefore.height) <= 1, JSON.stringify(unsizedBefore));
      // Scroll to the end so the lazy figures are requested too, then let the held ones come.
      await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
      await eventually(() => images.requests.some((r) => r.path === "/hold/late-unsized.png"), true);
      images.release();
      await page.waitForFunction(() =>
        [...document.querySelectorAll(".figure img")]
          .filter((img) => img.src.includes("/hold/"))
          .every((img) => img.complete && img.naturalWidth > 0),
      );
      const shifts = await shiftsNow(page);
      assert.deepEqual(await boxOf(page, ".figure-hero img"), heroBefore);
      assert.deepEqual(await boxOf(page, ".figure-unsized img"), unsizedBefore);
      assert.equal(shifts.total, 0, `layout shifts at ${width} px: ${JSON.stringify(shifts.sources)}`);
      // The picture that never comes keeps its box, still empty.
      assert.ok((await boxOf(page, "img[src$='/never.png']")).height > 0);
      await page.context().close();
    }
  });

  test("a picture that cannot be loaded leaves no broken-image icon and no gap", async () => {
    const page = await env.open(MISSING, { viewport: { width: 1280, height: 900 } });
    await page.locator(".article-body").waitFor();
    await settled(page);
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    const missing = page.locator("figure:has(img[src$='/missing.png'])");
    await eventually(() => missing.evaluate((el) => el.hidden), true);
    assert.equal(await missing.evaluate((el) => getComputedStyle(el).display), "none");
    // The paragraphs around it sit as if it had never been there: one paragraph gap apart.
    const gap = await page.evaluate(() => {
      const ps = [...document.querySelectorAll(".article-body > p")];
      const before = ps.find((p) => p.textContent.startsWith("A paragraph before"));
      const next = ps.find((p) => p.textContent.startsWith("A paragraph after"));
      const style = (el) => getComputedStyle(el);
      return {
        found: Math.round(next.getBoundingClientRect().top - before.getBoundingClientRect().bottom),
        expected: Math.round(Math.max(parseFloat(style(before).marginBottom), parseFloat(style(next).marginTop))),
      };
    });
    assert.ok(Math.abs(gap.found - gap.expected) <= 1, `gap ${gap.found} px, a paragraph's margin ${gap.expected} px`);
    // No broken picture is shown anywhere.
    assert.deepEqual(
      await page.evaluate(() =>
        [...document.images]
          .filter((img) => img.complete && img.naturalWidth === 0 && img.getBoundingClientRect().height > 0)
          .map((img) => img.src),
      ),
      [],
    );
    await page.context().close();
  });

  test("the browser picks from srcset: the narrow width on a phone, a wider one on a desktop", async () => {
    for (const [width, expected] of [
      [375, "schuldach-400x267.png"],
      [1280, "schuldach-800x534.png"],
    ]) {
      const page = await env.open(GERMAN, { viewport: { width, height: 900 }, deviceScaleFactor: 1 });
      await page.locator(".figure-hero img").waitFor();
      await page.waitForFunction(() => document.querySelector(".figure-hero img").complete);
      const chosen = await page.locator(".figure-hero img").evaluate((img) => img.currentSrc);
      assert.ok(chosen.endsWith(`/img/${expected}`), `${width} px: ${chosen}`);
      await page.context().close();
    }
  });

  test("the feed shows thumbnails, each card's date in its article's language", async () => {
    const page = await env.open("");
    await page.locator(".card").first().waitFor();
    await settled(page);
    const cards = await page.locator("article.card").evaluateAll((cards) =>
      cards.map((c) => ({
        lang: c.lang,
        dir: c.dir,
        date: c.querySelector(".card-date")?.textContent.trim(),
        thumbnail: c.querySelector(".card-image img")?.getAttribute("alt"),
      })),
    );
    assert.deepEqual(cards, [
      { lang: "de", dir: "ltr", date: "02.07.2026", thumbnail: "" },
      { lang: "ar", dir: "rtl", date: written("ar", "2026-07-02").short, thumbnail: "" },
      { lang: "", dir: "", date: "Jul 1, 2026", thumbnail: "" },
    ]);
    assert.ok(await noSidewaysScroll(page));
    assert.deepEqual(await axeViolations(page), []);
    await screenshot(page, "feed-with-thumbnails-1280-light");
    await page.context().close();
    const dark = await env.open("", { colorScheme: "dark" });
    await dark.locator(".card-image img").first().waitFor();
    await settled(dark);
    assert.deepEqual(await axeViolations(dark), [], "dark theme");
    await screenshot(dark, "feed-with-thumbnails-1280-dark");
    await dark.context().close();
  });

  test("the embed frames show the pictures and the article's language", async () => {
    const frame = await env.open(`embed/${GERMAN}`);
    await frame.locator(".embed-root[data-embed-state='ready']").waitFor();
    assert.equal(await frame.locator("article.article").getAttribute("lang"), "de");
    assert.equal(await text(frame, ".dateline time"), "Donnerstag, 2. Juli 2026");
    assert.equal(await text(frame, ".updated"), "Aktualisiert am Freitag, 3. Juli 2026");
    assert.equal((await text(frame, ".byline")).replace(/\s+/g, " "), "Von Anna Schmidt und Jonas Weber");
    await frame.waitForFunction(() => document.querySelector(".figure-hero img").complete);
    assert.ok(await frame.locator(".figure-hero img").evaluate((img) => img.naturalWidth > 0));
    await frame.context().close();

    const card = await env.open("embed/cards/waha-miyah");
    await card.locator(".embed-root[data-embed-state='ready']").waitFor();
    const root = card.locator("article.embed-card");
    assert.equal(await root.getAttribute("dir"), "rtl");
    assert.equal(await text(card, ".card-date time"), "الخميس، 2 يوليو 2026");
    await card.waitForFunction(() => document.querySelector(".card-image img").complete);
    assert.ok(await card.locator(".card-image img").evaluate((img) => img.naturalWidth > 0));
    await card.context().close();
  });

  test("under docs/deploying.md's CSP with the pictures' host in img-src, nothing is blocked", async () => {
    const site = await deploySite(DIST, env.nginx.url);
    const hash = await bootScriptHash(site.dir);
    const policy =
      `default-src 'self'; script-src 'self' '${hash}' 'wasm-unsafe-eval'; ` +
      `style-src 'self'; img-src 'self' data: ${images.origin}; ` +
      `connect-src 'self' ${new URL(env.nginx.url).origin}`;
    const host = await startHeaderHost({
      root: site.dir,
      headers: { "content-security-policy": policy },
      fallback: "index.html",
    });
    try {
      for (const path of [GERMAN, `embed/${GERMAN}`, "embed/cards/solarstrom-fuer-schulen"]) {
        const page = await env.open(null);
        const violations = await cspViolations(page);
        await page.goto(host.url + path);
        await page.locator(".figure-hero img, .card-image img").first().waitFor();
        await page.waitForFunction(() => [...document.images].every((img) => img.complete));
        assert.ok(
          await page.evaluate(() => [...document.images].some((img) => img.naturalWidth > 0)),
          `${path}: the pictures load`,
        );
        assert.deepEqual(violations, [], path);
        await page.context().close();
      }
    } finally {
      await host.close();
      await site.remove();
    }
  });
});

describe("contract 1.1 articles prerendered", () => {
  const site = richSite({ prerendered: true });
  let env;
  let images;
  before(() => ({ env, images } = site));

  test("link previews: unfurl.js reads og:image with its size and a large Twitter card", async () => {
    const result = await unfurl(env.host.url + GERMAN);
    const og = result.open_graph;
    assert.equal(og.images[0].url, `${images.origin}/img/schuldach-1600x1067.png`);
    assert.equal(Number(og.images[0].width), 1600);
    assert.equal(Number(og.images[0].height), 1067);
    assert.equal(result.twitter_card.card, "summary_large_image");
    const html = await (await fetch(env.host.url + GERMAN)).text();
    const ld = JSON.parse(html.match(/<script type="application\/ld\+json"[^>]*>([\s\S]*?)<\/script>/)[1]);
    assert.equal(ld.inLanguage, "de");
    assert.equal(ld.dateModified, "2026-07-03T08:15:00+02:00");
    assert.equal(ld.image[0].url, `${images.origin}/img/schuldach-1600x1067.png`);
    assert.deepEqual(
      ld.author.map((a) => a.name),
      ["Anna Schmidt", "Jonas Weber"],
    );
  });

  test("without JavaScript the page has its pictures, language and dates", async () => {
    const page = await env.open(null, { javaScriptEnabled: false });
    await page.goto(env.host.url + ARABIC);
    assert.equal(await page.locator("article.article").getAttribute("dir"), "rtl");
    assert.equal(await text(page, ".dateline time"), "الخميس، 2 يوليو 2026");
    assert.equal(await page.locator(".figure-hero img").getAttribute("width"), "1200");
    await page.context().close();
  });

  test("the app takes a German and an Arabic page over without changing a date", async () => {
    for (const path of [GERMAN, ARABIC]) {
      const page = await env.open(null);
      await page.route(/\.wasm$/, async (route) => {
        // The page as prerendered, read before the app's module may start.
        await page.waitForFunction(() => document.querySelector(".article-sources"));
        page.prerenderedTexts = await page.evaluate(() =>
          [...document.querySelectorAll("time, .reading-time, .byline")].map((el) => el.textContent.trim()),
        );
        await route.continue();
      });
      await page.goto(env.host.url + path);
      await page.waitForFunction(() => !document.querySelector("[data-shell]") && document.querySelector("main:not([data-shell]) article"));
      await settled(page);
      const after = await page.evaluate(() =>
        [...document.querySelectorAll("time, .reading-time, .byline")].map((el) => el.textContent.trim()),
      );
      // As shown: runs of white space are one space on the screen.
      const shown = (list) => list?.map((t) => t.replace(/\s+/g, " "));
      assert.ok(page.prerenderedTexts?.length > 3, `${path}: the prerendered texts were read`);
      assert.deepEqual(shown(after), shown(page.prerenderedTexts), path);
      noProblems(page);
      await page.context().close();
    }
  });
});
