package main

type A [2]B
type B struct{ a A }

func main() {
}
