// WebKit for the end-to-end tests: Debian's WebKitWebDriver (webkit2gtk-driver) drives
// WebKitGTK's MiniBrowser, Safari's engine, through W3C WebDriver. The client is the dozen
// commands the tests use, over fetch (no npm package: selenium-webdriver would bring Selenium
// Manager, which downloads drivers, and a WebSocket stack this driver does not speak).
//
// WebKitGTK 2.50's MiniBrowser (GTK 3) has no headless mode: without a display it cannot open
// its window and the driver creates no session. So it gets a display of its own, an Xvfb
// (package xvfb) that picks a free display number itself (-displayfd), and the driver listens
// on 127.0.0.1 on a free port. Both get SIGKILL when this process dies, however it ends; the
// browser, a client of that display, ends with it.
//
// What WebDriver classic does not give: the console. An automation session is ephemeral, and
// WebKit never writes an ephemeral page's console to stdout (MiniBrowser's
// --enable-write-console-messages-to-stdout is ignored there), nor does this driver offer
// WebDriver BiDi (`webSocketUrl`). So a document's problems are collected by a watcher the
// session installs in it once it has loaded (watch() below): uncaught errors, unhandled
// rejections, console.error, the loader's warnings and CSP violations from then on. (Earlier
// CSP violations: a `report-uri` in the page's policy, see embed_webkit.test.mjs.)
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { freePort, track } from "./servers.mjs";

const XVFB = process.env.XVFB ?? "/usr/bin/Xvfb";
const DRIVER = process.env.WEBKIT_WEBDRIVER ?? "/usr/bin/WebKitWebDriver";
const MINIBROWSER = process.env.WEBKIT_MINIBROWSER ?? "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser";
/** The key of a web element reference in WebDriver's JSON. */
const ELEMENT = "element-6066-11e4-a52e-4f735466cecf";

/** An Xvfb on a display number it chose; resolves once it accepts connections. */
async function startXvfb() {
  // setpriv: SIGKILL when this process dies. -displayfd 3: the number, written when ready.
  const child = spawn(
    "setpriv",
    ["--pdeathsig", "KILL", "--", XVFB, "-displayfd", "3", "-screen", "0", "1920x1200x24", "-nolisten", "tcp", "-noreset"],
    { stdio: ["ignore", "ignore", "pipe", "pipe"] },
  );
  const exited = track(child);
  let stderr = "";
  child.stderr.on("data", (d) => (stderr += d));
  child.stderr.unref?.();
  const display = await new Promise((resolve, reject) => {
    let out = "";
    child.stdio[3].on("data", (d) => {
      out += d;
      if (out.includes("\n")) resolve(`:${out.trim()}`);
    });
    child.once("error", reject);
    exited.then(({ code, signal }) => reject(new Error(`Xvfb exited (${code ?? signal}): ${stderr}`)));
  });
  child.stdio[3].unref?.();
  return {
    display,
    async close() {
      if (child.exitCode === null && child.signalCode === null) {
        child.ref();
        child.kill("SIGTERM");
      }
      await exited;
    },
  };
}

/**
 * WebKitWebDriver on 127.0.0.1 with its own display. newSession() starts a fresh MiniBrowser
 * (one session at a time: the driver allows no more); close() stops the driver and the display.
 */
export async function startWebKit() {
  for (const program of [XVFB, DRIVER, MINIBROWSER]) {
    if (!existsSync(program)) throw new Error(`${program} is not installed: run scripts/setup --test`);
  }
  const xvfb = await startXvfb();
  let lastError;
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const port = await freePort();
    const child = spawn("setpriv", ["--pdeathsig", "KILL", "--", DRIVER, "--host=127.0.0.1", `--port=${port}`], {
      stdio: ["ignore", "ignore", "pipe"],
      // NO_AT_BRIDGE: no accessibility bus to look for (there is no session bus).
      env: { ...process.env, DISPLAY: xvfb.display, GDK_BACKEND: "x11", NO_AT_BRIDGE: "1", WAYLAND_DISPLAY: "" },
    });
    const exited = track(child);
    let stderr = "";
    child.stderr.on("data", (d) => (stderr = (stderr + d).slice(-4000)));
    child.stderr.unref?.();
    const url = `http://127.0.0.1:${port}`;
    const stopped = exited.then(({ code, signal }) => new Error(`WebKitWebDriver exited (${code ?? signal}): ${stderr}`));
    try {
      const deadline = Date.now() + 10_000;
      for (;;) {
        const ready = await Promise.race([
          fetch(`${url}/status`, { signal: AbortSignal.timeout(1000) })
            .then((r) => r.json())
            .then((j) => j?.value?.ready === true)
            .catch(() => false),
          stopped.then((err) => Promise.reject(err)),
        ]);
        if (ready) break;
        if (Date.now() > deadline) throw new Error(`WebKitWebDriver not ready after 10 s: ${stderr}`);
        await new Promise((r) => setTimeout(r, 25));
      }
    } catch (err) {
      lastError = err;
      child.ref();
      child.kill("SIGKILL");
      await exited;
      continue; // the port was taken between freePort() and the driver's bind: another one
    }
    return {
      url,
      /** A fresh browser (ephemeral: no cookies or storage from earlier sessions). */
      newSession: (options) => newSession(url, options),
      async close() {
        if (child.exitCode === null && child.signalCode === null) {
          child.ref();
          child.kill("SIGTERM");
        }
        await exited;
        await xvfb.close();
      },
    };
  }
  await xvfb.close();
  throw lastError;
}

class WebDriverError extends Error {}

