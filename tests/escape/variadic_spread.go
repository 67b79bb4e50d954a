package main

var sink []int

func sum(xs ...int) int {
	t := 0
	for _, x := range xs {
		t += x
	}
	return t
}

func store(xs ...int) {
	sink = xs
}

func spreadLocal() int {
	s := []int{1, 2, 3}
	return sum(s...)
}

func spreadStored() {
	s := []int{4, 5}
	store(s...)
}

func iface(args ...interface{}) int {
	return len(args)
}

func main() {
	println(spreadLocal(), iface(1, "a", 2.5))
	spreadStored()
}
