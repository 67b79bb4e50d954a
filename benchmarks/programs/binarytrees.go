// binarytrees: allocate and walk many short-lived binary trees — the
// allocator's speed (and, with a collector, the collector's).
package main

const maxDepth = 16

type Node struct{ left, right *Node }

// bottomUp builds a complete tree of the given depth.
func bottomUp(depth int) *Node {
	if depth <= 0 {
		return &Node{}
	}
	return &Node{bottomUp(depth - 1), bottomUp(depth - 1)}
}

// check returns the number of nodes of the tree.
func (n *Node) check() int {
	if n.left == nil {
		return 1
	}
	return 1 + n.left.check() + n.right.check()
}

func main() {
	const minDepth = 4
	stretch := maxDepth + 1
	println("stretch tree of depth", stretch, "check:", bottomUp(stretch).check())
	longLived := bottomUp(maxDepth)
	for d := minDepth; d <= maxDepth; d += 2 {
		iterations := 1 << uint(maxDepth-d+minDepth)
		check := 0
		for i := 0; i < iterations; i++ {
			check += bottomUp(d).check()
		}
		println(iterations, "trees of depth", d, "check:", check)
	}
	println("long lived tree of depth", maxDepth, "check:", longLived.check())
}
