# Sourced by the scripts: where the installed tools are, and the pinned versions.
# shellcheck shell=bash

cd "$(dirname "${BASH_SOURCE[0]}")/.."

TRUNK_VERSION=0.21.14
# wasm-bindgen-cli must be exactly the wasm-bindgen in Cargo.lock.
WASM_BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)

export PATH="$PWD/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
export CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}"
export CHROME_PATH="${CHROME_PATH:-/usr/bin/chromium}"

step() { printf '\n==> %s\n' "$*"; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

# `trunk build --release` as readers get it: the standard library rebuilt for size, panics that
# abort on the spot, no source locations, shallow derived `Debug`
# (docs/decisions/0004-rebuilt-standard-library.md). These are unstable options, which the
# toolchain pinned in rust-toolchain.toml (a dated nightly) takes. Cargo adds these flags to
# the ones in .cargo/config.toml, which every wasm build gets. A plain
# `trunk build --release` builds without them (CI checks that it still does).
# RELEASE_ENV is shared with bench/layers.sh, which must build alike.
RELEASE_ENV=(
  CARGO_UNSTABLE_BUILD_STD=std,panic_abort
  CARGO_UNSTABLE_BUILD_STD_FEATURES=optimize_for_size
  CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort -Zlocation-detail=none -Zfmt-debug=shallow"
)
release_build() {
  env "${RELEASE_ENV[@]}" trunk build --release --offline "$@"
}
