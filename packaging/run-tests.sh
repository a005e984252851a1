#!/usr/bin/env bash
# One command: install what is missing, build, run every test. Usage: packaging/run-tests.sh [ctest args]
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
"$here/packaging/install-deps.sh"
build="${PHOTOPEAK_BUILD_DIR:-$here/build}"
cmake -S "$here" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo
cmake --build "$build" -j "$(nproc)"
export QT_QPA_PLATFORM=offscreen
ctest --test-dir "$build" --output-on-failure -j "$(nproc)" "$@"
# The .deb as a user installs it: lintian, desktop file, AppStream, and the unpacked photopeak-cli on the demo.
bash "$here/packaging/build-deb.sh" "$build"
