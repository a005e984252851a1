#!/usr/bin/env bash
# The demo pipeline without a window: every batch step photopeak-cli offers, run on the demo data.
# Usage: packaging/demo-pipeline.sh CLI DEMO_FOLDER OUT_FOLDER
set -uo pipefail
cli=$1 demo=$2 out=$3
has() { "$cli" --help | grep -q "^  $1 "; }
step() { echo; echo "== photopeak-cli $*"; "$cli" "$@"; }

step convert --force "$demo/xgd" "$out/demo-library.h5" || true
if has train && has classify; then
  step train -S "$demo/xgd/srcs" -B "$demo/xgd/bkgs" -o "$out/model.json" \
    && step classify --model "$out/model.json" -T "$demo/xgd" -o "$out/results.csv" -O "$out/results.json" \
    || true
fi
if has peaks; then
  step peaks "$demo/xgd/long/Cs_137_15cm.sps" || true
fi
exit 0
