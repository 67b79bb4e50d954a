package main

type T struct{ x int }

func main() {
	var t T
	t.x, y := 1, 2
	println(y)
}
