#!/bin/sh
# Regenerates the expected output of every Go program here with Go 1.19:
# NAME.stdout, NAME.stderr and NAME.status.  Run it from anywhere.
set -eu
GO=${GO:-/usr/lib/go-1.19/bin/go}
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for src in "$here"/*.go; do
    name=$(basename "$src" .go)
    mkdir -p "$tmp/$name"
    cp "$src" "$tmp/$name/$name.go"
    (cd "$tmp/$name" && GOFLAGS= GO111MODULE=off "$GO" build -o prog "$name.go")
    status=0
    "$tmp/$name/prog" >"$here/$name.stdout" 2>"$here/$name.stderr" || status=$?
    echo "$status" >"$here/$name.status"
done
