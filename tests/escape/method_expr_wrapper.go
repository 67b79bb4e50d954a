package main

// (*T).M for a method M with a value receiver is a wrapper gc generates
// and analyzes later: a call to it is a call to an unknown function.

type Vec struct{ X int }

func (v Vec) Len2() int { return v.X * v.X }

func (v *Vec) Scale(k int) { v.X *= k }

func direct() int {
	a := Vec{1}
	return (*Vec).Len2(&a)
}

func viaVar() int {
	c := Vec{2}
	l := (*Vec).Len2
	s := (*Vec).Scale
	s(&c, 2)
	return l(&c)
}

func byValue() int {
	d := Vec{3}
	return Vec.Len2(d)
}

func main() {
	println(direct(), viaVar(), byValue())
}
