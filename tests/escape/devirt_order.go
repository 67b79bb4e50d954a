package main

type I interface{ M() int }
type T struct{ x int }

func (t *T) M() int { return t.x }

var gf = func() int {
	var i I = &T{}
	return i.M()
}

func f() int {
	var w I = &T{}
	a := w.M()
	func() {
		var i I = &T{}
		a += i.M()
		func() {
			var i I = &T{}
			a += i.M()
		}()
		var j I = &T{}
		a += j.M()
	}()
	var v I = &T{}
	a += v.M()
	func() {
		var i I = &T{}
		a += i.M()
	}()
	return a
}

func (t *T) N() int {
	var i I = t
	return i.M()
}

func main() {
	println(f(), gf())
	var z I = new(T)
	println(z.M())
}
