// The hostile corpus (tests/fixtures/hostile/), each document run through the release build in
// real Chromium, served from the API origin: as an article, or as the feed's index. For every
// document: no dialog, nothing from the data becomes an element or an attribute that can run or
// load anything, no request to a URL from the data, never a blank page or a page left loading,
// nothing wider than the screen, no panic. One browser page is reused; each document is a fresh
// navigation, and every wait is on a condition.
import assert from "node:assert/strict";
import { copyFile, mkdir, mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { chromium } from "playwright-core";
import { CHROMIUM_ARGS, DIST, REFERENCE_SLUG, ROOT, deploySite, startApi, startStaticHost } from "./harness.mjs";
import { MARKER, smallDocuments, writeLarge } from "../fixtures/hostile/generate.mjs";

const HOSTILE = join(ROOT, "tests/fixtures/hostile");
const MANIFEST = JSON.parse(await readFile(join(HOSTILE, "manifest.json"), "utf8"));
/** How long a document may take to end in content or a message (the large ones included). */
const SETTLE_MS = 60_000;

let dir, api, site, host, browser, page, baseline;
let large = [];
/** What the current document caused: dialogs, requests, console lines, page errors. */
let seen;
const timings = [];

async function newPage() {
  const context = await browser.newContext({ viewport: { width: 375, height: 800 } });
  page = await context.newPage();
  await page.addInitScript(() => {
    window.__longestTask = 0;
    try {
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) window.__longestTask = Math.max(window.__longestTask, entry.duration);
      }).observe({ type: "longtask", buffered: true });
    } catch {
      // no long task timing
    }
  });
  page.on("dialog", (dialog) => {
    seen.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    dialog.dismiss().catch(() => {});
  });
  page.on("request", (request) => seen.requests.push(request.url()));
  page.on("console", (msg) => seen.console.push(`${msg.type()}: ${msg.text()}`));
  page.on("pageerror", (err) => seen.errors.push(err.message));
  page.on("crash", () => seen.errors.push("the page crashed"));
}

before(async () => {
  dir = await mkdtemp(join(tmpdir(), "soh-hostile-"));
  await mkdir(join(dir, "articles"));
  for (const doc of MANIFEST.filter((d) => d.kind === "article")) {
    await copyFile(join(HOSTILE, "docs", `${doc.name}.json`), join(dir, "articles", `${doc.name}.json`));
  }
  await copyFile(join(ROOT, "public/data/articles", `${REFERENCE_SLUG}.json`), join(dir, "articles", `${REFERENCE_SLUG}.json`));
  await copyFile(join(ROOT, "public/data/articles.json"), join(dir, "articles.json"));
  large = await writeLarge(dir);
  api = await startApi({ roots: [dir] });
  site = await deploySite(DIST, api.url);
  host = await startStaticHost({ root: site.dir });
  browser = await chromium.launch({
    executablePath: process.env.CHROME_PATH ?? "/usr/bin/chromium",
    args: CHROMIUM_ARGS,
  });
  seen = fresh();
  await newPage();
  // What the app itself puts outside <main>, on a good article: the only elements allowed there.
  await page.goto(`${host.url}articles/${REFERENCE_SLUG}`);
  await page.locator("article.article h1").waitFor();
  baseline = await page.evaluate(inventory);
  baseline.requests = seen.requests.filter((u) => !/^https?:/.test(u));
});

after(async () => {
  if (timings.length) {
    const slowest = [...timings].sort((a, b) => b.ms - a.ms).slice(0, 8);
    console.log("slowest documents (ms to settle, longest task ms):");
    for (const t of slowest) console.log(`  ${t.name}: ${t.ms} ms, longest task ${t.longestTask} ms, ${t.shown}`);
  }
  await browser?.close();
  await Promise.all([api?.close(), host?.close()]);
  await site?.remove();
  if (dir) await rm(dir, { recursive: true, force: true });
});

function fresh() {
  return { dialogs: [], requests: [], console: [], errors: [] };
}

/** Elements outside <main> by tag, and the app's own inline scripts (runs in the page). */
function inventory() {
  const counts = {};
  for (const el of document.querySelectorAll("*")) {
    if (el.closest("main")) continue;
    counts[el.tagName] = (counts[el.tagName] ?? 0) + 1;
  }
  const inlineScripts = [...document.scripts].filter((s) => !s.src && s.type !== "application/ld+json").map((s) => s.textContent);
  return { counts, inlineScripts };
}

