package main

func name() string {
	return 10
}

func main() {
	println(name())
}
