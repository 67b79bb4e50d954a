package main

func main() {
	len := 3
	println(len("abc"))
}
