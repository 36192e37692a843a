// Shared set-up for the end-to-end tests: the built sites, the servers, Chromium, axe-core.
import assert from "node:assert/strict";
import { cp, mkdtemp, readFile, rm, writeFile, mkdir } from "node:fs/promises";
import { existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { createRequire } from "node:module";
import { chromium } from "playwright-core";
import { startApi, startNginx, startStaticHost } from "./servers.mjs";

export { startApi, startNginx, startStaticHost };

const require = createRequire(import.meta.url);
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
/** The release build (`trunk build --release`) and the one built with `--public-url /reader/`. */
export const DIST = resolve(ROOT, process.env.E2E_DIST ?? "dist");
export const DIST_READER = resolve(ROOT, process.env.E2E_DIST_READER ?? "target/dist-reader");
export const SCREENSHOTS = resolve(ROOT, process.env.E2E_SCREENSHOTS ?? "tests/e2e/screenshots");
export const REFERENCE_SLUG = "rare-liver-cancer-immunotherapy-amd3100";
export const REFERENCE = JSON.parse(
  await readFile(join(ROOT, "public/data/articles", `${REFERENCE_SLUG}.json`), "utf8"),
);

/** Debian's Chromium as root, headless, on a machine without internet. */
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/**
 * A copy of a built site whose `signal:api-base` points at `apiBase`, as a deployer edits it
 * (`null`: keep the build's default, the bundled sample data).
 */
export async function deploySite(dist, apiBase) {
  assert.ok(existsSync(join(dist, "index.html")), `${dist} has no build: run the README's test command`);
  const dir = await mkdtemp(join(tmpdir(), "soh-site-"));
  await cp(dist, dir, { recursive: true });
  for (const page of apiBase === null ? [] : ["index.html", "404.html"]) {
    const file = join(dir, page);
    const html = await readFile(file, "utf8");
    const edited = html.replace(
      /(<meta name="signal:api-base" content=")[^"]*(")/,
      `$1${apiBase}$2`,
    );
    assert.notEqual(edited, html, `${page} has the signal:api-base meta`);
    await writeFile(file, edited);
  }
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

/** nginx serving the directory `root` on its own origin (see servers.mjs); close() it after. */
export function setUpNginx(root) {
  return startNginx({ root });
}

/**
 * Everything a test file needs: the API on one origin, the app on another, and Chromium.
 * `prefix` and `dist` select a sub-path build; `fallback` the static host's SPA fallback.
 * `nginx`: a directory that nginx serves on a third origin, the app's API base (env.nginx);
 * otherwise the API base is the fault-injecting API (env.api), or with `bundledData` the
 * build's default, its bundled sample data.
 */
export async function setUp({
  dist = DIST,
  prefix = "/",
  fallback = "404.html",
  bundledData = false,
  nginx: nginxRoot = null,
} = {}) {
  const api = await startApi({
    roots: [join(ROOT, "tests/fixtures/api"), join(ROOT, "public/data")],
  });
  const nginx = nginxRoot === null ? null : await startNginx({ root: nginxRoot });
  const site = await deploySite(dist, bundledData ? null : (nginx?.url ?? api.url));
  const host = await startStaticHost({ root: site.dir, prefix, fallback });
  const browser = await chromium.launch({
    executablePath: process.env.CHROME_PATH ?? "/usr/bin/chromium",
    args: CHROMIUM_ARGS,
  });
  return {
    api,
    nginx,
    host,
    browser,
    /** A page in a fresh browser context; console errors and uncaught exceptions are kept. */
    async open(path = "", contextOptions = {}) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...contextOptions });
      const page = await context.newPage();
      page.problems = [];
      page.on("pageerror", (err) => page.problems.push(`uncaught: ${err.message}`));
      page.on("console", (msg) => {
        // A failed request the test provoked is logged by Chromium as an error; panics,
        // wasm traps and app errors are what must never appear.
        if (msg.type() === "error" && !/Failed to load resource/.test(msg.text())) {
          page.problems.push(`console: ${msg.text()}`);
        }
      });
      if (path !== null) await page.goto(host.url + path);
      return page;
    },
    async tearDown() {
      await browser.close();
      await Promise.all([api.close(), host.close(), nginx?.close()]);
      await site.remove();
    },
  };
}

/** Polls `read` until it returns `expected` (deep-equal), then asserts it. Never a fixed sleep. */
export async function eventually(read, expected, { timeout = 10_000, message } = {}) {
  const deadline = Date.now() + timeout;
  let last;
  for (;;) {
    last = await read();
    try {
      assert.deepEqual(last, expected, message);
      return last;
    } catch (err) {
      if (Date.now() > deadline) throw err;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

export const text = async (page, selector) => (await page.locator(selector).first().textContent())?.trim();
export const texts = async (page, selector) =>
  (await page.locator(selector).allTextContents()).map((t) => t.trim());

/** Waits until the page shows no loading state. */
export async function settled(page) {
  // `main:not([data-shell])`: the app's, not index.html's static frame, which is there while
  // the wasm loads (the page's load event does not wait for the app's module).
  await page.waitForFunction(
    () =>
      !document.querySelector(".article-loading, .cards-loading, [aria-busy='true']") &&
      document.querySelector("main:not([data-shell]) > *"),
  );
}

const AXE_SOURCE = await readFile(require.resolve("axe-core/axe.min.js"), "utf8");

/** axe-core's WCAG 2.2 A/AA and best-practice rules; returns readable violations. */
export async function axeViolations(page) {
  if (!(await page.evaluate(() => "axe" in window))) await page.addScriptTag({ content: AXE_SOURCE });
  const results = await page.evaluate(() =>
    window.axe.run(document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"] },
    }),
  );
  return results.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.map((n) => n.target.join(" ")).join("\n    ")}`,
  );
}

export async function screenshot(page, name) {
  await mkdir(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

export function noProblems(page) {
  assert.deepEqual(page.problems, [], "no uncaught errors or console errors");
}
