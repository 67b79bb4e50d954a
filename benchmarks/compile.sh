#!/bin/sh
# compile.sh — what does compiling a program cost with mgc, compared with
# go tool compile, tcc and gcc -O0 on the same functions?
#
# Usage: benchmarks/compile.sh [MGC] [SIZES]
#        (default: build/mgc, sizes "10000 100000 1000000" lines)
#
# For each size, benchmarks/gen_program.py writes a Go program of ordinary
# functions (loops, structs, slices, pointers, calls) and its C twin.  Each
# compiler runs alone, under /usr/bin/time:
#   mgc compile -l -o X.s           Go to assembly (mgc stops there)
#   go tool compile -l -o X.o       Go to an object file (gc has no
#                                   assembly-only mode; its object writing
#                                   is part of what it costs)
#   tcc -c, gcc -O0 -c              the C twin to an object file
# and the table gives CPU time (user + system), peak resident memory, and
# each compiler's CPU and memory as multiples of mgc's.  The compilers run
# in turn, RUNS rounds (default 3), and each keeps its lowest CPU time and
# peak memory: the machine's other work only ever adds to them, and taking
# turns makes a slow spell fall on all of them.  The checks at the
# end are the project's goals at 100,000 lines: go tool compile uses at
# least 20 times mgc's CPU time and at least 5 times its peak memory.
# Installs tcc and time with apt-get when they are missing.  Not part of
# `meson test`: the 1,000,000-line programs take minutes and gigabytes.
set -eu

MGC=${1:-build/mgc}
SIZES=${2:-"10000 100000 1000000"}
GO=${GO:-/usr/lib/go-1.19/bin/go}
HERE=$(cd "$(dirname "$0")" && pwd)

if [ ! -x "$MGC" ]; then
    echo "compile.sh: $MGC is not an executable (build it, or pass its path)" >&2
    exit 2
fi
if [ ! -x "$GO" ]; then
    echo "compile.sh: $GO not found (apt-get install golang-1.19-go, or set GO)" >&2
    exit 2
fi
need=""
command -v tcc >/dev/null 2>&1 || need="$need tcc"
[ -x /usr/bin/time ] || need="$need time"
if [ -n "$need" ]; then
    SUDO=""
    [ "$(id -u)" -eq 0 ] || SUDO=sudo
    $SUDO apt-get install -y $need >/dev/null
fi

exec python3 - "$MGC" "$SIZES" "$GO" "$HERE/gen_program.py" <<'EOF'
import os, subprocess, sys, tempfile

mgc = os.path.abspath(sys.argv[1])
sizes = [int(s) for s in sys.argv[2].split()]
go = sys.argv[3]
gen = sys.argv[4]
CHECK_LINES = 100000
RUNS = max(1, int(os.environ.get('RUNS', '3')))
CPU_GOAL, MEM_GOAL = 20.0, 5.0

def measure_once(argv, cwd):
    """CPU seconds (user + system) and peak RSS in MiB of one run."""
    tf = os.path.join(cwd, 'time.out')
    p = subprocess.run(['/usr/bin/time', '-f', '%U %S %M', '-o', tf] + argv,
                       cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    if p.returncode != 0:
        sys.exit('compile.sh: %s failed (exit %d): %s' % (' '.join(argv), p.returncode, p.stderr.strip()[-400:]))
    with open(tf) as f:
        user, system, rss_kib = f.read().split()[-3:]
    return float(user) + float(system), int(rss_kib) / 1024.0

print('%9s  %-18s %9s %9s %10s %10s' % ('lines', 'compiler', 'CPU s', 'peak MiB', 'CPU/mgc', 'mem/mgc'))
verdicts = []
with tempfile.TemporaryDirectory(prefix='mgc-compile-bench-') as work:
    for size in sizes:
        gosrc, csrc = os.path.join(work, 'prog.go'), os.path.join(work, 'prog.c')
        subprocess.run([sys.executable, gen, str(size), 'go', gosrc], check=True)
        subprocess.run([sys.executable, gen, str(size), 'c', csrc], check=True)
        with open(gosrc) as f:
            lines = sum(1 for _ in f)
        runs = [
            ('mgc compile -l', [mgc, 'compile', '-l', '-o', 'prog.s', 'prog.go']),
            ('go tool compile -l', [go, 'tool', 'compile', '-l', '-o', 'prog.o', 'prog.go']),
            ('tcc -c', ['tcc', '-c', '-o', 'prog_tcc.o', 'prog.c']),
            ('gcc -O0 -c', ['gcc', '-O0', '-c', '-o', 'prog_gcc.o', 'prog.c']),
        ]
        # RUNS rounds over the compilers in turn, so that a slow spell of the
        # machine falls on all of them; each keeps its lowest CPU and memory
        results = {}
        for _ in range(RUNS):
            for name, argv in runs:
                cpu, mem = measure_once(argv, work)
                best = results.get(name)
                results[name] = (cpu, mem) if best is None else (min(best[0], cpu), min(best[1], mem))
        base_cpu, base_mem = results['mgc compile -l']
        for name, _ in runs:
            cpu, mem = results[name]
            print('%9d  %-18s %9.2f %9.1f %9.1fx %9.1fx' %
                  (lines, name, cpu, mem, cpu / max(base_cpu, 1e-3), mem / base_mem))
        print()
        sys.stdout.flush()
        if size == CHECK_LINES:
            gcpu, gmem = results['go tool compile -l']
            verdicts.append(('go tool compile uses >= %gx mgc\'s CPU time at %d lines' % (CPU_GOAL, lines),
                             gcpu / max(base_cpu, 1e-3) >= CPU_GOAL))
            verdicts.append(('go tool compile uses >= %gx mgc\'s peak memory at %d lines' % (MEM_GOAL, lines),
                             gmem / base_mem >= MEM_GOAL))
        for f in ('prog.s', 'prog.o', 'prog_tcc.o', 'prog_gcc.o'):
            p = os.path.join(work, f)
            if os.path.exists(p):
                os.remove(p)
ok = True
for what, passed in verdicts:
    print('%s: %s' % (what, 'yes' if passed else 'NO'))
    ok = ok and passed
sys.exit(0 if ok else 1)
EOF
