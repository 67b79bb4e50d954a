package main

type Stringer interface{ String() string }

type T struct{}

func main() {
	var s Stringer = T{}
	_ = s
}
