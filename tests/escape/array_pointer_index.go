package main

// Indexing through a pointer to an array: the implicit *p of p[i].

func a(g *[3]*int, i int) *int {
	return g[i]
}

func b(g *[3]*int, i int) *int {
	return g[i+1]
}

func c(g *[3]*int) *int {
	return g[0]
}

func d(g *[3]*int, i int) *int {
	return (g)[  i]
}

func e(g *[3]int, i int) *int {
	return &g[i]
}

func main() {
	var g [3]*int
	println(a(&g, 0), b(&g, 0), c(&g), d(&g, 0))
	var h [3]int
	println(e(&h, 1))
}
