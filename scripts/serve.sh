#!/usr/bin/env bash
# Builds the sample blog and serves it on http://127.0.0.1:8080/: Trunk
# rebuilds when the app changes, `quire watch` republishes what an edit of
# the blog changes, and open pages reload. Installs what is missing first.
# Extra arguments go to `trunk serve`, e.g. `scripts/serve.sh --release`
# or `scripts/serve.sh --public-url /blog/` to preview a sub-path.
# QUIRE_ROOT=~/my-hugo-site scripts/serve.sh serves another blog (a Hugo
# site's folder as it is) and republishes it when its files change.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
if [ -n "${QUIRE_ROOT:-}" ]; then
  QUIRE_ROOT=$(cd "$QUIRE_ROOT" && pwd)
  export QUIRE_ROOT
fi
# Trunk rebuilds the app (and runs `quire build` as its hook); `quire watch`
# republishes what each edit of the blog changes. Trunk's first build
# replaces dist/, and the watcher waits for it.
# The watcher is built optimised (Cargo.toml's `tool` profile): a debug
# build is six times slower on a large blog.
cargo build --quiet --profile tool --package quire-cli
rm -rf dist
target/tool/quire watch --out dist &
watcher=$!
trap 'kill "$watcher" 2>/dev/null' EXIT
trunk serve --offline "$@"
