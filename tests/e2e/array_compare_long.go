package main

// == on arrays longer than 16 elements, of several element types.

type P struct {
	s string
	f float64
}

func main() {
	var a, b [20]int
	println(a == b)
	b[19] = 1
	println(a == b, a != b)
	x := [17]string{16: "end"}
	y := [17]string{16: "en" + "d"}
	println(x == y)
	y[0] = "start"
	println(x == y)
	var nan float64
	nan = nan / nan
	u := [32]P{3: {"q", 1.5}}
	v := u
	println(u == v)
	v[31].f = nan
	u[31].f = nan
	println(u == v)
	var big1, big2 [1000]byte
	big2[999] = 'z'
	println(big1 == big2, big1[:999] == nil)
	var ia, ib [18]interface{}
	ia[5], ib[5] = 1, 1
	println(ia == ib)
}
