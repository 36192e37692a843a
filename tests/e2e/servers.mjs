// Real HTTP servers for the end-to-end tests, on 127.0.0.1 and free ports:
// - a static host for the built app (dist/), with the SPA fallback configured either the way
//   GitHub Pages and most static hosts do it (unknown path -> 404.html, status 404) or the
//   nginx `try_files $uri $uri/ /index.html` way (unknown path -> index.html, status 200);
// - a JSON API on a second origin, as a partner's backend would be: the bundled sample data
//   plus test fixtures, CORS headers, and faults a test can arm (status codes, dropped
//   connections, held responses, missing CORS, wrong types), served by api_server.py;
// - Debian's nginx serving a directory of JSON documents on another origin (nginx.conf), with
//   CORS headers and gzip, as a partner's static host would.
// The Python server and nginx are child processes that stop with the test process, however it
// ends: the Python server when its stdin closes, nginx by a parent-death signal.
import { createServer } from "node:http";
import { createServer as createTcpServer } from "node:net";
import { spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { rmSync } from "node:fs";
import { mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, extname, join, normalize, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";

const HERE = dirname(fileURLToPath(import.meta.url));
const PYTHON = process.env.PYTHON ?? "python3";
const NGINX = process.env.NGINX ?? "/usr/sbin/nginx";

/** Content types by extension, for every static server the tests and the benchmark run. */
export const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".wasm": "application/wasm",
  ".json": "application/json; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".webmanifest": "application/manifest+json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".txt": "text/plain; charset=utf-8",
  ".md": "text/plain; charset=utf-8",
};

/** The file under one of `roots` for a URL path, or null (never outside the roots). */
async function resolveFile(roots, urlPath) {
  let decoded;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  for (const root of roots) {
    const path = normalize(join(root, decoded));
    if (path !== root && !path.startsWith(root.endsWith(sep) ? root : root + sep)) continue;
    try {
      const info = await stat(path);
      if (info.isFile()) return path;
      if (info.isDirectory()) {
        const index = join(path, "index.html");
        if ((await stat(index).catch(() => null))?.isFile()) return index;
      }
    } catch {
      // not in this root
    }
  }
  return null;
}

function listen(server) {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      // Servers stop with the test process; never keep it alive on their own.
      server.unref();
      resolve(`http://127.0.0.1:${port}`);
    });
  });
}

function close(server) {
  return new Promise((resolve) => {
    server.closeAllConnections?.();
    server.close(() => resolve());
  });
}

/**
 * Serves a built `dist/` at `prefix` ("/" or e.g. "/reader/").
 * fallback: "404.html" (GitHub Pages style) or "index.html" (nginx try_files style).
 */
export async function startStaticHost({ root, prefix = "/", fallback = "404.html" }) {
  const requests = [];
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, "http://localhost");
    requests.push(url.pathname);
    if (!url.pathname.startsWith(prefix)) {
      res.writeHead(404, { "content-type": "text/plain" }).end("outside the site");
      return;
    }
    const inside = "/" + url.pathname.slice(prefix.length);
    let file = await resolveFile([root], inside);
    let status = 200;
    if (!file) {
      file = join(root, fallback);
      status = fallback === "404.html" ? 404 : 200;
    }
    try {
      const body = await readFile(file);
      res.writeHead(status, {
        "content-type": TYPES[extname(file)] ?? "application/octet-stream",
        "cache-control": "no-store",
      });
      res.end(req.method === "HEAD" ? undefined : body);
    } catch {
      res.writeHead(500).end();
    }
  });
  const origin = await listen(server);
  return { origin, url: origin + prefix, requests, close: () => close(server) };
}

/** Child processes still running and their temporary directories; gone when the test process exits. */
const children = new Set();
const tempDirs = new Set();
process.on("exit", () => {
  for (const child of children) child.kill("SIGKILL");
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});

export function track(child) {
  children.add(child);
  const exited = new Promise((resolve) => child.once("exit", (code, signal) => resolve({ code, signal })));
  exited.then(() => children.delete(child));
  // Like the Node servers: a running child never keeps the test process alive on its own.
  child.unref();
  return exited;
}

