// The partner self-test page (/embed/check/): what it reports where embeds work, and where a
// Content-Security-Policy blocks WebAssembly.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { chromium } from "playwright-core";
import { DIST, eventually } from "./harness.mjs";
import { startHeaderHost } from "./servers.mjs";

const PROTOCOLS = ["ours", "amp", "pym", "wordpress", "datawrapper", "embedly"];
let browser;
let open;
let strict;
let blocking;

before(async () => {
  // The built site as is, and a copy of it whose check page is under a policy without
  // 'wasm-unsafe-eval' (the frames it shows are not).
  open = await startHeaderHost({ root: DIST, fallback: "index.html" });
  strict = await startHeaderHost({
    root: DIST,
    fallback: "index.html",
    headers: (path) =>
      path.startsWith("/embed/check/")
        ? { "content-security-policy": "default-src 'self'; script-src 'self'; style-src 'self'; frame-src 'self'" }
        : {},
  });
  // A partner policy that allows the check page's own script only: the loader (another path
  // on the same origin) and the frames are refused.
  blocking = await startHeaderHost({
    root: DIST,
    fallback: "index.html",
    headers: (path) =>
      path.startsWith("/embed/check/")
        ? {
            "content-security-policy": `default-src 'self'; script-src ${blocking.origin}/embed/check/ 'wasm-unsafe-eval'; style-src 'self'; frame-src 'none'`,
          }
        : {},
  });
  browser = await chromium.launch({
    executablePath: process.env.CHROME_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run"],
  });
});

after(async () => {
  await browser?.close();
  await Promise.all([open?.close(), strict?.close(), blocking?.close()]);
});

async function check(host) {
  const page = await browser.newPage();
  await page.goto(host.url + "embed/check/?wait=5");
  await page.locator("#summary:not([data-status=pending])").waitFor({ timeout: 20_000 });
  return page;
}

const status = (page, name) => page.locator(`#checks li[data-check="${name}"]`).getAttribute("data-status");

test("where embeds work, every check passes and every protocol is heard", async () => {
  const page = await check(open);
  for (const name of ["script", "loader", "frame-article", "frame-card", "wasm"]) {
    assert.equal(await status(page, name), "ok", name);
  }
  for (const protocol of PROTOCOLS) {
    await eventually(
      () => page.locator(`#protocols tr[data-protocol="${protocol}"] td.heard[data-frame="article"]`).textContent(),
      "yes",
      { message: protocol },
    );
  }
  const height = await page.locator('#protocols tr[data-protocol="ours"] td.height[data-frame="article"]').textContent();
  assert.match(height, /^\d+ px$/);
  assert.equal(await page.locator("#summary").getAttribute("data-status"), "ok");
  await page.close();
});

test("a policy without 'wasm-unsafe-eval' is reported, with the directive to fix", async () => {
  const page = await check(strict);
  assert.equal(await status(page, "wasm"), "fail");
  assert.equal(await page.locator("#summary").getAttribute("data-status"), "fail");
  assert.match(await page.locator('#checks li[data-check="wasm"] .detail').textContent(), /wasm-unsafe-eval/);
  await page.close();
});

test("a policy that blocks the loader and the frames is reported for each", async () => {
  const page = await check(blocking);
  assert.equal(await status(page, "script"), "ok", "the check page's own script runs");
  assert.equal(await status(page, "loader"), "fail");
  assert.equal(await status(page, "frame-article"), "fail");
  assert.equal(await status(page, "frame-card"), "fail");
  assert.equal(await status(page, "wasm"), "ok");
  assert.ok((await page.locator("#violations li[data-directive]").count()) > 0, "the violations are listed");
  await page.close();
});
