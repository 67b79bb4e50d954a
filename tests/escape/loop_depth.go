package main

func outerVar() int {
	var p *int
	for i := 0; i < 3; i++ {
		x := i
		p = &x
	}
	return *p
}

func innerOnly() int {
	t := 0
	for i := 0; i < 3; i++ {
		y := i
		q := &y
		t += *q
	}
	return t
}

func rangeLoop(s []int) *int {
	var last *int
	for i := range s {
		v := s[i]
		last = &v
	}
	return last
}

func labeled() int {
	var r *int
outer:
	for i := 0; i < 2; i++ {
		for j := 0; j < 2; j++ {
			z := i + j
			r = &z
			if j == 1 {
				break outer
			}
		}
	}
	return *r
}

func main() {
	println(outerVar(), innerOnly(), *rangeLoop([]int{1}), labeled())
}