/** Everything that must hold for a settled page; returns the problems found (runs in the page). */
function inspect({ marker, baseline }) {
  const problems = [];
  const origin = location.origin;
  const squash = (v) => v.replace(/[\u0000-\u0020\u007f-\u00a0]+/g, "").toLowerCase();
  const runnable = /^(javascript|data|vbscript|blob|file):/;
  const urlAttrs = new Set(["href", "src", "action", "formaction", "data", "poster", "srcset", "xlink:href", "background", "ping", "cite", "longdesc", "manifest", "codebase", "archive", "lowsrc", "dynsrc"]);
  const main = document.querySelector("main");
  const all = document.querySelectorAll("*");
  for (const el of all) {
    for (const attr of el.attributes) {
      const name = attr.name.toLowerCase();
      if (name.startsWith("on")) problems.push(`<${el.tagName.toLowerCase()}> has ${name}`);
      if (urlAttrs.has(name)) {
        const value = squash(attr.value);
        if (runnable.test(value) || value.includes("&#") || value.includes("&colon")) {
          problems.push(`<${el.tagName.toLowerCase()} ${name}="${attr.value.slice(0, 80)}">`);
        }
        // A link of ours may carry the data in its path, encoded (`/pillars/%3Cimg…`); a URL
        // that leads to the marker host, or any other attribute naming it, may not.
        if (attr.value.includes(marker)) {
          let host = marker;
          try {
            host = new URL(attr.value, document.baseURI).hostname;
          } catch {
            // unparsable: counts as naming it
          }
          if (name !== "href" || host.includes(marker)) problems.push(`<${el.tagName.toLowerCase()} ${name}="${attr.value.slice(0, 80)}"> names the marker host`);
        }
      }
      if (name === "style" && main.contains(el)) problems.push(`<${el.tagName.toLowerCase()}> in main has a style attribute`);
    }
    if (el.tagName === "A" && el.href) {
      const protocol = el.protocol;
      if (!["http:", "https:", "mailto:"].includes(protocol)) problems.push(`a link with protocol ${protocol}: ${el.href.slice(0, 80)}`);
      else if (protocol !== "mailto:" && el.origin !== origin && !el.closest("main")) problems.push(`a link outside main to ${el.href.slice(0, 80)}`);
    }
  }
  const forbiddenInMain = "script,iframe,object,embed,frame,frameset,applet,base,form,svg,math,video,audio,source,track,picture,canvas,style,link,meta,template,noscript,input,select,marquee,portal";
  for (const el of main.querySelectorAll(forbiddenInMain)) problems.push(`<${el.tagName.toLowerCase()}> in main`);
  // Pictures (contract 1.1): only the app's own <img>, in a figure or a card's frame, with an
  // http(s) address and the app's attributes only.
  const imageAttributes = new Set(["src", "srcset", "sizes", "alt", "width", "height", "loading", "decoding", "referrerpolicy"]);
  for (const img of main.querySelectorAll("img")) {
    if (!img.closest("figure.figure, .card-image")) problems.push("an <img> outside a figure in main");
    if (!/^https?:$/.test(new URL(img.src).protocol)) problems.push(`an <img> at ${img.src.slice(0, 80)}`);
    for (const attr of img.attributes) {
      if (!imageAttributes.has(attr.name)) problems.push(`<img> has ${attr.name}`);
    }
    for (const candidate of (img.srcset || "").split(",")) {
      const address = candidate.trim().split(/\s+/)[0];
      if (address && !/^https?:\/\//.test(address)) problems.push(`a srcset candidate ${address.slice(0, 80)}`);
    }
  }
  // Outside main: the app's own elements only, as many as on a good page of any kind.
  const counts = {};
  for (const el of all) {
    if (el.closest("main")) continue;
    counts[el.tagName] = (counts[el.tagName] ?? 0) + 1;
  }
  for (const tag of ["IFRAME", "OBJECT", "EMBED", "FRAME", "BASE", "FORM", "IMG", "SVG", "MATH", "VIDEO", "AUDIO", "STYLE", "TEMPLATE", "NOSCRIPT", "INPUT"]) {
    if ((counts[tag] ?? 0) > (baseline.counts[tag] ?? 0)) problems.push(`${counts[tag]} <${tag.toLowerCase()}> outside main (the app has ${baseline.counts[tag] ?? 0})`);
  }
  for (const script of document.scripts) {
    if (script.type === "application/ld+json") continue;
    if (script.src ? new URL(script.src).origin !== origin : !baseline.inlineScripts.includes(script.textContent)) {
      problems.push(`a script that is not the app's: ${(script.src || script.textContent).slice(0, 80)}`);
    }
  }
  for (const link of document.querySelectorAll("link[href]")) {
    if (new URL(link.href).origin !== origin) problems.push(`<link rel=${link.rel} href=${link.href.slice(0, 80)}>`);
  }
  for (const meta of document.querySelectorAll("meta[http-equiv]")) problems.push(`<meta http-equiv=${meta.httpEquiv}>`);
  if (window.__pwned !== undefined) problems.push("window.__pwned was set");

  // Never blank, never wider than the screen.
  if (!main.textContent.trim()) problems.push("main is blank");
  const width = document.documentElement.scrollWidth;
  if (width > window.innerWidth) problems.push(`the page scrolls sideways: ${width}px wide in a ${window.innerWidth}px window`);
  const box = main.getBoundingClientRect();
  for (const child of main.children) {
    const r = child.getBoundingClientRect();
    if (r.left < box.left - 1 || r.right > box.right + 1) {
      problems.push(`<${child.tagName.toLowerCase()} class="${child.className}"> spans ${Math.round(r.left)}–${Math.round(r.right)}px, main ${Math.round(box.left)}–${Math.round(box.right)}px`);
    }
  }
  // Descendants too, unless a scrolling box contains them (first 3,000, for the huge ones).
  let checked = 0;
  for (const el of main.querySelectorAll("*")) {
    if (++checked > 3000) break;
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.right <= box.right + 1) continue;
    let clipped = false;
    for (let up = el.parentElement; up && up !== main; up = up.parentElement) {
      if (getComputedStyle(up).overflowX !== "visible") clipped = true;
    }
    if (!clipped) {
      problems.push(`<${el.tagName.toLowerCase()} class="${el.className}"> reaches ${Math.round(r.right)}px, past main's ${Math.round(box.right)}px`);
      break;
    }
  }
  return problems;
}

