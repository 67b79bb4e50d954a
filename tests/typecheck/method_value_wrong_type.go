package main

type T struct{}

func (T) Name() string { return "t" }

func main() {
	var f func() int = T{}.Name
	_ = f
}
