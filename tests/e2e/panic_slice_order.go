package main

func main() {
	s := []int{1, 2, 3, 4}
	a, b := 3, 2
	println(len(s[a:b]))
}