/** What the settled page shows: "article", "notice", "cards" or "nothing". */
const SHOWN = () =>
  document.querySelector("main article.article")
    ? "article"
    : document.querySelector("main .notice")
      ? "notice"
      : document.querySelector("main .card")
        ? "cards"
        : "nothing";

async function run(doc) {
  seen = fresh();
  if (page.isClosed()) await newPage();
  if (doc.kind === "index") {
    await copyFile(join(HOSTILE, "docs", `${doc.name}.json`), join(dir, "articles.json"));
  }
  const url = doc.kind === "index" ? host.url : `${host.url}articles/${encodeURIComponent(doc.name)}`;
  const started = Date.now();
  await page.goto(url);
  // Content or a message, and nothing left loading.
  await page
    .waitForFunction(
      () =>
        document.querySelector("main article.article, main .notice, main .card") &&
        !document.querySelector(".article-loading, .cards-loading, [aria-busy='true']"),
      null,
      { timeout: SETTLE_MS, polling: 100 },
    )
    .catch(async () => {
      const main = await page.locator("main").innerHTML().catch(() => "(no page)");
      throw new Error(`${doc.name}: neither content nor a message within ${SETTLE_MS / 1000} s; main: ${main.slice(0, 300)}`);
    });
  const ms = Date.now() - started;
  const shown = await page.evaluate(SHOWN);
  const problems = await page.evaluate(inspect, { marker: MARKER, baseline });
  const longestTask = Math.round(await page.evaluate(() => window.__longestTask));
  timings.push({ name: doc.name, ms, longestTask, shown });
  if (doc.kind === "index" && doc.name.startsWith("index-next-")) {
    if (await page.getByRole("button", { name: "Load more" }).count()) problems.push("a `next` that is not http(s) offers Load more");
  }
  for (const d of seen.dialogs) problems.push(`a dialog opened: ${d}`);
  for (const r of seen.requests) {
    if (r.includes(MARKER) || (/^(javascript|vbscript|data|blob|file):/i.test(r) && !baseline.requests.includes(r))) {
      problems.push(`a request to ${r.slice(0, 100)}`);
    }
  }
  for (const line of [...seen.console, ...seen.errors]) {
    if (/panicked|RuntimeError|unreachable|crashed/i.test(line)) problems.push(`panic: ${line.slice(0, 300)}`);
  }
  return { shown, problems, ms, longestTask };
}

test("the committed corpus is what the generator writes", async () => {
  const docs = smallDocuments();
  assert.ok(docs.length >= 200, `${docs.length} documents`);
  assert.deepEqual(
    docs.map(({ name, kind, expect, note }) => ({ name, kind, expect, note })),
    MANIFEST,
    "run `node tests/fixtures/hostile/generate.mjs`",
  );
  for (const doc of docs) {
    assert.ok(doc.bytes.equals(await readFile(join(HOSTILE, "docs", `${doc.name}.json`))), `${doc.name} is stale`);
  }
});


describe("each hostile document, as an article or as the index", () => {
  for (const doc of MANIFEST) {
    test(`${doc.name}: ${doc.note.slice(0, 90)}`, async () => {
      const { shown, problems } = await run(doc);
      assert.deepEqual(problems, [], `${doc.name} (${shown})`);
      const expected = { article: ["article"], notice: ["notice"], cards: ["cards"], any: ["article", "notice"] }[doc.expect];
      assert.ok(expected.includes(shown), `${doc.name}: shows ${shown}, expected ${doc.expect}`);
    });
  }
});

describe("the very large documents (generated at test time)", () => {
  for (const name of ["large-1000-pillars", "large-50000-blocks", "large-20mb"]) {
    test(name, async () => {
      const doc = large.find((d) => d.name === name);
      const { shown, problems, ms, longestTask } = await run(doc);
      // Reported, not judged: the model's limits for these are being written.
      console.log(`${name} (${(doc.size / 1e6).toFixed(1)} MB): ${shown} after ${ms} ms, longest task ${longestTask} ms`);
      assert.ok(["article", "notice"].includes(shown), `${name}: shows ${shown}`);
      assert.deepEqual(problems.filter((p) => /panic|dialog|request|pwned|script|on[a-z]+$/.test(p)), [], name);
      const layout = problems.filter((p) => !/panic|dialog|request|pwned|script|on[a-z]+$/.test(p));
      if (layout.length) console.log(`${name}: ${layout.join("; ")}`);
    });
  }
});

