package main

func counter() func() int {
	n := 0
	return func() int {
		n++
		return n
	}
}

func apply(xs []int, f func(int) int) []int {
	out := make([]int, 0, len(xs))
	for _, x := range xs {
		out = append(out, f(x))
	}
	return out
}

func main() {
	next := counter()
	next()
	println(next())
	k := 3
	r := apply([]int{1, 2, 3}, func(x int) int { return x * k })
	println(r[2])
	fib := func() func() int {
		a, b := 0, 1
		return func() int {
			a, b = b, a+b
			return a
		}
	}()
	fib()
	println(fib())
}
