package main

func deep(n int) int {
	var pad [16]int
	pad[n%16] = n
	return deep(n+1) + pad[3]
}

func main() {
	println(deep(0))
}
