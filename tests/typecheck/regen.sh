#!/bin/sh
# regen.sh — writes the expected output X.out beside each X.go of this
# directory by running Go 1.19's compiler on it, as `go tool compile` prints
# it (errors on stdout, file names as given, positions line:col).
#
# An invalid program must make gc exit 1 and a valid one (named ok_*.go)
# exit 0 with no output.  Each file is compiled twice and the script refuses
# (exit 1, nothing written for that file) output that differs between runs.
#
# Usage: tests/typecheck/regen.sh [FILE.go...]   (default: every .go here)
set -u

GO=${GO:-/usr/lib/go-1.19/bin/go}
dir=$(cd "$(dirname "$0")" && pwd)
if ! "$GO" version 2>/dev/null | grep -q 'go1\.19'; then
    echo "regen.sh: Go 1.19 not found at $GO" >&2
    exit 1
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM

cd "$dir" || exit 1
if [ $# -eq 0 ]; then
    set -- *.go
fi

status=0
for arg in "$@"; do
    f=$(basename "$arg")
    base=${f%.go}
    # Never -o /dev/null: gc removes its output file before writing it.
    "$GO" tool compile -o "$tmp/t4.o" "$f" >"$tmp/1" 2>"$tmp/err1"
    rc1=$?
    "$GO" tool compile -o "$tmp/t4.o" "$f" >"$tmp/2" 2>"$tmp/err2"
    rc2=$?
    if ! cmp -s "$tmp/1" "$tmp/2" || [ "$rc1" != "$rc2" ]; then
        echo "regen.sh: $f: output varies between runs; not written" >&2
        status=1
        continue
    fi
    if [ -s "$tmp/err1" ]; then
        echo "regen.sh: $f: unexpected stderr: $(head -1 "$tmp/err1")" >&2
        status=1
        continue
    fi
    case $base in
    ok_*)
        if [ "$rc1" != 0 ] || [ -s "$tmp/1" ]; then
            echo "regen.sh: $f: valid program rejected by gc (exit $rc1): $(head -1 "$tmp/1")" >&2
            status=1
            continue
        fi ;;
    *)
        if [ "$rc1" != 1 ] || [ ! -s "$tmp/1" ]; then
            echo "regen.sh: $f: invalid program but gc exits $rc1" >&2
            status=1
            continue
        fi ;;
    esac
    cp "$tmp/1" "$base.out"
done
exit $status
