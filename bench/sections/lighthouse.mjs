// 4. Lighthouse (its default mobile config: simulated slow 4G and 4x CPU) on the app's article
// and feed pages and on the same pages prerendered (scripts/prerender), with what to fix:
// failing audits and the largest performance savings.
import lighthouse from "lighthouse";
// chrome-launcher comes with lighthouse (its dependency), so it is not a dependency of ours.
import * as chromeLauncher from "chrome-launcher";
import { CHROME_FLAGS, CHROME_PATH } from "../lib/browser.mjs";
import { fixed, heading, ms, note, printTable } from "../lib/report.mjs";

const CATEGORIES = ["performance", "accessibility", "best-practices", "seo"];
const METRICS = {
  FCP: "first-contentful-paint",
  LCP: "largest-contentful-paint",
  TBT: "total-blocking-time",
  CLS: "cumulative-layout-shift",
};

/** Audits that count towards a category's score and did not pass. */
function failing(lhr, category) {
  return lhr.categories[category].auditRefs
    .filter((ref) => ref.weight > 0 || category !== "performance")
    .map((ref) => lhr.audits[ref.id])
    .filter((a) => a.score !== null && a.score < 1 && ["binary", "numeric", "metricSavings"].includes(a.scoreDisplayMode))
    .map((a) => `${a.title}${a.displayValue ? ` (${a.displayValue})` : ""}`);
}

/** Performance audits with estimated savings, largest first. */
function opportunities(lhr, top = 6) {
  return lhr.categories.performance.auditRefs
    .map((ref) => lhr.audits[ref.id])
    .filter((a) => a.score !== null && a.score < 1)
    .map((a) => ({ a, savings: a.details?.overallSavingsMs ?? a.metricSavings?.LCP ?? a.metricSavings?.FCP ?? 0 }))
    .filter((x) => x.savings > 0 || x.a.details?.type === "opportunity")
    .sort((x, y) => y.savings - x.savings)
    .slice(0, top)
    .map(({ a, savings }) => `${a.title}${savings ? ` (~${Math.round(savings)} ms)` : ""}${a.displayValue ? `: ${a.displayValue}` : ""}`);
}

async function audit(url, port) {
  const result = await lighthouse(url, { port, output: "json", logLevel: "error", onlyCategories: CATEGORIES });
  const lhr = result?.lhr;
  if (!lhr) throw new Error(`Lighthouse returned nothing for ${url}`);
  if (lhr.runtimeError) throw new Error(`Lighthouse: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
  const scores = Object.fromEntries(CATEGORIES.map((c) => [c, lhr.categories[c].score === null ? null : Math.round(lhr.categories[c].score * 100)]));
  const metrics = Object.fromEntries(Object.entries(METRICS).map(([k, id]) => [k, lhr.audits[id]?.numericValue ?? null]));
  const fails = Object.fromEntries(CATEGORIES.slice(1).map((c) => [c, failing(lhr, c)]));
  return { url, scores, metrics, failing: fails, opportunities: opportunities(lhr), warnings: lhr.runWarnings ?? [] };
}

export async function runLighthouse({ urls }) {
  heading("Lighthouse 12 (default mobile config: simulated slow 4G, 4x CPU)");
  const chrome = await chromeLauncher.launch({ chromePath: CHROME_PATH, chromeFlags: CHROME_FLAGS });
  // Keys as in --json (the app's pages keep their names from before prerendering existed).
  const pages = {
    article: urls.appArticle,
    feed: urls.appFeed,
    "prerendered article": urls.prerenderedArticle,
    "prerendered feed": urls.prerenderedFeed,
  };
  const out = {};
  try {
    for (const [name, url] of Object.entries(pages)) {
      try {
        out[name] = await audit(url, chrome.port);
      } catch (err) {
        out[name] = { url, error: err.message };
      }
    }
  } finally {
    await chrome.kill();
  }
  const names = Object.keys(pages);
  const cell = (name, f) => (out[name].error ? "error" : f(out[name]));
  printTable(
    "Scores and lab metrics",
    ["", ...names.map((n) => (n.startsWith("prerendered") ? n : `app ${n}`))],
    [
      ...CATEGORIES.map((c) => [c, ...names.map((n) => cell(n, (r) => r.scores[c] ?? "n/a"))]),
      ...["FCP", "LCP", "TBT"].map((m) => [m, ...names.map((n) => cell(n, (r) => ms(r.metrics[m])))]),
      ["CLS", ...names.map((n) => cell(n, (r) => fixed(3)(r.metrics.CLS)))],
    ],
  );
  for (const name of names) {
    const r = out[name];
    if (r.error) {
      note(`${name}: could not be audited: ${r.error}`);
      continue;
    }
    for (const [category, titles] of Object.entries(r.failing)) {
      note(`${name}, ${category}: ${titles.length ? "failing: " + titles.join("; ") : "all audits pass"}`);
    }
    note(`${name}, performance opportunities: ${r.opportunities.length ? "" : "none"}`);
    for (const o of r.opportunities) note(`  - ${o}`);
    for (const w of r.warnings) note(`${name}, Lighthouse warning: ${w}`);
  }
  return out;
}
