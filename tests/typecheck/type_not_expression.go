package main

type T struct{}

func main() {
	x := T
	_ = x
}
