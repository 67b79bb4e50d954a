package main

type pair struct {
	a, b *int
}

var sink *int

func setField() int {
	x := 1
	var p pair
	p.a = &x
	return *p.a
}

func leakField(p pair) {
	sink = p.b
}

func leakPtrField(p *pair) {
	sink = p.a
}

func fieldOfLiteral() *int {
	y := 2
	p := pair{a: &y}
	return p.a
}

func main() {
	println(setField(), *fieldOfLiteral())
	z, w := 3, 4
	leakField(pair{b: &z})
	leakPtrField(&pair{a: &w})
}
