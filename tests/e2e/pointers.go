package main

type Node struct {
	val  int
	next *Node
}

func push(head *Node, v int) *Node {
	return &Node{v, head}
}

func incr(p *int) { *p++ }

func main() {
	var head *Node
	for i := 0; i < 5; i++ {
		head = push(head, i)
	}
	for n := head; n != nil; n = n.next {
		print(n.val, " ")
	}
	println()
	x := 10
	incr(&x)
	incr(&x)
	println(x)
	p := new(int)
	*p = 42
	q := p
	*q += 1
	println(*p, p == q, p != nil)
	var np *Node
	println(np == nil)
	n := &Node{val: 7}
	n.next = n
	println(n.next.next.val)
	pp := &p
	**pp = 5
	println(*p)
	arr := [3]int{1, 2, 3}
	ap := &arr[1]
	*ap = 20
	println(arr[1])
	type pair struct{ a, b *int }
	pr := pair{&x, p}
	*pr.a, *pr.b = *pr.b, *pr.a
	println(x, *p)
}
