// 1. What a first visit to an article page downloads, read from the built index.html.
import { readFile } from "node:fs/promises";
import { extname, join } from "node:path";
import { gzipSync } from "node:zlib";
import { brotli } from "../lib/hosts.mjs";
import { heading, kib, note, printTable, signedKib } from "../lib/report.mjs";

/**
 * The hashed asset names in the built index.html: its stylesheet, head script, favicon, the
 * wasm-bindgen JS and the wasm (from the <link>s, <script src> and Trunk's inline loader).
 */
export function assetsOf(indexHtml) {
  const urls = new Set();
  const patterns = [
    /<script[^>]*\ssrc="([^"]+)"/g,
    /<link[^>]*\srel="(?:stylesheet|modulepreload|preload)"[^>]*\shref="([^"]+)"/g,
    /\bfrom\s+'([^']+\.js)'/g,
    /module_or_path:\s*'([^']+\.wasm)'/g,
  ];
  for (const pattern of patterns) for (const m of indexHtml.matchAll(pattern)) urls.add(m[1].replace(/^\//, ""));
  const files = [...urls];
  const one = (test, what) => {
    const found = files.find(test);
    if (!found) throw new Error(`dist/index.html: no ${what} found`);
    return found;
  };
  // The classic <script src> in the head that runs before the first paint (the theme, and in
  // later builds the JSON preload): theme-*.js or boot-*.js.
  const headScript = indexHtml.match(/<script(?![^>]*type="module")[^>]*\ssrc="\/?([^"]+)"/)?.[1];
  if (!headScript) throw new Error("dist/index.html: no head script (theme/boot) found");
  const favicon = indexHtml.match(/<link[^>]*rel="icon"[^>]*href="\/?([^"]+)"/)?.[1] ?? null;
  return {
    files, // every file index.html makes the browser load, in no particular order
    css: one((f) => f.endsWith(".css"), "stylesheet"),
    headScript,
    js: one((f) => f.endsWith(".js") && f !== headScript, "wasm-bindgen JS"),
    wasm: one((f) => f.endsWith(".wasm"), "wasm"),
    favicon,
  };
}

function sizes(bytes) {
  return { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length, brotli: brotli(bytes).length };
}

const ORDER = [".html", ".js", ".css", ".wasm"];

export async function runBundle({ dist, budget }) {
  heading("Bundle: what a first visit to an article page downloads");
  const indexHtml = await readFile(join(dist, "index.html"), "utf8");
  const { files } = assetsOf(indexHtml);
  const rows = [{ file: "index.html", ...sizes(Buffer.from(indexHtml)) }];
  for (const file of files.sort((a, b) => ORDER.indexOf(extname(a)) - ORDER.indexOf(extname(b)) || a.localeCompare(b))) {
    rows.push({ file, ...sizes(await readFile(join(dist, file))) });
  }
  const sum = (list) => ({
    raw: list.reduce((t, r) => t + r.raw, 0),
    gzip: list.reduce((t, r) => t + r.gzip, 0),
    brotli: list.reduce((t, r) => t + r.brotli, 0),
  });
  const total = sum(rows);
  const code = sum(rows.filter((r) => r.file !== "index.html"));
  printTable(
    "Files (gzip -9 and brotli q11 as a good host sends them)",
    ["file", "raw", "gzip", "brotli"],
    [
      ...rows.map((r) => [r.file, kib(r.raw), kib(r.gzip), kib(r.brotli)]),
      ["total, with index.html", kib(total.raw), kib(total.gzip), kib(total.brotli)],
      ["wasm + JS + CSS", kib(code.raw), kib(code.gzip), kib(code.brotli)],
    ],
  );
  const limit = budget.article_page_brotli_bytes;
  const diff = code.brotli - limit;
  printTable(
    "Budget (bench/budget.json)",
    ["", "brotli", "budget", "difference", ""],
    [["wasm + JS + CSS", kib(code.brotli), kib(limit), signedKib(diff), diff <= 0 ? "within" : "OVER"]],
  );
  note(`why: ${budget.why}`);
  note("Not counted: the article JSON (from the API origin) and the favicon.");
  return { files: rows, total, code, budget: limit, overBudget: diff };
}
