package main

const debug = false

var sink *int

func ifFalse() {
	x := 1
	if false {
		sink = &x
	}
}

func ifConst() {
	y := 2
	if debug {
		sink = &y
	}
}

func ifTrueElse() {
	z := 3
	if !debug {
		println(z)
	} else {
		sink = &z
	}
}

func afterReturn() int {
	w := 4
	if true {
		return w
	}
	sink = &w
	return 0
}

func andAnd() {
	v := 5
	if debug && v > 0 {
		sink = &v
	}
}

func forFalse() int {
	u := 6
	for false {
		sink = &u
	}
	return u
}

func main() {
	ifFalse()
	ifConst()
	ifTrueElse()
	println(afterReturn(), forFalse())
	andAnd()
}
