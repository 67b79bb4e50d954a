package main

// A concrete value compared with an interface, on either side.

func eq(args ...interface{}) bool {
	x := true
	return x == args[0]
}

type S struct{ a, b int }

func main() {
	println(eq("x" == "x" && "y" == "y"), eq(false), eq(1))
	var i interface{} = 3
	n := 3
	println(n == i, i == n, n != i)
	var e error
	var p *int
	println(e == nil, p == nil)
	var si interface{} = S{1, 2}
	println(S{1, 2} == si, si == S{2, 1})
}
