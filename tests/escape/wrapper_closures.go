package main

type I interface{ M() *int }

type A struct{ p *int; x int }

func (a A) M() *int { return a.p }

type B struct{ p *int; x int }

func (b B) M() *int { return b.p }

type C struct{ p *int; x int }

func (c C) M() *int { return c.p }

type D struct{ p *int; x int }

func (d D) M() *int { return d.p }

func main() {
	n := 0
	f := func() {
		var i I = A{}
		println(i)
	}
	g := func() {
		var i I = B{}
		println(i, n)
		func() {
			var i I = D{}
			println(i, n)
		}()
	}
	var i I = C{}
	println(i)
	f()
	g()
}
