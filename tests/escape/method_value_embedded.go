package main

// Method values of promoted methods print the embedded fields they are
// reached through, as gc spells the selector it builds.

type Inner struct{ v int }

func (i *Inner) Inc() { i.v++ }

func (i Inner) Get() int { return i.v }

type Middle struct{ Inner }

type Outer struct {
	Middle
	name string
}

type ByPtr struct{ *Inner }

type Getter interface{ Get() int }

type Holder struct{ Getter }

func (o *Outer) Own() int { return len(o.name) }

var keep func()

func use(o Outer, b ByPtr, h Holder) int {
	f := o.Inc
	f()
	g := o.Get
	keep = b.Inc
	own := o.Own
	hg := h.Get
	return g() + own() + hg()
}

func main() {
	println(use(Outer{}, ByPtr{&Inner{}}, Holder{Inner{}}))
}
