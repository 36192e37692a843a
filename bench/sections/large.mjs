// 5. The very large documents of the hostile corpus (tests/fixtures/hostile/generate.mjs), each
// served as an article from the API origin and loaded cold in the app, unthrottled and with 4x
// CPU throttling: does the page ever freeze for more than a second at a time, and does it crash?
//
// Every load is a new browser context with a PerformanceObserver for "longtask" (buffered,
// installed before the page's own code) and a Chromium trace of the same load, so the longest
// main-thread task is seen twice: by the page and by the browser's scheduler (RunTask events on
// the renderer's main thread). The two must agree; the target takes the larger. The wait ends
// when the page shows the headline or an error message (at most 60 s), then until no long task
// has arrived for a second (at most 15 s more), so the rendering after the DOM is built counts.
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CPU_SLOWDOWN, coldPage, memory } from "../lib/browser.mjs";
import { entry } from "../lib/hosts.mjs";
import { heading, mib, ms, note, printTable } from "../lib/report.mjs";
import { smallDocuments, writeLarge } from "../../tests/fixtures/hostile/generate.mjs";

/** A long task is ≥ 50 ms (the Long Tasks API's threshold); the target is a task under 1 s. */
export const LONG_TASK_MS = 50;
export const FREEZE_LIMIT_MS = 1000;
const SHOW_CAP_MS = 60_000;
const QUIET_MS = 1000;
const QUIET_CAP_MS = 15_000;

export const LARGE_CONDITIONS = [
  { key: "unthrottled", label: "unthrottled", network: null, cpu: 1 },
  { key: "cpu4x", label: `${CPU_SLOWDOWN}x CPU`, network: null, cpu: CPU_SLOWDOWN },
];

const MARKS = [
  { name: "headline", selectors: { "main article.article h1.headline": null } },
  { name: "message", selectors: { "main .notice": null } },
];

/** What counts as a crash in the console or as an uncaught error. */
const CRASH = /panicked|RuntimeError|unreachable executed/i;

/** Trace categories: RunTask (every main-thread task) and what ran inside the longest one. */
/** (v8.execute for RunMicrotasks: script run from promise callbacks has no FunctionCall event.) */
const TRACE_CATEGORIES = ["disabled-by-default-devtools.timeline", "devtools.timeline", "v8.execute"];
/** Events that only wrap a task's work, not what it did. */
const WRAPPERS = new Set(["RunTask", "ThreadControllerImpl::RunTask", "BlinkScheduler_PerformMicrotaskCheckpoint", "Receive mojo message", "V8.Execute", "v8.run"]);

/** Runs in the page before its own code: every long task, and when the last one arrived. */
function installLongTasks() {
  const lt = { tasks: [], lastAt: 0, supported: false };
  window.__longTasks = lt;
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) lt.tasks.push({ start: e.startTime, duration: e.duration });
      lt.lastAt = performance.now();
    }).observe({ type: "longtask", buffered: true });
    lt.supported = true;
  } catch {
    // No Long Tasks API: the trace still has them.
  }
}

/** A document past the 32 MB limit, written the way writeLarge writes the 20 MB one. */
function overLimit() {
  const longWord = "Supercalifragilistic".repeat(500);
  const longText = "word ".repeat(2000).trim();
  const paragraph = (i) => (i % 2 ? longWord : longText).slice(0, 10_000 - 8) + String(i).padStart(8, "0");
  return JSON.stringify({
    slug: "large-over-limit",
    headline: "Hostile: large-over-limit",
    published_at: "2026-07-02",
    summary: longText,
    body: Array.from({ length: 3_500 }, (_, i) => paragraph(i)),
  });
}

