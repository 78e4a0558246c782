#!/usr/bin/env bash
# Prints a SHA-256 for every output file of every committed scenario, as written by the peaksim
# binary given (default .build/release/peaksim), with summary.json's wall_s line removed (the
# only figure that may differ between two runs). Run it with the binaries before and after a
# change and diff the two listings: a speed change must leave every line the same.
#
#   scripts/outputs-digest.sh /tmp/peaksim-before > before.txt
#   scripts/outputs-digest.sh > after.txt && diff before.txt after.txt
#
# SKIP_LONG=1 leaves out the five-day demo (thanksgiving.yaml).
set -euo pipefail
bin=${1:-.build/release/peaksim}
cd "$(dirname "$0")/.."
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
for scenario in scenarios/*.yaml scenarios/tests/*.yaml; do
  name=$(basename "$scenario" .yaml)
  if [ "${SKIP_LONG:-0}" = 1 ] && [ "$name" = thanksgiving ]; then continue; fi
  "$bin" run "$scenario" --out "$out/$name" --quiet >/dev/null 2>&1 || true
  (cd "$out/$name" && find . -type f | LC_ALL=C sort | while read -r f; do
    if [ "$f" = ./summary.json ]; then
      printf '%s  %s/%s\n' "$(grep -v '"wall_s"' "$f" | sha256sum | cut -d' ' -f1)" "$name" "${f#./}"
    else
      printf '%s  %s/%s\n' "$(sha256sum < "$f" | cut -d' ' -f1)" "$name" "${f#./}"
    fi
  done)
done
