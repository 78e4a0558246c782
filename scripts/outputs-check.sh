#!/usr/bin/env bash
# Proves a change leaves results alone: every committed scenario's outputs, written by the
# binary before the change (BASE) and by the one after it (NEW), must be byte-identical
# (summary.json's wall_s aside; scripts/outputs-digest.sh says how they are hashed).
#
#   scripts/outputs-check.sh BASE [NEW]        # `make outputs-check BASE=...` runs this
#
# BASE is a peaksim binary, or a git revision (a commit, a branch, `main`): a revision is
# checked out into a temporary worktree and built there in release (a full build, several
# minutes on 2 cores; keep the binary and pass it next time: the script says where it is).
# NEW defaults to .build/release/peaksim. SKIP_LONG=1 leaves out the five-day demo.
# Exit status: 0 identical, 1 a difference (the differing lines are printed), 2 usage.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ $# -lt 1 ] || [ $# -gt 2 ] || [ -z "$1" ]; then
  echo "usage: scripts/outputs-check.sh BASE [NEW]  (BASE: a peaksim binary or a git revision)" >&2
  exit 2
fi
base=$1
new=${2:-.build/release/peaksim}
if [ ! -x "$new" ]; then
  echo "outputs-check: $new is not an executable; build it first (make release)" >&2
  exit 2
fi

if [ ! -x "$base" ]; then
  if ! commit=$(git rev-parse --verify --quiet "$base^{commit}"); then
    echo "outputs-check: BASE '$base' is neither an executable nor a git revision" >&2
    exit 2
  fi
  # One build per commit, kept under .build-outputs-check/ (ignored by git) for the next check.
  tree=$PWD/.build-outputs-check/$commit
  if [ ! -x "$tree/.build/release/peaksim" ]; then
    rm -rf "$tree"
    git worktree add --detach "$tree" "$commit" >/dev/null
    echo "outputs-check: building $base ($commit) in $tree" >&2
    (cd "$tree" && ${SWIFT:-swift} build -c release --product peaksim >&2)
  fi
  base=$tree/.build/release/peaksim
  echo "outputs-check: BASE binary $base" >&2
fi

listing=$(mktemp -d)
trap 'rm -rf "$listing"' EXIT
scripts/outputs-digest.sh "$base" >"$listing/base.txt"
scripts/outputs-digest.sh "$new" >"$listing/new.txt"
files=$(wc -l <"$listing/new.txt")
if [ "$files" -eq 0 ]; then
  echo "outputs-check: $new wrote no outputs" >&2
  exit 1
fi
if diff "$listing/base.txt" "$listing/new.txt"; then
  echo "outputs-check: identical: $files output files of every committed scenario"
else
  echo "outputs-check: DIFFERENT outputs (lines above: < BASE, > NEW)" >&2
  exit 1
fi
