package main

type Shape interface {
	Area() int
}

type Namer interface {
	Name() string
}

type ShapeNamer interface {
	Shape
	Name() string
}

type Rect struct{ W, H int }

func (r Rect) Area() int    { return r.W * r.H }
func (r Rect) Name() string { return "rect" }

type Sq int

func (s *Sq) Area() int { return int(*s) * int(*s) }

type F func() int

func (f F) Area() int { return f() }

type S string

func describe(x interface{}) string {
	switch v := x.(type) {
	case nil:
		return "nil"
	case int:
		if v > 10 {
			return "big int"
		}
		return "int"
	case string, S:
		return "stringish"
	case ShapeNamer:
		return "shape+name " + v.Name()
	case Shape:
		return "shape"
	case []int:
		return "ints"
	default:
		return "other"
	}
}

func main() {
	var s Shape = Rect{2, 3}
	println(s.Area())
	n, ok := s.(Namer)
	println(ok, n.Name())
	sn := s.(ShapeNamer)
	println(sn.Area(), sn.Name())

	q := Sq(4)
	var s2 Shape = &q
	_, ok = s2.(Namer)
	println(s2.Area(), ok)

	var s3 Shape = F(func() int { return 42 })
	println(s3.Area())

	var e interface{} = s
	if sh, ok := e.(Shape); ok {
		println("shape", sh.Area())
	}
	r, ok := e.(Rect)
	println(r.W, r.H, ok)
	_, ok = e.(*Rect)
	println(ok)

	println(describe(nil), describe(3), describe(30), describe("x"), describe(S("y")))
	println(describe(Rect{}), describe(&q), describe([]int{}), describe(2.5))

	var a, b interface{} = 3, 3
	println(a == b, a != b)
	b = int64(3)
	println(a == b)
	a, b = "hi", "h"+"i"
	println(a == b)
	a, b = Rect{1, 2}, Rect{1, 2}
	println(a == b)
	b = Rect{2, 1}
	println(a == b)
	a, b = &q, &q
	println(a == b)
	var x, y Shape = Rect{1, 1}, Rect{1, 1}
	println(x == y)
	y = &q
	println(x == y)
	var nilShape Shape
	println(nilShape == nil, x != nil)
	var ns Namer = Rect{}
	var fromNamer Shape = ns.(Shape)
	println(fromNamer.Area())
	var any1 interface{} = ns
	println(any1 == interface{}(Rect{}))
	nan := 0.0
	nan = nan / nan
	a, b = nan, nan
	println(a == b)
}
