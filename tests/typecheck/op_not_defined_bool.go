package main

func main() {
	t := true
	println(t + t)
}
