package main

func main() {
	x := 1 << 70
	println(x)
}