/**
 * The JSON API: files from `roots` (first match wins), with CORS, and armable faults, served
 * by api_server.py. `path`s are relative to `base`, e.g. "/articles.json".
 *   api.fail(path, { status, times = 1 })      answer `status` (JSON error body)
 *   api.drop(path, { times = 1 })              close the connection without a response
 *   api.noCors(path, { times = Infinity })     no Access-Control-Allow-Origin header
 *   api.contentType(path, type)                serve with this Content-Type
 *   api.respond(path, { status = 200, body, contentType = JSON })   this body instead
 *   api.hold(path) -> release()                hold requests until release() is called
 *   api.truncate(path, { bytes, lie = false, times = Infinity })
 *                                              only the first `bytes` of the body: a short but
 *                                              complete answer, or (`lie`) the whole body's
 *                                              Content-Length and a connection cut mid-body
 *   api.redirect(path, { to = path, status = 302, times = Infinity })
 *                                              redirect to `to` (under `base`, or absolute);
 *                                              to itself (the default): a redirect loop
 *   api.headers(path, headers, { expose = true })  extra response headers (e.g. Retry-After),
 *                                              exposed to the page through CORS unless not `expose`
 *   api.rst(path, { times = 1 })               reset the connection (TCP RST), no response
 *   await api.count(path)                      how many requests reached `path`
 *   await api.requests()                       every path requested (with `base`), in order
 *   api.reset()                                forget faults and requests, release all holds
 * Each call applies to every request sent after it returns (the server reads its commands
 * before each request), and returns a promise of the server's acknowledgement.
 */
export async function startApi({ roots, base = "/api/" }) {
  const child = spawn(PYTHON, [join(HERE, "api_server.py"), "--base", base, ...roots.map((r) => resolve(r))], {
    stdio: ["pipe", "pipe", "inherit"],
  });
  const exited = track(child);
  child.stdin.on("error", () => {}); // the server has exited: `exited` reports it
  const pending = new Map();
  let nextId = 1;
  // While an acknowledgement is awaited, the pipe keeps the test process alive; otherwise not.
  const refs = (on) => {
    for (const stream of [child.stdin, child.stdout]) on ? stream.ref?.() : stream.unref?.();
  };
  const lines = createInterface({ input: child.stdout });
  const port = await new Promise((resolve, reject) => {
    lines.once("line", (line) => resolve(Number(line)));
    child.once("error", reject);
    exited.then(({ code, signal }) => reject(new Error(`api_server.py exited (${code ?? signal})`)));
  });
  lines.on("line", (line) => {
    const { id, result, error } = JSON.parse(line);
    const waiter = pending.get(id);
    if (!waiter) return;
    pending.delete(id);
    if (pending.size === 0) refs(false);
    error ? waiter.reject(new Error(`api_server.py: ${error}`)) : waiter.resolve(result);
  });
  exited.then(({ code, signal }) => {
    for (const waiter of pending.values()) waiter.reject(new Error(`api_server.py exited (${code ?? signal})`));
    pending.clear();
  });
  refs(false);

  /** Sends a command now (synchronously, so it precedes any later request); resolves on its ack. */
  function send(op, args = {}) {
    const id = nextId++;
    const promise = new Promise((resolve, reject) => pending.set(id, { resolve, reject }));
    refs(true);
    child.stdin.write(JSON.stringify({ id, op, ...args }) + "\n");
    return promise;
  }
  const times = (n) => (n === Infinity ? null : n);
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    url: origin + base,
    requests: () => send("requests"),
    count: async (path) => (await send("requests")).filter((p) => p === base.slice(0, -1) + path).length,
    fail: (path, { status, times: n = 1 }) => send("fail", { path, status, times: times(n) }),
    drop: (path, { times: n = 1 } = {}) => send("drop", { path, times: times(n) }),
    rst: (path, { times: n = 1 } = {}) => send("rst", { path, times: times(n) }),
    truncate: (path, { bytes, lie = false, times: n = Infinity }) => send("truncate", { path, bytes, lie, times: times(n) }),
    redirect: (path, { to = path, status = 302, times: n = Infinity } = {}) =>
      send("redirect", { path, location: to, status, times: times(n) }),
    headers: (path, headers, { expose = true } = {}) => send("headers", { path, headers, expose }),
    noCors: (path, { times: n = Infinity } = {}) => send("nocors", { path, times: times(n) }),
    contentType: (path, type) => send("content_type", { path, type }),
    respond(path, { status = 200, body = "", contentType = "application/json; charset=utf-8" } = {}) {
      return send("respond", { path, status, body: typeof body === "string" ? body : JSON.stringify(body), type: contentType });
    },
    hold(path) {
      const held = send("hold", { path });
      held.catch(() => {}); // reported by release()
      return async () => {
        await held;
        return send("release", { path });
      };
    },
    reset: () => send("reset"),
    async close() {
      if (child.exitCode === null && child.signalCode === null) {
        child.ref(); // until it has exited
        child.stdin.end();
        child.kill();
      }
      await exited;
    },
  };
}

/** A port that was free a moment ago (nginx then binds it itself; see startNginx's retries). */
export async function freePort() {
  const server = createTcpServer();
  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", resolve);
  });
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Polls `probe` until it returns a truthy value; rejects if `stop` settles first (with its value). */
async function until(probe, stop, timeout) {
  const deadline = Date.now() + timeout;
  const stopped = stop.then((reason) => Promise.reject(reason));
  stopped.catch(() => {});
  for (;;) {
    const value = await Promise.race([probe().catch(() => null), stopped]);
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`not ready after ${timeout} ms`);
    await Promise.race([new Promise((r) => setTimeout(r, 25)), stopped]);
  }
}

