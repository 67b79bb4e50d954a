package main

func counter() func() int {
	n := 0
	return func() int {
		n++
		return n
	}
}

func apply(f func(int) int, x int) int { return f(x) }

func compose(f, g func(int) int) func(int) int {
	return func(x int) int { return f(g(x)) }
}

func main() {
	c := counter()
	c()
	c()
	println(c())
	d := counter()
	println(d(), c())
	k := 3
	add := func(x int) int { return x + k }
	k = 10
	println(apply(add, 1))
	double := func(x int) int { return 2 * x }
	println(compose(add, double)(5), compose(double, add)(5))
	var fs []func() int
	for i := 0; i < 3; i++ {
		j := i
		fs = append(fs, func() int { return j * j })
	}
	for _, f := range fs {
		print(f(), " ")
	}
	println()
	sum := 0
	each := func(f func(int)) {
		for i := 1; i <= 4; i++ {
			f(i)
		}
	}
	each(func(v int) { sum += v })
	println(sum)
	var fib func(int) int
	fib = func(n int) int {
		if n < 2 {
			return n
		}
		return fib(n-1) + fib(n-2)
	}
	println(fib(20))
	s := "cap"
	f := func() string { return s + "tured" }
	println(f())
}
