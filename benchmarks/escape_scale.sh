#!/bin/sh
# escape_scale.sh — does escape analysis stay a small, constant share of the
# front end's time as programs grow?
#
# Usage: benchmarks/escape_scale.sh [MGC] [SIZES] [RUNS]
#        (default: build/mgc, sizes "10000 100000 1000000" lines, 3 runs)
#
# Generates one Go program per size made of ordinary functions (loops,
# structs, slices, pointers, calls, methods, closures, interface values),
# compiles each with `mgc compile -l -memstats-json`, and reads the wall
# time of the phases parse, typecheck and escape, keeping each phase's
# shortest time over RUNS compilations (a busy machine only ever adds
# time, and more to a long phase).  A size under 1M lines gets more runs,
# RUNS * sqrt(1M / lines), at most 10 * RUNS (30 at 10k lines for RUNS=3):
# a phase of a millisecond or two is the one an interrupt or a neighbour
# on the machine moves the most.  Prints, per size, the
# lines, the three times and escape / (parse + typecheck); the check is that
# the ratio stays under 20% at every size (and does not grow with size, as
# it would if some part of the analysis were quadratic).  The back end runs
# too but is not measured.  Not part of `meson test`.
set -eu

MGC=${1:-build/mgc}
SIZES=${2:-"10000 100000 1000000"}
RUNS=${3:-3}
if [ ! -x "$MGC" ]; then
    echo "escape_scale.sh: $MGC is not an executable (build it, or pass its path)" >&2
    exit 2
fi

exec python3 - "$MGC" "$SIZES" "$RUNS" <<'EOF'
import json, os, subprocess, sys, tempfile

mgc = os.path.abspath(sys.argv[1])
sizes = [int(s) for s in sys.argv[2].split()]
runs = max(1, int(sys.argv[3]))
LIMIT = 0.20

PRELUDE = """package main

type Point struct {
	X, Y int
	Next *Point
}

type Shape interface{ Area() int }

func (p *Point) Area() int { return p.X * p.Y }

func (p Point) Sum() int { return p.X + p.Y }

var global *Point

"""

# One group of functions, about 60 lines; k makes every name unique.
def group(k):
    return f"""func mk{k}(n int) *Point {{
	p := &Point{{X: n, Y: n + {k % 89}}}
	if n > 10 {{
		global = p
	}}
	return p
}}

func sum{k}(xs []int) int {{
	t := 0
	for i := 0; i < len(xs); i++ {{
		t += xs[i] * {k % 13 + 1}
	}}
	for _, x := range xs {{
		if x%2 == 0 {{
			t -= x
		}}
	}}
	return t
}}

func list{k}(n int) *Point {{
	var head *Point
	for i := 0; i < n; i++ {{
		q := &Point{{X: i, Y: {k % 7}}}
		q.Next = head
		head = q
	}}
	return head
}}

func local{k}(a, b int) int {{
	buf := make([]int, 16)
	p := Point{{X: a, Y: b}}
	pp := &p
	for i := range buf {{
		buf[i] = pp.X + i
	}}
	add := func(d int) int {{ return pp.Y + d + buf[0] }}
	return add(a) + sum{k}(buf) + p.Sum()
}}

func area{k}(n int) int {{
	var s Shape = &Point{{X: n, Y: 2}}
	xs := []int{{n, n + 1, n + 2}}
	s2 := mk{k}(n)
	return s.Area() + s2.Area() + sum{k}(xs)
}}

func use{k}(n int) int {{
	l := list{k}(n)
	t := 0
	for l != nil {{
		t += l.X
		l = l.Next
	}}
	return t + local{k}(n, {k % 5}) + area{k}(n)
}}

"""

def program(lines):
    out = [PRELUDE]
    total = PRELUDE.count('\n')
    k = 0
    while total < lines:
        g = group(k)
        out.append(g)
        total += g.count('\n')
        k += 1
    out.append("func main() {\n\tprintln(use0(3))\n}\n")
    return ''.join(out), total + 3

def phase_ms(js, name):
    return sum(p['wall_ms'] for p in js['phases'] if p['phase'] == name)

print('%10s %12s %12s %12s %10s' % ('lines', 'parse ms', 'typecheck ms', 'escape ms', 'escape/fe'))
ok = True
with tempfile.TemporaryDirectory(prefix='mgc-escape-scale-') as work:
    for size in sizes:
        src, nlines = program(size)
        path = os.path.join(work, 'scale.go')
        with open(path, 'w') as f:
            f.write(src)
        stats = os.path.join(work, 'stats.json')
        best = None
        nruns = max(runs, min(10 * runs, round(runs * (1e6 / max(1, size)) ** 0.5)))
        for _ in range(nruns):
            p = subprocess.run([mgc, 'compile', '-l', '-memstats-json', stats, '-o',
                                os.path.join(work, 'scale.s'), path],
                               cwd=work, capture_output=True, text=True)
            if not os.path.exists(stats):
                print('escape_scale.sh: mgc wrote no statistics (exit %d): %s' %
                      (p.returncode, p.stderr.strip()[-300:]), file=sys.stderr)
                sys.exit(1)
            with open(stats) as f:
                js = json.load(f)
            os.remove(stats)
            times = [phase_ms(js, n) for n in ('parse', 'typecheck', 'escape')]
            best = times if best is None else [min(a, b) for a, b in zip(best, times)]
        parse, check, esc = best
        if esc == 0:
            print('escape_scale.sh: no escape phase ran at %d lines: %s' %
                  (nlines, p.stderr.strip()[-300:]), file=sys.stderr)
            sys.exit(1)
        ratio = esc / (parse + check)
        ok = ok and ratio < LIMIT
        print('%10d %12.1f %12.1f %12.1f %9.1f%%' % (nlines, parse, check, esc, 100 * ratio))
        sys.stdout.flush()
print('escape under %d%% of parse+typecheck at every size: %s' % (100 * LIMIT, 'yes' if ok else 'NO'))
sys.exit(0 if ok else 1)
EOF
