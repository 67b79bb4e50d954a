package main

func byValue() int {
	x := 1
	f := func() int { return x + 1 }
	return f()
}

func byValueEscaping() func() int {
	y := 2
	return func() int { return y * 2 }
}

func pointerCaptured() func() int {
	z := 3
	p := &z
	return func() int { return *p }
}

func main() {
	println(byValue(), byValueEscaping()(), pointerCaptured()())
}
