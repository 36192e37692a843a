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

# `trunk build --release` as readers get it: the standard library is rebuilt for size and
# panics abort on the spot, dropping the panic-message machinery and source locations
# (17 KiB of brotli wasm; docs/performance.md); derived `Debug` prints a type's name only
# (1 KiB; a hand-written `Debug`, such as a string's, which error messages quote, is kept).
# These are unstable compiler options: the pinned stable toolchain accepts them under
# RUSTC_BOOTSTRAP, for this build only. A plain `trunk build --release` still works and is
# 17 KiB larger. RELEASE_RUSTFLAGS is shared with bench/layers.sh, which must build alike.
BUILD_STD_ENV=(
  RUSTC_BOOTSTRAP=1
  CARGO_UNSTABLE_BUILD_STD=std,panic_abort
  CARGO_UNSTABLE_BUILD_STD_FEATURES=optimize_for_size
)
RELEASE_RUSTFLAGS="--cfg erase_components -Zunstable-options -Cpanic=immediate-abort -Zlocation-detail=none -Zfmt-debug=shallow"
release_build() {
  env "${BUILD_STD_ENV[@]}" CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="$RELEASE_RUSTFLAGS" \
    trunk build --release --offline "$@"
}
