package main

var sink *int

func overSlice(s []*int) {
	for _, p := range s {
		sink = p
	}
}

func overArray() int {
	a := [3]int{1, 2, 3}
	t := 0
	for _, v := range a {
		t += v
	}
	return t
}

func overString(s string) int {
	n := 0
	for _, r := range s {
		n += int(r)
	}
	return n
}

func addrOfRangeVar(s []int) *int {
	for _, v := range s {
		return &v
	}
	return nil
}

func main() {
	overSlice(nil)
	println(overArray(), overString("ab"), addrOfRangeVar([]int{1}) != nil)
}
