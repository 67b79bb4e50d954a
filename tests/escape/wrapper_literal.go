package main

type S struct{ p *int }

func (s S) m1(*int) *int { return s.p }

type T struct{ q *int }

func (t T) get() *int { return t.q }

type U struct{ r, s *int }

func (u U) get() *int { return u.s }

func main() {
	f := interface{ m1(*int) *int }.m1
	x := 1
	println(f(S{}, &x))
	var g interface{ get() *int } = T{}
	println(g.get())
	switch v := g.(type) {
	case U:
		println(v.r)
	case T:
		println(v.q)
	}
	ch := make(chan interface{ m1(p *int) *int }, 1)
	println(ch)
}
