#!/usr/bin/env bash
# Installs what is missing, builds mgc, and shows its main job on the
# bundled examples: the AST of each example and the per-phase memory table.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/deps.sh
scripts/build.sh build >/dev/null

for f in examples/*.go; do
    echo "==> mgc compile -d ast $f"
    build/mgc compile -d ast "$f" > /tmp/mgc-demo-ast.txt
    head -40 /tmp/mgc-demo-ast.txt
    echo "    ... ($(wc -l < /tmp/mgc-demo-ast.txt) lines)"
    echo
done

echo "==> mgc compile -d parse -memstats=2 examples/*.go"
build/mgc compile -d parse -memstats=2 examples/*.go
echo
echo "==> a syntax error, reported as gc reports it"
printf 'package main\n\nfunc main() {\n\tprintln("hi"\n}\n' > /tmp/mgc-demo-bad.go
build/mgc compile -d ast /tmp/mgc-demo-bad.go || echo "(exit status $?)"
