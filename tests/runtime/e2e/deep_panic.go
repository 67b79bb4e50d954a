package main

func f(n int) {
	if n == 0 {
		panic("deep")
	}
	f(n - 1)
}

func main() {
	f(150)
}
