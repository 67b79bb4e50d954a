package main

func sum(xs ...int) int { return len(xs) }

func main() {
	ys := []string{"a"}
	println(sum(ys...))
}
