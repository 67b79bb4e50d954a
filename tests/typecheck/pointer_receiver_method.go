package main

type Stringer interface{ String() string }

type T struct{}

func (t *T) String() string { return "" }

func main() {
	var s Stringer = T{}
	_ = s
}
