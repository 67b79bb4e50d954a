package main

type Vec struct{ X, Y, Z float64 }

func (v Vec) Add(w Vec) Vec   { return Vec{v.X + w.X, v.Y + w.Y, v.Z + w.Z} }
func (v Vec) Scale(k float64) Vec { return Vec{v.X * k, v.Y * k, v.Z * k} }
func (v Vec) Dot(w Vec) float64 { return v.X*w.X + v.Y*w.Y + v.Z*w.Z }
func (v *Vec) Norm2() float64  { return v.Dot(*v) }

type Pair struct {
	name string
	n    int
}

func modify(p Pair) Pair {
	p.n *= 2
	p.name = "mod-" + p.name
	return p
}

func main() {
	a := Vec{1, 2, 3}
	b := Vec{4, 5, 6}
	c := a.Add(b).Scale(0.5)
	println(c.X, c.Y, c.Z, a.Dot(b), c.Norm2())
	vs := make([]Vec, 4)
	for i := range vs {
		vs[i] = Vec{float64(i), 1, 0}.Scale(2)
	}
	sum := Vec{}
	for _, v := range vs {
		sum = sum.Add(v)
	}
	println(sum.X, sum.Y, sum.Z)
	p := Pair{"p", 21}
	q := modify(p)
	println(p.name, p.n, q.name, q.n)
}
