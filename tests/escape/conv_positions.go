package main

import "fmt"

// Where gc converts values to interfaces: append converts its arguments
// after building all of them, a declared value or panic's argument at a
// call's own position, and explanations print a variadic call as written
// until the walk reaches it.

type T struct{ a, b int }

type E struct{ msg string }

var sink []interface{}

func name(s string) string { return s }

func appends(n int, t *T, s []int) {
	sink = append(sink, T{n, 1})
	sink = append(sink, t.a)
	sink = append(sink, s[n])
	sink = append(sink, n+1)
	sink = append(sink, n, n)
	sink = append(sink, &T{a: n})
}

var global interface{}

func declared(s string) {
	var i interface{} = name(s)
	global = i
}

func panics(n int) {
	if n > 2 {
		panic(&E{msg: "x"})
	}
	panic(fmt.Sprintf("bad %d", n))
}

func main() {
	appends(0, nil, nil)
	declared("")
	panics(1)
}
