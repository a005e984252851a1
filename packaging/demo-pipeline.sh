#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2024-2026 The Photopeak developers
# The demo pipeline without a window: every batch step photopeak-cli offers, run on the demo data.
# Usage: packaging/demo-pipeline.sh CLI DEMO_FOLDER OUT_FOLDER
set -uo pipefail
cli=$1 demo=$2 out=$3
# Shipped data (nuclide library, efficiency curves) of this source tree, unless the caller says otherwise: the
# CLI finds them itself when it is installed or built inside the tree, not from a build folder elsewhere.
here=$(cd "$(dirname "$0")/.." && pwd)
[[ -z "${PHOTOPEAK_RESOURCES:-}" && -d "$here/resources/efficiency" ]] && export PHOTOPEAK_RESOURCES="$here/resources"
has() { "$cli" --help | grep -q "^  $1 "; }
step() { echo; echo "== photopeak-cli $*"; "$cli" "$@"; }

step convert --force "$demo/xgd" "$out/demo-library.h5" || true
if has train && has classify; then
  step train -S "$demo/xgd/srcs" -B "$demo/xgd/bkgs" -o "$out/model.json" \
    && step classify --model "$out/model.json" -T "$demo/xgd" -a --efficiency xgd --distance-from-folder \
         -o "$out/results.csv" -O "$out/results.json" \
    || true
  if has report && [[ -f "$out/model.json" ]]; then
    step report --model "$out/model.json" -a --efficiency xgd --distance-from-folder -o "$out/reports" \
      "$demo/xgd/misc" "$demo/xgd/long" || true
  fi
fi
if has peaks; then
  step peaks "$demo/xgd/long/Cs_137_15cm.sps" || true
fi
if has identify; then
  step identify --efficiency xgd --truth-from-path "$demo/xgd/long" || true
fi
exit 0
