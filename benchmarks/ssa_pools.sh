#!/bin/sh
# ssa_pools.sh — does the compiler's SSA memory follow the largest function?
#
# Usage: benchmarks/ssa_pools.sh [MGC]      (default: build/mgc)
#
# Generates four Go programs: 400, 4,000 and 40,000 functions of one size,
# and 4,000 functions of which one is ten times larger; compiles each with
# `mgc compile -memstats-json` (SSA is built for every function) and prints,
# for the Value and Block pools, the high-water mark, hits, misses, the hit
# rate and the objects still live, then the two ratios that matter:
#   high water (40,000 functions) / high water (400)   should be ~1
#   high water (one 10x function) / high water (4,000) should be ~10
# and whether every pool's hit rate is above 99% and its live count 0
# once the last function has been freed.
# Not part of `meson test`: it takes a while on 40,000 functions.
set -eu

MGC=${1:-build/mgc}
if [ ! -x "$MGC" ]; then
    echo "ssa_pools.sh: $MGC is not an executable (build it, or pass its path)" >&2
    exit 2
fi

exec python3 - "$MGC" <<'EOF'
import json, os, subprocess, sys, tempfile

mgc = os.path.abspath(sys.argv[1])

# One function body: a loop, a branch and arithmetic, about 60 SSA values.
# Repeating the block `scale` times (on fresh variables) makes a function
# `scale` times larger.
def func(k, scale):
    out = [f"func f{k}(a, b int) int {{", "\ts := 0"]
    for r in range(scale):
        out += [
            f"\tfor i{r} := 0; i{r} < a; i{r}++ {{",
            f"\t\tif i{r}%3 == 0 {{",
            f"\t\t\ts += i{r}*b + {k % 97}",
            "\t\t} else {",
            f"\t\t\ts -= b - i{r}",
            "\t\t}",
            "\t}",
            f"\tt{r} := s * {r + 2}",
            f"\tif t{r} > a {{",
            f"\t\ts = t{r} - a",
            "\t}",
        ]
    out += ["\treturn s", "}", ""]
    return "\n".join(out)

def program(n, big):
    parts = ["package main", "", "func main() {", "\tprintln(f0(10, 3))", "}", ""]
    for k in range(n):
        parts.append(func(k, 10 if big and k == n // 2 else 1))
    return "\n".join(parts)

CASES = [
    ("400 functions", 400, False),
    ("4,000 functions", 4000, False),
    ("40,000 functions", 40000, False),
    ("4,000, one 10x", 4000, True),
]

def measure(tmp, name, n, big):
    src = os.path.join(tmp, f"p{n}{'big' if big else ''}.go")
    js = src + ".json"
    with open(src, "w") as f:
        f.write(program(n, big))
    r = subprocess.run([mgc, "compile", "-memstats-json", js, "-o", src + ".o", src],
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    if not os.path.exists(js):
        sys.exit(f"ssa_pools.sh: {name}: mgc wrote no report (exit {r.returncode}): {r.stderr.strip()}")
    with open(js) as f:
        rep = json.load(f)
    ssa = [p for p in rep["phases"] if p["phase"] == "ssa"]
    if not ssa:
        sys.exit(f"ssa_pools.sh: {name}: no ssa phase in the report (exit {r.returncode}): "
                 f"{r.stderr.strip()[:200]}")
    # The ssa phase accumulates over the functions: hits, misses and the
    # high-water mark are the whole run's.  It ends before each function
    # is handed back to the pools, so the live count after the last
    # function is the one of "end" (just before the compiler tears down).
    pools = ssa[0]["pools"]
    for pool in ("value", "block"):
        pools[pool]["live"] = rep["end"]["pools"][pool]["live"]
    # Until code generation exists, mgc stops after the ssa phase with
    # "code generation is not implemented yet" (exit 1); anything else
    # (a refusal, an internal error) would leave functions unmeasured.
    if r.returncode != 0 and "code generation is not implemented yet" not in r.stderr:
        sys.exit(f"ssa_pools.sh: {name}: mgc failed (exit {r.returncode}): {r.stderr.strip()[:200]}")
    return pools, 0

def rate(p):
    total = p["hits"] + p["misses"]
    return 100.0 * p["hits"] / total if total else 0.0

with tempfile.TemporaryDirectory() as tmp:
    rows = []
    for name, n, big in CASES:
        pools, rc = measure(tmp, name, n, big)
        rows.append((name, pools, rc))

print(f"{'program':<18} {'pool':<6} {'high water':>10} {'hits':>10} {'misses':>8} {'hit rate':>9} {'live':>6} {'bytes':>10}")
for name, pools, rc in rows:
    for pool in ("value", "block"):
        p = pools[pool]
        print(f"{name:<18} {pool:<6} {p['high_water']:>10} {p['hits']:>10} {p['misses']:>8} "
              f"{rate(p):>8.2f}% {p['live']:>6} {p['bytes']:>10}"
              + ("" if rc == 0 else f"   (mgc exit {rc})"))

ok = True
hw = {name: pools["value"]["high_water"] for name, pools, _ in rows}
flat = hw["40,000 functions"] / max(hw["400 functions"], 1)
grow = hw["4,000, one 10x"] / max(hw["4,000 functions"], 1)
print()
print(f"value high water, 40,000 / 400 functions:      {flat:.2f}  (want 0.9 .. 1.1)")
print(f"value high water, one 10x function / 4,000:    {grow:.2f}  (want about 10)")
ok &= 0.9 <= flat <= 1.1 and 7 <= grow <= 13
for name, pools, _ in rows:
    for pool in ("value", "block"):
        p = pools[pool]
        if rate(p) <= 99.0:
            print(f"{name}: {pool} pool hit rate {rate(p):.2f}% is not above 99%")
            ok = False
        if p["live"] != 0:
            print(f"{name}: {pool} pool has {p['live']} objects live after the last function")
            ok = False
print("ok" if ok else "FAILED")
sys.exit(0 if ok else 1)
EOF
