package main

func main() {
	x := 1
	n := -3
	println(x << n)
}
