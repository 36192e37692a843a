#!/usr/bin/env bash
# A measurement, not a test: what the article page's wasm is made of, layer by layer. Builds
# the small programs in bench/layers/ (each adds one layer of the article page to the one
# before) with the release build's settings, runs wasm-bindgen and `wasm-opt -Os` on each as
# Trunk does, and prints each one's brotli size and what its layer added.
set -euo pipefail
source "$(dirname "$0")/../scripts/env.sh"
scripts/setup >/dev/null

layers=(mount parse fetch resource page)
step "building ${layers[*]}"
env "${RELEASE_ENV[@]}" cargo build --release --locked --target wasm32-unknown-unknown \
  --features bench-layers "${layers[@]/#/--example=layer-}"

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
for layer in "${layers[@]}"; do
  wasm-bindgen --target web --no-typescript --out-dir "$out/$layer" --out-name layer \
    "target/wasm32-unknown-unknown/release/examples/layer-$layer.wasm"
  wasm-opt -Os "$out/$layer/layer_bg.wasm" -o "$out/$layer.wasm"
done
node bench/layers.mjs "$out" "${layers[@]}"
