package main

func add(a, b int) int { return a + b }
func mul(a, b int) int { return a * b }

type op func(int, int) int

func fold(f op, init int, xs []int) int {
	acc := init
	for _, x := range xs {
		acc = f(acc, x)
	}
	return acc
}

func pick(name string) func(int, int) int {
	if name == "add" {
		return add
	}
	if name == "mul" {
		return mul
	}
	return nil
}

func main() {
	xs := []int{1, 2, 3, 4, 5}
	println(fold(add, 0, xs), fold(mul, 1, xs))
	f := pick("mul")
	println(f(6, 7), pick("nope") == nil, f != nil)
	table := [2]op{add, mul}
	for _, g := range table {
		print(g(3, 4), " ")
	}
	println()
	var h func(int, int) int
	println(h == nil)
	h = func(a, b int) int { return a - b }
	println(h(10, 3))
}
