package main

type Shape interface {
	Area() float64
	Perimeter() float64
}

type Named interface {
	Name() string
}

type NamedShape interface {
	Shape
	Named
}

type Rect struct{ w, h float64 }

func (r Rect) Area() float64      { return r.w * r.h }
func (r Rect) Perimeter() float64 { return 2 * (r.w + r.h) }
func (r Rect) Name() string       { return "rect" }

type Circle struct{ r float64 }

func (c *Circle) Area() float64      { return 3 * c.r * c.r }
func (c *Circle) Perimeter() float64 { return 6 * c.r }

func total(shapes ...Shape) float64 {
	sum := 0.0
	for _, s := range shapes {
		sum += s.Area()
	}
	return sum
}

func main() {
	var ns NamedShape = Rect{2, 3}
	var s Shape = ns
	println(total(s, &Circle{1}), ns.Name())
	var e interface{} = s
	if _, ok := e.(Named); ok {
		println("named")
	}
	var x, y interface{} = 1, 1
	println(x == y, s != nil)
}
