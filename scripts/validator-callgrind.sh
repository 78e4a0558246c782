#!/usr/bin/env bash
# Instructions per order body of the validation core, repeatable on a busy machine (issue 17).
#
#   scripts/validator-callgrind.sh [SOURCE_TREE] [PASSES]
#
# Compiles Sources/OrderValidation with the order factory (Sources/PipelineModel/Orders and the
# few kernel files it needs) and scripts/validator-harness/main.swift into one optimised
# executable (`swiftc -O -wmo`, about a minute), runs it under callgrind and prints validateAll's
# inclusive instructions divided by the bodies it validated. SOURCE_TREE (default: this tree)
# may be another checkout, to measure before and after a change; the harness is always this
# tree's. Needs valgrind.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
tree=${1:-$here}
passes=${2:-20}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for file in "$tree"/Sources/OrderValidation/*.swift \
  "$tree"/Sources/PipelineModel/Orders/{OrderFactory,ByteWriting,CivilTime,ItemCatalogue,OrderDefect,DefectPlan}.swift \
  "$tree"/Sources/Randomness/SplitMix64.swift "$tree"/Sources/SimulationKernel/{UTCDateTime,CivilDate}.swift; do
  grep -v '^import \(OrderValidation\|Randomness\|SimulationKernel\)' "$file" >"$work/$(basename "$file")"
done
cp "$here/scripts/validator-harness/main.swift" "$work/main.swift"
${SWIFTC:-swiftc} -O -wmo -module-name harness "$work"/*.swift -o "$work/harness"
valgrind --tool=callgrind --callgrind-out-file="$work/callgrind.out" "$work/harness" "$passes" 2>/dev/null
total=$(callgrind_annotate --inclusive=yes "$work/callgrind.out" 2>/dev/null | awk '/validateAll/ { gsub(",", "", $1); print $1; exit }')
echo "validateAll: $total instructions for $((passes * 1000)) bodies = $((total / (passes * 1000))) per body"
