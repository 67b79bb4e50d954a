#!/bin/sh
# regen.sh — regenerates the expected escape-analysis output beside each
# program of tests/escape: X.m1 is `go tool compile -m -l X.go`, X.m2 is
# `go tool compile -m=2 -l X.go`, both from Go 1.19.
#
# Each program is compiled alone in a temporary directory so that positions
# read X.go:L:C.  Every compilation runs twice; output that varies between
# the runs, or a compilation that fails, is refused and nothing is written
# for that program.
#
# Usage: tests/escape/regen.sh [X.go...]   (default: every program here)
set -eu

GO=${GO:-/usr/lib/go-1.19/bin/go}
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT INT TERM

if [ $# -eq 0 ]; then
    set -- "$here"/*.go
fi

# compile FLAG FILE OUT: one compilation; its stdout goes to OUT.  The
# object file goes to the temporary directory (never /dev/null: gc
# deletes its output file when it fails).
compile() {
    (cd "$work" && "$GO" tool compile "$1" -l -o "$work/o.o" "$2") >"$3" 2>"$work/stderr"
}

status=0
for src in "$@"; do
    base=$(basename "$src" .go)
    cp "$here/$base.go" "$work/$base.go"
    for level in 1 2; do
        flag=-m
        [ "$level" = 2 ] && flag=-m=2
        if ! compile "$flag" "$base.go" "$work/a" || ! compile "$flag" "$base.go" "$work/b"; then
            echo "regen: $base.go: go tool compile $flag failed:" >&2
            cat "$work/stderr" >&2
            status=1
            continue
        fi
        if ! cmp -s "$work/a" "$work/b"; then
            echo "regen: $base.go: output of $flag varies between runs; not written" >&2
            status=1
            continue
        fi
        cp "$work/a" "$here/$base.m$level"
    done
    rm -f "$work/$base.go"
done
exit $status
