package main

var sink string

func local(a, b string) int {
	s := a + b
	return len(s)
}

func returned(a, b string) string {
	return a + b
}

func three(a, b, c string) {
	sink = a + "-" + b + c
}

func opAssign(a string) string {
	s := "x"
	s += a
	return s
}

func compare(a, b string) bool {
	return a+b == "ab"
}

func main() {
	println(local("a", "b"), returned("c", "d"), opAssign("e"), compare("a", "b"))
	three("f", "g", "h")
}
