package main

// The address of a slice or map literal.

func first(a []int) int { return a[0] }

func main() {
	p := &[]int{12, 13}
	println((*p)[0], first(*p), len(*p))
	*p = append(*p, 14)
	println(len(*p), (*p)[2])
	q := &map[string]int{"k": 3}
	(*q)["j"] = 4
	println((*q)["k"], (*q)["j"], len(*q))
	type holder struct{ s *[]string }
	h := holder{&[]string{"x"}}
	println((*h.s)[0])
}
