package main

type T struct {
	a int
	next T
}

func main() {
}
