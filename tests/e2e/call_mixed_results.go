package main

// Two results of different register classes, some of them unused.

//go:noinline
func F(x int32) (float64, int64) {
	return float64(x) * 1.5, int64(x)
}

//go:noinline
func G(x int64) (int64, float64) {
	return x + 1, float64(x) / 2
}

//go:noinline
func H(x float32) (float32, uint8) {
	return x * 2, uint8(x)
}

func poison(x float64) float64 { return x*1.25 + 3 }

func main() {
	_ = poison(333.3)
	a, b := F(123)
	println(a, b)
	_, e := F(5)
	println(e)
	f, _ := F(6)
	println(f)
	c, d := G(7)
	println(c, d)
	_, g := G(8)
	println(g)
	h, _ := G(9)
	println(h)
	_, k := H(3.5)
	println(k)
}
