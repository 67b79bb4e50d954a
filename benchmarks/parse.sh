#!/bin/sh
# parse.sh — how fast mgc parses Go's standard library, next to gofmt.
#
# Usage: benchmarks/parse.sh [MGC]      (default: build/mgc)
#
# Parses every file of /usr/share/go-1.19/src that gofmt accepts with
# `mgc compile -d parse`, 100 files per process, then the same batches with
# `gofmt -l`, and prints the CPU time (user+sys) of each, lines per second,
# the peak RSS of the largest mgc process, the AST region's bytes per source
# line (from -memstats-json) and the mgc/gofmt ratio.  See README.md.
set -eu

MGC=${1:-build/mgc}
GOROOT=/usr/share/go-1.19
GOFMT=/usr/lib/go-1.19/bin/gofmt

# Installs Go 1.19 and GNU time when they are missing.
install_missing() {
    if [ -x "$GOFMT" ] && [ -d "$GOROOT/src" ]; then
        return
    fi
    sudo=
    if [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null 2>&1; then sudo=sudo; fi
    $sudo apt-get update
    $sudo apt-get install -y golang-1.19-go golang-1.19-src time
}

install_missing
if [ ! -x "$MGC" ]; then
    echo "parse.sh: $MGC is not an executable (build it, or pass its path)" >&2
    exit 2
fi

exec python3 - "$MGC" "$GOROOT" "$GOFMT" <<'EOF'
import json, os, subprocess, sys, tempfile

mgc, goroot, gofmt = os.path.abspath(sys.argv[1]), sys.argv[2], sys.argv[3]
BATCH = 100


def go_files():
    """Every regular .go file under src, sorted, relative to goroot."""
    out = []
    for root, dirs, names in os.walk(os.path.join(goroot, 'src')):
        dirs.sort()
        for n in sorted(names):
            p = os.path.join(root, n)
            if n.endswith('.go') and os.path.isfile(p) and not os.path.islink(p):
                out.append(os.path.relpath(p, goroot))
    return out


def measure(argv):
    """Runs argv in goroot; returns (status, cpu seconds, max RSS bytes, stderr)."""
    with tempfile.TemporaryFile() as err:
        p = subprocess.Popen(argv, cwd=goroot, stdout=subprocess.DEVNULL, stderr=err)
        _, status, ru = os.wait4(p.pid, 0)
        p.returncode = os.waitstatus_to_exitcode(status)
        err.seek(0)
        text = err.read().decode('utf-8', 'replace')
    return p.returncode, ru.ru_utime + ru.ru_stime, ru.ru_maxrss * 1024, text


def batches(files):
    return [files[i:i + BATCH] for i in range(0, len(files), BATCH)]


files = go_files()
rejected = set()
for b in batches(files):
    _, _, _, err = measure([gofmt, '-l', '-e'] + b)
    for line in err.splitlines():
        name = line.split(':', 1)[0]
        if name in b:
            rejected.add(name)
if rejected:
    # Attribute errors precisely: a batch may print multi-line messages.
    rejected = {f for f in rejected if measure([gofmt, '-l', '-e', f])[0] != 0}
files = [f for f in files if f not in rejected]
lines = 0
for f in files:
    with open(os.path.join(goroot, f), 'rb') as fh:
        lines += fh.read().count(b'\n')

mgc_cpu, mgc_rss, mgc_failed = 0.0, 0, 0
for b in batches(files):
    status, cpu, rss, _ = measure([mgc, 'compile', '-d', 'parse'] + b)
    mgc_cpu += cpu
    mgc_rss = max(mgc_rss, rss)
    mgc_failed += status != 0

ast_bytes, ast_batches = 0, 0
with tempfile.TemporaryDirectory() as tmp:
    stats = os.path.join(tmp, 'memstats.json')
    for b in batches(files):
        status, _, _, _ = measure([mgc, 'compile', '-d', 'parse', '-memstats-json', stats] + b)
        try:
            with open(stats) as fh:
                doc = json.load(fh)
            os.remove(stats)
        except (OSError, ValueError):
            continue
        for phase in doc.get('phases', []):
            if phase.get('phase') == 'parse':
                ast_bytes += phase['regions']['ast']['peak_bytes']
                ast_batches += 1
                break

gofmt_cpu = 0.0
for b in batches(files):
    gofmt_cpu += measure([gofmt, '-l'] + b)[1]

nb = len(batches(files))
print('files                  %d (of %d; %d rejected by gofmt)' % (len(files), len(files) + len(rejected), len(rejected)))
print('source lines           %d' % lines)
print('batches                %d of %d files (%d failed under mgc)' % (nb, BATCH, mgc_failed))
print('mgc CPU seconds        %.2f' % mgc_cpu)
print('mgc lines per second   %.0f' % (lines / mgc_cpu if mgc_cpu else 0))
print('mgc peak RSS           %.1f MiB (largest process)' % (mgc_rss / 2**20))
if ast_batches == nb:
    print('AST bytes per line     %.1f' % (ast_bytes / lines if lines else 0))
else:
    print('AST bytes per line     n/a (-memstats-json gave a parse phase for %d of %d batches)' % (ast_batches, nb))
print('gofmt CPU seconds      %.2f' % gofmt_cpu)
print('gofmt lines per second %.0f' % (lines / gofmt_cpu if gofmt_cpu else 0))
print('mgc/gofmt CPU ratio    %.3f' % (mgc_cpu / gofmt_cpu if gofmt_cpu else 0))
EOF
