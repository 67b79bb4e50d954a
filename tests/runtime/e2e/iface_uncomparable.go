package main

type U struct {
	f func()
	n int
}

func main() {
	var a, b interface{} = 1, "x"
	println(a == b)
	a, b = []int{1}, 2
	println(a == b)
	a, b = U{}, U{}
	println(a == b)
}
