package main

type T struct{ a, b int }

func main() {
	var e interface{}
	t := e.(T)
	println(t.a)
}
