package main

type small [16]int
type large [17]int

func smallCapture() func() int {
	var a small
	a[0] = 1
	return func() int { return a[0] }
}

func largeCapture() func() int {
	var b large
	b[0] = 2
	return func() int { return b[0] }
}

func largeLocal() int {
	var c large
	c[1] = 3
	f := func() int { return c[1] }
	return f()
}

func main() {
	println(smallCapture()(), largeCapture()(), largeLocal())
}
