package main

import "fmt"

type S struct{ n int }

func (s *S) Get() int { return s.n }
func (s S) Val() int  { return s.n * 10 }

type Getter interface{ Get() int }
type Valer interface{ Val() int }

// A pointer-shaped struct: an interface holds it in its data word.
type Box struct{ p *S }

func (b Box) Get() int { return b.p.n + 1 }

// A pointer-shaped array.
type Arr [1]*S

func (a Arr) Get() int { return a[0].n + 2 }

// Promoted through an embedded pointer, itself pointer-shaped.
type Wrap struct{ *S }

func show(name string, g Getter) { fmt.Println(name, g.Get()) }

func main() {
	s := &S{5}
	show("box", Box{s})
	show("arr", Arr{s})
	show("wrap", Wrap{s})
	var v Valer = Wrap{s}
	fmt.Println("wrap val", v.Val())

	// Struct type literals with embedded fields have method sets too.
	show("literal", struct{ *S }{s})
	show("literal ptr", &struct{ S }{S{7}})
	var lv Valer = struct{ S }{S{8}}
	fmt.Println("literal val", lv.Val())

	// Local types of the same name are distinct types.
	type local struct{ Box }
	var x interface{} = local{Box{s}}
	fmt.Printf("%T %d\n", x, x.(Getter).Get())
	if _, ok := x.(Box); ok {
		fmt.Println("wrong: local is not Box")
	}
	other()
}

func other() {
	type local struct{ Arr }
	var x interface{} = local{Arr{&S{1}}}
	fmt.Printf("%T %d\n", x, x.(Getter).Get())
}
