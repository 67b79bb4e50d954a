package main

// Deferred calls run newest first, with arguments evaluated at the defer
// statement; deferred closures see and change named results.

func order() {
	for i := 0; i < 3; i++ {
		defer println("loop defer", i)
	}
	x := 10
	defer println("x at defer", x)
	x = 20
	defer func() { println("x in closure", x) }()
	x = 30
}

func double() (r int) {
	defer func() { r *= 2 }()
	r = 5
	return r + 1
}

func named() (a, b int) {
	defer func() {
		a, b = b, a
	}()
	return 1, 2
}

type counter struct{ n int }

func (c *counter) inc() { c.n++ }

func (c counter) show(tag string) { println(tag, c.n) }

func methods() {
	c := &counter{}
	defer c.show("value receiver copied at defer:")
	defer c.inc()
	c.inc()
	println("before return", c.n)
}

func nested(depth int) int {
	if depth == 0 {
		return 0
	}
	defer println("leaving depth", depth)
	return nested(depth-1) + 1
}

func main() {
	order()
	println("double", double())
	a, b := named()
	println("named", a, b)
	methods()
	println("nested", nested(3))
	s := "str"
	defer println("main's last defer", s, len(s))
}
