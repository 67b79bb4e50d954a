package main

import "fmt"

// Constants passed where an interface is expected: each is converted where
// it is written, like a literal; variables share the position before them.

const limit = 7

const (
	red = iota
	green
)

type pair struct{ a, b int }

func show(a, b interface{}) {}

func main() {
	x, y := 1, 2
	p := pair{1, 2}
	fmt.Println(true, limit, (limit), green, false)
	fmt.Println(limit, x)
	fmt.Println(x, limit, y)
	show(limit, p)
	show(p, limit)
	var v interface{} = limit
	fmt.Println(v, limit*2, -limit, int64(limit), len("abc"), 3.5)
}
