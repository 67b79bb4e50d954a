package main

// Closures capture variables, not values: each iteration of a for
// statement has one variable (Go 1.19); a copy made in the body is new
// each time.

func counter() (func() int, func()) {
	n := 0
	return func() int { n++; return n }, func() { n = 100 }
}

func main() {
	var fs []func() int
	for i := 0; i < 3; i++ {
		fs = append(fs, func() int { return i })
	}
	for _, f := range fs {
		print(f(), " ")
	}
	println()

	var gs []func() int
	for i := 0; i < 3; i++ {
		j := i
		gs = append(gs, func() int { return j * 10 })
	}
	for _, g := range gs {
		print(g(), " ")
	}
	println()

	var hs []func() string
	for _, s := range []string{"a", "b", "c"} {
		s := s
		hs = append(hs, func() string { return s })
	}
	for _, h := range hs {
		print(h())
	}
	println()

	next, reset := counter()
	println(next(), next(), next())
	reset()
	println(next())

	acc := 0
	add := func(k int) { acc += k }
	for k := 1; k <= 4; k++ {
		add(k)
	}
	println(acc)

	fib := func() func() int {
		a, b := 0, 1
		return func() int {
			r := a
			a, b = b, a+b
			return r
		}
	}()
	for i := 0; i < 8; i++ {
		print(fib(), " ")
	}
	println()
}
