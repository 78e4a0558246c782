#!/bin/bash
# Sharded replications (`peaksim run --replications N`) as a Slurm job array: each array task
# runs one shard.
#
#   sbatch docs/jobs/slurm-replications.sh SCENARIO --replications N --out DIR [run options]
#
# No --shard: peaksim reads SLURM_ARRAY_TASK_ID, _MIN, _MAX, _STEP and _COUNT, which Slurm sets
# in every task. Every task runs the same arguments and writes DIR/replications.part-I-of-N.json.
# `make test-cluster` submits this very file.
#SBATCH --job-name=peaksim-replications
#SBATCH --array=1-3
#SBATCH --cpus-per-task=2
#SBATCH --time=02:00:00
#SBATCH --output=peaksim-replications-%A_%a.out
set -euo pipefail
exec peaksim run --jobs "${SLURM_CPUS_PER_TASK:-1}" "$@"
