package main

type MyInt = int
type Celsius float64
type Temps []Celsius
type Handler func(string) error
type Pair struct{ a, b MyInt }
type Inner = struct{ x int }

func (t Temps) Max() Celsius {
	m := t[0]
	for _, v := range t[1:] {
		if v > m {
			m = v
		}
	}
	return m
}

func main() {
	var x MyInt = 3
	var y int = x
	ts := Temps{1, 5, 2}
	var h Handler = func(s string) error { return nil }
	p := Pair{x, y}
	var in Inner
	var st struct{ x int } = in
	println(ts.Max(), h("a") == nil, p.a+p.b, st.x)
}
