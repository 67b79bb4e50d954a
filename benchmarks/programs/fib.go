// fib: doubly recursive Fibonacci — call overhead and integer arithmetic.
package main

const n = 40

func fib(k int) int {
	if k < 2 {
		return k
	}
	return fib(k-1) + fib(k-2)
}

func main() {
	println("fib", n, "=", fib(n))
}
