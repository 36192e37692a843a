// 6. The prerenderer's throughput (scripts/prerender, crates/prerender): a synthetic backend of
// N articles (lib/synthetic-backend.mjs) prerendered into a fresh copy of the build, timed from
// outside with its peak memory, then run again over its own output (the incremental run a
// deployment makes when nothing changed: every page read, rendered and compared, none written).
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { cpus } from "node:os";
import { deploySite, PRERENDER } from "../../tests/e2e/harness.mjs";
import { startSyntheticApi } from "../lib/synthetic-backend.mjs";
import { fixed, heading, mib, note, printTable } from "../lib/report.mjs";

/** GNU time: its -v report has the child's peak RSS, read by the kernel at exit. */
const TIME = "/usr/bin/time";
/** Longer than any sane run on a slow machine; a run past it is stopped and reported as failed. */
const LIMIT_MS = 30 * 60_000;
/** Nothing is served from it: the URL is only written into canonical links and JSON-LD. */
const SITE_URL = "https://bench.example/";

/** Peak RSS (bytes) of `pid` so far, from /proc (VmHWM: the kernel's high-water mark); null once gone. */
function highWaterMark(pid) {
  try {
    const kib = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1];
    return kib === undefined ? null : Number(kib) * 1024;
  } catch {
    return null;
  }
}

/**
 * Runs the prerenderer with `args`: its output, wall time (spawn to exit, as a deployment
 * waits for it) and peak RSS. Under GNU time when it is installed, which reads the peak at exit;
 * otherwise /proc is polled every 100 ms, which can miss growth in the last 100 ms.
 * `progress()` is called every second while it runs.
 */
function measure(args, progress) {
  const timed = existsSync(TIME);
  const [command, argv] = timed ? [TIME, ["-v", PRERENDER, ...args]] : [PRERENDER, args];
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, argv, { stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    let polled = null;
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    // Under time(1) the child's child is the prerenderer: poll only without it.
    const poll = timed ? null : setInterval(() => (polled = Math.max(polled ?? 0, highWaterMark(child.pid) ?? 0)), 100);
    const tick = setInterval(progress, 1000);
    const limit = setTimeout(() => child.kill("SIGKILL"), LIMIT_MS);
    child.on("error", reject);
    child.on("close", (code) => {
      const seconds = (performance.now() - started) / 1000;
      [poll, tick].forEach((t) => t && clearInterval(t));
      clearTimeout(limit);
      const field = (re) => Number(re.exec(stderr)?.[1] ?? NaN);
      const peak = timed ? field(/Maximum resident set size \(kbytes\): (\d+)/) * 1024 : polled;
      resolve({
        // time(1) passes the child's status on; a child killed by a signal it reports in words.
        code: timed && /Command terminated by signal/.test(stderr) ? code || 137 : code,
        stdout,
        stderr: timed ? stderr.replace(/\tCommand being timed:[\s\S]*$/, "") : stderr,
        seconds,
        peak: Number.isFinite(peak) ? peak : null,
        peakFrom: timed ? "GNU time -v" : "/proc VmHWM polled every 100 ms",
        cpu: timed ? field(/User time \(seconds\): ([\d.]+)/) + field(/System time \(seconds\): ([\d.]+)/) : null,
      });
    });
  });
}

/** The prerenderer's report: its first line's figures and the counts below it. */
function readReport(stdout) {
  const first = stdout.split("\n")[0];
  const m = /^prerendered (\d+) files \((\d+) articles\) from \S+ in ([\d.]+) s: (\d+) articles\/s/.exec(first);
  const count = (what) => Number(new RegExp(`^  ${what} (\\d+)`, "m").exec(stdout)?.[1] ?? 0);
  return {
    line: first,
    pages: m ? Number(m[1]) : null,
    articles: m ? Number(m[2]) : null,
    seconds: m ? Number(m[3]) : null,
    rate: m ? Number(m[4]) : null,
    new: count("new"),
    changed: count("changed"),
    unchanged: count("unchanged"),
    removed: count("removed"),
    failed: count("not prerendered"),
  };
}

/** Bytes of the pages the prerenderer wrote (du, apparent sizes), or null if du fails. */
function pageBytes(dir) {
  const du = spawnSync("du", ["-sbc", "articles", "pillars", "index.html"], { cwd: dir, encoding: "utf8" });
  const total = /^(\d+)\s+total$/m.exec(du.stdout ?? "")?.[1];
  return total === undefined ? null : Number(total);
}

