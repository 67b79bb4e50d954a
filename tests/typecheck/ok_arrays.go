package main

func sumGrid(g [3][4]int) int {
	t := 0
	for _, row := range g {
		for _, v := range row {
			t += v
		}
	}
	return t
}

func main() {
	var g [3][4]int
	for i := range g {
		for j := range g[i] {
			g[i][j] = i * j
		}
	}
	p := &g
	for i := range p {
		p[i][0] = 1
	}
	println(sumGrid(g), len(g), len(g[0]), cap(p[1]))
	s := g[1][:2]
	s2 := g[0][1:3:4]
	println(len(s), cap(s2))
	var cube [2][2][2]byte
	cube[1][1][1] = 'x'
	println(cube[1][1][1])
}
