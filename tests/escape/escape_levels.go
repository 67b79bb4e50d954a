package main

type inner struct{ p *int }
type outer struct{ in *inner }

var sink *int

func leakDeep(o *outer) {
	sink = o.in.p
}

func returnDeep(o *outer) *int {
	return o.in.p
}

func returnMid(o *outer) *inner {
	return o.in
}

func main() {
	x, y, z := 1, 2, 3
	leakDeep(&outer{&inner{&x}})
	println(*returnDeep(&outer{&inner{&y}}))
	println(returnMid(&outer{&inner{&z}}) != nil)
}
