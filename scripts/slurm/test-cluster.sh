#!/usr/bin/env bash
# `make test-cluster`: sharding proven on a real batch engine (issue 18).
#
# On a one-node Slurm cluster (the one already running, else one started here and stopped on
# exit), submits the job scripts of docs/experiments.md (docs/jobs/slurm-*.sh) as job arrays
# whose tasks run the release peaksim with no --shard, merges their parts with the merge job
# script, and checks that the merged files are byte-identical to a one-machine run; then shows
# that a failed array task makes the merge refuse and name the missing shard.
#
#   scripts/slurm/test-cluster.sh [PEAKSIM]     (default .build/release/peaksim)
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
peaksim=${1:-$root/.build/release/peaksim}
case "$peaksim" in /*) ;; *) peaksim="$PWD/$peaksim" ;; esac
[ -x "$peaksim" ] || {
  echo "test-cluster: no peaksim at $peaksim (make test-cluster builds it)" >&2
  exit 2
}
cluster="$root/scripts/slurm/cluster.sh"
jobs="$root/docs/jobs"
scenario="$root/scenarios/tests/small.yaml"
vary=(--vary event_source.batch_size=1,5,10 --vary event_source.maximum_concurrency=2,20)
replications=6
started=""
# Every job this run submits carries this name, so that a run cut short cancels its own jobs
# (and no one else's) on the cluster it leaves running.
tag="peaksim-test-cluster-$$-$RANDOM"
work=$(mktemp -d /tmp/peaksim-test-cluster.XXXXXX)
began=$SECONDS

cleanup() {
  local status=$?
  if command -v scancel >/dev/null 2>&1; then timeout 10 scancel --name="$tag" 2>/dev/null || true; fi
  if [ -n "$started" ]; then
    "$cluster" stop "$started" || true
    rm -rf "$started"
  fi
  rm -rf "$work"
  exit $status
}
trap cleanup EXIT
trap 'exit 130' INT TERM

step() { echo "test-cluster: $*"; }
fail() {
  echo "test-cluster: FAILED: $*" >&2
  exit 1
}

"$cluster" install
if "$cluster" running; then
  step "using the Slurm cluster already running ($(scontrol show config 2>/dev/null | awk '/^ClusterName/ {print $3}'))"
else
  # Under /tmp, not $work: slurmd must not see its state removed before it stops.
  started=$(mktemp -d /tmp/peaksim-slurm.XXXXXX)
  export SLURM_CONF
  SLURM_CONF=$("$cluster" start "$started")
fi

# The tasks find this peaksim on PATH (sbatch exports the submitting environment).
bin="$work/bin"
mkdir -p "$bin" "$work/logs"
ln -s "$peaksim" "$bin/peaksim"
export PATH="$bin:$PATH"
cd "$work"

# Every sbatch waits, but never forever: a cluster that cannot run the jobs fails the test.
submit() { timeout 150 sbatch --wait --parsable --job-name="$tag" --chdir="$work" "$@"; }

step "one machine: the sweep and the replications"
peaksim sweep "$scenario" "${vary[@]}" --jobs 2 --out one/sweep >/dev/null
status=0
peaksim run "$scenario" --replications $replications --jobs 2 --out one/run >/dev/null || status=$?
[ $status -eq 0 ] || [ $status -eq 3 ] || fail "peaksim run --replications exited $status"

step "Slurm: the sweep as --array=1-3, the merge job after it"
sweep=$(submit --array=1-3 --cpus-per-task=1 --output="$work/logs/sweep-%A_%a.out" \
  "$jobs/slurm-sweep.sh" "$scenario" "${vary[@]}" --out slurm/sweep) || fail "the sweep array failed"
for task in 1 2 3; do
  grep -q "shard $task/3 from Slurm array (SLURM_ARRAY_TASK_ID=$task, SLURM_ARRAY_TASK_MIN=1, SLURM_ARRAY_TASK_COUNT=3)" \
    "$work/logs/sweep-${sweep}_$task.out" || fail "task $task did not run shard $task/3 from Slurm's variables"
done
submit --dependency=afterok:"$sweep" --output="$work/logs/merge-sweep.out" \
  "$jobs/slurm-merge.sh" slurm/sweep --out merged/sweep >/dev/null || fail "the sweep's merge job failed"
diff -r one/sweep merged/sweep || fail "the merged sweep differs from the one-machine sweep"
step "merged sweep.csv, sweep.md, sweep.svg byte-identical to one machine's"

step "Slurm: the replications as --array=0-2, the merge job after it"
runs=$(submit --array=0-2 --cpus-per-task=1 --output="$work/logs/run-%A_%a.out" \
  "$jobs/slurm-replications.sh" "$scenario" --replications $replications --out slurm/run) ||
  fail "the replications array failed"
for task in 0 1 2; do
  grep -q "shard $((task + 1))/3 from Slurm array (SLURM_ARRAY_TASK_ID=$task, SLURM_ARRAY_TASK_MIN=0" \
    "$work/logs/run-${runs}_$task.out" || fail "task $task did not run shard $((task + 1))/3"
done
merge_status=0
submit --dependency=afterok:"$runs" --output="$work/logs/merge-run.out" \
  "$jobs/slurm-merge.sh" slurm/run --out merged/run >/dev/null || merge_status=$?
[ $merge_status -eq $status ] || fail "the replications' merge job exited $merge_status, one machine $status"
for file in replications.csv replications.md; do
  cmp one/run/$file merged/run/$file || fail "the merged $file differs from one machine's"
done
step "merged replications.csv, replications.md byte-identical to one machine's"

step "Slurm: a sweep whose task 2 fails (an invalid --set)"
# A peaksim ahead on PATH that breaks task 2 only, as a bad node or a typo would.
mkdir -p "$work/failing"
cat >"$work/failing/peaksim" <<EOF
#!/bin/sh
if [ "\$SLURM_ARRAY_TASK_ID" = 2 ]; then exec "$peaksim" "\$@" --set event_source.batch_size=0; fi
exec "$peaksim" "\$@"
EOF
chmod +x "$work/failing/peaksim"
failed=$(PATH="$work/failing:$PATH" submit --array=1-3 --cpus-per-task=1 --output="$work/logs/failing-%A_%a.out" \
  "$jobs/slurm-sweep.sh" "$scenario" "${vary[@]}" --out failing/sweep) &&
  fail "sbatch --wait succeeded although task 2 failed"
failed=${failed%%;*}
[ -n "$failed" ] || fail "no job id for the failing array"
grep -q "batch_size" "$work/logs/failing-${failed}_2.out" || fail "task 2 did not fail on its --set"
# The merge job's dependency can never be met: Slurm cancels it before it runs (sbatch --wait
# may still exit 0 for a job that never ran), and nothing is written.
merge=$(submit --dependency=afterok:"$failed" --output="$work/logs/merge-failing.out" \
  "$jobs/slurm-merge.sh" failing/sweep --out merged/failing) || true
merge=${merge%%;*}
state=$(scontrol show job "$merge" 2>/dev/null | grep -o 'JobState=[A-Z_]*' || true)
[ "$state" = JobState=CANCELLED ] || fail "the merge job after the failed array is not cancelled ($state)"
[ ! -e "$work/logs/merge-failing.out" ] && [ ! -e merged/failing ] || fail "the merge job ran although task 2 failed"
refused=0
peaksim merge failing/sweep --out merged/failing 2>"$work/logs/refused.err" >/dev/null || refused=$?
[ $refused -eq 65 ] || fail "merge of the failed array exited $refused, not 65"
grep -q "shard 2/3 missing" "$work/logs/refused.err" || fail "merge did not name shard 2/3: $(cat "$work/logs/refused.err")"
[ ! -e merged/failing ] || fail "the refused merge wrote merged/failing"
step "merge refused: $(head -n 1 "$work/logs/refused.err")"

step "passed in $((SECONDS - began)) s"
