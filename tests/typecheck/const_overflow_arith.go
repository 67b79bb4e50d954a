package main

const big = 1 << 62

func main() {
	var x int64 = big * 4
	println(x)
}
