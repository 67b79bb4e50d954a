package main

type A struct{ x int }
type B struct{ y int }

func main() {
	var a A
	b := B(a)
	println(b.y)
}
