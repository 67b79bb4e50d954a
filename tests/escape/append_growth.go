package main

var sink []*int

func local() int {
	var s []int
	for i := 0; i < 10; i++ {
		s = append(s, i)
	}
	return len(s)
}

func grow(s []int, v int) []int {
	return append(s, v)
}

func pointers() {
	x := 1
	sink = append(sink, &x)
}

func spread(a, b []int) []int {
	return append(a, b...)
}

func bytesOf(b []byte, s string) []byte {
	return append(b, s...)
}

func main() {
	println(local(), len(grow(nil, 1)), len(spread([]int{1}, []int{2})), len(bytesOf(nil, "hi")))
	pointers()
}
