#!/bin/bash
# Merges the shards' partial results once every array task has succeeded.
#
#   ARRAY=$(sbatch --parsable docs/jobs/slurm-sweep.sh …)
#   sbatch --dependency=afterok:$ARRAY docs/jobs/slurm-merge.sh DIR [--out REPORT_DIR]
#
# DIR is the folder the tasks wrote their *.part-I-of-N.json files to (part files may be given
# instead). If a task failed, the dependency can never be met and Slurm cancels this job
# (--kill-on-invalid-dep); run `peaksim merge DIR` by hand to see which shard is missing.
# `make test-cluster` submits this very file.
#SBATCH --job-name=peaksim-merge
#SBATCH --time=00:10:00
#SBATCH --kill-on-invalid-dep=yes
#SBATCH --output=peaksim-merge-%j.out
set -euo pipefail
exec peaksim merge "$@"
