package main

func main() {
	s := make([]int, 3, 5)
	n := 6
	println(len(s[:n]))
}
