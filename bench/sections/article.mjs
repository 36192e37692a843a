// 2. The reference article as the app, as a prerendered page the app takes over, as a static
// page and as a plain-JS page: cold loads (a new browser context each, so nothing cached),
// unthrottled and throttled.
import { CONDITIONS, coldPage, paintFigures, settle, waitForMark } from "../lib/browser.mjs";
import { fixed, heading, kib, ms, note, printTable, ratio, spread, summary, times } from "../lib/report.mjs";

/** The headline and the first body paragraph are both in the DOM (the same classes on all three). */
const CONTENT_MARK = {
  name: "content",
  selectors: { "article.article h1.headline": null, "article.article .article-body p": null },
};

/**
 * The app has taken a prerendered page over: the page's frame (header, main and footer marked
 * `data-shell`) was there and no element has `data-shell` any more. The app swaps its own
 * elements in only once its page has settled, so from here the page is the app's: interactive.
 */
const TAKEOVER_MARK = { name: "takeover", gone: "[data-shell]" };

/**
 * `done`: the mark that says the page is the app's, interactive, for the "takeover done"
 * column: the prerendered page's takeover; the app's own page is fully shown and the app's at
 * once (it renders the article itself, nothing to take over); none for the pages without the app.
 */
export const VARIANTS = [
  { key: "app", label: "app (Leptos/wasm)", url: (u) => u.appArticle, done: "content" },
  { key: "prerendered", label: "prerendered + app", url: (u) => u.prerenderedArticle, done: "takeover" },
  { key: "static", label: "static HTML", url: (u) => u.staticArticle, done: null },
  { key: "plain", label: "plain JS", url: (u) => u.plainArticle, done: null },
];

/**
 * One cold load: null figures where the page never got there (counted as missed). With
 * `takeover`, it also waits for the app to take the prerendered page over, so that the settle
 * (and CLS) covers the swap, which comes after the wasm, well after the page's own content.
 * Also used by compare.mjs.
 */
export async function load(browser, url, conditions, timeout, { takeover = false } = {}) {
  const marks = takeover ? [CONTENT_MARK, TAKEOVER_MARK] : [CONTENT_MARK];
  const { page, network } = await coldPage(browser, { conditions, marks });
  try {
    await page.goto(url, { waitUntil: "load", timeout }).catch(() => {});
    const content = await waitForMark(page, "content", timeout);
    const takenOver = takeover ? await waitForMark(page, "takeover", timeout) : null;
    await settle(page, { capMs: conditions.network ? 8000 : 5000 });
    const figures = await paintFigures(page);
    return {
      content,
      takeover: takenOver,
      fcp: figures.fcp,
      lcp: figures.lcp,
      lcpElement: figures.lcpElement,
      cls: figures.cls,
      shifts: figures.shifts,
      requests: network.requests,
      bytes: network.bytes,
      problems: page.problems,
    };
  } finally {
    await page.context().close();
  }
}

async function runCondition(browser, urls, conditions, runs) {
  const timeout = conditions.network ? 60_000 : 30_000;
  const loads = Object.fromEntries(VARIANTS.map((v) => [v.key, []]));
  // Interleaved (app, prerendered, static, plain, app, …) so background load, such as another
  // build on this machine, falls on every variant alike rather than on whichever ran at the time.
  for (let i = 0; i < runs; i += 1) {
    for (const v of VARIANTS) {
      const takeover = v.done === "takeover";
      loads[v.key].push(await load(browser, v.url(urls), conditions, timeout, { takeover }));
    }
    if (process.stderr.isTTY) process.stderr.write(`\r  ${conditions.label}: ${i + 1}/${runs} rounds`);
  }
  if (process.stderr.isTTY) process.stderr.write("\n");
  const result = {};
  for (const v of VARIANTS) {
    const l = loads[v.key];
    result[v.key] = {
      fcp: summary(l.map((x) => x.fcp)),
      content: summary(l.map((x) => x.content)),
      done: v.done === null ? null : summary(l.map((x) => x[v.done])),
      lcp: summary(l.map((x) => x.lcp)),
      cls: summary(l.map((x) => x.cls)),
      requests: summary(l.map((x) => x.requests.length)),
      bytes: summary(l.map((x) => x.bytes)),
      lcpElements: [...new Set(l.map((x) => x.lcpElement).filter(Boolean))],
      shifts: l.flatMap((x) => x.shifts),
      requestUrls: l[0]?.requests ?? [],
      problems: [...new Set(l.flatMap((x) => x.problems))],
    };
  }
  return result;
}

