package main

func main() {
	var a uint8 = 7
	var b uint8
	println(a % b)
}
