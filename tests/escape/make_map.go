package main

var global map[string]int

func local() int {
	m := make(map[string]int)
	m["a"] = 1
	return len(m)
}

func hinted(n int) int {
	m := make(map[int]int, n)
	return len(m)
}

func returned() map[int]bool {
	return make(map[int]bool)
}

func literal() int {
	m := map[string]int{"x": 1, "y": 2}
	return m["x"]
}

func stored() {
	global = map[string]int{"z": 3}
}

func main() {
	println(local(), hinted(5), len(returned()), literal())
	stored()
}
