// Inline embeds (data-mode="inline"): public/embed/v1/loader.js loads the app's wasm into a
// partner's page and mounts the article or card into a Shadow DOM root, with no iframe. The
// release build (dist/, or E2E_DIST) is served like GitHub Pages with CORS headers on
// everything; the partner's page (tests/e2e/partner/inline/) is on another origin, with a
// strict CSP (no 'unsafe-inline' anywhere) and aggressive CSS, two inline embeds and a framed one.
import assert from "node:assert/strict";
import { copyFile, readdir, readFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { chromium } from "playwright-core";
import { DIST, REFERENCE, REFERENCE_SLUG, ROOT, deploySite, eventually, noProblems } from "./harness.mjs";
import { startHeaderHost } from "./servers.mjs";

const PARTNER = join(ROOT, "tests/e2e/partner/inline");
const ENZYME = "sample-enzyme-plastic-recycling";
const ENZYME_HEADLINE = "An Engineered Enzyme Breaks Down Mixed Plastic Waste in Hours, Not Centuries";
const RED = "rgb(255, 0, 0)";
const PURPLE = "rgb(128, 0, 128)"; // the sidebar's --signal-accent (inline.css)
const LIGHT_ACCENT = "rgb(12, 107, 88)"; // style/main.css: --accent, light

const inlineHosts = (page) => page.locator("div.signal-embed-inline");
// Playwright's css= engine pierces open shadow roots.
const inside = (page, kind, selector) => page.locator(`css=div.signal-embed-inline[data-kind=${kind}] .signal-inline ${selector}`);

let browser, site, app, partner;
before(async () => {
  const glue = (await readdir(DIST)).find((f) => /^signal-of-hope-[0-9a-f]+\.js$/.test(f));
  assert.ok(glue && existsSync(join(DIST, "embed/v1/loader.js")), `${DIST} has no build: rebuild (trunk build --release)`);
  assert.match(await readFile(join(DIST, glue), "utf8"), /export function mount_inline\b/, `${DIST}/${glue} exports no mount_inline: rebuild`);
  site = await deploySite(DIST, null); // the bundled sample data: the API base is the app's data/
  // The loader as it is in the source tree (the build copies it unchanged from public/).
  await copyFile(join(ROOT, "public/embed/v1/loader.js"), join(site.dir, "embed/v1/loader.js"));
  app = await startHeaderHost({
    root: site.dir,
    fallback: "404.html",
    fallbackStatus: 404,
    headers: { "access-control-allow-origin": "*" },
  });
  const substitute = { "@APP@": app.url, "@APP_ORIGIN@": app.origin };
  partner = await startHeaderHost({
    root: PARTNER,
    substitute,
    headers: (path) => ({
      "content-security-policy": [
        "default-src 'none'",
        // nowasm.html: a policy that forgets 'wasm-unsafe-eval'.
        path === "/nowasm.html" ? "script-src @APP_ORIGIN@" : "script-src @APP_ORIGIN@ 'wasm-unsafe-eval'",
        "style-src @PARTNER_ORIGIN@",
        "connect-src @APP_ORIGIN@",
        "img-src @PARTNER_ORIGIN@",
        "frame-src @APP_ORIGIN@",
      ].join("; "),
    }),
  });
  substitute["@PARTNER_ORIGIN@"] = partner.origin;
  browser = await chromium.launch({
    executablePath: process.env.CHROME_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
});
after(async () => {
  await browser?.close();
  await Promise.all([app?.close(), partner?.close()]);
  await site?.remove();
});

/** A page in a fresh context; console errors (CSP violations among them) and uncaught exceptions are kept. */
async function open(url, contextOptions = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, colorScheme: "light", ...contextOptions });
  const page = await context.newPage();
  page.problems = [];
  page.hostRequests = []; // the URLs the host page itself requested (not its frames)
  page.on("request", (request) => request.frame() === page.mainFrame() && page.hostRequests.push(request.url()));
  page.on("pageerror", (err) => page.problems.push(`uncaught: ${err.message}`));
  page.on("console", (msg) => {
    if (msg.type() === "error" && !/Failed to load resource/.test(msg.text())) page.problems.push(`console: ${msg.text()}`);
    // The loader reports an app that could not load as a warning: never expected here.
    if (msg.type() === "warning" && /Signal of Hope/.test(msg.text())) page.problems.push(`warning: ${msg.text()}`);
  });
  if (url !== null) await page.goto(url);
  return page;
}

/** The partner's page with every embed rendered: both inline ones and the frame. */
async function openRendered() {
  const page = await open(partner.url);
  await page.locator("css=.signal-inline .embed-root[data-embed-state=ready]").nth(1).waitFor();
  const frame = page.locator("iframe.signal-embed-frame");
  await frame.scrollIntoViewIfNeeded();
  await (await frame.elementHandle()).contentFrame().then((f) => f.locator(".embed-root[data-embed-state=ready]").waitFor());
  return page;
}

describe("inline embeds on a partner's page with a strict CSP (the release build)", () => {
  test("the article and the card render inside their shadow roots, beside a framed embed", async () => {
    const page = await openRendered();
    assert.equal(await page.locator("blockquote.signal-embed").count(), 0, "no snippet left");
    assert.equal(await inlineHosts(page).count(), 2);
    assert.equal(await page.locator("iframe.signal-embed-frame").count(), 1);

    const hosts = await inlineHosts(page).evaluateAll((els) =>
      els.map((el) => ({
        slug: el.dataset.slug,
        kind: el.dataset.kind,
        mode: el.shadowRoot?.mode,
        containers: [...el.shadowRoot.children].map((c) => `${c.localName}.${c.className}[${c.getAttribute("data-theme")}]`),
        sheets: el.shadowRoot.adoptedStyleSheets.length,
        styleElements: el.shadowRoot.querySelectorAll("style, link").length,
        styleAttributes: el.shadowRoot.querySelectorAll("[style]").length,
        inLightDom: el.children.length,
      })),
    );
    assert.deepEqual(hosts, [
      { slug: REFERENCE_SLUG, kind: "article", mode: "open", containers: ["div.signal-inline[light]"], sheets: 1, styleElements: 0, styleAttributes: 0, inLightDom: 0 },
      { slug: ENZYME, kind: "card", mode: "open", containers: ["div.signal-inline[dark]"], sheets: 1, styleElements: 0, styleAttributes: 0, inLightDom: 0 },
    ]);
    assert.ok(
      await page.evaluate(() => {
        const [a, b] = document.querySelectorAll("div.signal-embed-inline");
        return a.shadowRoot.adoptedStyleSheets[0] === b.shadowRoot.adoptedStyleSheets[0];
      }),
      "one stylesheet shared by every inline embed",
    );

    assert.equal((await inside(page, "article", ".embed-root h1").textContent()).trim(), REFERENCE.headline);
    assert.ok((await inside(page, "article", ".embed-root").textContent()).includes(REFERENCE.summary.slice(0, 60)), "the article's summary");
    assert.equal((await inside(page, "card", ".embed-root h1").textContent()).trim(), ENZYME_HEADLINE);
    assert.match((await inside(page, "card", ".embed-root a").filter({ hasText: /^Read on/ }).last().textContent()).trim(), /^Read on /);
    // Links inside are absolute, to the reader's site.
    const hrefs = await page.locator("css=.signal-inline a[href]").evaluateAll((as) => as.map((a) => a.getAttribute("href")));
    assert.ok(hrefs.length > 2);
    for (const href of hrefs.filter((h) => !/^https?:\/\/(?!127\.0\.0\.1)/.test(h))) assert.ok(href.startsWith(app.url), `${href} is on the app's site`);
    assert.ok(hrefs.includes(`${app.url}articles/${ENZYME}`), "the card links to its article");

    // The app was loaded into the host page once for both inline embeds (the frame loads its own).
    const count = (re) => page.hostRequests.filter((url) => url.startsWith(app.origin) && re.test(new URL(url).pathname)).length;
    assert.equal(count(/^\/index\.html$/), 1, "index.html read once");
    assert.equal(count(/^\/main-[0-9a-f]+\.css$/), 1, "the stylesheet read once");
    assert.equal(count(/^\/signal-of-hope-[0-9a-f]+\.js$/), 1, "the glue imported once");
    assert.equal(count(/^\/signal-of-hope-[0-9a-f]+_bg\.wasm$/), 1, "the wasm fetched once");
    noProblems(page);
    await page.context().close();
  });

  test("an article in another format loads the adapter module from the reader's site, under the host's CSP", async () => {
    // The reader's backend answers this one article as a JSON Feed. (Plain-text content: HTML
    // with inline handlers or style attributes makes the browser report CSP violations while
    // DOMParser reads it, on any page with a strict CSP; see docs/formats.md.)
    const fixture = JSON.parse(await readFile(join(ROOT, "tests/fixtures/formats/feed.json"), "utf8"));
    const items = fixture.items.map(({ content_html, ...item }) => ({ ...item, content_text: "A paragraph." }));
    const feed = JSON.stringify({ ...fixture, items });
    const page = await open(null);
    await page.route(`${app.url}data/articles/${REFERENCE_SLUG}.json`, (route) =>
      route.fulfill({ contentType: "application/feed+json", headers: { "access-control-allow-origin": "*" }, body: feed }),
    );
    await page.goto(partner.url);
    await inside(page, "article", ".embed-root[data-embed-state=ready] h1").waitFor();
    assert.equal((await inside(page, "article", ".embed-root h1").textContent()).trim(), REFERENCE.headline);
    const adapter = page.hostRequests.filter((url) => url.includes("adapt")).map((url) => url.slice(app.origin.length));
    assert.deepEqual(adapter, ["/signal-of-hope-adapt.js", "/signal-of-hope-adapt_bg.wasm"]);
    noProblems(page);
    await page.context().close();
  });

  test("an article with pictures (contract 1.1): shown under the host's img-src, one the host's CSP blocks closes up", async () => {
    const picture = `${partner.origin}/pictures/hero-512x512.png`;
    const article = JSON.parse(await readFile(join(ROOT, "tests/fixtures/rich/articles/solarstrom-fuer-schulen.json"), "utf8"));
    article.slug = REFERENCE_SLUG;
    article.image = { url: picture, alt: "Ein Bild", width: 512, height: 512 };
    // A picture on a host the partner's img-src does not name.
    article.body = ["Ein Absatz.", { type: "figure", image: { url: "https://pictures.invalid/blocked.png", alt: "Blockiert", width: 800, height: 600 } }, "Noch einer."];
    const page = await open(null);
    await page.route(`${app.url}data/articles/${REFERENCE_SLUG}.json`, (route) =>
      route.fulfill({ contentType: "application/json", headers: { "access-control-allow-origin": "*" }, body: JSON.stringify(article) }),
    );
    const png = await readFile(join(ROOT, "public/icons/icon-512.png"));
    await page.route(`${partner.origin}/pictures/**`, (route) => route.fulfill({ contentType: "image/png", body: png }));
    await page.goto(partner.url);
    await inside(page, "article", ".embed-root[data-embed-state=ready] h1").waitFor();
    assert.equal(await inside(page, "article", "article.article").getAttribute("lang"), "de");
    assert.equal((await inside(page, "article", ".dateline time").first().textContent()).trim(), "Donnerstag, 2. Juli 2026");
    assert.equal((await inside(page, "article", ".updated").textContent()).trim(), "Aktualisiert am Freitag, 3. Juli 2026");
    assert.equal((await inside(page, "article", ".byline").textContent()).replace(/\s+/g, " ").trim(), "Von Anna Schmidt und Jonas Weber");
    const hero = inside(page, "article", ".figure-hero img");
    await eventually(() => hero.evaluate((img) => img.complete && img.naturalWidth), 512);
    const blocked = inside(page, "article", "figure:has(img[alt='Blockiert'])");
    await eventually(() => blocked.evaluate((figure) => figure.hidden), true);
    // The only complaints are the host's CSP refusing that one picture.
    assert.deepEqual(page.problems.filter((p) => !/img-src/.test(p) || !/pictures\.invalid/.test(p)), []);
    await page.context().close();
  });

  test("the host's CSS stays outside the shadow roots, and ours inside", async () => {
    const page = await openRendered();
    const style = (locator) =>
      locator.evaluate((el) => {
        const s = getComputedStyle(el);
        return { color: s.color, fontSize: s.fontSize, fontFamily: s.fontFamily, decoration: s.textDecorationLine, letterSpacing: s.letterSpacing };
      });
    const headline = await style(inside(page, "article", ".embed-root h1"));
    assert.notEqual(headline.color, RED);
    assert.notEqual(headline.letterSpacing, "3.2px", "not the host's letter-spacing");
    const bodyText = await style(inside(page, "article", ".article-body p").first());
    assert.notEqual(bodyText.color, RED);
    assert.ok(Math.abs(parseFloat(bodyText.fontSize) - 17) < 0.6, `body text ${bodyText.fontSize}, ~17px despite the host's 62.5% root`);
    assert.doesNotMatch(bodyText.fontFamily, /^Georgia, serif$/);
    const cardLink = await style(inside(page, "card", ".card-headline a"));
    assert.notEqual(cardLink.color, RED);
    assert.notEqual(cardLink.decoration, "line-through");

    // Ours does not leak out: the host's paragraph and links keep the host's styles.
    assert.deepEqual(await style(page.locator("#host-para")), {
      color: RED, fontSize: "16px", fontFamily: "Georgia, serif", decoration: "none", letterSpacing: "3.2px",
    });
    assert.equal((await style(page.locator("#other-link"))).decoration, "line-through");
    const documentSheets = await page.evaluate(() => ({
      sheets: [...document.styleSheets].map((s) => new URL(s.href).pathname),
      adopted: document.adoptedStyleSheets.length,
      styleElements: document.querySelectorAll("style").length,
      styleAttributes: [...document.querySelectorAll("[style]")].map((e) => e.localName),
    }));
    assert.deepEqual(documentSheets, { sheets: ["/inline.css"], adopted: 0, styleElements: 0, styleAttributes: ["iframe"] });
    noProblems(page);
    await page.context().close();
  });

  test("the host's head, title, globals and links stay its own", async () => {
    // The head as the HTML parser built it (no script runs with JavaScript off).
    const plain = await open(partner.url, { javaScriptEnabled: false });
    const headBefore = await plain.evaluate(() => document.head.innerHTML);
    await plain.context().close();
    // The window of the same page without the loader.
    const bare = await open(`${partner.url}bare.html`);
    const bareGlobals = await bare.evaluate(() => Object.getOwnPropertyNames(window));
    await bare.context().close();

    const page = await openRendered();
    assert.equal(await page.evaluate(() => document.head.innerHTML), headBefore);
    assert.equal(await page.title(), "Partner Weekly — Inline");
    // (Ignoring "0": the framed embed, as window[0].)
    const added = await page.evaluate(
      (known) => Object.getOwnPropertyNames(window).filter((k) => !known.includes(k) && !/^\d+$/.test(k)),
      bareGlobals,
    );
    assert.deepEqual(added, ["SignalEmbed"]);
    assert.equal(await page.evaluate(() => window.SignalEmbed.inline), true);

    // The host's own link still navigates, in the same tab.
    await page.locator("#other-link").click();
    await page.waitForURL(`${partner.url}other.html`);
    assert.equal(await page.locator("h1#other").textContent(), "Other news");
    noProblems(page);
    await page.context().close();
  });

  test("--signal-accent and --signal-font set by the host theme the embed", async () => {
    const page = await openRendered();
    const color = (kind) => inside(page, kind, ".kicker").first().evaluate((k) => getComputedStyle(k).color);
    const font = (kind, selector) => inside(page, kind, selector).first().evaluate((el) => getComputedStyle(el).fontFamily);
    // The card sits in the host's .sidebar, which sets both; the article takes the defaults.
    assert.equal(await color("card"), PURPLE);
    assert.equal(await color("article"), LIGHT_ACCENT);
    assert.match(await font("card", ".card-summary"), /^"Courier New", monospace$/);
    assert.match(await font("article", ".article-body p"), /^Georgia, "Iowan Old Style"/);
    // Set on the host element itself, later.
    await page.locator("div.signal-embed-inline[data-kind=article]").evaluate((host) => host.style.setProperty("--signal-accent", "rgb(0, 0, 255)"));
    await eventually(() => color("article"), "rgb(0, 0, 255)");
    noProblems(page);
    await page.context().close();
  });

  test("without JavaScript, the snippets' links are the embeds", async () => {
    const page = await open(partner.url, { javaScriptEnabled: false });
    assert.equal(await inlineHosts(page).count(), 0);
    const links = page.locator("blockquote.signal-embed a");
    assert.equal(await links.count(), 3);
    for (const i of [0, 1, 2]) assert.ok(await links.nth(i).isVisible());
    assert.equal(await links.first().getAttribute("href"), `${app.url}articles/${REFERENCE_SLUG}`);
    assert.equal((await links.nth(1).textContent()).trim(), ENZYME_HEADLINE);
    await page.context().close();
  });

  test("where the app cannot run (no 'wasm-unsafe-eval'), the fallback link stays", async () => {
    const page = await open(`${partner.url}nowasm.html`);
    // The loader says why, as a warning (the host page itself is fine).
    await eventually(() => page.problems.length, 1);
    assert.match(page.problems[0], /^warning: Signal of Hope inline embeds could not load: CompileError: .*'unsafe-eval'/);
    assert.equal(await inlineHosts(page).count(), 0);
    const link = page.locator("blockquote.signal-embed a");
    assert.ok(await link.isVisible());
    assert.equal(await link.getAttribute("href"), `${app.url}articles/${REFERENCE_SLUG}`);
    await page.context().close();
  });
});
