package main

func sum(xs ...int) int { return len(xs) }

func main() {
	ys := []int{1}
	println(sum(0, ys...))
}
