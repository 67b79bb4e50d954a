package main

//go:noinline
func h(n int) { panic(n) }

func main() {
	println("start")
	h(42)
}
