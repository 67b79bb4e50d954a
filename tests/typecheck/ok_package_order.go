package main

var total = compute()

var base = 10

func compute() int { return base * factor }

const factor = 3

type List struct {
	head *Node
}

type Node struct {
	val  int
	next *Node
}

func (l *List) Push(v int) { l.head = &Node{v, l.head} }

var order []string

func init() { order = append(order, "first") }
func init() { order = append(order, "second") }

type Tree struct {
	left, right *Tree
	kids        []Tree
	byName      map[string]Tree
}

func main() {
	var l List
	l.Push(1)
	println(total, l.head.val, len(order))
	var t Tree
	_ = t
}
