package main

func main() {
	x := 5
	y := x.(int)
	println(y)
}
