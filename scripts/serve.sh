#!/usr/bin/env bash
# Builds the sample blog and serves it on http://127.0.0.1:8080/, rebuilding
# when the app or the content changes. Installs what is missing first.
# Extra arguments go to `trunk serve`, e.g. `scripts/serve.sh --release`
# or `scripts/serve.sh --public-url /blog/` to preview a sub-path.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
exec trunk serve --offline "$@"
