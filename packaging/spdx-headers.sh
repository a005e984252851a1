#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2024-2026 The Photopeak developers
#
# Puts the SPDX licence header (REUSE style) at the top of every source file of the project that lacks one:
#   // SPDX-License-Identifier: GPL-3.0-or-later
#   // SPDX-FileCopyrightText: 2024-2026 The Photopeak developers
# ("#" comments for CMake, shell and Python; after a "#!" line). Idempotent: a file that already names an
# SPDX-License-Identifier in its first 10 lines is left alone, so running it twice changes nothing.
# Only files tracked by git are considered (build folders, data and generated files never are).
#
# Usage: packaging/spdx-headers.sh [--check] [--list] [repository]
#   (default)  add the header where it is missing; prints the files changed and their number
#   --check    change nothing; list the files without a header and exit 1 if there is any
#   --list     print the files the script looks at, one per line, and exit
set -euo pipefail

mode=add
root=
for arg in "$@"; do
    case "$arg" in
    --check) mode=check ;;
    --list) mode=list ;;
    -h | --help)
        sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//'
        exit 0
        ;;
    -*)
        echo "spdx-headers.sh: unknown option $arg" >&2
        exit 2
        ;;
    *) root=$arg ;;
    esac
done
root=${root:-$(cd "$(dirname "$0")/.." && pwd)}
cd "$root"

license='SPDX-License-Identifier: GPL-3.0-or-later'
copyright='SPDX-FileCopyrightText: 2024-2026 The Photopeak developers'

# Source files: C++, CMake, shell, Python. Third-party or foreign-licensed files would be listed in
# packaging/debian/copyright with their own licence; none of the matched files is one today.
list_files() {
    git ls-files -z -- '*.cpp' '*.h' '*.hpp' '*.cmake' '*CMakeLists.txt' '*.sh' '*.py' | tr '\0' '\n' | sort
}

has_header() { head -n 10 -- "$1" | grep -q 'SPDX-License-Identifier'; }

comment_for() {
    case "$1" in
    *.cpp | *.h | *.hpp) echo '//' ;;
    *) echo '#' ;;
    esac
}

add_header() {
    local file=$1 c tmp
    c=$(comment_for "$file")
    tmp=$(mktemp "${file%/*}/.spdx.XXXXXX" 2>/dev/null || mktemp "./.spdx.XXXXXX")
    {
        if head -n 1 -- "$file" | grep -q '^#!'; then
            head -n 1 -- "$file"
            printf '%s %s\n%s %s\n' "$c" "$license" "$c" "$copyright"
            tail -n +2 -- "$file"
        else
            printf '%s %s\n%s %s\n' "$c" "$license" "$c" "$copyright"
            # A blank line between the header and a file that starts with code or #pragma.
            [ -s "$file" ] && printf '\n'
            cat -- "$file"
        fi
    } >"$tmp"
    chmod --reference="$file" "$tmp"
    mv -- "$tmp" "$file"
}

missing=0
changed=0
while IFS= read -r f; do
    [ -f "$f" ] || continue
    case "$mode" in
    list) echo "$f" ;;
    check)
        if ! has_header "$f"; then
            echo "$f"
            missing=$((missing + 1))
        fi
        ;;
    add)
        if ! has_header "$f"; then
            add_header "$f"
            echo "$f"
            changed=$((changed + 1))
        fi
        ;;
    esac
done < <(list_files)

case "$mode" in
check)
    echo "spdx-headers.sh: $missing file(s) without an SPDX header" >&2
    [ "$missing" -eq 0 ]
    ;;
add) echo "spdx-headers.sh: header added to $changed file(s)" >&2 ;;
esac
