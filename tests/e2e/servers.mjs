// Real HTTP servers for the end-to-end tests, on 127.0.0.1 and random ports:
// - a static host for the built app (dist/), with the SPA fallback configured either the way
//   GitHub Pages and most static hosts do it (unknown path -> 404.html, status 404) or the
//   nginx `try_files $uri $uri/ /index.html` way (unknown path -> index.html, status 200);
// - a JSON API on a second origin, as a partner's backend would be: the bundled sample data
//   plus test fixtures, CORS headers, and faults a test can arm (status codes, held responses).
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, sep } from "node:path";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".wasm": "application/wasm",
  ".json": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".txt": "text/plain; charset=utf-8",
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

/**
 * The JSON API: files from `roots` (first match wins), with CORS, and armable faults.
 *   api.fail(path, { status, times })  answer `status` for the next `times` requests
 *   api.drop(path, { times })          destroy the connection (a network failure)
 *   api.hold(path)                     hold requests until the returned release() is called
 *   api.count(path)                    how many requests reached `path`
 */
export async function startApi({ roots, base = "/api/" }) {
  const requests = [];
  const faults = new Map();
  const held = new Map();
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, "http://localhost");
    const cors = {
      "access-control-allow-origin": "*",
      "access-control-allow-headers": "accept",
      "cache-control": "no-store",
    };
    if (req.method === "OPTIONS") {
      res.writeHead(204, cors).end();
      return;
    }
    requests.push(url.pathname);
    const path = url.pathname.startsWith(base) ? url.pathname.slice(base.length - 1) : null;
    const gate = path && held.get(path);
    if (gate) await gate.promise;
    const fault = path && faults.get(path);
    if (fault && fault.times > 0) {
      fault.times -= 1;
      if (fault.drop) {
        req.socket.destroy();
        return;
      }
      res.writeHead(fault.status, { ...cors, "content-type": "application/json" });
      res.end(JSON.stringify({ error: `injected ${fault.status}` }));
      return;
    }
    const file = path && (await resolveFile(roots, path));
    if (!file) {
      res.writeHead(404, { ...cors, "content-type": "application/json" });
      res.end(JSON.stringify({ error: "not found" }));
      return;
    }
    res.writeHead(200, { ...cors, "content-type": TYPES[extname(file)] ?? "application/json" });
    res.end(await readFile(file));
  });
  const origin = await listen(server);
  return {
    origin,
    url: origin + base,
    requests,
    count: (path) => requests.filter((p) => p === base.slice(0, -1) + path).length,
    fail(path, { status, times = 1 }) {
      faults.set(path, { status, times });
    },
    drop(path, { times = 1 } = {}) {
      faults.set(path, { drop: true, times });
    },
    hold(path) {
      let release;
      const promise = new Promise((resolve) => (release = resolve));
      const gate = { promise, release: () => (held.delete(path), release()) };
      held.set(path, gate);
      return gate.release;
    },
    reset() {
      faults.clear();
      for (const gate of [...held.values()]) gate.release();
      requests.length = 0;
    },
    close: () => close(server),
  };
}
