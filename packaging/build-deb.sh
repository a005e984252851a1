#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2024-2026 The Photopeak developers
# Builds the .deb from a finished build folder and checks it the way a distribution would:
# lintian (no errors), desktop-file-validate, appstreamcli validate, then runs the unpacked photopeak-cli.
# Usage: packaging/build-deb.sh [build-folder]
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
build="${1:-${PHOTOPEAK_BUILD_DIR:-$here/build}}"
cd "$build"
rm -f photopeak_*.deb
cpack -G DEB >cpack.log 2>&1 || { cat cpack.log; echo "build-deb: cpack failed" >&2; exit 1; }
deb=$(ls photopeak_*.deb)
echo "build-deb: $deb ($(du -h "$deb" | cut -f1))"

# --fail-on error: warnings are printed for the developer, errors fail the build.
lintian --fail-on error --tag-display-limit 0 --suppress-tags no-manual-page "$deb" | tee lintian.log

stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
dpkg-deb -x "$deb" "$stage"
desktop-file-validate "$stage/usr/share/applications/photopeak.desktop"
appstreamcli validate --no-net "$stage/usr/share/metainfo/org.photopeak.Photopeak.metainfo.xml"
for f in usr/bin/photopeak usr/bin/photopeak-cli usr/share/man/man1/photopeak-cli.1.gz \
         usr/share/icons/hicolor/scalable/apps/photopeak.svg usr/share/mime/packages/photopeak.xml \
         usr/share/doc/photopeak/copyright; do
  [[ -e "$stage/$f" ]] || { echo "build-deb: $f missing from the package" >&2; exit 1; }
done
# The MIME types as a desktop resolves them (GIO reads the freedesktop database the same way Qt and KDE do): the
# package's XML compiles without a complaint, and real files of each format get Photopeak's type, also where
# another type claims the suffix (*.spc is a PKCS#7 certificate too; the SPC header's magic decides).
mime="$stage/mime"
mkdir -p "$mime/packages"
cp "$stage/usr/share/mime/packages/photopeak.xml" "$mime/packages/"
if update-mime-database "$mime" 2>&1 | grep -i "error"; then
  echo "build-deb: photopeak.xml does not compile into a MIME database" >&2; exit 1
fi
data="$here/../shared/data"
for pair in "xgd/set2/test/time/bkg/5s/202244_13422_Bkg_3s.sps=application/x-xgd-sps" \
            "formats/becquerel/digibase_5min_30_1.spe=application/x-iaea-spe" \
            "formats/becquerel/Alcatraz14.Spc=application/x-ortec-spc"; do
  file="$data/${pair%%=*}"
  [[ -f "$file" ]] || continue
  type=$(XDG_DATA_DIRS="$stage:/usr/share" XDG_DATA_HOME="$stage" gio info -a standard::content-type "$file" | sed -n 's/.*content-type: //p')
  [[ "$type" == "${pair#*=}" ]] || { echo "build-deb: $file is $type, not ${pair#*=}" >&2; exit 1; }
  echo "build-deb: ${file##*/} -> $type"
done
man -l "$stage/usr/share/man/man1/photopeak-cli.1.gz" >/dev/null 2>&1 || zcat "$stage/usr/share/man/man1/photopeak-cli.1.gz" | head -3

cli="$stage/usr/bin/photopeak-cli"
"$cli" --version
demo="$stage/usr/share/photopeak/demo/xgd"
out=$(mktemp -d)
"$cli" classify -S "$demo/srcs" -B "$demo/bkgs" --model "$out/model.json" -T "$demo/misc" -o "$out/results.csv" \
  >"$out/classify.txt" 2>"$out/classify.err" \
  || { cat "$out/classify.err"; echo "build-deb: classify with the unpacked package failed" >&2; exit 1; }
rows=$(($(grep -c . "$out/results.csv") - 1))
[[ $rows -gt 0 ]] || { echo "build-deb: classify wrote no result rows" >&2; exit 1; }
echo "build-deb: unpacked photopeak-cli classified $rows demo mixture spectra"
rm -rf "$out"
echo "build-deb: package checks passed"
