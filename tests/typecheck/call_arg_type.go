package main

func greet(name string) string { return "hi " + name }

func main() {
	println(greet(42))
}
