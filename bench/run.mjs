// The reader's benchmark: prints what an article page downloads, how fast the app shows an
// article next to the same page prerendered, a static page and a plain-JS page, how it copes
// with 1,000 cards and with very large documents, Lighthouse's view, and how fast the
// prerenderer writes a large site, then the targets met or missed. It measures; it never
// fails because a machine is slow. Exit status 1 only if something could not be measured at all.
//
//   node bench/run.mjs [--runs N] [--only bundle,article,feed,large,lighthouse,prerender]
//                      [--articles N] [--json FILE] [--dist DIR]
//
// --runs N      cold loads per page and condition (default 10 for the article, 5 for the feed,
//               1 for each very large document)
// --only        a comma-separated subset of the sections
// --articles N  articles in the prerender section's synthetic backend (default 100,000)
// --json        also write every figure to FILE
// --dist        the build to measure (default dist/, as `trunk build --release` writes it)
import { readFile, writeFile } from "node:fs/promises";
import { cpus, loadavg } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { launchBrowser } from "./lib/browser.mjs";
import { ROOT, startSite } from "./lib/site.mjs";
import { runArticle } from "./sections/article.mjs";
import { runBundle } from "./sections/bundle.mjs";
import { runFeed } from "./sections/feed.mjs";
import { runLarge } from "./sections/large.mjs";
import { runLighthouse } from "./sections/lighthouse.mjs";
import { runPrerender } from "./sections/prerender.mjs";
import { printTargets } from "./sections/targets.mjs";

const SECTIONS = ["bundle", "article", "feed", "large", "lighthouse", "prerender"];
/** Sections that need the site and API hosts (the others read files or run their own). */
const SITE_SECTIONS = ["article", "feed", "large", "lighthouse"];

function options() {
  const { values } = parseArgs({
    options: {
      runs: { type: "string" },
      only: { type: "string" },
      articles: { type: "string", default: "100000" },
      json: { type: "string" },
      dist: { type: "string", default: "dist" },
    },
  });
  const only = values.only ? values.only.split(",").map((s) => s.trim()) : SECTIONS;
  const unknown = only.filter((s) => !SECTIONS.includes(s));
  if (unknown.length) throw new Error(`--only: unknown section ${unknown.join(", ")} (have ${SECTIONS.join(", ")})`);
  const runs = values.runs === undefined ? null : Number(values.runs);
  if (runs !== null && !(Number.isInteger(runs) && runs >= 1)) throw new Error("--runs wants a whole number ≥ 1");
  const articles = Number(values.articles);
  if (!(Number.isInteger(articles) && articles >= 1)) throw new Error("--articles wants a whole number ≥ 1");
  return { only, runs, articles, json: values.json, dist: resolve(ROOT, values.dist) };
}

async function main() {
  const opts = options();
  const started = Date.now();
  const budget = JSON.parse(await readFile(join(ROOT, "bench/budget.json"), "utf8"));
  console.log(`Signal of Hope reader benchmark: ${opts.dist}`);
  console.log(`Machine: ${cpus().length} CPUs, load average ${loadavg().map((l) => l.toFixed(2)).join(" ")} at start ` +
    "(other work on the machine slows every page alike; compare ratios, not absolute times).");
  const results = { date: new Date().toISOString(), dist: opts.dist, sections: opts.only };

  if (opts.only.includes("bundle")) results.bundle = await runBundle({ dist: opts.dist, budget });

  const browserSections = opts.only.filter((s) => SITE_SECTIONS.includes(s));
  if (browserSections.length) {
    const site = await startSite(opts.dist);
    const browser = opts.only.some((s) => s === "article" || s === "feed" || s === "large") ? await launchBrowser() : null;
    try {
      if (opts.only.includes("article")) {
        results.article = await runArticle({ browser, urls: site.urls, runs: opts.runs ?? 10, prerenderReport: site.prerenderReport });
      }
      if (opts.only.includes("feed")) {
        results.feed = await runFeed({ browser, urls: site.urls, api: site.api, runs: opts.runs ?? 5, root: ROOT });
      }
      if (opts.only.includes("large")) {
        results.large = await runLarge({ browser, urls: site.urls, api: site.api, runs: opts.runs ?? 1 });
      }
      if (opts.only.includes("lighthouse")) results.lighthouse = await runLighthouse({ urls: site.urls });
    } finally {
      await browser?.close();
      await site.close();
    }
  }
  // Last: it writes (and removes) a large site, whose disk traffic must not fall on the pages above.
  if (opts.only.includes("prerender")) {
    results.prerender = await runPrerender({ dist: opts.dist, root: ROOT, articles: opts.articles });
  }

  results.targets = printTargets(results, budget);
  results.seconds = Math.round((Date.now() - started) / 1000);
  console.log(`\nDone in ${results.seconds} s; load average now ${loadavg().map((l) => l.toFixed(2)).join(" ")}.`);
  if (opts.json) {
    await writeFile(opts.json, JSON.stringify(results, null, 2) + "\n");
    console.log(`Figures written to ${opts.json}.`);
  }
  // Slow is a result, not a failure; a page that never rendered is a failure to measure.
  const unmeasured = results.targets.filter((t) => t.met === null);
  if (unmeasured.length) {
    console.log(`\nCould not measure: ${unmeasured.map((t) => t.name).join("; ")}`);
    process.exitCode = 1;
  }
}

main().catch((err) => {
  console.error(`bench: ${err.stack ?? err}`);
  process.exitCode = 1;
});
