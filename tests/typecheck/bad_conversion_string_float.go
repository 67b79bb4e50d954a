package main

func main() {
	s := "1.5"
	f := float64(s)
	println(f)
}
