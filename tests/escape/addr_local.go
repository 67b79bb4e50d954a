package main

type point struct{ x, y int }

func stays() int {
	x := 1
	p := &x
	*p = 2
	return x
}

func leaks() *int {
	x := 1
	return &x
}

func leaksStruct() *point {
	p := point{1, 2}
	return &p
}

var global *int

func toGlobal() {
	y := 3
	global = &y
}

func fieldAddr() *int {
	p := point{3, 4}
	return &p.y
}

func main() {
	println(stays(), *leaks(), leaksStruct().x, *fieldAddr())
	toGlobal()
}
