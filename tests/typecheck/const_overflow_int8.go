package main

func main() {
	var b int8 = 300
	println(b)
}
