package main

const (
	a = "x" + iota
	b
)

const (
	ok = byte(iota + 254)
	bad
	worse
)

const (
	n = len([1 - iota]int{})
	m
	p
)

func main() {
	const (
		f = 1 << (iota * 40)
		g
		h byte = 1
		i
		j = iota + 254
		k byte = iota + 254
		l
	)
	println(f, g)
}
