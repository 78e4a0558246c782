#!/bin/bash
# A sharded `peaksim sweep` as a Slurm job array: each array task runs one shard.
#
#   sbatch docs/jobs/slurm-sweep.sh SCENARIO --vary PATH=V1,V2,… [--vary …] --out DIR [sweep options]
#
# No --shard: peaksim reads SLURM_ARRAY_TASK_ID, _MIN, _MAX, _STEP and _COUNT, which Slurm sets
# in every task. Every task runs the same arguments and writes DIR/sweep.part-I-of-N.json, so DIR
# must be on a file system every node sees. `make test-cluster` submits this very file.
#SBATCH --job-name=peaksim-sweep
#SBATCH --array=1-3
#SBATCH --cpus-per-task=2
#SBATCH --time=02:00:00
#SBATCH --output=peaksim-sweep-%A_%a.out
set -euo pipefail
exec peaksim sweep --jobs "${SLURM_CPUS_PER_TASK:-1}" "$@"