/** The documents: writeLarge's three, the 10,000-character headlines, and one over the limit. */
async function documents(dir) {
  const large = await writeLarge(dir);
  const docs = [];
  for (const d of large) {
    docs.push({ name: d.name, note: d.note, expect: "article", bytes: await readFile(join(dir, "articles", `${d.name}.json`)) });
  }
  const small = smallDocuments();
  for (const [name, what] of [
    ["unicode-long-headline", "a 10,000-character headline (words)"],
    ["unicode-long-word", "a 10,000-character headline (one unbroken word)"],
  ]) {
    const d = small.find((x) => x.name === name);
    if (d) docs.push({ name, note: what, expect: "article", bytes: d.bytes });
  }
  docs.push({ name: "large-over-limit", note: "over the 32 MB limit (refused)", expect: "message", bytes: Buffer.from(overLimit()) });
  return docs;
}

/**
 * Main-thread tasks of the renderer from a Chromium trace: RunTask events ≥ LONG_TASK_MS on any
 * CrRendererMain thread (one page is open at a time), and what ran inside the longest.
 */
export function traceTasks(trace) {
  const events = Array.isArray(trace) ? trace : trace.traceEvents ?? [];
  const main = new Set();
  for (const e of events) {
    if (e.ph === "M" && e.name === "thread_name" && e.args?.name === "CrRendererMain") main.add(`${e.pid}:${e.tid}`);
  }
  const onMain = (e) => main.has(`${e.pid}:${e.tid}`);
  const tasks = events.filter((e) => e.ph === "X" && e.name === "RunTask" && onMain(e) && e.dur / 1000 >= LONG_TASK_MS);
  if (!tasks.length) return { tasks: [], longest: 0, sum: 0, count: 0, inside: [], renderers: main.size };
  const longest = tasks.reduce((a, b) => (b.dur > a.dur ? b : a));
  // The biggest pieces of work inside the longest task, by name (largest single event).
  const biggest = new Map();
  for (const e of events) {
    if (e.ph !== "X" || WRAPPERS.has(e.name) || e.pid !== longest.pid || e.tid !== longest.tid) continue;
    if (e.ts < longest.ts || e.ts + (e.dur ?? 0) > longest.ts + longest.dur) continue;
    biggest.set(e.name, Math.max(biggest.get(e.name) ?? 0, e.dur / 1000));
  }
  const inside = [...biggest].sort((a, b) => b[1] - a[1]).slice(0, 3).filter(([, d]) => d >= 10);
  return {
    tasks: tasks.map((e) => e.dur / 1000),
    longest: longest.dur / 1000,
    sum: tasks.reduce((s, e) => s + e.dur / 1000, 0),
    count: tasks.length,
    inside,
    renderers: main.size,
  };
}

/** What the page shows (runs in the page). */
function shows() {
  const text = (el) => (el ? el.textContent.replace(/\s+/g, " ").trim() : null);
  const h1 = document.querySelector("main article.article h1.headline");
  const notice = document.querySelector("main .notice");
  const cut = document.querySelector("main [role='note']");
  const body = document.querySelector("main article.article .article-body");
  return {
    headline: h1 ? [...text(h1)].length : null,
    cut: cut ? [...cut.querySelectorAll("li")].map(text).join(" ") || text(cut) : null,
    message: notice ? [text(notice.querySelector("h1")), text(notice.querySelector(".problem"))].filter(Boolean).join(": ") : null,
    blocks: body ? body.children.length : null,
    domNodes: document.getElementsByTagName("*").length,
    busy: document.querySelector(".article-loading, [aria-busy='true']") !== null,
  };
}

/** Stops the browser's trace and reads its long tasks (null if there is no trace). */
async function readTrace(browser) {
  const buffer = await browser.stopTracing().catch(() => null);
  try {
    return buffer ? traceTasks(JSON.parse(buffer.toString("utf8"))) : null;
  } catch {
    return null;
  }
}

