package main

func main() {
	x := 0
	for i := 0; i < 1000000; i++ {
		x += i & 7
	}
	println(x)
}
