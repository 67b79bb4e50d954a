package main

type T struct {
	_ string
	a int
}

var w = T{_: "look"}

func main() {
	var z = T{_: "verse", a: 1}
	_ = T{"x", 1}
	_ = z
}
