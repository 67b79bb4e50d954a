package main

type Point struct{ X, Y int }

type Line struct {
	A, B Point
	Tag  string
}

func main() {
	arr := [...]string{2: "c", 0: "a"}
	sl := []int{5: 1, 2, 3}
	pts := []Point{{1, 2}, {X: 3}}
	pps := []*Point{{1, 2}, &Point{3, 4}}
	l := Line{A: Point{1, 1}, Tag: "t"}
	lp := &Line{Point{}, Point{Y: 2}, "u"}
	grid := [2][3]int{{1, 2, 3}, {4, 5, 6}}
	anon := struct {
		name string
		age  int
	}{"x", 3}
	m := map[string]Point{"o": {}}
	println(len(arr), len(sl), pts[1].X, pps[0].Y, l.B.Y, lp.B.Y, grid[1][2], anon.age, m["o"].X)
}
