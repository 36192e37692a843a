// Prints the release build's transfer sizes, and wasm-opt's levels compared on the same input.
//   node scripts/size.mjs <dist> <wasm-bindgen output before wasm-opt>
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { extname, join } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

const [dist, unoptimised] = process.argv.slice(2);
const sizes = (bytes) => ({
  raw: bytes.length,
  gzip: gzipSync(bytes, { level: 9 }).length,
  brotli: brotliCompressSync(bytes, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
  }).length,
});
const kb = (n) => `${(n / 1024).toFixed(1).padStart(7)} KiB`;
const row = (name, s) => console.log(`${name.padEnd(44)} ${kb(s.raw)} ${kb(s.gzip)} ${kb(s.brotli)}`);

console.log(`${"file (what a first visit downloads)".padEnd(44)} ${"raw".padStart(11)} ${"gzip".padStart(11)} ${"brotli".padStart(11)}`);
const total = { raw: 0, gzip: 0, brotli: 0 };
for (const file of readdirSync(dist).sort()) {
  const path = join(dist, file);
  if (!statSync(path).isFile() || file === "404.html") continue;
  if (![".wasm", ".js", ".css", ".html"].includes(extname(file))) continue;
  const s = sizes(readFileSync(path));
  row(file, s);
  for (const k of Object.keys(total)) total[k] += s[k];
}
row("total", total);

console.log(`\nwasm-opt levels on ${unoptimised}:`);
const dir = mkdtempSync(join(tmpdir(), "soh-size-"));
try {
  row("(no wasm-opt)", sizes(readFileSync(unoptimised)));
  for (const level of ["-O", "-O3", "-Os", "-Oz"]) {
    const out = join(dir, `${level}.wasm`);
    execFileSync("wasm-opt", [level, unoptimised, "--output", out], { stdio: "inherit" });
    row(`wasm-opt ${level}`, sizes(readFileSync(out)));
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
