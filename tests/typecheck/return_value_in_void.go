package main

func f() {
	return 3
}

func main() {
	f()
}
