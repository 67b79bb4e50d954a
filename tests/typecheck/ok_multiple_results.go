package main

func divmod(a, b int) (q, r int) {
	q = a / b
	r = a % b
	return
}

func swap(a, b string) (string, string) { return b, a }

func pass() (int, int) { return divmod(7, 2) }

func sum2(a, b int) int { return a + b }

func main() {
	q, r := divmod(7, 2)
	x, y := swap("a", "b")
	println(q, r, x, y, sum2(pass()))
	var m = map[int]int{}
	v, ok := m[1]
	q, s := 1, 2
	_, _ = v, ok
	println(q, s)
	a, b := 1, 2
	a, b = b, a
	println(a, b)
}
