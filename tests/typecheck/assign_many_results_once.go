package main

func f(x, y int) (int, int, int, int, int, int, int, int, int, int) {
	return 0, 0, 0, 0, 0, 0, 0, 0, 0, 0
}

func main() {
	var a, b, c, d, e int
	a, b, c, d, e = f(undefinedA, undefinedB)
	a, b, c, d, e = f(undefinedC, undefinedD)
	a, b, c, d, e = f(undefinedE, undefinedF)
	_, _, _, _, _ = a, b, c, d, e
}

func g() (int, int, int, int, int) {
	return f(undefinedG, 1)
}
