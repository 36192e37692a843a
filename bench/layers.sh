#!/usr/bin/env bash
# A measurement, not a test: what the article page's wasm is made of, layer by layer. Builds
# the small programs in bench/layers/ (each adds one layer of the article page to the one
# before) with the release build's settings, runs wasm-bindgen and `wasm-opt -Os` on each as
# Trunk does, and prints each one's brotli size and what its layer added.
# The post-build hook's import renaming (scripts/wasm-imports.mjs) is not applied, so the
# last row is about 2 KiB larger than the page's wasm in `dist/`.
set -euo pipefail
source "$(dirname "$0")/../scripts/env.sh"
scripts/setup >/dev/null

layers=(mount parse fetch resource page)
step "building ${layers[*]}"
env "${BUILD_STD_ENV[@]}" CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="$RELEASE_RUSTFLAGS" \
  cargo build --release --locked --target wasm32-unknown-unknown \
  --features bench-layers "${layers[@]/#/--example=layer-}"

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
for layer in "${layers[@]}"; do
  wasm-bindgen --target web --no-typescript --out-dir "$out/$layer" --out-name layer \
    "target/wasm32-unknown-unknown/release/examples/layer-$layer.wasm"
  wasm-opt -Os "$out/$layer/layer_bg.wasm" -o "$out/$layer.wasm"
done
node - "$out" "${layers[@]}" <<'JS'
const { readFileSync } = require("node:fs");
const { brotliCompressSync, constants } = require("node:zlib");
const [dir, ...layers] = process.argv.slice(2);
const what = {
  mount: "Leptos mounting a static paragraph",
  parse: "+ reading an article document (our model)",
  fetch: "+ fetching it (our store and http)",
  resource: "+ LocalResource, Suspense, ErrorBoundary",
  page: "+ the page itself: its views, router, <head>",
};
const brotli = (bytes) =>
  brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length / 1024;
console.log(`\n${"layer".padEnd(46)} ${"wasm, brotli".padStart(13)} ${"added".padStart(10)}`);
let before = 0;
for (const layer of layers) {
  const size = brotli(readFileSync(`${dir}/${layer}.wasm`));
  const added = before ? `+${(size - before).toFixed(1)}` : "";
  console.log(`${what[layer].padEnd(46)} ${`${size.toFixed(1)} KiB`.padStart(13)} ${added.padStart(10)}`);
  before = size;
}
JS
