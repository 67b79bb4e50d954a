package main

var sink []int

func local() int {
	s := []int{1, 2, 3}
	return s[0] + len(s)
}

func returned() []int {
	return []int{4, 5}
}

func stored() {
	sink = []int{6}
}

func pointers() int {
	a, b := 1, 2
	ps := []*int{&a, &b}
	return *ps[0] + *ps[1]
}

func leakedPointers() []*int {
	c := 3
	return []*int{&c}
}

func main() {
	println(local(), len(returned()), pointers(), *leakedPointers()[0])
	stored()
}
