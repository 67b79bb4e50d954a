package main

type I interface {
	F1(i int) (i int)
	F2(i, i int)
	F3(_, _ int) (_ int)
}

type T1 func(i, i int)
type T2 func(i int) (i int)

var f = func(fn func(a, b, a string)) {}

func main() {
	var g func(x int) (x, y int)
	_ = g
}
