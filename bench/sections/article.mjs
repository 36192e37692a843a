// 2. The reference article as the app, as a static page and as a plain-JS page: cold loads
// (a new browser context each, so nothing cached), unthrottled and throttled.
import { CONDITIONS, coldPage, paintFigures, settle, waitForMark } from "../lib/browser.mjs";
import { fixed, heading, kib, ms, note, printTable, ratio, spread, summary, times } from "../lib/report.mjs";

/** The headline and the first body paragraph are both in the DOM (the same classes on all three). */
const CONTENT_MARK = {
  name: "content",
  selectors: { "article.article h1.headline": null, "article.article .article-body p": null },
};

export const VARIANTS = [
  { key: "app", label: "app (Leptos/wasm)", url: (u) => u.appArticle },
  { key: "static", label: "static HTML", url: (u) => u.staticArticle },
  { key: "plain", label: "plain JS", url: (u) => u.plainArticle },
];

/** One cold load: null figures where the page never got there (counted as missed). Also used by compare.mjs. */
export async function load(browser, url, conditions, timeout) {
  const { page, network } = await coldPage(browser, { conditions, marks: [CONTENT_MARK] });
  try {
    await page.goto(url, { waitUntil: "load", timeout }).catch(() => {});
    const content = await waitForMark(page, "content", timeout);
    await settle(page, { capMs: conditions.network ? 8000 : 5000 });
    const figures = await paintFigures(page);
    return {
      content,
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
  // Interleaved (app, static, plain, app, …) so background load, such as another build on
  // this machine, falls on every variant alike rather than on whichever ran at the time.
  for (let i = 0; i < runs; i += 1) {
    for (const v of VARIANTS) loads[v.key].push(await load(browser, v.url(urls), conditions, timeout));
    if (process.stderr.isTTY) process.stderr.write(`\r  ${conditions.label}: ${i + 1}/${runs} rounds`);
  }
  if (process.stderr.isTTY) process.stderr.write("\n");
  const result = {};
  for (const v of VARIANTS) {
    const l = loads[v.key];
    result[v.key] = {
      fcp: summary(l.map((x) => x.fcp)),
      content: summary(l.map((x) => x.content)),
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
    return [v.label, spread(ms)(x.fcp), spread(ms)(x.content), spread(ms)(x.lcp), spread(fixed(3))(x.cls), fixed(0)(x.requests.median), kib(x.bytes.median)];
  };
  printTable(
    `Article page, ${conditions.label}: median (min–max) of ${runs} cold loads`,
    ["page", "FCP", "headline + 1st paragraph", "LCP", "CLS", "requests", "transferred"],
    VARIANTS.map(row),
  );
  const app = r.app;
  printTable("Ratios (medians)", ["", "app / static", "app / plain JS"], [
    ["FCP", times(ratio(app.fcp.median, r.static.fcp.median)), times(ratio(app.fcp.median, r.plain.fcp.median))],
    ["headline + 1st paragraph", times(ratio(app.content.median, r.static.content.median)), times(ratio(app.content.median, r.plain.content.median))],
    ["LCP", times(ratio(app.lcp.median, r.static.lcp.median)), times(ratio(app.lcp.median, r.plain.lcp.median))],
  ]);
  for (const v of VARIANTS) {
    const x = r[v.key];
    const missed = Math.max(x.content.missed, x.lcp.missed, x.fcp.missed);
    if (missed) note(`${v.label}: ${missed} of ${runs} loads never reached a figure (shown as n/a or left out)`);
    note(`${v.label}: LCP element ${x.lcpElements.join(", ") || "none"}`);
    if (x.shifts.length) {
      const what = [...new Set(x.shifts.flatMap((s) => s.sources))].join(", ");
      note(`${v.label}: ${x.shifts.length} layout shifts in ${runs} loads, moving ${what || "?"}`);
    }
    for (const p of x.problems) note(`${v.label}: ${p}`);
  }
}

export async function runArticle({ browser, urls, runs }) {
  heading("Article page: the app vs a static page vs plain JS");
  note("FCP: first-contentful-paint. Headline + 1st paragraph: navigation start until h1.headline and the",
    "first .article-body p are both in the DOM (MutationObserver). LCP read after load settles. CLS: largest",
    "session window of layout shifts without recent input. Transferred: bytes over the wire (brotli).");
  const out = {};
  for (const conditions of [CONDITIONS.unthrottled, CONDITIONS.throttled]) {
    const r = await runCondition(browser, urls, conditions, runs);
    print(conditions, r, runs);
    out[conditions === CONDITIONS.unthrottled ? "unthrottled" : "throttled"] = r;
  }
  const appRequests = out.unthrottled.app.requestUrls.map((u) => new URL(u).pathname + (new URL(u).origin === new URL(urls.appArticle).origin ? "" : "  (API)"));
  note("", "Requests the app's article page made (first unthrottled load):", ...appRequests.map((p) => `  ${p}`));
  return out;
}
