package main

func f() int { return 1 }

const c = f()

func main() {
	println(c)
}
