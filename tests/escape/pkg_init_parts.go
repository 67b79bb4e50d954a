package main

// Package variables initialized by composite literals with some dynamic
// parts: gc lays the literal out statically and assigns only those parts
// in init, where they flow to the heap.

type T struct {
	p *int
	n int
	s []int
}

type W struct {
	t  T
	pt *T
}

func mk() *int { return new(int) }

var a = []*int{nil, new(int), mk()}
var b = T{p: new(int), n: 3}
var c = &T{s: make([]int, 3)}
var d = [2]*T{{p: mk()}, nil}
var e = W{t: T{p: new(int)}, pt: &T{n: 1}}
var f = []map[string]int{{"a": 1}, nil}
var g = []interface{}{1, mk(), "x"}
var h = &map[int]int{1: 2}

func main() {
	println(a, b.n, c, d[0], e.t.n, f, g, h)
}
