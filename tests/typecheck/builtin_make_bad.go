package main

func main() {
	m := make(int)
	_ = m
}
