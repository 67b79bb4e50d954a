package main

func sized(n int) int {
	s := make([]int, n)
	return len(s)
}

func capped(n int) int {
	s := make([]int, 0, n)
	return cap(s)
}

func constVar() int {
	const n = 8
	s := make([]int, n)
	return len(s)
}

func localVar() int {
	n := 8
	s := make([]int, n)
	return len(s)
}

func main() {
	println(sized(3), capped(4), constVar(), localVar())
}
