package main

func main() {
	s := make([]int, 3, 5)
	i, j, k := 1, 4, 3
	println(len(s[i:j:k]))
}
