package main

func main() {
	s := []int{1}
	for i, v, w := range s {
		println(i, v, w)
	}
}
