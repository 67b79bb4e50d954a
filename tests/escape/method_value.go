package main

type T struct{ n int }

func (t T) Get() int    { return t.n }
func (t *T) Set(n int)  { t.n = n }
func (t *T) Ptr() *int { return &t.n }

var sink func() int

func valueMethod() int {
	t := T{1}
	f := t.Get
	return f()
}

func pointerMethod() int {
	t := T{2}
	g := t.Set
	g(3)
	return t.n
}

func escapingValue() {
	t := T{4}
	sink = t.Get
}

func returnedMethod() func(int) {
	t := &T{5}
	return t.Set
}

func leakRecv() *int {
	t := T{6}
	return t.Ptr()
}

func main() {
	println(valueMethod(), pointerMethod(), *leakRecv())
	escapingValue()
	returnedMethod()(1)
}
