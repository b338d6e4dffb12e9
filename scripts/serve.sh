#!/usr/bin/env bash
# Builds the sample blog and serves it on http://127.0.0.1:8080/, rebuilding
# when the app or the content changes. Installs what is missing first.
# Extra arguments go to `trunk serve`, e.g. `scripts/serve.sh --release`
# or `scripts/serve.sh --public-url /blog/` to preview a sub-path.
# QUIRE_ROOT=~/my-hugo-site scripts/serve.sh serves another blog (a Hugo
# site's folder as it is) and rebuilds when its files change.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
if [ -n "${QUIRE_ROOT:-}" ]; then
  QUIRE_ROOT=$(cd "$QUIRE_ROOT" && pwd)
  export QUIRE_ROOT
  # Watching the blog replaces watching this folder, so both are named.
  set -- --watch . --watch "$QUIRE_ROOT" "$@"
fi
exec trunk serve --offline "$@"
