package main

var sink []int

func local() int {
	var a [8]int
	s := a[:]
	return len(s)
}

func returned() []int {
	var a [4]int
	return a[1:3]
}

func stored() {
	var b [2]int
	sink = b[:]
}

func ofPointer(p *[4]int) []int {
	return p[:]
}

func full() int {
	var a [6]int
	s := a[1:2:3]
	return cap(s)
}

func main() {
	println(local(), len(returned()), full())
	var arr [4]int
	println(len(ofPointer(&arr)))
	stored()
}
