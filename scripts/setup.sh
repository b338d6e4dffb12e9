#!/usr/bin/env bash
# Installs what building (and, with `--test`, testing) Quire needs on a fresh
# machine that has only the Rust toolchain, Node/npm and Python. Every step
# checks first and skips what is already there, so running it again is quick.
#
#   scripts/setup.sh          # build tools: wasm32 target, Trunk, wasm-bindgen, wasm-opt
#   scripts/setup.sh --test   # the same, plus Chromium and ChromeDriver for the browser tests
set -euo pipefail
cd "$(dirname "$0")/.."

# Trunk 0.22 needs a newer rustc than this project's toolchain (1.95).
TRUNK_VERSION=0.21.14
# wasm-bindgen-cli must match the wasm-bindgen crate the app is built with.
BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)

say() { printf '\033[1msetup:\033[0m %s\n' "$*"; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if ! trunk --version 2>/dev/null | grep -q " $TRUNK_VERSION\$"; then
  say "installing Trunk $TRUNK_VERSION (about 6 minutes)"
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi

if ! wasm-bindgen --version 2>/dev/null | grep -q " $BINDGEN_VERSION\$"; then
  say "installing wasm-bindgen-cli $BINDGEN_VERSION (about 2 minutes)"
  # Not --locked: the registry lacks some of the versions its lock file pins.
  cargo install wasm-bindgen-cli --version "$BINDGEN_VERSION"
fi

# wasm-opt comes from npm's binaryen: Debian's binaryen 108 emits wasm that
# crashes at start. The same `npm ci` brings the browser-test driver.
if ! cmp -s package-lock.json node_modules/.installed-lock.json; then
  say "installing Node tools (binaryen's wasm-opt, Playwright's test runner)"
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund
  cp package-lock.json node_modules/.installed-lock.json
fi

if [ "${1:-}" = "--test" ]; then
  # Chromium drives the end-to-end tests; nginx serves the build the way an
  # operator's server would (tests/e2e/hosts.spec.mjs).
  missing=()
  command -v chromium >/dev/null || missing+=(chromium)
  command -v chromedriver >/dev/null || missing+=(chromium-driver)
  [ -x /usr/sbin/nginx ] || missing+=(nginx-light)
  if [ ${#missing[@]} -gt 0 ]; then
    say "installing from Debian: ${missing[*]}"
    apt_get() { if [ "$(id -u)" = 0 ]; then apt-get "$@"; else sudo apt-get "$@"; fi; }
    apt_get update -qq
    DEBIAN_FRONTEND=noninteractive apt_get install -y -qq "${missing[@]}" >/dev/null
    # Debian starts the nginx service on install; the tests run their own.
    if [[ " ${missing[*]} " == *" nginx-light "* ]]; then
      (systemctl disable --now nginx || service nginx stop || /usr/sbin/nginx -s stop) >/dev/null 2>&1 || true
    fi
  fi
fi