async function command(base, method, path, body) {
  const res = await fetch(base + path, {
    method,
    // Longer than the session's script and page load timeouts: a driver that stops answering.
    signal: AbortSignal.timeout(60_000),
    headers: body === undefined ? {} : { "content-type": "application/json; charset=utf-8" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await res.json();
  if (json?.value?.error) throw new WebDriverError(`${method} ${path}: ${json.value.error}: ${json.value.message}`);
  return json?.value;
}

/** Installed into a document: records its problems under a symbol (no global name added). */
function watch() {
  const key = Symbol.for("e2e.problems");
  if (window[key]) return true;
  const problems = (window[key] = []);
  window.addEventListener("error", (e) => {
    if (e instanceof ErrorEvent) problems.push(`uncaught: ${e.message}`);
  });
  window.addEventListener("unhandledrejection", (e) => problems.push(`unhandled rejection: ${e.reason}`));
  document.addEventListener("securitypolicyviolation", (e) =>
    problems.push(`csp: ${e.effectiveDirective} blocked ${e.blockedURI}`),
  );
  const error = console.error;
  console.error = function (...args) {
    problems.push(`console: ${args.map(String).join(" ")}`);
    return error.apply(this, args);
  };
  // The embed loader reports an app that could not load as a warning.
  const warn = console.warn;
  console.warn = function (...args) {
    if (/Signal of Hope/.test(String(args[0]))) problems.push(`warning: ${args.map(String).join(" ")}`);
    return warn.apply(this, args);
  };
  return true;
}

function readProblems() {
  return window[Symbol.for("e2e.problems")] ?? null;
}

const source = (fn) => (typeof fn === "function" ? `return (${fn}).apply(null, arguments);` : fn);

async function newSession(driver, { width = 1280, height = 900 } = {}) {
  const created = await command(driver, "POST", "/session", {
    capabilities: {
      alwaysMatch: {
        // The driver's default browser, named: startWebKit() checks that it is there.
        "webkitgtk:browserOptions": { binary: MINIBROWSER, args: ["--automation"] },
        timeouts: { script: 30_000, pageLoad: 30_000, implicit: 0 },
      },
    },
  });
  const base = `${driver}/session/${created.sessionId}`;
  const run = (method, path, body) => command(base, method, path, body);
  // Every call starts in the top document and ends there.
  const top = () => run("POST", "/frame", { id: null });

  /** Runs `fn` (its source, with JSON `args`) in the current document; a promise is awaited. */
  const execute = (fn, args) => run("POST", "/execute/sync", { script: source(fn), args });

  /** Enters the index-th element matching `selector` (an iframe) of the top document. */
  async function enter(selector, index) {
    const element = await execute((s, i) => document.querySelectorAll(s)[i] ?? null, [selector, index]);
    if (!element) throw new WebDriverError(`no ${selector} #${index}`);
    await run("POST", "/frame", { id: element });
  }

  async function inFrame(selector, index, work) {
    await enter(selector, index);
    try {
      await execute(watch, []);
      return await work();
    } finally {
      await top();
    }
  }

  async function click(selector, index) {
    const element = await execute((s, i) => document.querySelectorAll(s)[i] ?? null, [selector, index]);
    if (!element) throw new WebDriverError(`no ${selector} #${index}`);
    await run("POST", `/element/${element[ELEMENT]}/click`, {});
  }

  let chrome = null; // [width, height] of the window around the page
  const session = {
    /** Loads `url` in the top window (returns after its load event) and watches it. */
    async goto(url) {
      await run("POST", "/url", { url });
      await execute(watch, []);
    },
    url: () => run("GET", "/url"),
    title: () => run("GET", "/title"),
    /** `fn(...args)` in the top document. */
    evaluate: (fn, ...args) => execute(fn, args),
    click: (selector, index = 0) => click(selector, index),
    /** The document of the index-th element matching `selector` in the top document. */
    frame(selector, index = 0) {
      return {
        evaluate: (fn, ...args) => inFrame(selector, index, () => execute(fn, args)),
        click: (inner, i = 0) => inFrame(selector, index, () => click(inner, i)),
      };
    },
    /**
     * Sizes the window so that the page's viewport is `w` × `h` CSS px: the window's size plus
     * MiniBrowser's toolbar, measured on the first call; returns once the page has that viewport
     * (the web view follows a window resize a moment later).
     */
    async setViewportSize(w, h) {
      const inner = () => execute(() => [innerWidth, innerHeight, outerWidth, outerHeight], []);
      if (!chrome) {
        const [iw, ih, ow, oh] = await inner();
        chrome = [ow - iw, oh - ih];
      }
      await run("POST", "/window/rect", { width: w + chrome[0], height: h + chrome[1] });
      const deadline = Date.now() + 5000;
      for (;;) {
        const [iw, ih, ow, oh] = await inner();
        if (iw === w && ih === h) return;
        if (Date.now() > deadline) throw new WebDriverError(`viewport ${iw}x${ih} in a ${ow}x${oh} window, not ${w}x${h}`);
        await new Promise((r) => setTimeout(r, 25));
      }
    },
    /** The problems recorded in the top document and in each frame in it (watched ones). */
    async problems() {
      const found = [...((await execute(readProblems, [])) ?? [])];
      const count = await execute(() => document.querySelectorAll("iframe").length, []);
      for (let i = 0; i < count; i += 1) {
        try {
          await enter("iframe", i);
          const inside = await execute(readProblems, []);
          if (inside) found.push(...inside.map((p) => `frame ${i}: ${p}`));
        } finally {
          await top();
        }
      }
      return found;
    },
    async close() {
      await run("DELETE", "").catch(() => {});
    },
  };
  try {
    await session.setViewportSize(width, height);
  } catch (err) {
    await session.close();
    throw err;
  }
  return session;
}
