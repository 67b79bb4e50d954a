package main

//go:noinline
func h() { panic("boom") }

func main() {
	h()
}
