package main

var a = b + 1
var b = f()
var c, d = 3, "dee"
var total int
var table [4]int
var names = []string{"x", "y"}

type T struct{ n int }

var gt = T{n: 9}
var gp = &T{n: 11}

func f() int {
	println("f called")
	return 41
}

func init() {
	println("init 1", a, b)
	total = a + b
}

func init() {
	println("init 2", total)
	table[2] = total
}

func bump() { total++ }

func main() {
	bump()
	bump()
	println(total, table[2], c, d, len(names), names[1], gt.n, gp.n)
	gp.n++
	gt.n--
	println(gp.n, gt.n)
}
