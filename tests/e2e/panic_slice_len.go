package main

func main() {
	s := "hello"
	n := 10
	println(s[:n])
}
