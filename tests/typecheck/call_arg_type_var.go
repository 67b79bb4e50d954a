package main

func half(x float64) float64 { return x / 2 }

func main() {
	n := 7
	println(half(n))
}
