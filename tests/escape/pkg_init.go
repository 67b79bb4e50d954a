package main

// Package variables whose values are not static are initialized by the
// package's init function, which is analyzed after every other function.

type T struct{ p *int }

func pair() (*int, *T) { return nil, nil }

func keep(t *T) *T { return t }

func length(p *int) int { return *p }

var a, b = pair()
var j interface{} = T{}
var bs = []byte("abc")
var st = string(bs)
var c, d = new(int), make(map[int]int)
var _ = new(T)
var cat = "a" + st
var m = map[string]*T{"x": {}}
var kept = keep(&T{})
var n = length(new(int))
var s = []int{1, 2}
var f = func() *int { return new(int) }

func main() {
	println(a, b, c, d, cat, m, kept, n, s, f, j, st)
}