/** One run with the API's requests and CPU time over it (the API shares the machine's cores). */
async function timedRun(label, args, api) {
  const before = { ...api.requests };
  const cpuBefore = process.cpuUsage();
  const progress = () => {
    if (process.stderr.isTTY) process.stderr.write(`\r  ${label}: ${api.requests.article - before.article} articles asked for`);
  };
  const run = await measure(args, progress);
  if (process.stderr.isTTY) process.stderr.write("\n");
  const cpu = process.cpuUsage(cpuBefore);
  return {
    ...run,
    report: readReport(run.stdout),
    apiRequests: { index: api.requests.index - before.index, article: api.requests.article - before.article },
    apiCpu: (cpu.user + cpu.system) / 1e6,
  };
}

function print(count, cores, runs, bytes) {
  const [first, second] = runs;
  const rate = (r) => (r.report.articles ?? 0) / r.seconds;
  const row = (name, f) => [name, ...runs.map(f)];
  const int = (x) => (x === null || x === undefined ? "n/a" : Math.round(x).toLocaleString("en-US"));
  printTable(
    `Prerendering ${int(count)} articles (synthetic API, 1,000 cards per index page) into a copy of the build`,
    ["", "first run (empty site)", "second run (nothing changed)"],
    [
      row("wall time (spawn to exit)", (r) => `${fixed(2)(r.seconds)} s`),
      row("articles/s (that wall time)", (r) => int(rate(r))),
      row("articles/s (its own report)", (r) => int(r.report.rate)),
      row(`articles/s per core (${cores} cores)`, (r) => int(rate(r) / cores)),
      row("peak RSS", (r) => mib(r.peak)),
      row("CPU time (user + sys)", (r) => (r.cpu === null ? "n/a" : `${fixed(1)(r.cpu)} s (${fixed(2)(r.cpu / r.seconds)} cores busy)`)),
      row("pages: new / changed / unchanged", (r) => `${int(r.report.new)} / ${int(r.report.changed)} / ${int(r.report.unchanged)}`),
      row("articles not prerendered", (r) => int(r.report.failed)),
      row("API requests: index pages / articles", (r) => `${int(r.apiRequests.index)} / ${int(r.apiRequests.article)}`),
      row("API CPU time (node, same machine)", (r) => `${fixed(1)(r.apiCpu)} s`),
    ],
  );
  note(`Files written: ${int(first.report.pages)} (for ${int(first.report.articles)} articles: each one's page, oEmbed document and card frame; the feed's first page, the pillar pages, the feeds, the sitemap and robots.txt), ${mib(bytes)} on disk (apparent size).`,
    `Peak RSS read with ${first.peakFrom}. Wall time includes starting the process and its exit.`,
    `Its report, first run:  ${first.report.line}`,
    `Its report, second run: ${second.report.line}`);
  for (const r of runs) {
    if (r.code !== 0) note(`A run exited with ${r.code}: ${(r.stderr || r.stdout).trim().split("\n").slice(0, 5).join(" | ")}`);
  }
}

export async function runPrerender({ dist, root, articles }) {
  heading("Prerender throughput (scripts/prerender on a synthetic backend)");
  if (!existsSync(PRERENDER)) throw new Error(`${PRERENDER} is not built: run scripts/prerender --help`);
  const cores = cpus().length;
  note(`${articles.toLocaleString("en-US")} articles, each the reference article with its own slug, headline, date and`,
    "1–3 of 20 pillars, made on request by a node HTTP API on 127.0.0.1 (keep-alive), which shares the",
    `machine's ${cores} cores with the prerenderer. Into a fresh copy of the build (a temporary folder, removed after).`);
  const api = await startSyntheticApi({ root, count: articles });
  const site = await deploySite(dist, api.base);
  try {
    const args = ["--api", api.base, "--site-url", SITE_URL, "--dist", site.dir];
    const first = await timedRun("first run", args, api);
    const bytes = pageBytes(site.dir);
    const second = await timedRun("second run", args, api);
    print(articles, cores, [first, second], bytes);
    const figures = (r) => ({
      code: r.code,
      seconds: r.seconds,
      articlesPerSecond: (r.report.articles ?? 0) / r.seconds,
      reportedArticlesPerSecond: r.report.rate,
      peakRssBytes: r.peak,
      cpuSeconds: r.cpu,
      report: r.report,
      apiRequests: r.apiRequests,
      apiCpuSeconds: r.apiCpu,
    });
    return { articles, cores, pageBytes: bytes, first: figures(first), second: figures(second) };
  } finally {
    await api.close();
    await site.remove();
  }
}
