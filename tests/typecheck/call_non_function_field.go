package main

type T struct{ size int }

func main() {
	var t T
	println(t.size())
}