/**
 * Debian's nginx serving the directory `root` on a free port of 127.0.0.1, configured by
 * nginx.conf: CORS headers on every response, gzip for JSON, JSON content types, a JSON 404.
 * requests() lists the paths of the requests answered so far (from the access log).
 */
export async function startNginx({ root }) {
  const template = await readFile(join(HERE, "nginx.conf"), "utf8");
  const dir = await mkdtemp(join(tmpdir(), "soh-nginx-"));
  tempDirs.add(dir);
  const removeDir = async () => {
    await rm(dir, { recursive: true, force: true });
    tempDirs.delete(dir);
  };
  const conf = join(dir, "nginx.conf");
  let lastError;
  // A free port can be taken between freePort() and nginx's bind: then try another.
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const port = await freePort();
    const token = `ready-${process.pid}-${port}-${attempt}`;
    await writeFile(
      conf,
      template
        .replaceAll("@ROOT@", resolve(root))
        .replaceAll("@TMP@", dir)
        .replaceAll("@LISTEN@", `127.0.0.1:${port}`)
        .replaceAll("@READY@", token),
    );
    // setpriv: nginx gets SIGKILL when this process dies, even if it crashes.
    const child = spawn("setpriv", ["--pdeathsig", "KILL", "--", NGINX, "-p", dir, "-c", conf, "-e", join(dir, "error.log")], {
      stdio: ["ignore", "ignore", "pipe"],
    });
    const exited = track(child);
    let stderr = "";
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.stderr.unref?.();
    const origin = `http://127.0.0.1:${port}`;
    try {
      // Ready when this nginx (not whatever else may have taken the port) answers.
      await until(
        async () => {
          const res = await fetch(`${origin}/.e2e-ready`, { signal: AbortSignal.timeout(1000) });
          return (await res.text()) === token;
        },
        exited.then(async ({ code, signal }) => {
          const log = await readFile(join(dir, "error.log"), "utf8").catch(() => "");
          return new Error(`nginx exited (${code ?? signal}): ${stderr}${log}`);
        }),
        10_000,
      );
    } catch (err) {
      lastError = err;
      child.ref();
      child.kill("SIGKILL");
      await exited;
      if (/Address already in use/.test(err.message)) continue;
      break;
    }
    const accessLog = join(dir, "access.log");
    return {
      origin,
      url: origin + "/",
      /** Paths (without query) of the requests nginx has answered, in order. */
      async requests() {
        const log = await readFile(accessLog, "utf8").catch(() => "");
        return log
          .split("\n")
          .filter(Boolean)
          .map((uri) => uri.split("?")[0]);
      },
      async close() {
        if (child.exitCode === null && child.signalCode === null) {
          child.ref(); // until it has exited
          child.kill("SIGTERM");
        }
        await exited;
        await removeDir();
      },
    };
  }
  await removeDir();
  throw lastError;
}

/**
 * A static site with response headers of its own, e.g. a partner's page with a strict
 * Content-Security-Policy, or an app host that sends CORS headers the way GitHub Pages does.
 *   root        the directory served ("/" -> index.html)
 *   headers     extra response headers: an object, or (pathname) => object
 *   substitute  { "@NAME@": value }: replaced in the headers and in .html, .js and .css bodies,
 *               e.g. the origin of the app a partner page embeds (known only once it listens)
 *   fallback    a file under root served for unknown paths (with `fallbackStatus`), else a 404
 * `substitute` may be changed after the host starts (host.substitute is the same object).
 */
export async function startHeaderHost({ root, headers = {}, substitute = {}, fallback = null, fallbackStatus = 200 }) {
  const requests = [];
  const replace = (text) => {
    for (const [from, to] of Object.entries(substitute)) text = text.replaceAll(from, to);
    return text;
  };
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, "http://localhost");
    requests.push(url.pathname);
    let file = await resolveFile([resolve(root)], url.pathname);
    let status = 200;
    if (!file && fallback !== null) {
      file = join(resolve(root), fallback);
      status = fallbackStatus;
    }
    const extra = Object.fromEntries(
      Object.entries(typeof headers === "function" ? headers(url.pathname) : headers).map(([k, v]) => [k, replace(String(v))]),
    );
    if (!file) {
      res.writeHead(404, { "content-type": "text/plain; charset=utf-8", ...extra }).end("not found");
      return;
    }
    try {
      let body = await readFile(file);
      if ([".html", ".js", ".mjs", ".css"].includes(extname(file))) body = Buffer.from(replace(body.toString("utf8")));
      res.writeHead(status, {
        "content-type": TYPES[extname(file)] ?? "application/octet-stream",
        "cache-control": "no-store",
        ...extra,
      });
      res.end(req.method === "HEAD" ? undefined : body);
    } catch {
      res.writeHead(500).end();
    }
  });
  const origin = await listen(server);
  return { origin, url: origin + "/", requests, substitute, close: () => close(server) };
}
