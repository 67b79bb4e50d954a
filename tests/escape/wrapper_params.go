package main

type I interface {
	M(*int, []byte) *int
}

type J interface {
	I
	K(p *int) (r *int)
}

type A struct{ p *int; x int }

func (a A) M(*int, []byte) *int  { return a.p }
func (a A) K(p *int) (r *int)     { return a.p }

type B struct{ p *int; x int }

func (b B) M(q *int, _ []byte) *int { return q }
func (b B) K(p *int) (r *int)     { return p }

type C struct{ p *int; x int }

func (c C) M(q *int, _ []byte) *int { return c.p }

func f() {
	var j J = B{}
	println(j)
}

func g() {
	var i I = A{}
	println(i)
	var j J = A{}
	println(j)
}

func main() {
	f()
	g()
}
