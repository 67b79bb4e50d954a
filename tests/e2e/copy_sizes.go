package main

type B3 [3]byte
type B5 [5]byte
type S12 struct {
	a int32
	b int64
}
type S20 struct {
	a, b int64
	c    int32
}
type Big struct {
	xs [100]int
	n  int8
}

func mod3(b B3) B3    { b[1]++; return b }
func mod5(b B5) B5    { b[4] += 2; return b }
func mod12(s S12) S12 { s.a--; return s }
func mod20(s S20) S20 { s.c *= 3; return s }
func modBig(b Big) Big {
	b.xs[99] = 7
	b.n = -1
	return b
}

func main() {
	b3 := B3{1, 2, 3}
	c3 := mod3(b3)
	println(b3[1], c3[1], b3 == c3)
	b5 := B5{1, 2, 3, 4, 5}
	c5 := mod5(b5)
	println(b5[4], c5[4], c5[0])
	s12 := S12{10, 20}
	t12 := mod12(s12)
	println(s12.a, t12.a, t12.b)
	s20 := S20{1, 2, 3}
	t20 := mod20(s20)
	println(s20.c, t20.c, t20.a+t20.b)
	var big Big
	for i := range big.xs {
		big.xs[i] = i
	}
	other := modBig(big)
	println(big.xs[99], other.xs[99], other.xs[50], big.n, other.n)
	var arr [1000]int
	arr[999] = 5
	cp := arr
	cp[0] = 1
	println(arr[0], cp[0], cp[999])
	var zero [1000]int
	arr = zero
	println(arr[999])
}
