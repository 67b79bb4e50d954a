package main

func main() {
	var p *[4]int
	i := 2
	p[i] = 1
	println("unreachable")
}
