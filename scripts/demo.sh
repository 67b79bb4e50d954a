#!/usr/bin/env bash
# Installs what is missing, builds mgc, and shows its main job on the
# bundled examples: each program's escape decisions, its run, and the
# compiler's memory table per phase; then the AST of one example and a
# syntax error reported as gc reports it.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/deps.sh
scripts/build.sh build >/dev/null

for f in examples/*.go; do
    echo "==> mgc compile -m -l $f    (why each value lives on the stack or the heap)"
    build/mgc compile -m -l -o /tmp/mgc-demo.s "$f"
    echo "==> mgc run $f"
    build/mgc run "$f" || echo "(exit status $?)"
    echo
done

echo "==> mgc run -memstats=2 examples/sieve.go    (the compiler's memory, per phase, region and pool)"
build/mgc run -memstats=2 examples/sieve.go >/dev/null
echo
echo "==> mgc compile -d ast examples/hello.go"
build/mgc compile -d ast examples/hello.go > /tmp/mgc-demo-ast.txt
head -30 /tmp/mgc-demo-ast.txt
echo "    ... ($(wc -l < /tmp/mgc-demo-ast.txt) lines)"
echo
echo "==> a syntax error, reported as gc reports it"
printf 'package main\n\nfunc main() {\n\tprintln("hi"\n}\n' > /tmp/mgc-demo-bad.go
build/mgc compile -d ast /tmp/mgc-demo-bad.go || echo "(exit status $?)"
