package main

var x = x * 2

func main() {
	println(x)
}
