package main

type Point struct {
	X, Y int
}

type Rect struct {
	Min, Max Point
	Name     string
}

type Small struct {
	a int8
	b int64
	c int16
	d bool
}

func area(r Rect) int {
	return (r.Max.X - r.Min.X) * (r.Max.Y - r.Min.Y)
}

func grow(r Rect, d int) Rect {
	r.Min.X -= d
	r.Min.Y -= d
	r.Max.X += d
	r.Max.Y += d
	r.Name += "+"
	return r
}

func main() {
	r := Rect{Point{1, 2}, Point{4, 6}, "r"}
	println(area(r), r.Name)
	g := grow(r, 1)
	println(area(g), area(r), g.Name, g.Min.X, r.Min.X)
	p := Point{Y: 5}
	q := p
	q.X = 3
	println(p.X, p.Y, q.X, q == p, q != p, p == Point{0, 5})
	var s Small
	s.a = -1
	s.b = 1 << 40
	s.c = -300
	s.d = true
	t := s
	println(t.a, t.b, t.c, t.d, s == t)
	anon := struct {
		name string
		age  int
	}{"ann", 30}
	println(anon.name, anon.age)
	pts := []Point{{1, 1}, {2, 4}, {3, 9}}
	for _, pt := range pts {
		print(pt.X*pt.Y, " ")
	}
	println()
	pts[1].Y = 40
	println(pts[1].Y)
}
