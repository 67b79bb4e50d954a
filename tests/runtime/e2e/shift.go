package main

//go:noinline
func d(a, b int) int { return a << b }

func main() { println(d(1, -1)) }
