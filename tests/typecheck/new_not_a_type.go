package main

import "unsafe"

func f() int { return 1 }

func main() {
	_ = new(1)
	_ = new(f())
	_ = new("a" + 1)
	var x int
	_ = new(x + 1)
	_ = new(func() {})
	_ = new(print)
	_ = new(unsafe.Sizeof)
	var t len
	_ = t
}

func g() {
	_ = new([]int{1}[0])
}
