// 3. A feed of 1,000 cards from one index document, then the reader's filter: a click on a
// pillar badge, which both the app and the plain-JS page handle on the client.
import { CONDITIONS, coldPage, memory, waitForMark } from "../lib/browser.mjs";
import { FILTER_PILLAR, checkIndex, expectedSlugs, generateIndex } from "../lib/feed-data.mjs";
import { heading, mib, ms, note, printTable, ratio, spread, summary, times } from "../lib/report.mjs";

const CARDS = 1000;

const VARIANTS = [
  { key: "app", label: "app (Leptos/wasm)", url: (u) => u.appFeed, pillarPath: (s) => `/pillars/${s}` },
  { key: "plain", label: "plain JS", url: (u) => u.plainFeed, pillarPath: (s) => `/plain/pillars/${s}` },
];

const feedMark = { name: "feed", selectors: { "section.feed ol.cards > li": CARDS } };
const pillarMark = (path, count) => ({ name: "pillar", path, selectors: { "section.pillar-page ol.cards > li": count } });

/** The article slugs the list on screen links to, in order. */
const shownSlugs = (page) =>
  page.$$eval("main ol.cards > li .card-headline a", (links) => links.map((a) => decodeURIComponent(a.pathname.split("/").pop())));

async function run(browser, variant, urls, expected, timeout) {
  const { page, cdp, network } = await coldPage(browser, { conditions: CONDITIONS.unthrottled, marks: [feedMark] });
  const result = { feed: null, filter: null, heap: null, wasm: null, extraRequests: [], wrongList: null, problems: page.problems };
  try {
    await page.goto(variant.url(urls), { timeout }).catch(() => {});
    result.feed = await waitForMark(page, "feed", timeout);
    if (result.feed === null) {
      const shown = await page.$$eval("main ol.cards > li", (l) => l.length).catch(() => 0);
      result.wrongList = `feed: ${shown} cards in the DOM after ${timeout / 1000} s, not ${CARDS}`;
      return result;
    }
    const mem = await memory(page, cdp);
    result.heap = mem.jsHeap;
    result.wasm = mem.wasmMemory;

    // The reader's click on the first badge for the pillar, timed in the page from just before
    // the click until the pillar page's list has exactly the expected number of cards.
    const path = variant.pillarPath(FILTER_PILLAR.slug);
    const before = network.requests.length;
    const started = await page.evaluate(
      ({ mark, path }) => {
        window.__bench.arm(mark);
        const link = document.querySelector(`a.badge[href$="${path}"]`);
        const t = performance.now();
        link.click();
        return t;
      },
      { mark: pillarMark(path, expected.length), path },
    );
    // A client-side filter that has not happened in 15 s is not going to: report what is shown.
    const done = await waitForMark(page, "pillar", Math.min(timeout, 15_000));
    result.filter = done === null ? null : done - started;
    result.extraRequests = network.requests.slice(before).map((u) => new URL(u).pathname);
    const shown = await shownSlugs(page);
    if (done === null || JSON.stringify(shown) !== JSON.stringify(expected)) {
      const view = await page.$$eval("main > *", (els) => els.map((e) => `${e.localName}.${e.className}`).join(", "));
      result.wrongList = `after the click the address is ${new URL(page.url()).pathname} but main shows [${view}] ` +
        `with ${shown.length} cards, expected a pillar page with ${expected.length}` +
        (shown.length === expected.length ? " (same count, different cards or order)" : "");
    }
    return result;
  } finally {
    await page.context().close();
  }
}

export async function runFeed({ browser, urls, api, runs, root }) {
  heading(`Feed of ${CARDS.toLocaleString("en")} cards, then the pillar filter (unthrottled)`);
  const index = generateIndex(CARDS);
  checkIndex(index, root);
  const expected = expectedSlugs(index, FILTER_PILLAR.slug);
  const sample = api.entries.get("/articles.json");
  api.put("/articles.json", index);
  note(`One index document, ${CARDS} cards, 6 pillars, no next (${(JSON.stringify(index).length / 1024).toFixed(0)} KiB raw).`,
    `Filter: a click on the first "${FILTER_PILLAR.name}" badge; the pillar page must list exactly its ${expected.length} cards.`);
  const results = { app: [], plain: [] };
  try {
    for (let i = 0; i < runs; i += 1) {
      for (const v of VARIANTS) results[v.key].push(await run(browser, v, urls, expected, 60_000));
    }
  } finally {
    api.entries.set("/articles.json", sample); // the sample index again, for Lighthouse
  }
  const out = {};
  for (const v of VARIANTS) {
    const r = results[v.key];
    out[v.key] = {
      feed: summary(r.map((x) => x.feed)),
      filter: summary(r.map((x) => x.filter)),
      heap: summary(r.map((x) => x.heap)),
      wasm: summary(r.map((x) => x.wasm)),
      extraRequests: [...new Set(r.flatMap((x) => x.extraRequests))],
      wrong: [...new Set(r.map((x) => x.wrongList).filter(Boolean))],
      problems: [...new Set(r.flatMap((x) => x.problems))],
    };
  }
  printTable(`Median (min–max) of ${runs} cold loads`, ["page", `${CARDS} cards in the DOM`, "pillar filter", "JS heap", "wasm memory"],
    VARIANTS.map((v) => {
      const x = out[v.key];
      return [v.label, spread(ms)(x.feed), spread(ms)(x.filter), mib(x.heap.median), x.wasm.n ? mib(x.wasm.median) : "-"];
    }));
  printTable("Ratios (medians)", ["", "app / plain JS"], [
    [`${CARDS} cards`, times(ratio(out.app.feed.median, out.plain.feed.median))],
    ["pillar filter", times(ratio(out.app.filter.median, out.plain.filter.median))],
    ["JS heap", times(ratio(out.app.heap.median, out.plain.heap.median))],
  ]);
  note("JS heap: Runtime.getHeapUsage after HeapProfiler.collectGarbage, with the feed rendered; the app's",
    "wasm linear memory is not part of it and is shown beside it.");
  for (const v of VARIANTS) {
    const x = out[v.key];
    note(`${v.label}: requests after the click: ${x.extraRequests.length ? x.extraRequests.join(", ") : "none"}`);
    for (const w of x.wrong) note(`${v.label}: ${w}`);
    for (const p of x.problems) note(`${v.label}: ${p}`);
  }
  return { cards: CARDS, pillar: FILTER_PILLAR.slug, expected: expected.length, ...out };
}
