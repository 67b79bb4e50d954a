package main

type P struct {
	x, y int
	s    string
}

type W struct {
	p   P
	arr [2]float64
}

func main() {
	a := P{1, 2, "a"}
	b := P{1, 2, "a"}
	println(a == b, a != P{})
	w1, w2 := W{a, [2]float64{1, 2}}, W{b, [2]float64{1, 2}}
	println(w1 == w2)
	var i1, i2 interface{} = a, b
	println(i1 == i2)
	ap, bp := &a, &b
	println(ap == bp, *ap == *bp)
	arr1, arr2 := [3]string{"a"}, [3]string{"a"}
	println(arr1 == arr2)
}
