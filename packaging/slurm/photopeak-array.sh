#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2024-2026 The Photopeak developers
#SBATCH --job-name=photopeak
#SBATCH --cpus-per-task=4
#SBATCH --mem=4G
#SBATCH --time=04:00:00
#SBATCH --output=photopeak-%x-%A_%a.out
#
# Photopeak batch classification on a SLURM cluster: train once, classify in shards (a job array), merge.
# The shards take disjoint blocks of the inputs in one stable order (photopeak-cli --shard I/N), so the
# merged CSV and JSON equal a single run's row for row. See README.md in this folder.
#
#   photopeak-array.sh submit JOB.conf      submit the three steps with dependencies (train -> array -> merge)
#   photopeak-array.sh train  JOB.conf      train the model once (skipped when MODEL exists)
#   photopeak-array.sh shard  JOB.conf      classify shard SLURM_ARRAY_TASK_ID of SHARDS (array task)
#   photopeak-array.sh merge  JOB.conf      join the shard outputs into RESULT.csv / RESULT.json
#
# JOB.conf is a bash file (see job.conf.example) setting WORK, SHARDS, INPUTS, MODEL and either TRAIN (training
# arguments) or a MODEL that exists; CLASSIFY holds extra classify arguments, PHOTOPEAK_CLI the program.
set -euo pipefail

step=${1:-}
conf=${2:-}
if [ -z "$step" ] || [ -z "$conf" ] || [ ! -f "$conf" ]; then
    sed -n '8,18p' "$0" | sed 's/^# \{0,1\}//' >&2
    exit 2
fi
conf=$(cd "$(dirname "$conf")" && pwd)/$(basename "$conf")
PHOTOPEAK_CLI=photopeak-cli
TRAIN=()
CLASSIFY=()
THREADS=${SLURM_CPUS_PER_TASK:-0}
# shellcheck source=job.conf.example
source "$conf"
: "${WORK:?JOB.conf must set WORK (a folder every node can reach)}"
: "${SHARDS:?JOB.conf must set SHARDS (number of array tasks)}"
: "${MODEL:=$WORK/model.json}"
[ "${#INPUTS[@]}" -gt 0 ] || { echo "JOB.conf must set INPUTS=(files or folders)" >&2; exit 2; }
parts=$WORK/parts
mkdir -p "$parts"
cli() { "$PHOTOPEAK_CLI" --threads "$THREADS" "$@"; }

case "$step" in
submit)
    self=$(readlink -f "$0")
    dep=()
    if [ ! -f "$MODEL" ]; then
        train=$(sbatch --parsable --job-name=photopeak-train "$self" train "$conf")
        dep=(--dependency="afterok:$train")
    fi
    array=$(sbatch --parsable "${dep[@]}" --job-name=photopeak-classify --array="0-$((SHARDS - 1))" "$self" shard "$conf")
    merge=$(sbatch --parsable --dependency="afterok:$array" --job-name=photopeak-merge "$self" merge "$conf")
    echo "submitted: ${train:+train $train, }classify array $array (0-$((SHARDS - 1))), merge $merge"
    ;;
train)
    if [ -f "$MODEL" ]; then
        echo "model $MODEL exists: not trained again"
    else
        [ "${#TRAIN[@]}" -gt 0 ] || { echo "JOB.conf: no MODEL at $MODEL and no TRAIN arguments" >&2; exit 2; }
        cli train "${TRAIN[@]}" -o "$MODEL"
    fi
    ;;
shard)
    task=${SLURM_ARRAY_TASK_ID:?shard runs as an array task (SLURM_ARRAY_TASK_ID)}
    # Array indices may start above 0 (--array=1-16): shards are counted from the first task.
    index=$((task - ${SLURM_ARRAY_TASK_MIN:-0}))
    part=$(printf '%s/part-%05d' "$parts" "$index")
    start=$(date +%s%N)
    # Exit code 1 = some inputs were unreadable (their rows say why): the shard's output is complete.
    rc=0
    cli classify --model "$MODEL" "${CLASSIFY[@]}" --shard "$index/$SHARDS" -o "$part.csv" -O "$part.json" "${INPUTS[@]}" || rc=$?
    [ "$rc" -le 1 ] || exit "$rc"
    echo "shard $index/$SHARDS done in $((($(date +%s%N) - start) / 1000000)) ms on $(hostname)"
    ;;
merge)
    csv=() json=()
    for ((i = 0; i < SHARDS; i++)); do
        part=$(printf '%s/part-%05d' "$parts" "$i")
        [ -f "$part.csv" ] || { echo "shard $i/$SHARDS has no output ($part.csv): rerun that array task" >&2; exit 1; }
        csv+=("$part.csv")
        json+=("$part.json")
    done
    cli merge -o "${RESULT:-$WORK/result}.csv" "${csv[@]}"
    cli merge -o "${RESULT:-$WORK/result}.json" "${json[@]}"
    ;;
*)
    echo "photopeak-array.sh: unknown step '$step' (submit, train, shard, merge)" >&2
    exit 2
    ;;
esac
