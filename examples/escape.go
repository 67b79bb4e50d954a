// escape.go: values that stay on the stack and values that move to the
// heap.  `mgc compile -m -l escape.go` explains each decision.
package main

type Point struct {
	X, Y int
}

// sum keeps its argument on the stack: p does not escape.
func sum(p *Point) int {
	return p.X + p.Y
}

// newPoint returns a pointer to a local: the Point moves to the heap.
func newPoint(x, y int) *Point {
	p := Point{x, y}
	return &p
}

// counter returns a closure that captures n by reference: n moves to the heap.
func counter() func() int {
	n := 0
	return func() int {
		n++
		return n
	}
}

func main() {
	local := Point{1, 2}
	println(sum(&local))
	q := newPoint(3, 4)
	println(sum(q))
	next := counter()
	next()
	println(next())
	buf := make([]byte, 0, 16)
	buf = append(buf, "ok"...)
	println(string(buf))
}
