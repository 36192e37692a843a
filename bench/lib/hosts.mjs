// The two origins the benchmark serves from, both node HTTP servers on 127.0.0.1 that behave
// like a good production host: every response body is compressed once with brotli (quality
// 11) when the server starts or a document is added, kept in memory, and sent as
// `Content-Encoding: br` to clients that accept it. Nothing is compressed per request, so no
// page pays for compression time during a measurement.
//
// - The site host: the app, the static page and the plain-JS pages. Hashed assets are
//   `immutable` for a year, everything else `no-cache` (revalidate), as a CDN would be set up.
// - The API host: the JSON documents on a second origin, with `Access-Control-Allow-Origin: *`.
//
// Servers are unref()'d, so they stop with the process however it ends.
import { createServer } from "node:http";
import { readdir, readFile } from "node:fs/promises";
import { extname, join, relative, sep } from "node:path";
import { brotliCompressSync, constants } from "node:zlib";
import { TYPES } from "../../tests/e2e/servers.mjs";


/** Trunk's content hash in a file name (`main-7571fd084328014f.css`; Trunk drops leading zeros, so 15 or 16 digits): safe to cache forever. */
const HASHED = /-[0-9a-f]{12,20}(_bg)?\.[a-z]+$/;

export function brotli(bytes) {
  return brotliCompressSync(bytes, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
  });
}

/** A response ready to send: its body raw and compressed, type and caching. */
export function entry(name, body) {
  const raw = Buffer.isBuffer(body) ? body : Buffer.from(body);
  const type = TYPES[extname(name)] ?? "application/octet-stream";
  const cacheControl = HASHED.test(name) ? "public, max-age=31536000, immutable" : "no-cache";
  return { raw, br: brotli(raw), type, cacheControl };
}

/** Every file under `dir`, keyed by URL path ("/data/articles.json"). */
export async function filesUnder(dir) {
  const files = new Map();
  for (const item of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!item.isFile()) continue;
    const path = join(item.parentPath ?? item.path, item.name);
    // Skip dot-folders such as Trunk's .stage (a build in progress), which no host publishes.
    if (relative(dir, path).split(sep).some((part) => part.startsWith("."))) continue;
    files.set("/" + relative(dir, path).split(sep).join("/"), await readFile(path));
  }
  return files;
}

function acceptsBrotli(req) {
  return /(^|[\s,])br(?!;q=0(\.0*)?(\s*(,|$)))/.test(req.headers["accept-encoding"] ?? "");
}

/**
 * An HTTP server on a free port of 127.0.0.1 answering from `entries` (URL path -> entry()).
 * `route(pathname)` maps other paths to an entry's path (SPA fallbacks), or null for a 404.
 * `requests` lists every path asked for, with the time, so a section can see what a page loaded.
 */
async function startHost({ entries, route = () => null, headers = {} }) {
  const requests = [];
  const server = createServer((req, res) => {
    const { pathname } = new URL(req.url, "http://localhost");
    requests.push({ path: pathname, at: performance.now() });
    const found = entries.get(pathname) ?? entries.get(route(pathname));
    if (!found) {
      res.writeHead(404, { "content-type": "text/plain; charset=utf-8", ...headers }).end("not found");
      return;
    }
    const br = acceptsBrotli(req);
    const body = br ? found.br : found.raw;
    res.writeHead(200, {
      "content-type": found.type,
      "cache-control": found.cacheControl,
      "content-length": body.length,
      vary: "Accept-Encoding",
      ...(br ? { "content-encoding": "br" } : {}),
      ...headers,
    });
    res.end(req.method === "HEAD" ? undefined : body);
  });
  const origin = await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve(`http://127.0.0.1:${server.address().port}`));
  });
  server.unref();
  return {
    origin,
    entries,
    requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * The site: `files` (URL path -> bytes) plus `pages` (URL path -> bytes, e.g. the comparison
 * pages), with `fallback(pathname)` naming the entry for any other path.
 */
export async function startSiteHost({ files, fallback }) {
  const entries = new Map();
  for (const [path, bytes] of files) entries.set(path, entry(path, bytes));
  return startHost({ entries, route: fallback });
}

/**
 * The JSON API on its own origin, with CORS. `documents` (URL path -> bytes) is the initial
 * set; `put(path, json)` adds or replaces one (compressed once, then served from memory).
 */
export async function startApiHost({ documents }) {
  const entries = new Map();
  for (const [path, bytes] of documents) entries.set(path, entry(path, bytes));
  const host = await startHost({ entries, headers: { "access-control-allow-origin": "*" } });
  return {
    ...host,
    put(path, value) {
      entries.set(path, entry(path, typeof value === "string" ? value : JSON.stringify(value)));
    },
  };
}
