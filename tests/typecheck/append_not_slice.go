package main

func main() {
	var a [3]int
	a = append(a, 1)
}
