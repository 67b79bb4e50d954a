package main

type T struct{ p *int }

var g T
var gp *T
var gs []*int

func toField() {
	x := 1
	g.p = &x
}

func toPtr() {
	gp = &T{}
}

func toSlice() {
	y := 2
	gs[0] = &y
}

func fromGlobal() *int {
	return g.p
}

func main() {
	gs = make([]*int, 1)
	toField()
	toPtr()
	toSlice()
	println(fromGlobal() != nil)
}
