package main

type K struct {
	f func()
}

var m map[K]int

func main() {
}
