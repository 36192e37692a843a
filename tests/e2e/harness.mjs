// Shared set-up for the end-to-end tests: the built sites, the servers, Chromium, axe-core.
import assert from "node:assert/strict";
import { cp, mkdtemp, readFile, rm, writeFile, mkdir } from "node:fs/promises";
import { existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { createHash } from "node:crypto";
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

/**
 * E2E_PRERENDERED=1: every site a test sets up has its pages prerendered (scripts/prerender).
 * A test that needs the page's own request for its document (to count, hold or fail it, or to
 * see the loading state it causes) is skipped then, with this reason: a prerendered page
 * carries its document and shows its content before the app starts (prerender.test.mjs).
 */
export const PRERENDERED = process.env.E2E_PRERENDERED === "1";
export const NEEDS_REQUEST =
  PRERENDERED && "a prerendered page carries its document and shows it before the app starts";

/** The prerenderer as `scripts/prerender` builds it (the README's test command does). */
export const PRERENDER = resolve(ROOT, process.env.E2E_PRERENDER_BIN ?? "target/prerender/signal-prerender");

/**
 * Runs the prerenderer with `args`; resolves to its exit code and output. It is given at most
 * `timeout` ms, then stopped.
 */
export function prerender(args, { timeout = 120_000 } = {}) {
  assert.ok(existsSync(PRERENDER), `${PRERENDER} is not built: run scripts/prerender --help`);
  return new Promise((done, fail) => {
    const child = spawn(PRERENDER, args, { stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    const timer = setTimeout(() => child.kill("SIGKILL"), timeout);
    child.on("error", fail);
    child.on("close", (code) => {
      clearTimeout(timer);
      done({ code, stdout, stderr });
    });
  });
}

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
 * build's default, its bundled sample data. `prerendered` (or E2E_PRERENDERED=1): the site's
 * pages prerendered from that API (scripts/prerender) before the test starts.
 */
export async function setUp({
  dist = DIST,
  prefix = "/",
  fallback = "404.html",
  bundledData = false,
  nginx: nginxRoot = null,
  prerendered = PRERENDERED,
} = {}) {
  const api = await startApi({
    roots: [join(ROOT, "tests/fixtures/api"), join(ROOT, "public/data")],
  });
  const nginx = nginxRoot === null ? null : await startNginx({ root: nginxRoot });
  const site = await deploySite(dist, bundledData ? null : (nginx?.url ?? api.url));
  const host = await startStaticHost({ root: site.dir, prefix, fallback });
  if (prerendered) {
    // The site as deployed with scripts/prerender, from the API the pages read; the API's
    // request counts then start from zero, as if the pages had been written beforehand.
    const apiBase = bundledData ? new URL("data/", host.url).href : (nginx?.url ?? api.url);
    const run = await prerender(["--api", apiBase, "--site-url", host.url, "--dist", site.dir]);
    assert.equal(run.code, 0, `scripts/prerender failed:\n${run.stdout}${run.stderr}`);
    await api.reset();
  }
  const browser = await chromium.launch({
    executablePath: process.env.CHROME_PATH ?? "/usr/bin/chromium",
    args: CHROMIUM_ARGS,
  });
  return {
    api,
    nginx,
    host,
    site,
    browser,
    /** A page in a fresh browser context (`newPage`), at `path` on the site unless null. */
    async open(path = "", contextOptions = {}) {
      const page = await newPage(browser, contextOptions);
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

/**
 * A page in a fresh context of `browser` (1280 × 900 unless `contextOptions` says otherwise);
 * console errors and uncaught exceptions, of every frame, are kept in `page.problems`.
 */
export async function newPage(browser, contextOptions = {}) {
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
  return page;
}

/**
 * The reference article (`../shared/seed/signal-of-hope-article.txt`) laid out element by
 * element on `page`: the app's page, or a prerendered one read without JavaScript.
 */
export async function assertReferenceArticle(page) {
  assert.equal(await text(page, "article .kicker"), "Signal of Hope");
  assert.equal(await page.locator("h1").count(), 1, "one h1 on the page");
  assert.equal(await text(page, "h1"), REFERENCE.headline);

  const dateline = page.locator(".dateline time");
  assert.equal(await dateline.getAttribute("datetime"), "2026-07-02");
  assert.equal(await dateline.textContent(), "Thursday, July 2, 2026");

  assert.equal(
    (await text(page, ".publisher-line")).replace(/\s+/g, " "),
    "DrakX Intelligence · Analyzed & Published Thursday, July 2, 2026",
  );

  const summary = page.getByRole("region", { name: "Summary" });
  assert.equal((await summary.textContent()).trim(), REFERENCE.summary);

  assert.equal(await text(page, ".pillars h2"), "⬡ 2 pillars detected");
  const badges = page.locator(".pillars ul > li > a");
  assert.deepEqual(await badges.allTextContents(), ["Tech Stocks & Semiconductors", "Energy & Infrastructure"]);
  assert.deepEqual(
    await badges.evaluateAll((links) => links.map((a) => new URL(a.href).pathname)),
    ["/pillars/tech-stocks-semiconductors", "/pillars/energy-infrastructure"],
  );

  assert.deepEqual(await texts(page, ".article-body > p"), REFERENCE.body);

  assert.equal((await text(page, ".sources")).replace(/\s+/g, " "), "reported via Science Daily");
  const source = page.locator(".sources a");
  assert.equal(await source.textContent(), "Science Daily");
  assert.equal(await source.getAttribute("href"), "https://www.sciencedaily.com/");
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

export const AXE_SOURCE = await readFile(require.resolve("axe-core/axe.min.js"), "utf8");

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

/** The `sha256-…` source of the one inline script (boot.js) of a built site's `index.html`. */
export async function bootScriptHash(siteDir) {
  const html = await readFile(join(siteDir, "index.html"), "utf8");
  const inline = [...html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)];
  assert.equal(inline.length, 1, "one inline script");
  return `sha256-${createHash("sha256").update(inline[0][1]).digest("base64")}`;
}

/** Collects the page's CSP violations ("directive blocked-URI") from its next navigation on. */
export async function cspViolations(page) {
  const violations = [];
  await page.exposeFunction("reportViolation", (v) => violations.push(v));
  await page.addInitScript(() =>
    document.addEventListener("securitypolicyviolation", (e) =>
      window.reportViolation(`${e.violatedDirective} ${e.blockedURI}`),
    ),
  );
  return violations;
}

export function noProblems(page) {
  assert.deepEqual(page.problems, [], "no uncaught errors or console errors");
}
