package main

import "unsafe"

type T struct{ a, b int }

func size() uintptr {
	var t T
	return unsafe.Sizeof(t)
}

func cast(p *T) *int {
	return (*int)(unsafe.Pointer(p))
}

func roundTrip() int {
	x := 1
	up := unsafe.Pointer(&x)
	return *(*int)(up)
}

func main() {
	t := T{1, 2}
	println(size(), *cast(&t), roundTrip())
}
