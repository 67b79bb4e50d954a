package main

func f() int { return 1 }

func main() {
	p := &f()
	println(p)
}
