package main

type T struct {
	n int
	p *int
}

var sink *T

func (t *T) get() int      { return t.n }
func (t *T) self() *T      { return t }
func (t *T) keep()         { sink = t }
func (t T) value() int     { return t.n }
func (t T) field() *int    { return t.p }
func (t *T) inner() *int   { return t.p }

func main() {
	a := T{n: 1}
	println(a.get(), a.self().n, a.value())
	b := T{n: 2}
	b.keep()
	x := 3
	c := T{p: &x}
	println(*c.field())
	y := 4
	d := &T{p: &y}
	println(*d.inner())
}
