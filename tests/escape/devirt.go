package main

type Shape interface{ Area() int }

type Rect struct{ w, h int }

func (r *Rect) Area() int { return r.w * r.h }

type Square int

func (s Square) Area() int { return int(s) * int(s) }

func direct() int {
	var s Shape = &Rect{2, 3}
	return s.Area()
}

func explicit() int {
	s := Shape(Square(4))
	return s.Area()
}

func chained() int {
	r := &Rect{1, 1}
	var s Shape = r
	t := s
	return t.Area()
}

func reassigned() int {
	s := Shape(&Rect{1, 2})
	s = Square(3)
	return s.Area()
}

func param(s Shape) int {
	return s.Area()
}

func inline() int {
	return Shape(&Rect{5, 5}).Area()
}

func main() {
	println(direct(), explicit(), chained(), reassigned(), param(Square(2)), inline())
}
