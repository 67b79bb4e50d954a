package main

func sum() int {
	s := make([]int, 10)
	t := 0
	for i := range s {
		t += i
	}
	return t
}

func withCap() int {
	s := make([]byte, 0, 64)
	s = append(s, 'a')
	return len(s)
}

func returned() []int {
	return make([]int, 4)
}

func main() {
	println(sum(), withCap(), len(returned()))
}
