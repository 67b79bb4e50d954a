package main

var sink **int
var sink1 *int

func level1(p **int) *int {
	return *p
}

func level2(p ***int) *int {
	return **p
}

func addrOfAddr() {
	x := 1
	p := &x
	sink = &p
}

func derefStore(pp **int) {
	sink1 = *pp
}

func main() {
	a := 1
	pa := &a
	ppa := &pa
	println(*level1(&pa), *level2(&ppa))
	addrOfAddr()
	b := 2
	pb := &b
	derefStore(&pb)
}
