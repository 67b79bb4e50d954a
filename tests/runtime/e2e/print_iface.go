package main

type I interface{ M() }

func main() {
	var e interface{}
	var i I
	println(e, i)
	println(e == nil, i == nil)
}
