package main

type Point struct{ X, Y int }

func (p Point) Add(q Point) Point { return Point{p.X + q.X, p.Y + q.Y} }
func (p *Point) Scale(k int)      { p.X *= k; p.Y *= k }

func main() {
	p := Point{1, 2}
	add := p.Add
	scale := p.Scale
	scale(3)
	println(add(Point{1, 1}).X, p.X)
	f := Point.Add
	g := (*Point).Scale
	h := (*Point).Add
	g(&p, 2)
	println(f(p, p).Y, h(&p, p).X)
	var fn func(Point, Point) Point = Point.Add
	_ = fn
}
