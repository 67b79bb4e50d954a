package main

//go:noinline
func g(s []int, i int) int { return s[i] }

func main() {
	s := []int{1, 2, 3}
	println(g(s, 5))
}
