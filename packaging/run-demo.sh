#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2024-2026 The Photopeak developers
# One command: install what is missing, build, and open the bundled demo data (resources/demo) in the
# Photopeak window. Without a display it runs the same pipeline with photopeak-cli and says where the
# output went. Usage: packaging/run-demo.sh
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
"$here/packaging/install-deps.sh"
build="${PHOTOPEAK_BUILD_DIR:-$here/build}"
cmake -S "$here" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$build" -j "$(nproc)"
demo="$here/resources/demo"
if [[ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" && -x "$build/app/photopeak" ]]; then
  exec "$build/app/photopeak" --efficiency xgd "$demo/xgd"
fi
out="${PHOTOPEAK_DEMO_OUT:-$here/demo-output}"
mkdir -p "$out"
cli="$build/app/photopeak-cli"
echo "No display: running the demo pipeline with photopeak-cli; output goes to $out"
"$cli" info "$demo" | tee "$out/info.txt"
"$here/packaging/demo-pipeline.sh" "$cli" "$demo" "$out"
if [[ -x "$build/app/photopeak" ]]; then
  QT_QPA_PLATFORM=offscreen "$build/app/photopeak" --screenshot "$out/photopeak-window.png" "$demo" \
    && echo "Window picture (offscreen): $out/photopeak-window.png"
fi
echo "Demo output is in $out"
