package main

func main() {
	s := "ab"
	println(s - s)
}
