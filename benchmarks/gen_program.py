#!/usr/bin/env python3
"""gen_program.py — a generated program of ordinary functions, in Go and
as a C twin with the same functions, for the compile-time benchmarks.

Usage: benchmarks/gen_program.py LINES go|c [OUT]
       (OUT defaults to standard output)

The Go program uses what mgc compiles end to end (no interfaces, maps or
goroutines): structs, pointers, slices with make and append, arrays sliced
with [:], loops (three-clause, condition-only, range), multiple
assignment, calls and methods.  It is made of groups of seven functions,
about 70 lines of Go each; k numbers the group so that every name is
unique.  The C twin has one C function per Go function, with the same
control flow and calls, written as a C programmer would (malloc for
escaping allocations, a small slice struct for []int), so that tcc and
gcc -O0 compile the same amount of code.  The Go program prints the same
number as the C program, for a check that both compute the same thing.
"""
import sys

GO_PRELUDE = """package main

type Point struct {
	X, Y int
	Next *Point
}

type Counter struct {
	hits  int
	total int
}

func (c *Counter) Add(v int) {
	c.hits++
	c.total += v
}

"""

C_PRELUDE = """#include <stdio.h>
#include <stdlib.h>

typedef struct Point {
	long X, Y;
	struct Point *Next;
} Point;

typedef struct Counter {
	long hits;
	long total;
} Counter;

typedef struct Slice {
	long *ptr;
	long len, cap;
} Slice;

static void Counter_Add(Counter *c, long v) {
	c->hits++;
	c->total += v;
}

static Slice make_slice(long len, long cap) {
	Slice s = {calloc(cap ? cap : 1, sizeof(long)), len, cap};
	return s;
}

static Slice append_long(Slice s, long v) {
	if (s.len == s.cap) {
		long cap = s.cap ? 2 * s.cap : 4;
		long *p = calloc(cap, sizeof(long));
		for (long i = 0; i < s.len; i++)
			p[i] = s.ptr[i];
		s.ptr = p;
		s.cap = cap;
	}
	s.ptr[s.len++] = v;
	return s;
}

"""


def go_group(k):
    a, b, c = k % 13 + 1, k % 7 + 2, k % 5 + 1
    return f"""func newPoint{k}(x, y int) *Point {{
	p := &Point{{X: x, Y: y + {a}}}
	return p
}}

func sum{k}(xs []int) int {{
	t := 0
	for i := 0; i < len(xs); i++ {{
		t += xs[i] * {b}
	}}
	for _, x := range xs {{
		if x%2 == 0 {{
			t -= x
		}}
	}}
	return t
}}

func fill{k}(n int) []int {{
	xs := make([]int, 0, 4)
	for i := 0; i < n; i++ {{
		xs = append(xs, i+{c})
	}}
	return xs
}}

func chain{k}(n int) *Point {{
	var head *Point
	for i := 0; i < n; i++ {{
		q := newPoint{k}(i, {c})
		q.Next = head
		head = q
	}}
	return head
}}

func walk{k}(p *Point) int {{
	t := 0
	for p != nil {{
		t += p.X - p.Y
		p = p.Next
	}}
	return t
}}

func swap{k}(x, y *int) {{
	*x, *y = *y, *x
}}

func mix{k}(n int) int {{
	a, b := n, n+{a}
	swap{k}(&a, &b)
	var arr [8]int
	for i := 0; i < len(arr); i++ {{
		arr[i] = a*i + b
	}}
	var cnt Counter
	cnt.Add(sum{k}(arr[:]))
	cnt.Add(walk{k}(chain{k}(n % 5)))
	cnt.Add(sum{k}(fill{k}(n % 7)))
	if cnt.total > 1000 {{
		return cnt.total - cnt.hits
	}}
	return cnt.total + cnt.hits
}}

"""


def c_group(k):
    a, b, c = k % 13 + 1, k % 7 + 2, k % 5 + 1
    return f"""static Point *newPoint{k}(long x, long y) {{
	Point *p = calloc(1, sizeof *p);
	p->X = x;
	p->Y = y + {a};
	return p;
}}

static long sum{k}(Slice xs) {{
	long t = 0;
	for (long i = 0; i < xs.len; i++) {{
		t += xs.ptr[i] * {b};
	}}
	for (long i = 0; i < xs.len; i++) {{
		long x = xs.ptr[i];
		if (x % 2 == 0) {{
			t -= x;
		}}
	}}
	return t;
}}

static Slice fill{k}(long n) {{
	Slice xs = make_slice(0, 4);
	for (long i = 0; i < n; i++) {{
		xs = append_long(xs, i + {c});
	}}
	return xs;
}}

static Point *chain{k}(long n) {{
	Point *head = NULL;
	for (long i = 0; i < n; i++) {{
		Point *q = newPoint{k}(i, {c});
		q->Next = head;
		head = q;
	}}
	return head;
}}

static long walk{k}(Point *p) {{
	long t = 0;
	while (p != NULL) {{
		t += p->X - p->Y;
		p = p->Next;
	}}
	return t;
}}

static void swap{k}(long *x, long *y) {{
	long t = *x;
	*x = *y;
	*y = t;
}}

static long mix{k}(long n) {{
	long a = n, b = n + {a};
	swap{k}(&a, &b);
	long arr[8];
	for (long i = 0; i < 8; i++) {{
		arr[i] = a * i + b;
	}}
	Counter cnt = {{0, 0}};
	Slice s = {{arr, 8, 8}};
	Counter_Add(&cnt, sum{k}(s));
	Counter_Add(&cnt, walk{k}(chain{k}(n % 5)));
	Counter_Add(&cnt, sum{k}(fill{k}(n % 7)));
	if (cnt.total > 1000) {{
		return cnt.total - cnt.hits;
	}}
	return cnt.total + cnt.hits;
}}

"""


def program(lines, lang):
    """The program of about `lines` lines (counted on the Go version, so
    that both languages get the same functions) and its group count."""
    prelude, group = (GO_PRELUDE, go_group) if lang == "go" else (C_PRELUDE, c_group)
    out = [prelude]
    total = GO_PRELUDE.count("\n")
    k = 0
    while total < lines:
        out.append(group(k))
        total += go_group(k).count("\n")
        k += 1
    if lang == "go":
        out.append("func main() {\n\tt := 0\n")
        out.append("\tfor i := 0; i < 10; i++ {\n\t\tt += mix0(i)\n")
        if k > 1:
            out.append(f"\t\tt += mix{k - 1}(i)\n")
        out.append("\t}\n\tprintln(t)\n}\n")
    else:
        out.append("int main(void) {\n\tlong t = 0;\n")
        out.append("\tfor (long i = 0; i < 10; i++) {\n\t\tt += mix0(i);\n")
        if k > 1:
            out.append(f"\t\tt += mix{k - 1}(i);\n")
        out.append('\t}\n\tfprintf(stderr, "%ld\\n", t);\n\treturn 0;\n}\n')
    return "".join(out)


def main(argv):
    if len(argv) < 3 or argv[2] not in ("go", "c"):
        sys.stderr.write("usage: gen_program.py LINES go|c [OUT]\n")
        return 2
    src = program(int(argv[1]), argv[2])
    if len(argv) > 3:
        with open(argv[3], "w") as f:
            f.write(src)
    else:
        sys.stdout.write(src)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
