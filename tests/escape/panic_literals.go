package main

// Composite literals passed to panic: converted to interface{} where gc
// stands after building them, after their last element that is not constant.

type E struct{ a, b int }

type S struct{ m *int }

func f(n int) {
	panic(&E{n, n})
}

func g() {
	panic(&E{})
}

func h(m *int) {
	panic(&S{m})
}

func k(n int) {
	panic([]int{n, n, 3})
}

func l(n int) {
	panic(E{a: n})
}

func main() {
	f(1)
	g()
	h(nil)
	k(1)
	l(1)
}
