package main

type T struct {
	a, b int
}

func read(p *T) int { return p.b }

func main() {
	t := &T{1, 2}
	println(read(t))
	var q *T
	println(read(q))
}
