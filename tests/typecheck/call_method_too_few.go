package main

type P struct{ x int }

func (p P) Move(dx, dy int) P { return P{p.x + dx} }

func main() {
	var p P
	_ = p.Move(1)
}
