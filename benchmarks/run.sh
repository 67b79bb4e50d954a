#!/bin/sh
# run.sh — run-time benchmarks: the programs of benchmarks/programs/ built by
# mgc, by Go 1.19 and by gcc -O2, timed side by side.
#
# Usage: benchmarks/run.sh [-m MGC] [-n RUNS] [PROGRAM...]
#   -m MGC    the compiler to measure (default: build/mgc)
#   -n RUNS   timed runs per executable; the median is reported (default: 3)
#   PROGRAM   base names from benchmarks/programs/ (default: all of them)
#
# For each program: builds it with `mgc build`, `go build` (in a temporary
# GOPATH and GOCACHE) and `gcc -O2`; runs the Go and mgc executables once and
# compares their stdout, stderr and exit status byte for byte; then runs each
# executable RUNS times and takes the median wall time and the largest peak
# RSS (GNU time's %M).  Prints one table row per program and the geometric
# mean of mgc/Go over the programs that need no collector and whose output is
# identical.  See README.md.  Never part of `meson test`.
set -eu

GO=/usr/lib/go-1.19/bin/go
TIME=/usr/bin/time
# Programs that allocate garbage: mgc has no collector yet, so their RSS
# grows with everything they allocate; they stay out of the geometric mean.
NEEDS_GC="binarytrees"
# Wall-clock limit of one run, in seconds.
RUN_LIMIT=120

MGC=build/mgc
RUNS=3
while getopts m:n: opt; do
    case $opt in
    m) MGC=$OPTARG ;;
    n) RUNS=$OPTARG ;;
    *) echo "usage: benchmarks/run.sh [-m MGC] [-n RUNS] [PROGRAM...]" >&2; exit 2 ;;
    esac
done
shift $((OPTIND - 1))

HERE=$(cd "$(dirname "$0")" && pwd)
PROGRAMS_DIR=$HERE/programs

# Installs Go 1.19, GNU time and gcc with apt-get when one of them is missing.
install_missing() {
    if [ -x "$GO" ] && [ -x "$TIME" ] && command -v gcc >/dev/null 2>&1; then
        return
    fi
    sudo=
    if [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null 2>&1; then sudo=sudo; fi
    $sudo apt-get update
    $sudo apt-get install -y golang-1.19-go time gcc
}

# Prints the current time in nanoseconds.
now_ns() {
    date +%s%N
}

# Prints the median of the numbers given as arguments.
median() {
    printf '%s\n' "$@" | sort -n | awk '{ v[NR] = $1 } END {
        if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# Runs the executable $1 RUNS times with its output discarded; prints
# "MEDIAN_SECONDS PEAK_RSS_KB", or "fail fail" when a run exits non-zero in
# a way the check run did not, or times out.
measure() {
    exe=$1
    expect=$2
    times=
    rss=0
    i=0
    while [ "$i" -lt "$RUNS" ]; do
        start=$(now_ns)
        status=0
        timeout "$RUN_LIMIT" "$TIME" -f '%M' -o "$WORK/rss" "$exe" >/dev/null 2>&1 || status=$?
        end=$(now_ns)
        if [ "$status" -ne "$expect" ]; then
            echo "fail fail"
            return
        fi
        times="$times $(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.3f", (b - a) / 1e9 }')"
        r=$(tail -n 1 "$WORK/rss")
        if [ "$r" -gt "$rss" ]; then rss=$r; fi
        i=$((i + 1))
    done
    # shellcheck disable=SC2086 # $times is a list of numbers
    echo "$(median $times) $rss"
}

# Runs the executable $1 once, keeping stdout, stderr and the exit status in
# files named after $2.
run_once() {
    status=0
    timeout "$RUN_LIMIT" "$1" >"$2.out" 2>"$2.err" || status=$?
    echo "$status" >"$2.status"
}

# Prints a/b with two decimals, or "-" when either is missing.
ratio() {
    awk -v a="$1" -v b="$2" 'BEGIN {
        if (a == "-" || b == "-" || a == "fail" || b == "fail" || b + 0 == 0) print "-";
        else printf "%.2f", a / b }'
}

# Prints a size in KB as MB with one decimal, or "-".
megabytes() {
    case $1 in
    -|fail) echo "$1" ;;
    *) awk -v k="$1" 'BEGIN { printf "%.1f", k / 1024 }' ;;
    esac
}

install_missing
if [ ! -x "$MGC" ]; then
    echo "run.sh: $MGC is not an executable (build it, or pass -m PATH)" >&2
    exit 2
