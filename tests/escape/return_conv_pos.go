package main

// Results converted to an interface: at the result itself when it has a
// position of its own (a selector, an index, a call, an operation).

type T struct{ s string }

func sel(t *T) interface{} {
	return t.s
}

func idx(a []string, i int) interface{} {
	return a[i]
}

func call(f func() string) interface{} {
	return f()
}

func two(s string, e error) (interface{}, error) {
	return s + "x", e
}

func main() {
	sel(nil)
	idx(nil, 0)
	call(nil)
	two("", nil)
}
