#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2024-2026 The Photopeak developers
# Runs the libFuzzer harnesses of a PHOTOPEAK_FUZZ build for SECONDS each and prints executions per second.
# Usage: tests/fuzz/run-fuzzers.sh BUILD_DIR SECONDS [harness ...]   (default: every harness)
# packaging/run-tests.sh --sanitize runs each for a short time; run for hours on demand, e.g.
#   tests/fuzz/run-fuzzers.sh build-fuzz 14400 n42
# Corpora grow in BUILD_DIR/fuzz-corpus/<harness>; a crash leaves BUILD_DIR/fuzz-artifacts/<harness>-crash-*
# (add it to tests/fuzz/regressions/ once fixed). Exit status 1 if any harness found a problem.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
build=${1:?build folder of a -DPHOTOPEAK_FUZZ=ON build}
seconds=${2:?seconds per harness}
shift 2
shared=${PHOTOPEAK_SHARED_DATA:-$here/../../../shared/data}
harnesses=("$@")
if [[ ${#harnesses[@]} -eq 0 ]]; then
  harnesses=(sps n42 spe cnf spc radiacode csv h5 model efficiency)
fi
mkdir -p "$build/fuzz-artifacts"
failed=0
printf '%-11s %10s %10s %8s  %s\n' harness executions "exec/s" "rss MB" result
for h in "${harnesses[@]}"; do
  exe="$build/tests/fuzz/fuzz_$h"
  if [[ ! -x $exe ]]; then echo "$h: $exe missing (build the 'fuzzers' target)" >&2; failed=1; continue; fi
  corpus="$build/fuzz-corpus/$h"
  mkdir -p "$corpus"
  while read -r name rel; do
    [[ $name == "$h" ]] || continue
    if [[ $rel == fuzz/* ]]; then src="$here/${rel#fuzz/}"; else src="$shared/$rel"; fi
    if [[ -f $src ]]; then cp -n "$src" "$corpus/" 2>/dev/null || true; else echo "$h: seed $src missing" >&2; fi
  done < <(grep -v '^#' "$here/seeds.txt")
  extra=()
  [[ -f $here/dict/$h.dict ]] && extra+=("-dict=$here/dict/$h.dict")
  log="$build/fuzz-artifacts/$h.log"
  "$exe" "$corpus" "$here/regressions" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
    -artifact_prefix="$build/fuzz-artifacts/$h-" "${extra[@]}" >"$log" 2>&1
  rc=$?
  runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$')
  rate=$(grep -o 'stat::average_exec_per_sec: *[0-9]*' "$log" | grep -o '[0-9]*$')
  rss=$(grep -o 'stat::peak_rss_mb: *[0-9]*' "$log" | grep -o '[0-9]*$')
  result=ok
  if [[ $rc -ne 0 ]]; then result="FAILED (exit $rc, see $log)"; failed=1; fi
  printf '%-11s %10s %10s %8s  %s\n' "$h" "${runs:-?}" "${rate:-?}" "${rss:-?}" "$result"
  [[ $rc -ne 0 ]] && tail -40 "$log" >&2
done
exit $failed