fi
MGC=$(cd "$(dirname "$MGC")" && pwd)/$(basename "$MGC")

if [ $# -eq 0 ]; then
    for f in "$PROGRAMS_DIR"/*.go; do
        set -- "$@" "$(basename "$f" .go)"
    done
fi
for prog in "$@"; do
    if [ ! -f "$PROGRAMS_DIR/$prog.go" ]; then
        echo "run.sh: no program $PROGRAMS_DIR/$prog.go" >&2
        exit 2
    fi
done

WORK=$(mktemp -d "${TMPDIR:-/tmp}/mgc-bench.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
trap 'exit 130' INT TERM
mkdir -p "$WORK/gopath" "$WORK/gocache"

printf '%-13s %8s %8s %7s %8s %8s %9s %9s %-9s %s\n' \
    program go_s mgc_s mgc/go gcc_s mgc/gcc mgc_MB go_MB identical note
logsum=0
counted=0
for prog in "$@"; do
    src=$PROGRAMS_DIR/$prog.go
    csrc=$PROGRAMS_DIR/$prog.c
    note=
    case " $NEEDS_GC " in *" $prog "*) note="needs GC" ;; esac

    go_t=- go_m=- mgc_t=- mgc_m=- gcc_t=- same=no
    if GOPATH=$WORK/gopath GOCACHE=$WORK/gocache GO111MODULE=off GOFLAGS='' \
        "$GO" build -o "$WORK/$prog.go" "$src" >"$WORK/$prog.go.log" 2>&1; then
        run_once "$WORK/$prog.go" "$WORK/$prog.go.run"
        m=$(measure "$WORK/$prog.go" "$(cat "$WORK/$prog.go.run.status")")
        go_t=${m% *} go_m=${m#* }
    else
        note="${note:+$note; }go build failed"
    fi

    if "$MGC" build -o "$WORK/$prog.mgc" "$src" >"$WORK/$prog.mgc.log" 2>&1; then
        run_once "$WORK/$prog.mgc" "$WORK/$prog.mgc.run"
        if [ -f "$WORK/$prog.go.run.out" ] &&
            cmp -s "$WORK/$prog.go.run.out" "$WORK/$prog.mgc.run.out" &&
            cmp -s "$WORK/$prog.go.run.err" "$WORK/$prog.mgc.run.err" &&
            cmp -s "$WORK/$prog.go.run.status" "$WORK/$prog.mgc.run.status"; then
            same=yes
        fi
        m=$(measure "$WORK/$prog.mgc" "$(cat "$WORK/$prog.mgc.run.status")")
        mgc_t=${m% *} mgc_m=${m#* }
        if [ "$same" = no ]; then
            note="${note:+$note; }output differs (mgc exit $(cat "$WORK/$prog.mgc.run.status"), go exit $(cat "$WORK/$prog.go.run.status" 2>/dev/null || echo -))"
        fi
    else
        note="${note:+$note; }mgc build failed: $(head -n 1 "$WORK/$prog.mgc.log" | cut -c1-100)"
    fi

    if [ -f "$csrc" ] && gcc -O2 -o "$WORK/$prog.gcc" "$csrc" -lm >"$WORK/$prog.gcc.log" 2>&1; then
        m=$(measure "$WORK/$prog.gcc" 0)
        gcc_t=${m% *}
    fi

    r_go=$(ratio "$mgc_t" "$go_t")
    printf '%-13s %8s %8s %7s %8s %8s %9s %9s %-9s %s\n' "$prog" "$go_t" "$mgc_t" \
        "$r_go" "$gcc_t" "$(ratio "$mgc_t" "$gcc_t")" "$(megabytes "$mgc_m")" \
        "$(megabytes "$go_m")" "$same" "$note"
    case " $NEEDS_GC " in *" $prog "*) continue ;; esac
    if [ "$same" = yes ] && [ "$r_go" != - ]; then
        logsum=$(awk -v s="$logsum" -v a="$mgc_t" -v b="$go_t" 'BEGIN { printf "%.9f", s + log(a / b) }')
        counted=$((counted + 1))
    fi
done

if [ "$counted" -gt 0 ]; then
    awk -v s="$logsum" -v n="$counted" 'BEGIN {
        printf "geometric mean of mgc/go over %d programs (identical output, no GC needed): %.2f\n",
            n, exp(s / n) }'
else
    echo "geometric mean of mgc/go: no program counted"
fi