/** One cold load of `url`; never throws for what the page does (a crash is a result). */
async function load(browser, url, conditions) {
  const { page, cdp } = await coldPage(browser, { conditions, marks: MARKS });
  await page.addInitScript(installLongTasks);
  const r = { crashed: false, crashLines: [], shownAt: null, what: null, api: null, trace: null, heap: null, wasm: null, shows: null, error: null };
  page.on("crash", () => {
    r.crashed = true;
    r.crashLines.push("the page crashed");
  });
  page.on("console", (msg) => CRASH.test(msg.text()) && r.crashLines.push(`console ${msg.type()}: ${msg.text().slice(0, 300)}`));
  page.on("pageerror", (err) => CRASH.test(err.message) && r.crashLines.push(`uncaught: ${err.message.slice(0, 300)}`));
  let tracing = false;
  try {
    await browser.startTracing(page, { categories: TRACE_CATEGORIES });
    tracing = true;
    await page.goto(url, { waitUntil: "commit", timeout: SHOW_CAP_MS }).catch(() => {});
    // The headline or a message, whichever comes first; a crash ends the wait at once.
    const crashed = new Promise((resolve) => page.once("crash", resolve));
    const marks = await Promise.race([
      page
        .waitForFunction(() => {
          const m = window.__bench?.marks;
          return m && (m.headline !== undefined || m.message !== undefined) ? m : null;
        }, null, { timeout: SHOW_CAP_MS, polling: 100 })
        .then((h) => h.jsonValue())
        .catch(() => null),
      crashed.then(() => null),
    ]);
    if (marks) {
      r.shownAt = Math.min(marks.headline ?? Infinity, marks.message ?? Infinity);
      r.what = marks.headline !== undefined && marks.headline <= (marks.message ?? Infinity) ? "headline" : "message";
    }
    if (!r.crashed) {
      // Until no long task has arrived for QUIET_MS (rendering after the DOM is built counts).
      await page.evaluate(() => new Promise((res) => requestAnimationFrame(() => requestAnimationFrame(res)))).catch(() => {});
      await page
        .waitForFunction(({ quiet }) => performance.now() - Math.max(window.__longTasks.lastAt, window.__quietFrom ??= performance.now()) >= quiet,
          { quiet: QUIET_MS }, { timeout: QUIET_CAP_MS, polling: 100 })
        .catch(() => {});
      r.api = await page.evaluate(() => window.__longTasks).catch(() => null);
    }
    // The trace ends here, so the forced GC of the heap reading below is not one of its tasks.
    tracing = false;
    r.trace = await readTrace(browser);
    if (!r.crashed) {
      r.shows = await page.evaluate(shows).catch(() => null);
      const mem = await memory(page, cdp).catch(() => null);
      r.heap = mem?.jsHeap ?? null;
      r.wasm = mem?.wasmMemory ?? null;
    }
  } catch (err) {
    r.error = String(err.message ?? err).split("\n")[0];
  } finally {
    if (tracing) r.trace = await readTrace(browser);
    await page.context().close().catch(() => {});
  }
  if (r.api) {
    const d = r.api.tasks.map((t) => t.duration);
    r.api = { supported: r.api.supported, tasks: d, longest: d.length ? Math.max(...d) : 0, sum: d.reduce((a, b) => a + b, 0), count: d.length };
  }
  return r;
}

/** The worst of two readings of the same load (null when neither measured it). */
const worst = (...xs) => (xs.some((x) => x !== null && x !== undefined) ? Math.max(...xs.filter((x) => x !== null && x !== undefined)) : null);

