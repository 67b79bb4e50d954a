package main

func main() {
	s := make([]int, 3, 5)
	k := 7
	println(len(s[1:2:k]))
}
