// Two builds of the site, A and B, against each other: the article page's cold loads,
// interleaved (A, B, A, B, …) so that background load falls on both alike, and the medians of
// the time to the headline and first paragraph in the DOM and of LCP. For a before/after of
// one change, where two separate `scripts/bench` runs differ by more than the change.
//   node bench/compare.mjs <dist A> <dist B> [unthrottled|throttled] [loads]
import { CONDITIONS, launchBrowser } from "./lib/browser.mjs";
import { median } from "./lib/report.mjs";
import { startSite } from "./lib/site.mjs";
import { load } from "./sections/article.mjs";

const [a, b, condition = "throttled", loads = "10"] = process.argv.slice(2);
if (!a || !b || !CONDITIONS[condition]) {
  console.error("usage: node bench/compare.mjs <dist A> <dist B> [unthrottled|throttled] [loads]");
  process.exit(2);
}
const builds = [
  { dist: a, site: await startSite(a), content: [], lcp: [] },
  { dist: b, site: await startSite(b), content: [], lcp: [] },
];
const browser = await launchBrowser();
for (let i = 0; i < Number(loads); i += 1) {
  for (const build of builds) {
    const { content, lcp } = await load(browser, build.site.urls.appArticle, CONDITIONS[condition], 60_000);
    if (content !== null) build.content.push(content);
    if (lcp !== null) build.lcp.push(lcp);
  }
}
await browser.close();
for (const build of builds) await build.site.close();
const ms = (values) => (values.length ? `${median(values).toFixed(0)} ms` : "n/a");
console.log(`Article page, ${CONDITIONS[condition].label}: median of ${loads} cold loads each, interleaved`);
for (const [name, build] of [["A", builds[0]], ["B", builds[1]]]) {
  console.log(`${name} ${build.dist}: headline + 1st paragraph ${ms(build.content)}, LCP ${ms(build.lcp)} (${build.lcp.length} loads with LCP)`);
}
process.exit(0);
