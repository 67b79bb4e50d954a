package main

var sink []*int

func sum(xs ...int) int {
	t := 0
	for _, x := range xs {
		t += x
	}
	return t
}

func keep(ps ...*int) {
	sink = ps
}

func first(ps ...*int) *int {
	return ps[0]
}

func main() {
	println(sum(1, 2, 3), sum())
	a, b := 1, 2
	keep(&a, &b)
	c := 3
	println(*first(&c))
}
