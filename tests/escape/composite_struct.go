package main

type T struct {
	a int
	b *int
}

var sink interface{}

func local() int {
	t := T{a: 1}
	u := &T{a: 2}
	return t.a + u.a
}

func returned() *T {
	return &T{a: 3}
}

func nested() *T {
	n := 4
	return &T{a: 1, b: &n}
}

func boxed() {
	sink = T{a: 5}
}

func viaVar() *T {
	t := &T{}
	t.a = 6
	return t
}

func main() {
	println(local(), returned().a, *nested().b, viaVar().a)
	boxed()
}