function print(conditions, r, runs) {
  const row = (v) => {
    const x = r[v.key];
    const done = x.done === null ? "—" : spread(ms)(x.done);
    return [v.label, spread(ms)(x.fcp), spread(ms)(x.content), spread(ms)(x.lcp), done, spread(fixed(3))(x.cls), fixed(0)(x.requests.median), kib(x.bytes.median)];
  };
  printTable(
    `Article page, ${conditions.label}: median (min–max) of ${runs} cold loads`,
    ["page", "FCP", "headline + 1st paragraph", "LCP", "takeover done", "CLS", "requests", "transferred"],
    VARIANTS.map(row),
  );
  const { app, prerendered: pre } = r;
  const ratios = (figure) => [
    times(ratio(app[figure].median, r.static[figure].median)),
    times(ratio(app[figure].median, r.plain[figure].median)),
    times(ratio(pre[figure].median, r.static[figure].median)),
  ];
  printTable("Ratios (medians)", ["", "app / static", "app / plain JS", "prerendered / static"], [
    ["FCP", ...ratios("fcp")],
    ["headline + 1st paragraph", ...ratios("content")],
    ["LCP", ...ratios("lcp")],
  ]);
  for (const v of VARIANTS) {
    const x = r[v.key];
    const missed = Math.max(x.content.missed, x.lcp.missed, x.fcp.missed, x.done?.missed ?? 0);
    if (missed) note(`${v.label}: ${missed} of ${runs} loads never reached a figure (shown as n/a or left out)`);
    note(`${v.label}: LCP element ${x.lcpElements.join(", ") || "none"}`);
    if (x.shifts.length) {
      const what = [...new Set(x.shifts.flatMap((s) => s.sources))].join(", ");
      note(`${v.label}: ${x.shifts.length} layout shifts in ${runs} loads, moving ${what || "?"}`);
    }
    for (const p of x.problems) note(`${v.label}: ${p}`);
  }
}

/** The paths a variant's first load asked for, the other origin's (the API's) marked. */
function requestList(x, pageUrl) {
  const origin = new URL(pageUrl).origin;
  return x.requestUrls.map((u) => new URL(u).pathname + (new URL(u).origin === origin ? "" : "  (API)"));
}

export async function runArticle({ browser, urls, runs, prerenderReport }) {
  heading("Article page: the app, prerendered + app, a static page, plain JS");
  note("FCP: first-contentful-paint. Headline + 1st paragraph: navigation start until h1.headline and the",
    "first .article-body p are both in the DOM (MutationObserver). LCP read after load settles. CLS: largest",
    "session window of layout shifts without recent input. Transferred: bytes over the wire (brotli).",
    "Prerendered + app: the same build with its pages written by scripts/prerender (on its own origin); the",
    "page carries the article and its document, and the app takes it over once its own page has settled.",
    "Takeover done: navigation start until the prerendered frame is gone (it had [data-shell] elements; none",
    "are left), i.e. the page is the app's and interactive; for the app's own page it is the headline +",
    "1st paragraph figure (the app renders the article itself: fully shown is interactive). CLS of the",
    "prerendered page covers the takeover (each load waits for it before settling).");
  if (prerenderReport) note(`Prerendered with: ${prerenderReport}`);
  const out = {};
  for (const conditions of [CONDITIONS.unthrottled, CONDITIONS.throttled]) {
    const r = await runCondition(browser, urls, conditions, runs);
    print(conditions, r, runs);
    out[conditions === CONDITIONS.unthrottled ? "unthrottled" : "throttled"] = r;
  }
  note("", "Requests the app's article page made (first unthrottled load):",
    ...requestList(out.unthrottled.app, urls.appArticle).map((p) => `  ${p}`));
  note("", "Requests the prerendered article page made (first unthrottled load):",
    ...requestList(out.unthrottled.prerendered, urls.prerenderedArticle).map((p) => `  ${p}`));
  return out;
}
