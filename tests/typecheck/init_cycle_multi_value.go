package main

var (
	a, b = f()
	c    = b
)

var x, y, z = g()

func f() (int, int) {
	return c, c
}

func g() (int, int, int) { return 1, z, 2 }

func main() {}
