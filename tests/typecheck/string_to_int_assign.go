package main

func main() {
	var n int
	n = "seven"
	println(n)
}
