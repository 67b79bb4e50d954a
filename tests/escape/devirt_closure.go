package main

type Shape interface{ Area() int }

type Rect struct{ w, h int }

func (r *Rect) Area() int { return r.w * r.h }

type Wrap struct{ Shape }

func outer() int {
	var s Shape = &Rect{1, 2}
	a := s.Area()
	f := func() int {
		var in Shape = &Rect{3, 4}
		return in.Area() + s.Area()
	}
	return a + f()
}

func partial() int {
	var w Shape = Wrap{&Rect{2, 2}}
	return w.Area()
}

func addr() int {
	var s Shape = &Rect{1, 1}
	p := &s
	_ = p
	return s.Area()
}

func main() {
	println(outer(), partial(), addr())
}
