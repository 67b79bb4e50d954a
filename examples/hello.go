// hello.go: the smallest program: a function, a loop and println.
package main

func greet(name string, times int) {
	for i := 0; i < times; i++ {
		println("hello,", name, i)
	}
}

func main() {
	greet("gopher", 3)
}
