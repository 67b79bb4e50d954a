package main

func main() {
	n := 4
	n()
}
