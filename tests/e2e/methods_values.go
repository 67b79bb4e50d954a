package main

// Method values bind their receiver when evaluated; method expressions
// take it as the first argument; promoted methods come through embedding.

type Point struct{ X, Y int }

func (p Point) Sum() int       { return p.X + p.Y }
func (p *Point) Move(dx int)   { p.X += dx }
func (p Point) Scaled(k int) Point { return Point{p.X * k, p.Y * k} }

type Named struct {
	Point
	Name string
}

type Outer struct {
	*Named
	Level int
}

func apply(f func() int) int { return f() }

func main() {
	p := Point{1, 2}
	sum := p.Sum // receiver copied now
	p.X = 100
	println(sum(), p.Sum())

	move := p.Move // receiver is &p
	move(5)
	move(5)
	println(p.X)

	f := Point.Sum
	g := (*Point).Move
	g(&p, -110)
	println(f(p), f(Point{3, 4}))
	println(Point.Scaled(p, 3).Sum())

	n := Named{Point{7, 8}, "n"}
	println(n.Sum(), n.X, n.Name)
	n.Move(1)
	println(n.Point.X)
	ns := n.Sum
	n.Y = 0
	println(ns(), apply(n.Sum))

	o := Outer{&n, 2}
	o.Move(10)
	println(o.X, n.X, o.Sum(), o.Level)
	om := o.Move
	om(1)
	println(n.X)

	fs := []func() int{p.Sum, n.Sum, o.Sum}
	for i, h := range fs {
		println(i, h())
	}
}
