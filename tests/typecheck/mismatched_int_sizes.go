package main

func main() {
	var a int32 = 1
	var b int64 = 2
	println(a * b)
}
