package main

type Point struct{ X, Y int }

func main() {
	p := Point{1}
	println(p.X)
}
