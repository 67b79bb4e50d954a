package main

func main() {
	x := 3
	if x {
		println(x)
	}
}
