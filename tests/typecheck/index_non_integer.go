package main

func main() {
	a := []int{1, 2, 3}
	println(a[1.5])
}
