#!/bin/sh
# regen.sh — writes the expected behaviour of each X.go of this directory
# as Go 1.19 builds it: X.out (stdout), X.err (stderr; for a panic only the
# part run.py compares) and X.exit (exit status).
#
# Each program is built once with `go build` and run twice (what `go run`
# does, without the "exit status N" line go run adds); a program whose
# output or status varies between the runs is refused (exit 1, nothing
# written for it).
#
# Usage: tests/e2e/regen.sh [FILE.go...]   (default: every .go here)
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
    if ! (cd "$tmp" && cp "$dir/$f" prog.go && GO111MODULE=off "$GO" build -o prog prog.go) 2>"$tmp/build"; then
        echo "regen.sh: $f: go build failed: $(head -3 "$tmp/build")" >&2
        status=1
        continue
    fi
    for run in 1 2; do
        (cd "$tmp" && ./prog >"$tmp/out$run" 2>"$tmp/rawerr$run")
        echo $? >"$tmp/exit$run"
        python3 "$dir/run.py" --trim-stderr <"$tmp/rawerr$run" >"$tmp/err$run"
    done
    if ! cmp -s "$tmp/out1" "$tmp/out2" || ! cmp -s "$tmp/err1" "$tmp/err2" ||
       ! cmp -s "$tmp/exit1" "$tmp/exit2"; then
        echo "regen.sh: $f: output varies between runs; not written" >&2
        status=1
        continue
    fi
    cp "$tmp/out1" "$base.out"
    cp "$tmp/err1" "$base.err"
    cp "$tmp/exit1" "$base.exit"
done
exit $status
