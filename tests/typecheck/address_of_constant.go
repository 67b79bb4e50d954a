package main

const c = 3

func main() {
	p := &c
	println(p)
}
