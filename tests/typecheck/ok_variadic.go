package main

import "fmt"

func sum(base int, xs ...int) int {
	for _, x := range xs {
		base += x
	}
	return base
}

func show(args ...interface{}) {
	fmt.Println(args...)
}

func main() {
	println(sum(1), sum(1, 2, 3))
	xs := []int{4, 5}
	println(sum(0, xs...))
	show("a", 1, 2.5, nil)
	b := append([]byte("ab"), "cd"...)
	b = append(b, 'e')
	println(string(b))
	n := copy(b, "zz")
	println(n)
}
