#!/usr/bin/env bash
# Runs every check Quire has, from a fresh machine up: installs what is
# missing (scripts/setup.sh --test), then formatting, lints for the native and
# wasm32 targets, the native tests, a release build with Trunk, and the
# end-to-end tests in headless Chromium (which also print the size and layout
# figures), then the same build and suite again for a site under /blog/.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "set-up"
scripts/setup.sh --test
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"

step "formatting"
cargo fmt --all --check

step "lints, native"
cargo clippy --workspace --all-targets --locked -- -D warnings

step "lints, wasm32"
cargo clippy --package quire-web --package quire-core --target wasm32-unknown-unknown --locked -- -D warnings

step "native tests (domain, build tool, app)"
cargo test --workspace --locked

step "release build"
trunk build --release --offline

step "the search benchmark's 10,000-post index, served beside the sample blog's"
index=target/search-10k
[ "$index/search.json" -nt crates/quire-core/src/search.rs ] &&
  [ "$index/search.json" -nt crates/quire-core/examples/synthetic_search_index.rs ] ||
  cargo run --release --quiet --locked -p quire-core --example synthetic_search_index -- 10000 600 "$index"
mkdir -p dist/data/search && cp "$index"/search/* dist/data/search/

step "end-to-end tests in Chromium (release build on 127.0.0.1)"
npx --no-install playwright test --config tests/e2e/playwright.config.mjs --grep-invert "figures:"

step "speed figures, one test at a time so that nothing else loads the machine"
npx --no-install playwright test --config tests/e2e/playwright.config.mjs --grep "figures:" --workers 1

step "Lighthouse, mobile preset, on the home page and a post"
node scripts/lighthouse.mjs

step "release build for a site under a sub-path (/blog/)"
QUIRE_BASE_URL=https://quire.example.org/blog/ \
  trunk build --release --offline --public-url /blog/ --dist target/dist-blog

step "end-to-end tests again, the site under /blog/"
QUIRE_E2E_BASE=/blog/ QUIRE_E2E_DIST=../../target/dist-blog \
  npx --no-install playwright test --config tests/e2e/playwright.config.mjs --grep-invert "figures:"
