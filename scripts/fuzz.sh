#!/usr/bin/env bash
# Fuzzes Quire's parsers and renderer with cargo-fuzz (libFuzzer, nightly):
# Markdown rendering (every output must pass the independent allowlist
# oracle), front matter (YAML and TOML, whole files), dates, slugs and
# routes, the highlighter and search. Each target runs for SECONDS (default
# 60); the script prints each one's executions and findings, and exits 1 if
# any target found a crash, a failed property or an input slower than 10 s.
#
#   scripts/fuzz.sh            # every target, 60 s each
#   scripts/fuzz.sh 300 markdown front_matter
#
# Findings are kept in fuzz/artifacts/<target>/; replay one with
#   cargo +nightly fuzz run <target> fuzz/artifacts/<target>/<file>
# The corpus grows in fuzz/corpus/<target>/ (not committed).
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${1:-60}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(markdown front_matter date slug highlight math search)

if ! rustup toolchain list | grep -q '^nightly'; then
  echo "fuzz: needs the nightly toolchain (rustup toolchain install nightly)" >&2
  exit 2
fi
if ! cargo +nightly fuzz --version >/dev/null 2>&1; then
  echo "fuzz: installing cargo-fuzz"
  cargo install cargo-fuzz --locked
fi

# Seeds: the hostile corpus and the sample blog's posts, for Markdown and front matter.
for target in markdown front_matter; do
  mkdir -p "fuzz/corpus/$target"
  for file in tests/fixtures/*/content/posts/*/index.md tests/fixtures/*/content/posts/*.md content/posts/*/index.md; do
    [ -f "$file" ] && cp "$file" "fuzz/corpus/$target/$(echo "$file" | tr '/' '_')"
  done
done

failed=0
printf '\n%-14s %12s %10s %s\n' target executions "exec/s" findings
for target in "${targets[@]}"; do
  log="fuzz/artifacts/$target.log"
  mkdir -p "fuzz/artifacts/$target" "fuzz/corpus/$target"
  status=0
  cargo +nightly fuzz run "$target" "fuzz/corpus/$target" -- \
    -max_total_time="$seconds" -timeout=10 -rss_limit_mb=4096 -max_len=65536 -print_final_stats=1 \
    -artifact_prefix="fuzz/artifacts/$target/" >"$log" 2>&1 || status=$?
  runs=$(grep -oE 'stat::number_of_executed_units: *[0-9]+' "$log" | grep -oE '[0-9]+$' || true)
  speed=$(grep -oE 'stat::average_exec_per_sec: *[0-9]+' "$log" | grep -oE '[0-9]+$' || true)
  if [ "$status" -eq 0 ]; then
    findings="none"
  elif ! grep -q 'INFO: Running with' "$log"; then
    failed=1
    findings="did not build: see $log"
  else
    failed=1
    findings="$( (grep -E 'panicked at|ERROR:|Test unit written' "$log" || true) | head -3 | tr '\n' ' ')"
  fi
  printf '%-14s %12s %10s %s\n' "$target" "${runs:-?}" "${speed:-?}" "$findings"
done
exit $failed
