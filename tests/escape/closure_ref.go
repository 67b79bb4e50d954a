package main

func reassigned() int {
	x := 1
	f := func() { x++ }
	f()
	return x
}

func reassignedEscaping() func() int {
	n := 0
	return func() int {
		n++
		return n
	}
}

func addrTaken() int {
	y := 2
	p := &y
	g := func() int { return y }
	*p = 3
	return g()
}

func assignedOutside() func() int {
	v := 1
	h := func() int { return v }
	v = 2
	return h
}

func main() {
	println(reassigned(), reassignedEscaping()(), addrTaken(), assignedOutside()())
}
