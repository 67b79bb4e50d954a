package main

//go:noescape
func keep(p *int) int

func use(p *int) int

//go:noinline
func plain(p *int) int {
	return *p
}

func main() {
	x, y, z := 1, 2, 3
	println(keep(&x), use(&y), plain(&z))
}
