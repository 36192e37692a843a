// Debian's Chromium through playwright-core, as the e2e tests launch it, plus what every
// measurement needs: a cold page (a new browser context, so an empty cache and no open
// connections), the network and CPU conditions, and reading the probe's figures.
import { chromium } from "playwright-core";
import { installProbe } from "./probe.mjs";

export const CHROME_PATH = process.env.CHROME_PATH ?? "/usr/bin/chromium";

/** What headless Chromium needs here (as root, in a container, offline). */
export const CHROME_FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-dev-shm-usage",
];

/** Lighthouse's "slow 4G" (its mobile throttling preset), in the units CDP wants. */
export const SLOW_4G = {
  offline: false,
  latency: 562.5,
  downloadThroughput: (1474.56 * 1024) / 8,
  uploadThroughput: (675 * 1024) / 8,
};
export const CPU_SLOWDOWN = 4;

export const CONDITIONS = {
  unthrottled: { label: "unthrottled", network: null, cpu: 1 },
  throttled: { label: "throttled (4x CPU, slow 4G)", network: SLOW_4G, cpu: CPU_SLOWDOWN },
};

/** playwright-core makes a fresh temporary profile (user-data-dir) for each launch. */
export function launchBrowser() {
  return chromium.launch({ executablePath: CHROME_PATH, headless: true, args: CHROME_FLAGS.slice(1) });
}

/**
 * A page in a new browser context with the probe installed and `conditions` applied through
 * CDP, counting the bytes it transfers. Close it with page.context().close().
 */
export async function coldPage(browser, { conditions, marks }) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addInitScript(installProbe, marks);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  const network = { requests: [], bytes: 0, failed: [] };
  cdp.on("Network.requestWillBeSent", (e) => network.requests.push(e.request.url));
  cdp.on("Network.loadingFinished", (e) => (network.bytes += e.encodedDataLength));
  cdp.on("Network.loadingFailed", (e) => network.failed.push(e.errorText));
  await cdp.send("Network.enable");
  if (conditions.network) await cdp.send("Network.emulateNetworkConditions", conditions.network);
  if (conditions.cpu !== 1) await cdp.send("Emulation.setCPUThrottlingRate", { rate: conditions.cpu });
  page.problems = [];
  page.on("pageerror", (err) => page.problems.push(`uncaught: ${err.message}`));
  page.on("console", (msg) => msg.type() === "error" && page.problems.push(`console: ${msg.text()}`));
  return { page, cdp, network };
}

/** Waits until the probe has recorded mark `name`; returns its time, or null on timeout. */
export async function waitForMark(page, name, timeout) {
  try {
    const handle = await page.waitForFunction((n) => window.__bench?.marks[n], name, { timeout, polling: 50 });
    return await handle.jsonValue();
  } catch {
    return null;
  }
}

/**
 * A bounded settle after the page has loaded, so LCP and CLS have their final entries: two
 * animation frames, then until no LCP or layout-shift entry has arrived for `quietMs`, at most
 * `capMs`. Never fails: a page still shifting after the cap is reported as it is.
 */
export async function settle(page, { quietMs = 500, capMs = 5000 } = {}) {
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  await page
    .waitForFunction((quiet) => performance.now() - window.__bench.lastEntryAt >= quiet, quietMs, {
      timeout: capMs,
      polling: 100,
    })
    .catch(() => {});
}

/** The probe's paint and layout figures; CLS is the largest session window, as web-vitals has it. */
export async function paintFigures(page) {
  const b = await page.evaluate(() => {
    const { marks, fcp, lcp, shifts } = window.__bench;
    return { marks, fcp, lcp, shifts };
  });
  return { marks: b.marks, fcp: b.fcp, lcp: b.lcp?.time ?? null, lcpElement: b.lcp?.element ?? null, cls: cls(b.shifts), shifts: b.shifts };
}

/** Layout shifts grouped into windows (gaps under 1 s, at most 5 s long); the largest sum. */
export function cls(shifts) {
  let best = 0;
  let sum = 0;
  let start = -Infinity;
  let last = -Infinity;
  for (const s of shifts) {
    if (s.time - last > 1000 || s.time - start > 5000) {
      sum = 0;
      start = s.time;
    }
    sum += s.value;
    last = s.time;
    best = Math.max(best, sum);
  }
  return best;
}

/** JS heap in use after a full garbage collection, and the wasm linear memory if any. */
export async function memory(page, cdp) {
  await cdp.send("HeapProfiler.enable");
  await cdp.send("HeapProfiler.collectGarbage");
  const { usedSize } = await cdp.send("Runtime.getHeapUsage");
  const wasm = await page.evaluate(() => window.__bench.wasmMemory?.() ?? null);
  return { jsHeap: usedSize, wasmMemory: wasm };
}
