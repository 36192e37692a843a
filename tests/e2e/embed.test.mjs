// Embedding on partner sites: public/embed/v1/loader.js on a partner's page (another origin,
// a strict Content-Security-Policy, aggressive CSS of its own) turns snippets into iframes of
// the app's embed routes; public/embed/v1/frame.js inside them reports their height in our
// protocol and in AMP's, pym.js's, WordPress's, Datawrapper's and Embedly's.
//
// Two parts:
// - the protocols, against a stand-in for the app's framed pages (tests/e2e/partner/standin/)
//   served with the loader and frame.js straight from public/embed/;
// - the app's own embed routes (/embed/articles/<slug>, /embed/cards/<slug>) in the release
//   build (dist/, or E2E_DIST), served with CORS headers as GitHub Pages does.
import assert from "node:assert/strict";
import { cp, mkdtemp, rm } from "node:fs/promises";
import { existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { chromium } from "playwright-core";
import { DIST, REFERENCE, REFERENCE_SLUG, ROOT, deploySite, eventually, newPage, noProblems } from "./harness.mjs";
import { startHeaderHost } from "./servers.mjs";

const PARTNER = join(ROOT, "tests/e2e/partner");
const SODIUM = "sample-grid-scale-sodium-batteries";
const SODIUM_HEADLINE = "Sodium Batteries Pass a Grid-Scale Endurance Test That Lithium Was Expected to Win";
const RED = "rgb(255, 0, 0)";

let browser;
before(async () => {
  browser = await chromium.launch({
    executablePath: process.env.CHROME_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
});
after(async () => {
  await browser?.close();
});

/** A page in a fresh context (`newPage`: console errors, CSP violations among them, are kept), at `url` unless null. */
async function open(url, contextOptions = {}) {
  const page = await newPage(browser, contextOptions);
  if (url !== null) await page.goto(url);
  return page;
}

/**
 * A partner site on its own origin embedding `app` (its URL): the pages of tests/e2e/partner/
 * with a strict CSP (no 'unsafe-inline' anywhere), and a third origin for a foreign frame.
 */
async function startPartner(app) {
  const appOrigin = new URL(app).origin;
  const foreign = await startHeaderHost({ root: PARTNER });
  const substitute = { "@APP@": app, "@APP_ORIGIN@": appOrigin, "@FOREIGN@": foreign.url, "@FOREIGN_ORIGIN@": foreign.origin };
  const host = await startHeaderHost({
    root: PARTNER,
    substitute,
    headers: (path) => ({
      "content-security-policy": [
        "default-src 'none'",
        // Only the protocols page (listener.js) and the Datawrapper page (its listener) run
        // scripts of their own.
        ["/protocols.html", "/datawrapper-older.html"].includes(path)
          ? "script-src @APP_ORIGIN@ @PARTNER_ORIGIN@"
          : "script-src @APP_ORIGIN@",
        "frame-src @APP_ORIGIN@ @FOREIGN_ORIGIN@",
        "style-src @PARTNER_ORIGIN@",
        "img-src @PARTNER_ORIGIN@",
        "base-uri 'none'",
        "form-action 'none'",
      ].join("; "),
    }),
  });
  substitute["@PARTNER_ORIGIN@"] = host.origin;
  return { ...host, foreign, close: () => Promise.all([host.close(), foreign.close()]) };
}

const frames = (page) => page.locator("iframe.signal-embed-frame");

/** The Frame of the index-th embed (its document, once loaded). */
async function frameOf(page, index, selector = "iframe.signal-embed-frame") {
  const handle = await page.locator(selector).nth(index).elementHandle();
  return handle.contentFrame();
}

/** The embed's rendered content height, as frame.js measures it (null before it renders). */
const contentHeight = (frame) =>
  frame.evaluate(() => {
    const root = document.querySelector(".embed-root");
    return root ? Math.ceil(root.getBoundingClientRect().height) : null;
  });

/** Waits until the index-th iframe is as tall as its content (within 2px); returns the height. */
async function fits(page, index, selector = "iframe.signal-embed-frame") {
  const iframe = page.locator(selector).nth(index);
  await iframe.scrollIntoViewIfNeeded(); // loading="lazy": load it
  const frame = await frameOf(page, index, selector);
  let height;
  await eventually(
    async () => {
      const content = await contentHeight(frame).catch(() => null);
      height = (await iframe.boundingBox())?.height;
      return content !== null && Math.abs(height - content) <= 2 ? "fits" : `frame ${height}px, content ${content}px`;
    },
    "fits",
    { message: `embed ${index} is as tall as its content` },
  );
  return height;
}

/** Host-side record of every message the page receives, to know when one has been handled. */
const recordMessages = (page) =>
  page.evaluate(() => {
    window.seen = [];
    window.addEventListener("message", (e) => window.seen.push(e.data));
  });

describe("the embed protocols, with a stand-in for the app's framed pages", () => {
  let app, appDir, partner;
  before(async () => {
    appDir = await mkdtemp(join(tmpdir(), "soh-embed-standin-"));
    await cp(join(PARTNER, "standin"), appDir, { recursive: true });
    await cp(join(ROOT, "public/embed"), join(appDir, "embed"), { recursive: true });
    app = await startHeaderHost({ root: appDir, fallback: "index.html", headers: { "access-control-allow-origin": "*" } });
    partner = await startPartner(app.url);
  });
  after(async () => {
    await Promise.all([app?.close(), partner?.close()]);
    if (appDir) await rm(appDir, { recursive: true, force: true });
  });

  test("the loader turns each snippet into a framed page, reserving its height", async () => {
    const page = await open(partner.url);
    await eventually(() => frames(page).count(), 3);
    assert.equal(await page.locator("blockquote.signal-embed").count(), 0, "no snippet left");
    const attrs = await frames(page).evaluateAll((els) =>
      els.map((f) => ({
        src: f.getAttribute("src"),
        title: f.title,
        loading: f.getAttribute("loading"),
        slug: f.dataset.slug,
        kind: f.dataset.kind,
        width: f.style.width,
        minWidth: f.style.minWidth,
        display: getComputedStyle(f).display,
        border: getComputedStyle(f).borderTopWidth,
        laidOutWidth: f.getBoundingClientRect().width,
        parentWidth: f.parentElement.getBoundingClientRect().width,
        styleAttr: f.getAttribute("style"),
      })),
    );
    const secrets = new Set();
    const expected = [
      ["articles", REFERENCE_SLUG, "auto", 1, "article"],
      ["articles", SODIUM, "dark", 2, "article"],
      ["cards", REFERENCE_SLUG, "light", 3, "card"],
    ];
    attrs.forEach((a, i) => {
      const [route, slug, theme, id, kind] = expected[i];
      const match = a.src.match(/#\?secret=([0-9a-f]{24})$/);
      assert.ok(match, `a secret in ${a.src}`);
      secrets.add(match[1]);
      assert.equal(a.src, `${app.url}embed/${route}/${slug}?theme=${theme}&embedId=${id}#?secret=${match[1]}`);
      assert.ok(["lazy", "eager"].includes(a.loading), a.loading);
      assert.equal(a.slug, slug);
      assert.equal(a.kind, kind);
      assert.deepEqual([a.width, a.minWidth, a.display, a.border], ["1px", "100%", "block", "0px"]);
      assert.equal(a.laidOutWidth, a.parentWidth, "as wide as its container");
    });
    assert.equal(secrets.size, 3, "a secret of its own for each frame");
    // Lazy, and loaded from 1,250 px ahead of the viewport in every browser (the loader's
    // margin, which WebKit's own lazy loading lacks): eager within it, lazy beyond.
    await eventually(
      () => frames(page).evaluateAll((els) => els.map((f) => f.getAttribute("loading") === (f.getBoundingClientRect().top < innerHeight + 1250 ? "eager" : "lazy"))),
      [true, true, true],
    );
    assert.equal(attrs[0].title, `Signal of Hope: ${REFERENCE.headline}`);
    assert.equal(attrs[1].title, `Signal of Hope: ${SODIUM_HEADLINE}`);
    // The card is far below the fold: not loaded yet, its space reserved.
    assert.equal((await frames(page).nth(2).boundingBox()).height, 260);
    noProblems(page);
    await page.context().close();
  });

  test("each frame is as tall as its content, and follows it; the host's styles, title and links are its own", async () => {
    const page = await open(partner.url);
    await eventually(() => frames(page).count(), 3);
    for (const i of [0, 1, 2]) await fits(page, i);
    const [first, , card] = [await frameOf(page, 0), null, await frameOf(page, 2)];
    assert.equal(await first.locator("h1").textContent(), `Stand-in article: ${REFERENCE_SLUG}`);
    assert.equal(await card.locator("h1").textContent(), `Stand-in card: ${REFERENCE_SLUG}`);
    assert.equal(await card.locator(".embed-root").getAttribute("data-theme"), "light");

    // Content added, then taken away.
    const before = await fits(page, 0);
    await first.evaluate(() => {
      const root = document.querySelector(".embed-root");
      for (let i = 0; i < 8; i += 1) root.append(Object.assign(document.createElement("p"), { className: "added", textContent: `Added ${i}` }));
    });
    const grown = await fits(page, 0);
    assert.ok(grown > before + 100, `grew from ${before} to ${grown}`);
    await first.evaluate(() => document.querySelectorAll(".added").forEach((p) => p.remove()));
    assert.equal(await fits(page, 0), before);

    // A narrower window rewraps the text: taller.
    await page.setViewportSize({ width: 480, height: 900 });
    const narrow = await fits(page, 0);
    assert.ok(narrow > before, `rewrapped from ${before} to ${narrow}`);
    await fits(page, 2);

    // Host CSS stays outside, ours stays inside.
    assert.notEqual(await first.locator("h1").evaluate((h) => getComputedStyle(h).color), RED);
    assert.equal(await page.locator("#above").evaluate((p) => getComputedStyle(p).color), RED);
    assert.equal(await page.locator("#above").evaluate((p) => getComputedStyle(p).fontSize), "16px");
    assert.deepEqual(
      await page.evaluate(() => [...document.querySelectorAll("style, link[rel=stylesheet], [style]")].map((e) => e.tagName + "." + e.className)),
      ["LINK.", "IFRAME.signal-embed-frame", "IFRAME.signal-embed-frame", "IFRAME.signal-embed-frame"],
      "the host's stylesheet, and the frames' sizes set through the CSSOM",
    );
    assert.equal(await page.title(), "Partner Daily — Science");

    // The host's own links work as ever.
    await page.locator("#other-link").click();
    await page.waitForURL(`${partner.url}other.html`);
    assert.equal(await page.locator("#other").textContent(), "Other news");
    noProblems(page);
    await page.context().close();
  });

  test("messages from anywhere but the embed's own frame with its secret are ignored", async () => {
    const page = await open(partner.url);
    await eventually(() => frames(page).count(), 3);
    const height = await fits(page, 0);
    const src = await frames(page).nth(0).getAttribute("src");
    const secret = src.split("#?secret=")[1];
    const embed = await frameOf(page, 0);
    const foreign = await (await page.locator("#foreign").elementHandle()).contentFrame();
    await recordMessages(page);
    const fake = (h) => ({ type: "signal-embed:height", height: h, id: "1", secret });
    const link = { type: "signal-embed:link", href: "https://example.org/evil", id: "1", secret };
    // Another origin's frame, even knowing the secret; the host page itself; our frame with
    // a wrong secret or none; our frame asking to open a javascript: link.
    await foreign.evaluate(([m, l]) => (parent.postMessage(m, "*"), parent.postMessage(l, "*")), [fake(4321), link]);
    await page.evaluate((m) => window.postMessage(m, "*"), fake(4322));
    await embed.evaluate((m) => parent.postMessage({ ...m, secret: "wrong" }, "*"), fake(4323));
    await embed.evaluate((m) => parent.postMessage({ ...m, secret: null }, "*"), fake(4324));
    await embed.evaluate((l) => parent.postMessage({ ...l, href: "javascript:alert(1)" }, "*"), link);
    // The six forged messages have arrived (counted by their contents: the frames' own height
    // messages may come at any time, a layout settling).
    const forged = () =>
      page.evaluate(
        () => window.seen.filter((d) => d?.type === "signal-embed:link" || [4321, 4322, 4323, 4324].includes(d?.height)).length,
      );
    await eventually(forged, 6);
    assert.equal((await frames(page).nth(0).boundingBox()).height, height, "no fake height applied");
    assert.equal(page.context().pages().length, 1, "no link opened");
    // The genuine channel works: the frame itself, with its secret; heights are clamped.
    await embed.evaluate((m) => parent.postMessage(m, "*"), fake(777));
    await eventually(async () => (await frames(page).nth(0).boundingBox()).height, 777);
    await embed.evaluate((m) => parent.postMessage(m, "*"), fake(10_000_000));
    await eventually(async () => (await frames(page).nth(0).boundingBox()).height, 20_000);
    await embed.evaluate((m) => parent.postMessage(m, "*"), fake(-5));
    await eventually(async () => (await frames(page).nth(0).boundingBox()).height, 50);
    noProblems(page);
    await page.context().close();
  });

  test("every resize protocol reaches a host that speaks it", async () => {
    const page = await open(`${partner.url}protocols.html`);
    const plain = await (await page.locator("#plain").elementHandle()).contentFrame();
    const sandboxed = await (await page.locator("#sandboxed").elementHandle()).contentFrame();
    await plain.locator(".embed-root[data-embed-state=ready]").waitFor();
    await sandboxed.locator(".embed-root[data-embed-state=ready]").waitFor();
    const received = (from) => page.evaluate((f) => window.received.filter((r) => r.from === f), from);
    const latest = async (from, test) => (await received(from)).filter((r) => test(r.data)).at(-1)?.data;
    const isOurs = (d) => d?.type === "signal-embed:height";
    const isWordPress = (d) => d?.message === "height";
    const isPym = (d) => typeof d === "string" && d.startsWith("pymxPYMx");

    const h = await contentHeight(plain);
    const plainUrl = await plain.evaluate(() => location.href);
    assert.match(plainUrl, /#\?secret=s3cr3t$/);
    const expected = {
      ours: { type: "signal-embed:height", height: h, id: "e7", secret: "s3cr3t" },
      amp: { sentinel: "amp", type: "embed-size", height: h },
      pym: `pymxPYMxc9xPYMxheightxPYMx${h}`,
      wordpress: { message: "height", value: h, secret: "s3cr3t" },
      // Keyed by something in the frame's src, which Datawrapper's older listener looks for.
      datawrapper: { "datawrapper-height": { s3cr3t: h } },
      embedly: { context: "iframe.resize", src: plainUrl, height: h },
    };
    const readAll = async (from) => ({
      ours: await latest(from, isOurs),
      amp: await latest(from, (d) => d?.sentinel === "amp"),
      pym: await latest(from, isPym),
      wordpress: await latest(from, isWordPress),
      datawrapper: await latest(from, (d) => d?.["datawrapper-height"] !== undefined),
      embedly: await latest(from, (d) => typeof d === "string" && d.includes("iframe.resize")).then((s) => s && JSON.parse(s)),
    });
    await eventually(() => readAll("plain"), expected);
    assert.ok((await received("plain")).every((r) => r.origin === app.origin));

    // The sandboxed frame: an opaque origin; no pym message without a childId.
    const hs = await contentHeight(sandboxed);
    await eventually(() => latest("sandboxed", isOurs), { type: "signal-embed:height", height: hs, id: "sb", secret: "sandboxed-secret" });
    assert.ok((await received("sandboxed")).every((r) => r.origin === "null"));
    assert.equal((await received("sandboxed")).filter((r) => isPym(r.data)).length, 0);

    // Handshakes, each answered at once, only with the right secret: WordPress's ready, our
    // ask, pym's width. A wrong one first; the right one's answer proves the wrong one's handled.
    const count = async (from, test) => (await received(from)).filter((r) => test(r.data)).length;
    const wp = await count("plain", isWordPress);
    await page.evaluate(() => (window.sayReady("plain", "nope"), window.sayReady("plain", "s3cr3t")));
    await eventually(() => count("plain", isWordPress), wp + 1);
    assert.deepEqual(await latest("plain", isWordPress), expected.wordpress);

    const ours = await count("plain", isOurs);
    await page.evaluate(() => {
      const win = document.getElementById("plain").contentWindow;
      win.postMessage({ type: "signal-embed:ask", secret: "nope" }, "*");
      win.postMessage({ type: "signal-embed:ask", secret: "s3cr3t" }, "*");
    });
    await eventually(() => count("plain", isOurs), ours + 1);

    const pym = await count("plain", isPym);
    await page.evaluate(() => (window.sendWidth("plain", "other", 600), window.sendWidth("plain", "c9", 600)));
    await eventually(() => count("plain", isPym), pym + 1);
    assert.equal(await latest("plain", isPym), expected.pym);

    // A link in the sandboxed frame: cancelled there, handed to the host.
    const href = `${app.url}articles/${REFERENCE_SLUG}`;
    const sandboxedUrl = sandboxed.url();
    await sandboxed.locator("#read-on").click();
    await eventually(() => latest("sandboxed", (d) => d?.message === "link"), { message: "link", value: href, secret: "sandboxed-secret" });
    await eventually(() => latest("sandboxed", (d) => d?.type === "signal-embed:link"), { type: "signal-embed:link", href, id: "sb", secret: "sandboxed-secret" });
    assert.equal(sandboxed.url(), sandboxedUrl, "the frame stayed on its page");
    // A jump within the page stays in the frame, unannounced.
    await sandboxed.locator("#jump").click();
    assert.equal(await count("sandboxed", (d) => d?.message === "link"), 1);

    // A link in an ordinary frame: left to the browser (<base target="_blank">), a new tab.
    const [tab] = await Promise.all([page.context().waitForEvent("page"), plain.locator("#read-on").click()]);
    await tab.waitForLoadState();
    assert.equal(tab.url(), href);
    assert.equal(await count("plain", (d) => d?.message === "link" || d?.type === "signal-embed:link"), 0);
    noProblems(page);
    await page.context().close();
  });

  test("a frame already in the page is adopted: asked for its height, its links opened by the host", async () => {
    const page = await open(`${partner.url}prerendered.html`);
    await fits(page, 0);
    const frame = await frameOf(page, 0);
    const url = frame.url();
    const [tab] = await Promise.all([page.context().waitForEvent("page"), frame.locator("#read-on").click()]);
    await tab.waitForLoadState();
    assert.equal(tab.url(), `${app.url}articles/${REFERENCE_SLUG}`);
    assert.equal(frame.url(), url);
    noProblems(page);
    await page.context().close();
  });

  test("content that grows with its frame stops growing", async () => {
    const page = await open(partner.url);
    await eventually(() => frames(page).count(), 3);
    const natural = await fits(page, 0);
    const frame = await frameOf(page, 0);
    await recordMessages(page);
    // 100vh of the frame is the frame's height: every report makes the content taller.
    await frame.evaluate(() => (document.querySelector(".embed-root").style.minHeight = "calc(100vh + 40px)"));
    const reportedHeights = () => page.evaluate(() => window.seen.filter((d) => d?.type === "signal-embed:height").map((d) => d.height));
    await eventually(async () => (await reportedHeights()).length >= 29, true, { message: "reports while it grows" });
    // No more increases once it has grown on 30 reports in a row: ask once more, and the
    // answer (sent after any earlier report) is the last height.
    await eventually(
      async () => {
        const before = await reportedHeights();
        await frame.evaluate(() => window.SignalEmbedFrame.report());
        await eventually(async () => (await reportedHeights()).length > before.length, true);
        const after = await reportedHeights();
        return after.at(-1) === after.at(-2);
      },
      true,
      { message: "growth stopped" },
    );
    const stopped = (await reportedHeights()).at(-1);
    assert.ok(stopped < natural + 31 * 100 && stopped < 20_000, `stopped at ${stopped}px`);
    assert.ok((await contentHeight(frame)) > stopped, "the content would still grow");
    // Shrinking is still reported.
    await frame.evaluate(() => (document.querySelector(".embed-root").style.minHeight = ""));
    assert.equal(await fits(page, 0), natural);
    noProblems(page);
    await page.context().close();
  });

  test("embeds loading below the fold do not shift the host page; above the viewport, the reader's place is kept", async () => {
    const page = await open(partner.url);
    await page.evaluate(() => {
      window.shifts = [];
      new PerformanceObserver((list) => window.shifts.push(...list.getEntries().map((e) => e.value))).observe({ type: "layout-shift", buffered: true });
    });
    const above = await page.locator("#above").boundingBox();
    await eventually(() => frames(page).count(), 3);
    // The first embed, just below the fold, loads (lazy loading's margin) and takes its height.
    const frame = await frameOf(page, 0);
    await eventually(async () => (await contentHeight(frame).catch(() => null)) !== null, true);
    await eventually(async () => {
      const content = await contentHeight(frame);
      return Math.abs((await frames(page).nth(0).boundingBox()).height - content) <= 2;
    }, true);
    assert.deepEqual(await page.locator("#above").boundingBox(), above);
    assert.deepEqual(await page.evaluate(() => window.shifts), [], "no layout shift");

    // The reader scrolls past the embeds; the first one, above the viewport, grows and shrinks.
    for (const i of [0, 1, 2]) await fits(page, i);
    for (const anchoring of ["auto", "none"]) {
      // "none": as in a browser without scroll anchoring (Safari): only the loader keeps the place.
      await page.evaluate((a) => (document.documentElement.style.overflowAnchor = a), anchoring);
      await page.locator("#below").scrollIntoViewIfNeeded();
      const place = (await page.locator("#below").boundingBox()).y;
      const before = (await frames(page).nth(0).boundingBox()).height;
      assert.ok((await frames(page).nth(0).boundingBox()).y + before < 0, "the first embed is above the viewport");
      await frame.evaluate(() => {
        const root = document.querySelector(".embed-root");
        for (let i = 0; i < 8; i += 1) root.append(Object.assign(document.createElement("p"), { className: "added", textContent: `Added ${i}` }));
      });
      await eventually(async () => (await frames(page).nth(0).boundingBox()).height > before + 100, true, { message: `grew (overflow-anchor: ${anchoring})` });
      assert.equal((await page.locator("#below").boundingBox()).y, place, `kept the place as it grew (overflow-anchor: ${anchoring})`);
      await frame.evaluate(() => document.querySelectorAll(".added").forEach((p) => p.remove()));
      await eventually(async () => (await frames(page).nth(0).boundingBox()).height, before);
      assert.equal((await page.locator("#below").boundingBox()).y, place, `kept the place as it shrank (overflow-anchor: ${anchoring})`);
    }
    noProblems(page);
    await page.context().close();
  });

  test("SignalEmbed.scan() embeds snippets added later", async () => {
    const page = await open(partner.url);
    await eventually(() => frames(page).count(), 3);
    await page.evaluate(() => {
      const quote = document.createElement("blockquote");
      quote.className = "signal-embed";
      quote.dataset.slug = "sample-enzyme-plastic-recycling";
      quote.dataset.kind = "card";
      quote.append(Object.assign(document.createElement("a"), { href: "#", textContent: "Enzymes" }));
      document.querySelector("#above").after(quote);
      window.SignalEmbed.scan();
    });
    await eventually(() => frames(page).count(), 4);
    const added = page.locator("iframe.signal-embed-frame[data-slug=sample-enzyme-plastic-recycling]");
    assert.match(await added.getAttribute("src"), /\/embed\/cards\/sample-enzyme-plastic-recycling\?theme=auto&embedId=4#\?secret=/);
    assert.equal(await added.getAttribute("title"), "Signal of Hope: Enzymes");
    await fits(page, 0);
    noProblems(page);
    await page.context().close();
  });

  test("without JavaScript, the snippet's link is the embed", async () => {
    const page = await open(partner.url, { javaScriptEnabled: false });
    assert.equal(await frames(page).count(), 0);
    const links = page.locator("blockquote.signal-embed a");
    assert.equal(await links.count(), 3);
    await links.first().scrollIntoViewIfNeeded();
    assert.ok(await links.first().isVisible());
    assert.equal(await links.first().getAttribute("href"), `${app.url}articles/${REFERENCE_SLUG}`);
    assert.equal(await links.first().textContent(), REFERENCE.headline);
    await page.context().close();
  });
});

describe("the app's embed routes on a partner's page (the release build)", () => {
  let site, app, partner;
  before(async () => {
    assert.ok(
      existsSync(join(DIST, "embed/v1/loader.js")) && existsSync(join(DIST, "embed/v1/frame.js")),
      `${DIST} has no embed/v1/: rebuild (trunk build --release) with public/embed copied`,
    );
    site = await deploySite(DIST, null); // the bundled sample data
    // Like GitHub Pages: 404.html for unknown paths, and CORS headers on everything (which a
    // sandboxed frame, an opaque origin, needs to load the app's module, wasm and data).
    app = await startHeaderHost({ root: site.dir, fallback: "404.html", fallbackStatus: 404, headers: { "access-control-allow-origin": "*" } });
    partner = await startPartner(app.url);
  });
  after(async () => {
    await Promise.all([app?.close(), partner?.close()]);
    await site?.remove();
  });

  test("two articles and a card render in their frames, each as tall as its content", async () => {
    const page = await open(partner.url);
    await eventually(() => frames(page).count(), 3);
    for (const i of [0, 1, 2]) {
      await frames(page).nth(i).scrollIntoViewIfNeeded();
      await (await frameOf(page, i)).locator(".embed-root[data-embed-state=ready]").waitFor();
    }
    const [first, second, card] = [await frameOf(page, 0), await frameOf(page, 1), await frameOf(page, 2)];
    assert.equal((await first.locator(".embed-root h1").textContent()).trim(), REFERENCE.headline);
    assert.equal((await second.locator(".embed-root h1").textContent()).trim(), SODIUM_HEADLINE);
    assert.ok((await card.locator(".embed-root").textContent()).includes(REFERENCE.headline), "the card's headline");
    assert.match(await card.locator(".embed-root a", { hasText: /^Read on/ }).first().textContent(), /^Read on /);
    const heights = [];
    for (const i of [0, 1, 2]) heights.push(await fits(page, i));
    assert.ok(heights[2] < heights[0], `the card (${heights[2]}px) is shorter than the article (${heights[0]}px)`);

    // No site header or footer in the frame; the host's CSS stays outside.
    assert.equal(await first.locator("body > :not(script):not(style):not(link)").evaluateAll((els) => els.every((e) => e.matches(".embed-root") || e.querySelector(".embed-root") || e.getBoundingClientRect().height === 0)), true);
    assert.notEqual(await first.locator(".embed-root h1").evaluate((h) => getComputedStyle(h).color), RED);
    assert.equal(await page.locator("#above").evaluate((p) => getComputedStyle(p).color), RED);
    assert.equal(await page.title(), "Partner Daily — Science");

    // A narrower window rewraps the text: the frames follow.
    await page.setViewportSize({ width: 480, height: 900 });
    const narrow = await fits(page, 0);
    assert.ok(narrow > heights[0], `rewrapped from ${heights[0]} to ${narrow}`);
    await fits(page, 2);
    noProblems(page);
    await page.context().close();
  });

  test("pasted frames with no id of ours are sized by Datawrapper's older listener", async () => {
    // vendor/datawrapper/chart-core-8.8.1: the key of our message must be in the frame's src.
    const page = await open(`${partner.url}datawrapper-older.html`);
    const article = await fits(page, 0, "iframe.pasted");
    const card = await fits(page, 1, "iframe.pasted");
    assert.ok(card < article, `each frame took its own height: card ${card}px, article ${article}px`);
    noProblems(page);
    await page.context().close();
  });

  test("a frame sandboxed with allow-scripts renders the article and reports its height", async () => {
    const page = await open(`${partner.url}protocols.html`);
    const sandboxed = await (await page.locator("#sandboxed").elementHandle()).contentFrame();
    await sandboxed.locator(".embed-root[data-embed-state=ready]").waitFor();
    assert.equal((await sandboxed.locator(".embed-root h1").textContent()).trim(), REFERENCE.headline);
    const h = await contentHeight(sandboxed);
    await eventually(
      () => page.evaluate(() => window.received.filter((r) => r.from === "sandboxed" && r.data?.type === "signal-embed:height").at(-1)),
      { from: "sandboxed", origin: "null", data: { type: "signal-embed:height", height: h, id: "sb", secret: "sandboxed-secret" } },
    );
    const plain = await (await page.locator("#plain").elementHandle()).contentFrame();
    await plain.locator(".embed-root[data-embed-state=ready]").waitFor();
    const hp = await contentHeight(plain);
    await eventually(
      () => page.evaluate(() => window.received.filter((r) => r.from === "plain" && r.data?.sentinel === "amp").at(-1)?.data),
      { sentinel: "amp", type: "embed-size", height: hp },
    );
    noProblems(page);
    await page.context().close();
  });
});
