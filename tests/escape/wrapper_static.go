package main

type I interface{ M() *int }

type A struct{ p *int; x int }

func (a A) M() *int { return a.p }

type B struct{ p *int; x int }

func (b B) M() *int { return b.p }

type Z struct{ p *int; x int }

func (z Z) M() *int { return z.p }

var s I = Z{}

func h() I {
	type L struct{ p *int; x int }
	return nil
}

func main() {
	var e interface{} = struct{ B }{}
	println(e, h())
	f := func() {
		var i I = A{}
		println(i)
	}
	f()
}
