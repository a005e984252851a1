#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2024-2026 The Photopeak developers
# One command: install what is missing, build, run every test.
# Usage: packaging/run-tests.sh [ctest args]
#        packaging/run-tests.sh --sanitize [ctest args]
#   --sanitize  a second build with clang, AddressSanitizer + UndefinedBehaviorSanitizer (LeakSanitizer for core
#               and CLI tests) at -O1, of the test programs and the libFuzzer harnesses only; runs the whole suite
#               (GUI tests offscreen) and each fuzzer for PHOTOPEAK_FUZZ_SECONDS (default 20) seconds. Build folder
#               $PHOTOPEAK_SANITIZE_BUILD_DIR (default build-asan). Prints the time of each step.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
if [[ "${1:-}" == "--sanitize" ]]; then
  shift
  "$here/packaging/install-deps.sh" --sanitize
  build="${PHOTOPEAK_SANITIZE_BUILD_DIR:-$here/build-asan}"
  seconds="${PHOTOPEAK_FUZZ_SECONDS:-20}"
  t0=$SECONDS
  CC=clang CXX=clang++ cmake -S "$here" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ -DPHOTOPEAK_FUZZ=ON \
    "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O1 -gline-tables-only -DNDEBUG" \
    "-DCMAKE_C_FLAGS_RELWITHDEBINFO=-O1 -gline-tables-only -DNDEBUG"
  cmake --build "$build" -j "$(nproc)" --target photopeak_tests fuzzers
  t1=$SECONDS
  export QT_QPA_PLATFORM=offscreen
  status=0
  ctest --test-dir "$build" --output-on-failure -j "$(nproc)" "$@" || status=1
  t2=$SECONDS
  bash "$here/tests/fuzz/run-fuzzers.sh" "$build" "$seconds" || status=1
  t3=$SECONDS
  echo "sanitizer job: build $((t1 - t0)) s, suite $((t2 - t1)) s, fuzzers $((t3 - t2)) s, total $((t3 - t0)) s"
  exit $status
fi
"$here/packaging/install-deps.sh"
build="${PHOTOPEAK_BUILD_DIR:-$here/build}"
cmake -S "$here" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo
cmake --build "$build" -j "$(nproc)"
export QT_QPA_PLATFORM=offscreen
ctest --test-dir "$build" --output-on-failure -j "$(nproc)" "$@"
# The .deb as a user installs it: lintian, desktop file, AppStream, and the unpacked photopeak-cli on the demo.
bash "$here/packaging/build-deb.sh" "$build"
