package main

type I interface{ M() int }
type J interface{ M() int }
type T struct{ x int }

func (t *T) M() int { return t.x }

type V struct{ y int }

func (v V) M() int { return v.y }

func f() int {
	a := 0
	if false {
		func() {
			var i I = &T{}
			a += i.M()
		}()
	}
	var b I
	b = &T{}
	a += b.M()
	var c J = &T{}
	var d I = c
	a += d.M()
	var e I = I(J(&T{}))
	a += e.M()
	var g = I(&T{})
	defer g.M()
	h := I(&T{})
	h.M()
	var k interface{ M() int } = V{}
	a += k.M()
	var l I = &V{}
	a += l.M()
	var m, n I = &T{}, V{}
	a += m.M() + n.M()
	var o I = nil
	_ = o
	return a
}

func main() {
	println(f())
}
