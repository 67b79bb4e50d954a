package main

type Grid [3][3]int

func fill(g Grid) Grid {
	for i := 0; i < 3; i++ {
		for j := 0; j < 3; j++ {
			g[i][j] = i*3 + j
		}
	}
	return g
}

func main() {
	var g Grid
	h := fill(g)
	println(g[1][1], h[1][1], h[2][2])
	a := [5]int{1, 2, 3}
	b := a
	b[0] = 100
	println(a[0], b[0], a == b, len(a))
	b[0] = 1
	println(a == b)
	c := [...]string{2: "two", 0: "zero"}
	println(len(c), c[0], c[1] == "", c[2])
	var total int
	for i, v := range a {
		total += i * v
	}
	println(total)
	pa := &a
	pa[4] = 5
	for i := range pa {
		print(pa[i], " ")
	}
	println()
	var bytes [256]byte
	for i := range bytes {
		bytes[i] = byte(i)
	}
	println(bytes[255], bytes[128])
	var zero [0]int
	println(len(zero))
}
