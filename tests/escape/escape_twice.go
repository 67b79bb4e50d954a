package main

// A value whose address reaches the heap along several paths: gc explains
// each path with -m=2, not only the first.

var s1, s2 *int

type node struct{ next *node }

var head *node

func twice() {
	x := 1
	s1 = &x
	s2 = &x
}

func matrix(r, c int) [][]int {
	m := make([][]int, r)
	m[0] = make([]int, c)
	return m
}

func push(n int) {
	a := node{}
	b := &a
	head = b
	head.next = &a
	for i := 0; i < n; i++ {
		s1 = new(int)
	}
}

func main() {
	twice()
	println(len(matrix(2, 3)))
	push(2)
}
