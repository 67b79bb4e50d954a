package main

type node struct {
	val  int
	next *node
}

func identity(p *int) *int {
	return p
}

func deref(p *int) int {
	return *p
}

func contents(pp **int) *int {
	return *pp
}

var sink *int

func store(p *int) {
	sink = p
}

func storeContent(n *node) {
	sink = &n.next.val
}

func twoResults(a, b *int) (*int, *int) {
	return b, a
}

func main() {
	x, y := 1, 2
	println(*identity(&x), deref(&y))
	p := &x
	println(*contents(&p))
	z := 5
	store(&z)
	storeContent(&node{})
	r1, r2 := twoResults(&x, &y)
	println(*r1 + *r2)
}