export async function runLarge({ browser, urls, api, runs }) {
  heading("Very large documents: does the page freeze (a task over 1 s) or crash?");
  const dir = await mkdtemp(join(tmpdir(), "soh-bench-large-"));
  const docs = await documents(dir);
  const origin = new URL(urls.appArticle).origin;
  const t0 = performance.now();
  for (const d of docs) api.entries.set(`/articles/${d.name}.json`, entry(`${d.name}.json`, d.bytes));
  note(`${docs.length} documents from tests/fixtures/hostile/generate.mjs (writeLarge and two of the small corpus) and one`,
    "over the 32 MB limit, each served as an article from the API origin (brotli 11, compressed once:",
    `${((performance.now() - t0) / 1000).toFixed(0)} s), loaded cold at /articles/<slug>, ${runs} load(s) per condition.`,
    "Shown at: navigation start until h1.headline or a .notice is in the DOM (cap 60 s). Long tasks (≥ 50 ms):",
    "the page's PerformanceObserver (longtask, buffered) and a Chromium trace of the same load (RunTask on",
    "the renderer's main thread), until no long task for 1 s after that (cap 15 s). Wasm compiles off the",
    "main thread (streaming), so it is in neither; parsing and rendering in wasm are.");
  const out = { documents: [] };
  try {
    for (const d of docs) {
      const doc = { name: d.name, note: d.note, bytes: d.bytes.length, brotli: api.entries.get(`/articles/${d.name}.json`).br.length, expect: d.expect, conditions: {} };
      for (const conditions of LARGE_CONDITIONS) {
        const loads = [];
        for (let i = 0; i < runs; i += 1) {
          if (process.stderr.isTTY) process.stderr.write(`\r  ${d.name}, ${conditions.label}: load ${i + 1}/${runs}   `);
          loads.push(await load(browser, `${origin}/articles/${encodeURIComponent(d.name)}`, conditions));
        }
        doc.conditions[conditions.key] = loads;
      }
      out.documents.push(doc);
    }
    if (process.stderr.isTTY) process.stderr.write("\n");
  } finally {
    for (const d of docs) api.entries.delete(`/articles/${d.name}.json`);
    await rm(dir, { recursive: true, force: true });
  }
  print(out, runs);
  return out;
}

/** Sums over a document's loads in one condition: the worst of each figure. */
export function condSummary(loads) {
  const max = (f) => worst(...loads.map(f));
  return {
    shownAt: loads.some((l) => l.shownAt === null) ? null : max((l) => l.shownAt),
    apiLongest: max((l) => l.api?.longest),
    traceLongest: max((l) => l.trace?.longest),
    apiSum: max((l) => l.api?.sum),
    traceSum: max((l) => l.trace?.sum),
    apiCount: max((l) => l.api?.count),
    traceCount: max((l) => l.trace?.count),
    crashed: loads.some((l) => l.crashed || l.crashLines.length > 0),
    shownAll: loads.every((l) => l.shownAt !== null),
    heap: max((l) => l.heap),
    wasm: max((l) => l.wasm),
  };
}

