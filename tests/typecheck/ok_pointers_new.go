package main

type Node struct {
	val  int
	next *Node
}

func newInt(v int) *int {
	p := new(int)
	*p = v
	return p
}

func main() {
	p := newInt(4)
	*p += 1
	pp := &p
	**pp *= 2
	n := &Node{val: 1}
	n.next = &Node{val: 2}
	for q := n; q != nil; q = q.next {
		println(q.val)
	}
	arr := [3]int{1, 2, 3}
	ap := &arr
	ap[1] = 5
	println(*p, len(ap), arr[1])
	s := make([]int, 2, 10)
	sp := &s[0]
	*sp = 9
	println(s[0], cap(s))
}
