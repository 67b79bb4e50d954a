package main

type T struct{ x, y int }

//go:noinline
func get(p *T) int { return p.x }

func main() {
	var p *T
	println(get(p))
}
