// The README's serve command: `scripts/serve` (trunk serve with the bundled data) shows the
// reference article in a browser. Built into its own dist folder, so the release build the
// other tests use is left alone.
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { createServer } from "node:net";
import { join } from "node:path";
import { test } from "node:test";
import { chromium } from "playwright-core";
import { REFERENCE, REFERENCE_SLUG, ROOT } from "./harness.mjs";

const freePort = () =>
  new Promise((resolve) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

test("scripts/serve shows the reference article", { timeout: 900_000 }, async () => {
  const port = await freePort();
  const serve = spawn(join(ROOT, "scripts/serve"), ["--port", String(port), "--dist", "target/dist-serve", "--no-autoreload"], {
    cwd: ROOT,
    detached: true, // its own process group: trunk and its children stop together
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  serve.stdout.on("data", (d) => (log += d));
  serve.stderr.on("data", (d) => (log += d));
  const browser = await chromium.launch({
    executablePath: process.env.CHROME_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", "--disable-background-networking"],
  });
  try {
    // Wait for trunk to build and listen (a first build can take minutes).
    const url = `http://127.0.0.1:${port}/articles/${REFERENCE_SLUG}`;
    for (;;) {
      assert.equal(serve.exitCode, null, `scripts/serve exited:\n${log}`);
      if (/server listening at/.test(log) && (await fetch(url).then((r) => r.ok, () => false))) break;
      await new Promise((r) => setTimeout(r, 500));
    }
    const page = await browser.newPage();
    await page.goto(url);
    await page.locator(".article-body").waitFor();
    assert.equal(await page.locator("h1.headline").textContent(), REFERENCE.headline);
    assert.equal(await page.locator(".pillars h2").textContent(), "⬡ 2 pillars detected");
  } finally {
    await browser.close();
    try {
      process.kill(-serve.pid, "SIGTERM");
    } catch {
      // already gone
    }
  }
});
