package main

func main() {
	var s string
	n := 3
	s = n
	println(s)
}
