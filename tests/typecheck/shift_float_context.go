package main

func main() {
	s := uint(3)
	var f float64 = 1 << s
	println(f)
}
