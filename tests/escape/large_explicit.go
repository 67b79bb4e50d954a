package main

type huge [1 << 21]int

type medium [1 << 17]int

func newHuge() int {
	p := new(huge)
	return len(p)
}

func newMedium() int {
	p := new(medium)
	return len(p)
}

func addrHuge() int {
	var h huge
	q := &h
	return len(q)
}

func bigVar() int {
	var v huge
	v[0] = 1
	return v[0]
}

func mediumVar() int {
	var w medium
	w[0] = 2
	return w[0]
}

func bigLiteral() int {
	s := huge{}
	return s[0]
}

func main() {
	println(newHuge(), newMedium(), addrHuge(), bigVar(), mediumVar(), bigLiteral())
}
