package main

var sink *[3]int

func value() int {
	a := [3]int{1, 2, 3}
	return a[1]
}

func addressed() *[3]int {
	a := [3]int{4, 5, 6}
	return &a
}

func literalAddr() {
	sink = &[3]int{7, 8, 9}
}

func ptrs() [2]*int {
	x, y := 1, 2
	return [2]*int{&x, &y}
}

func main() {
	println(value(), addressed()[0], *ptrs()[1])
	literalAddr()
}
