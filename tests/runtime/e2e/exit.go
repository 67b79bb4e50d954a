package main

import "os"

func main() {
	println("bye")
	os.Exit(3)
}
