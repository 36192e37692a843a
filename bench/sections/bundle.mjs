// 1. What a first visit to an article page downloads, read from the built index.html.
import { readFile } from "node:fs/promises";
import { extname, join } from "node:path";
import { gzipSync } from "node:zlib";
import { brotli } from "../lib/hosts.mjs";
import { heading, kib, note, printTable, signedKib } from "../lib/report.mjs";

/**
 * What the built index.html makes an article page load: its stylesheet, the article page's
 * module (glue and wasm, from the <meta name="signal:module"> that boot.js reads) and the
 * inline head script (boot.js), plus the whole app's module and the favicon for reference.
 */
export function assetsOf(indexHtml) {
  const css = indexHtml.match(/<link[^>]*\srel="stylesheet"[^>]*\shref="\/?([^"]+)"/)?.[1];
  if (!css) throw new Error("dist/index.html: no stylesheet found");
  const favicon = indexHtml.match(/<link[^>]*rel="icon"[^>]*href="\/?([^"]+)"/)?.[1] ?? null;
  const modules = [
    ...indexHtml.matchAll(/<meta name="signal:module"( data-article)? content="\/?([^"]+)" data-wasm="\/?([^"]+)"/g),
  ].map((m) => ({ article: m[1] !== undefined, js: m[2], wasm: m[3] }));
  if (modules.length === 0) return olderAssetsOf(indexHtml, css, favicon);
  const article = modules.find((m) => m.article);
  const whole = modules.find((m) => m !== article);
  if (!article || !whole) throw new Error("dist/index.html: the two <meta name=\"signal:module\"> not found");
  // The classic inline <script> in the head that runs before the first paint (boot.js).
  const headScript = indexHtml.match(/<script>([\s\S]*?)<\/script>/)?.[1];
  if (!headScript) throw new Error("dist/index.html: no inline head script (boot.js) found");
  return {
    files: [css, article.js, article.wasm], // the files an article page loads besides index.html
    css,
    js: article.js,
    wasm: article.wasm,
    whole,
    headScript,
    favicon,
  };
}

/**
 * Builds before the article page's own module (up to de9dcee), for `bench/compare.mjs`: one
 * module, loaded by Trunk's inline loader, and the head script as a file (boot-*.js).
 */
function olderAssetsOf(indexHtml, css, favicon) {
  const js = indexHtml.match(/\bfrom\s+'\/?([^']+\.js)'/)?.[1];
  const wasm = indexHtml.match(/module_or_path:\s*'\/?([^']+\.wasm)'/)?.[1];
  const script = indexHtml.match(/<script(?![^>]*type="module")[^>]*\ssrc="\/?([^"]+)"/)?.[1];
  if (!js || !wasm || !script) throw new Error("dist/index.html: no app module found");
  return { files: [css, script, js, wasm], css, js, wasm, whole: { js, wasm }, headScript: null, favicon };
}

function sizes(bytes) {
  return { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length, brotli: brotli(bytes).length };
}

const ORDER = [".html", ".js", ".css", ".wasm"];

export async function runBundle({ dist, budget }) {
  heading("Bundle: what a first visit to an article page downloads");
  const indexHtml = await readFile(join(dist, "index.html"), "utf8");
  const { files, headScript } = assetsOf(indexHtml);
  const rows = [{ file: "index.html", ...sizes(Buffer.from(indexHtml)) }];
  // boot.js is inline in index.html: counted with the code, and in index.html's row.
  const boot = { file: "  of which boot.js, inline", ...sizes(Buffer.from(headScript ?? "")) };
  for (const file of files.sort((a, b) => ORDER.indexOf(extname(a)) - ORDER.indexOf(extname(b)) || a.localeCompare(b))) {
    rows.push({ file, ...sizes(await readFile(join(dist, file))) });
  }
  const sum = (list) => ({
    raw: list.reduce((t, r) => t + r.raw, 0),
    gzip: list.reduce((t, r) => t + r.gzip, 0),
    brotli: list.reduce((t, r) => t + r.brotli, 0),
  });
  const total = sum(rows);
  const code = sum([boot, ...rows.filter((r) => r.file !== "index.html")]);
  rows.splice(1, 0, boot);
  printTable(
    "Files (gzip -9 and brotli q11 as a good host sends them)",
    ["file", "raw", "gzip", "brotli"],
    [
      ...rows.map((r) => [r.file, kib(r.raw), kib(r.gzip), kib(r.brotli)]),
      ["total, with index.html", kib(total.raw), kib(total.gzip), kib(total.brotli)],
      ["wasm + JS + CSS (with boot.js)", kib(code.raw), kib(code.gzip), kib(code.brotli)],
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
