package main

type I interface{ M() }
type J interface {
	M()
	N()
}
type T struct{ x int }

func (T) M() {}

type U struct{ T }

func (*U) N() {}

func convert(i I) J {
	return i.(J)
}

func use(j J) {
	j.M()
	j.N()
}

func main() {
	var i I = &U{}
	use(convert(i))
	println("converted *main.U")
	i = U{}
	_, ok := i.(J)
	println(ok)
	i = T{1}
	println("before")
	use(convert(i))
}
