package main

func copyLocal() int {
	a := make([]int, 4)
	b := []int{1, 2}
	return copy(a, b)
}

func copyParams(dst, src []*int) int {
	return copy(dst, src)
}

func copyString(dst []byte, s string) int {
	return copy(dst, s)
}

func lens(s []int, m map[int]int) int {
	return len(s) + cap(s) + len(m)
}

func main() {
	println(copyLocal(), copyParams(nil, nil), copyString(nil, "a"), lens(nil, nil))
}
