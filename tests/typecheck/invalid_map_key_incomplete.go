package main

type T *struct {
	T
}

type P *int

type S struct {
	Q
	*I
	U
}

type Q P
type I interface{ M() }
type U struct {
	m map[V]int
	n map[W]int
}
type V struct{ f []int }
type W [2]func()

func main() {
	type L struct {
		m map[L]bool
	}
	var s S
	_ = s
}
