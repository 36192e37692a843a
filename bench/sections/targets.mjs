// The targets, each met, missed, or not measured (null: the section ran but produced no
// figure, e.g. a page that never rendered). Sections that were not run are left out.
import { fixed, heading, kib, ms, printTable, ratio, times } from "../lib/report.mjs";
import { FREEZE_LIMIT_MS, LARGE_CONDITIONS, condSummary } from "./large.mjs";

const target = (name, limit, measured, format, test) => ({
  name,
  limit,
  measured: measured ?? null,
  shown: measured === null || measured === undefined ? "not measured" : format(measured),
  met: measured === null || measured === undefined ? null : test(measured),
});

function articleTargets(a) {
  const u = a.unthrottled;
  const t = a.throttled;
  const allCls = [...u.app.shifts, ...t.app.shifts].length === 0 ? 0 : Math.max(u.app.cls.max ?? 0, t.app.cls.max ?? 0);
  // The "first paint": read both ways. The first paint proper (FCP), which the site's
  // frame in index.html gives before the wasm arrives, and the headline's, the stricter
  // reading, which no page that renders from fetched JSON can bring near the static page's
  // (the plain-JS page's ratio is printed above).
  return [
    target("app first paint (FCP) ≤ 1.5x static (unthrottled)", "≤ 1.50x", ratio(u.app.fcp.median, u.static.fcp.median), times, (x) => x <= 1.5),
    target("app first paint (FCP) ≤ 1.2x plain JS (unthrottled)", "≤ 1.20x", ratio(u.app.fcp.median, u.plain.fcp.median), times, (x) => x <= 1.2),
    target("app headline ≤ 1.5x static (unthrottled)", "≤ 1.50x", ratio(u.app.content.median, u.static.content.median), times, (x) => x <= 1.5),
    target("app headline ≤ 1.2x plain JS (unthrottled)", "≤ 1.20x", ratio(u.app.content.median, u.plain.content.median), times, (x) => x <= 1.2),
    target("app article LCP < 2.5 s (throttled)", "< 2500 ms", t.app.lcp.median, ms, (x) => x < 2500),
    target("app article CLS = 0 (worst load, both conditions)", "0", u.app.cls.n + t.app.cls.n ? allCls : null, fixed(3), (x) => x === 0),
  ];
}

function feedTargets(f) {
  return [
    target(`app ${f.cards} cards ≤ 2x plain JS`, "≤ 2.00x", ratio(f.app.feed.median, f.plain.feed.median), times, (x) => x <= 2),
    // Not one of the targets, but a filter that never shows the pillar's list is unmeasured.
    target("app pillar filter shows the pillar's cards", "shown", f.app.filter.median, ms, () => true),
  ];
}

/**
 * Per very large document: the longest main-thread task (the larger of the longtask observer's
 * and the trace's reading, worst over both conditions) under 1 s, no crash, and the page showed
 * the headline or a message. Not measured only if no load produced a reading at all.
 */
function largeTargets(l) {
  return l.documents.map((doc) => {
    const per = LARGE_CONDITIONS.map((c) => ({ c, s: condSummary(doc.conditions[c.key]) }));
    const readings = per.map(({ c, s }) => ({ c, longest: Math.max(s.apiLongest ?? -1, s.traceLongest ?? -1), s }));
    const worst = readings.reduce((a, b) => (b.longest > a.longest ? b : a));
    const crashed = per.some(({ s }) => s.crashed);
    const blank = per.filter(({ s }) => !s.shownAll).map(({ c }) => c.label);
    const measured = worst.longest < 0 && !crashed ? null : { longest: worst.longest < 0 ? null : worst.longest, where: worst.c.label, crashed, blank };
    const shown = (m) =>
      [m.longest === null ? "no reading" : `${ms(m.longest)} (${m.where})`, m.crashed ? "CRASHED" : "no crash", ...(m.blank.length ? [`nothing shown (${m.blank.join(", ")})`] : [])].join(", ");
    return target(`large: ${doc.name}: longest task < 1 s, no crash`, "< 1000 ms, no crash", measured, shown, (m) =>
      m.longest !== null && m.longest < FREEZE_LIMIT_MS && !m.crashed && m.blank.length === 0);
  });
}

function lighthouseTargets(l) {
  return Object.entries(l).map(([page, r]) => {
    const s = r.scores;
    const measured = r.error || !s ? null : `${s.performance}/${s.accessibility}/${s["best-practices"]}/${s.seo}`;
    return target(`Lighthouse ${page}: perf ≥ 95, a11y/BP/SEO = 100`, "95/100/100/100", measured, (x) => x, () =>
      s.performance >= 95 && s.accessibility === 100 && s["best-practices"] === 100 && s.seo === 100);
  });
}

export function printTargets(results, budget) {
  const rows = [];
  if (results.bundle) {
    rows.push(target("article page wasm+JS+CSS < budget (brotli)", kib(budget.article_page_brotli_bytes),
      results.bundle.code.brotli, kib, (x) => x < budget.article_page_brotli_bytes));
  }
  if (results.article) rows.push(...articleTargets(results.article));
  if (results.feed) rows.push(...feedTargets(results.feed));
  if (results.large) rows.push(...largeTargets(results.large));
  if (results.lighthouse) rows.push(...lighthouseTargets(results.lighthouse));
  heading("Targets");
  printTable("", ["target", "limit", "measured", ""], rows.map((t) => [t.name, t.limit, t.shown, t.met === null ? "NOT MEASURED" : t.met ? "met" : "MISSED"]));
  return rows.map(({ name, limit, measured, met }) => ({ name, limit, measured, met }));
}