const size = (bytes) => (bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MiB` : `${(bytes / 1024).toFixed(0)} KiB`);
const count = (x) => (x === null ? "n/a" : String(x));

function print(out, runs) {
  const rows = [];
  for (const doc of out.documents) {
    for (const c of LARGE_CONDITIONS) {
      const s = condSummary(doc.conditions[c.key]);
      const first = doc.conditions[c.key][0];
      const what = !s.shownAll ? "nothing" : first.what === "headline" ? (first.shows?.cut ? "article + cut note" : "article") : "message";
      rows.push([
        c === LARGE_CONDITIONS[0] ? `${doc.name} (${size(doc.bytes)})` : "",
        c.label,
        ms(s.shownAt),
        ms(s.apiLongest),
        ms(s.traceLongest),
        `${ms(s.apiSum)} / ${count(s.apiCount)}`,
        `${ms(s.traceSum)} / ${count(s.traceCount)}`,
        s.crashed ? "CRASHED" : "no",
        what,
        mib(s.heap),
        mib(s.wasm),
      ]);
    }
  }
  printTable(`Cold loads of each document (worst of ${runs} per condition)`,
    ["document", "condition", "shown at", "longest task", "longest (trace)", "long tasks: sum / n", "trace: sum / n", "crash", "shows", "JS heap", "wasm memory"],
    rows);
  note("Longest task, sum / n: the page's longtask entries; (trace): RunTask events ≥ 50 ms on the renderer main thread.",
    "JS heap after a full GC (Runtime.getHeapUsage), with the document shown; wasm memory is the app's linear memory.");

  console.log("\nWhat each page shows (first load, unthrottled), and in each condition the biggest pieces of work in the");
  console.log("longest task of the worst load (trace events ≥ 10 ms inside it):");
  for (const doc of out.documents) {
    const u = doc.conditions.unthrottled[0];
    const worstLoad = (loads) => loads.reduce((a, b) => ((b.trace?.longest ?? -1) > (a.trace?.longest ?? -1) ? b : a));
    const sh = u.shows;
    note(`${doc.name} (${doc.bytes.toLocaleString("en")} bytes, ${size(doc.brotli)} brotli): ${doc.note}`);
    if (!sh) note(`  nothing could be read from the page${u.error ? ` (${u.error})` : ""}`);
    else {
      note(`  headline: ${sh.headline === null ? "not shown" : `shown, ${sh.headline.toLocaleString("en")} characters`}; body blocks in the DOM: ${count(sh.blocks)}; elements: ${sh.domNodes.toLocaleString("en")}${sh.busy ? "; STILL LOADING" : ""}`);
      if (sh.cut) note(`  cut note: ${sh.cut}`);
      if (sh.message) note(`  message: ${sh.message.slice(0, 300)}`);
      if (!sh.cut && !sh.message) note("  no cut note, no message");
    }
    for (const c of LARGE_CONDITIONS) {
      const loads = doc.conditions[c.key];
      const l = worstLoad(loads);
      if (l.trace?.count) {
        const inside = l.trace.inside.length ? l.trace.inside.map(([n, d]) => `${n} ${ms(d)}`).join(", ") : "no single event ≥ 10 ms";
        note(`  longest task ${c.label} (${ms(l.trace.longest)}): ${inside}`);
      }
      for (const line of new Set(loads.flatMap((x) => x.crashLines))) note(`  ${c.label}: ${line}`);
      for (const e of new Set(loads.map((x) => x.error).filter(Boolean))) note(`  ${c.label}: could not measure: ${e}`);
    }
  }

  // Does the longtask observer see the wasm work? Compare it with the trace, load by load.
  const pairs = out.documents.flatMap((d) => LARGE_CONDITIONS.flatMap((c) => d.conditions[c.key].map((l) => ({ d, c, l }))))
    .filter(({ l }) => l.api && l.trace);
  const gaps = pairs.map(({ d, c, l }) => ({ where: `${d.name} ${c.label}`, api: l.api.longest, trace: l.trace.longest, diff: Math.abs(l.api.longest - l.trace.longest) }));
  const disagree = gaps.filter((g) => g.diff > Math.max(20, 0.1 * Math.max(g.api, g.trace)));
  const heaviest = gaps.reduce((a, b) => (b.trace > (a?.trace ?? -1) ? b : a), null);
  console.log("\nCheck: does the longtask observer see the work done in wasm?");
  if (heaviest) {
    note(`The heaviest load (${heaviest.where}): longtask ${ms(heaviest.api)}, trace ${ms(heaviest.trace)}` +
      (heaviest.api >= LONG_TASK_MS ? ": the observer does see long tasks of wasm work." : ": the observer saw NO long task there."));
  }
  if (!pairs.length) note("No load had both readings: NOT CHECKED.");
  else if (!pairs.some(({ l }) => l.trace.count > 0)) note("No load produced a long task in the trace either, so this run cannot tell: NOT CHECKED.");
  else if (disagree.length === 0) note(`Agreed on all ${pairs.length} loads (longest task within 20 ms or 10%); the targets use the larger of the two.`);
  else {
    note(`Disagreed on ${disagree.length} of ${pairs.length} loads; the targets use the larger of the two:`);
    for (const g of disagree) note(`  ${g.where}: longtask ${ms(g.api)}, trace ${ms(g.trace)}`);
    note("(The trace also counts tasks the observer cannot: those before the new document exists, and",
      "rendering work such as Layout and Paint, which Chromium's longtask entries leave out.)");
  }
  out.check = { loads: pairs.length, disagree, heaviest };
}
