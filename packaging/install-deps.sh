#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2024-2026 The Photopeak developers
# Installs the Debian packages Photopeak needs to build, test and run. Idempotent: only missing packages
# are installed. Works as root or through sudo. Usage: packaging/install-deps.sh [--with-reference | --sanitize]
#   --with-reference  also install the Python packages used by ../shared/bench (reference pipelines).
#   --sanitize        also install clang (sanitizers, libFuzzer) and llvm (symbolised reports): run-tests.sh --sanitize.
set -euo pipefail

PKGS=(
  build-essential cmake ninja-build pkg-config
  qt6-base-dev qt6-base-dev-tools qt6-svg-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
  qt6-translations-l10n
  libqcustomplot-dev libqcustomplot2.1-qt6
  libeigen3-dev libdlib-dev libblas-dev liblapack-dev libjpeg-dev libpng-dev libgif-dev
  libhdf5-dev
  xvfb xauth
  dpkg-dev file lintian desktop-file-utils appstream shared-mime-info libglib2.0-bin
)
if [[ "${1:-}" == "--sanitize" ]]; then
  PKGS+=(clang llvm)
fi
if [[ "${1:-}" == "--with-reference" ]]; then
  PKGS+=(python3 python3-numpy python3-scipy python3-sklearn python3-h5py python3-pandas python3-tables python3-skimage)
fi

missing=()
for p in "${PKGS[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
if [[ ${#missing[@]} -eq 0 ]]; then
  echo "install-deps: all ${#PKGS[@]} packages present"
  exit 0
fi

if [[ $(id -u) -eq 0 ]]; then SUDO=(); elif command -v sudo >/dev/null; then SUDO=(sudo); else
  echo "install-deps: missing ${missing[*]} and neither root nor sudo is available" >&2; exit 1
fi
echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
if ! "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"; then
  "${SUDO[@]}" apt-get update
  "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"
fi
