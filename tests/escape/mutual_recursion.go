package main

func even(n int, p *int) bool {
	if n == 0 {
		return true
	}
	return odd(n-1, p)
}

func odd(n int, p *int) bool {
	if n == 0 {
		return false
	}
	return even(n-1, p)
}

var sink *int

func ping(n int, p *int) *int {
	if n == 0 {
		sink = p
		return p
	}
	return pong(n-1, p)
}

func pong(n int, q *int) *int {
	return ping(n, q)
}

func main() {
	x, y := 1, 2
	println(even(4, &x), *ping(3, &y))
}
