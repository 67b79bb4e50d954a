package main

// The left side of a range assignment is evaluated in every iteration,
// and `for i, _ := range p` does not dereference a nil array pointer.

func main() {
	var a [3]int
	n := 0
	next := func() int {
		n++
		return n - 1
	}
	for a[next()] = range [3]int{} {
	}
	println(n, a[0], a[1], a[2])

	m := map[int]rune{}
	k := 0
	for _, m[k] = range "héllo" {
		k++
	}
	println(len(m), m[0], m[1], m[4])

	var p *[4]int
	s := 0
	for i, _ := range p {
		s += i
	}
	for i := range p {
		s += i
	}
	println(s)
}
