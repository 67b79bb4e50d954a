package main

import "fmt"

// Builtins given the results of a multi-valued call as their arguments.

func f(a []byte) ([]byte, []byte) {
	return a, []byte("abc")
}

func g(a []byte) ([]byte, string) {
	return a, "xyz"
}

func h(m map[int]int) (map[int]int, int) {
	return m, 0
}

func ints() ([]int, int) { return []int{1, 2}, 3 }

func two() (int, int) { return 3, 4 }

func main() {
	a := []byte{1, 2, 3}
	n := copy(f(a))
	fmt.Println(n, a)

	b := []byte{1, 2, 3, 4}
	n = copy(g(b))
	fmt.Println(n, string(b[:3]), b[3])

	m := map[int]int{0: 0, 1: 1}
	fmt.Println(len(m))
	delete(h(m))
	fmt.Println(len(m), m[1])

	s := append(ints())
	fmt.Println(s, len(s))

	println(two())
	print(two())
	print("\n")
}
