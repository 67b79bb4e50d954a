package main

var sink *int

func apply(f func(*int) int, p *int) int {
	return f(p)
}

func deref(p *int) int { return *p }

func viaVar() int {
	x := 1
	f := deref
	return f(&x)
}

func viaParam() int {
	y := 2
	return apply(deref, &y)
}

func viaSlice(fs []func(*int)) {
	z := 3
	fs[0](&z)
}

func main() {
	println(viaVar(), viaParam())
	viaSlice([]func(*int){func(p *int) { sink = p }})
}
