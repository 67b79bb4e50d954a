package main

import "os"

func late() int {
}

func main() {
	v := 1
	w := undefinedThing
}
