package main

type list struct {
	v    int
	next *list
}

func length(l *list) int {
	if l == nil {
		return 0
	}
	return 1 + length(l.next)
}

func build(n int) *list {
	if n == 0 {
		return nil
	}
	return &list{n, build(n - 1)}
}

func last(l *list) *list {
	if l.next == nil {
		return l
	}
	return last(l.next)
}

func main() {
	l := build(3)
	println(length(l), last(l).v)
}
