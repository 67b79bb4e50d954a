package main

func main() {
	a := [4]int{1, 2, 3, 4}
	i := -1
	println("before")
	println(a[i])
}
