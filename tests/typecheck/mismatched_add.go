package main

func main() {
	a := 1
	b := "s"
	println(a + b)
}
