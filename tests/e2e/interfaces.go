package main

// Dynamic dispatch, type switches, assertions with comma-ok, interface
// comparison and nil interfaces.

type Shape interface {
	Area() int
	Name() string
}

type Rect struct{ W, H int }
type Square struct{ S int }
type Circle struct{ R int }

func (r Rect) Area() int     { return r.W * r.H }
func (r Rect) Name() string  { return "rect" }
func (s *Square) Area() int  { return s.S * s.S }
func (s *Square) Name() string { return "square" }
func (c Circle) Area() int   { return 3 * c.R * c.R }
func (c Circle) Name() string { return "circle" }

type Namer interface{ Name() string }

type Celsius float64
type ID int

func describe(x interface{}) string {
	switch v := x.(type) {
	case nil:
		return "nil"
	case int:
		if v > 10 {
			return "big int"
		}
		return "int"
	case string:
		return "string " + v
	case bool, float64:
		return "bool or float64"
	case Celsius:
		return "celsius"
	case Shape:
		return "shape " + v.Name()
	case error:
		return "error"
	default:
		return "other"
	}
}

func total(shapes []Shape) int {
	t := 0
	for _, s := range shapes {
		t += s.Area()
	}
	return t
}

func main() {
	shapes := []Shape{Rect{2, 3}, &Square{4}, Circle{1}}
	for _, s := range shapes {
		println(s.Name(), s.Area())
	}
	println("total", total(shapes))

	var n Namer = shapes[1]
	println(n.Name())
	if sh, ok := n.(Shape); ok {
		println("namer is a shape", sh.Area())
	}
	if _, ok := n.(Rect); !ok {
		println("not a Rect")
	}
	r, ok := shapes[0].(Rect)
	println(r.W, r.H, ok)

	println(describe(nil), describe(3), describe(42), describe("s"))
	println(describe(true), describe(1.5), describe(Celsius(3)), describe(Rect{}))
	println(describe(ID(1)), describe([]int{1}))

	var a, b interface{}
	println(a == nil, a == b)
	a, b = 1, 1
	println(a == b)
	b = ID(1)
	println(a == b)
	a = "x"
	b = "x"
	println(a == b, a != b)
	var s1, s2 Shape = Rect{1, 2}, Rect{1, 2}
	println(s1 == s2)
	s2 = Circle{1}
	println(s1 == s2)
	sq := &Square{1}
	s1, s2 = sq, sq
	println(s1 == s2)
	var sn Shape
	println(sn == nil)
	var sp *Square
	sn = sp
	println(sn == nil, sn != nil)

	var e interface{} = Rect{5, 5}
	if sh, ok := e.(Shape); ok {
		println("e is a shape", sh.Area())
	}
	_, ok = e.(Namer)
	println(ok)
	_, ok = e.(error)
	println(ok)
}
