// Prints the table of bench/layers.sh: each layer's wasm (after wasm-opt), brotli, and what
// the layer added to the one before.
//   node bench/layers.mjs <dir of layer wasm files> <layer> …
import { readFileSync } from "node:fs";
import { brotli } from "./lib/hosts.mjs";
import { kib, printTable, signedKib } from "./lib/report.mjs";

const WHAT = {
  mount: "Leptos mounting a static paragraph",
  parse: "+ reading an article document (our model)",
  fetch: "+ fetching it (our store and http)",
  resource: "+ LocalResource, Suspense, ErrorBoundary",
  page: "+ the page itself: its views, router, <head>",
};

const [dir, ...layers] = process.argv.slice(2);
let before = null;
const rows = layers.map((layer) => {
  const size = brotli(readFileSync(`${dir}/${layer}.wasm`)).length;
  const row = [WHAT[layer] ?? layer, kib(size), before === null ? "" : signedKib(size - before)];
  before = size;
  return row;
});
printTable("The article page's wasm, layer by layer (brotli)", ["layer", "wasm", "added"], rows);
