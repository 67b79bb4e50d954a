package main

type big struct{ a, b, c int }

var sink *big

func local() int {
	p := new(int)
	*p = 3
	return *p
}

func returned() *big {
	return new(big)
}

func stored() {
	sink = new(big)
}

func chained() int {
	pp := new(*int)
	*pp = new(int)
	return **pp
}

func main() {
	println(local(), returned().a, chained())
	stored()
}
