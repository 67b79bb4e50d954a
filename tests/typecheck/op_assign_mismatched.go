package main

func main() {
	x := 1
	x += "a"
	var f float64
	f -= "b"
	x *= f
	var p *int
	p += 1
	_, _ = x, p
}
