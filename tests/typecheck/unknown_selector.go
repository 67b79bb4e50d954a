package main

type Point struct{ X, Y int }

func main() {
	var p Point
	println(p.Z)
}
