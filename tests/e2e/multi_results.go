package main

func divmod(a, b int) (int, int) { return a / b, a % b }

func swap(a, b string) (string, string) { return b, a }

func three() (int, float64, string) { return 1, 2.5, "three" }

type Big struct{ a, b, c, d int }

func mkbig(x int) Big { return Big{x, x + 1, x + 2, x + 3} }

func pair() (Big, bool) { return mkbig(10), true }

func slice3() ([]int, int) { return []int{4, 5, 6}, 3 }

func fl() (float64, float64) { return 0.25, -8 }

func mixed() (int, float64) { return 7, 3.5 }

func many(a, b, c, d, e, f, g, h, i int, x, y, z float64, s string) (int, float64) {
	return a + b + c + d + e + f + g + h + i + len(s), x*y + z
}

func manyf(a, b, c, d, e, f, g, h, i, j float64, k int32) float64 {
	return a + b + c + d + e + f + g + h + i + j + float64(k)
}

func main() {
	q, r := divmod(17, 5)
	println(q, r)
	x, y := swap("a", "b")
	println(x, y)
	a, b, c := three()
	println(a, b, c)
	big := mkbig(5)
	println(big.a, big.d)
	bg, ok := pair()
	println(bg.c, ok)
	s, n := slice3()
	println(len(s), s[2], n)
	f1, f2 := fl()
	println(f1, f2)
	i, g := mixed()
	println(i, g)
	println(many(1, 2, 3, 4, 5, 6, 7, 8, 9, 1.5, 2, 0.25, "four"))
	println(manyf(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, -55))
	_, r2 := divmod(100, 7)
	println(r2)
}
