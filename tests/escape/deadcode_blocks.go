package main

var sink *int

const on = true

func b1() {
	x := 12
	{
		if on {
			return
		}
	}
	sink = &x
}

func b2() {
	x := 13
	{
		println()
	}
	sink = &x
}

func b3() {
	x := 14
	{
		return
	}
	sink = &x
}

func b4() {
	x := 15
	if on {
		if on {
			return
		}
	}
	sink = &x
}

func main() {
}
