package main

// -m=2 prints a direct method call as gc rewrites it: (*T).M(x).

type T struct{ p *int }

func (t *T) Ptr() *int { return t.p }
func (t *T) Self() *T  { return t }

var sinkp *int
var sinkt *T

func values() {
	var t T
	sinkp = t.Ptr()
	u := &T{}
	sinkt = u.Self()
}

func main() {}
