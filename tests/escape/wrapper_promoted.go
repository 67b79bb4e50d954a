package main

type I interface {
	M(p *int) *int
	N(a, b []byte, s ...string) (x *int, y []byte)
}

type T struct{ p *int }

func (t T) M(p *int) *int { return t.p }
func (t T) N(a, b []byte, s ...string) (*int, []byte) { return t.p, a }

type E struct{ q *int }

func (e *E) M(p *int) *int { return e.q }
func (e E) N(a, b []byte, s ...string) (*int, []byte) { return nil, b }

type W struct {
	*E
	z int
}

type V struct {
	E
}

func main() {
	var i I = T{}
	println(i)
	var j I = W{}
	println(j)
	var k I = &V{}
	println(k)
}
