package main

var counts map[string]int

func add(k string) {
	counts[k]++
}

func main() {
	println(counts["x"], len(counts))
	add("x")
}
