package main

func f(n int) int {
	if n == -1 {
		return 0
	}
	return f(n+1) + 1
}

func main() {
	println(f(0))
}
