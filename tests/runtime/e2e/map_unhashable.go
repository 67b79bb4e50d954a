package main

func main() {
	m := map[interface{}]int{}
	m[1] = 1
	m[[2]int{1, 2}] = 2
	println(len(m), m[[2]int{1, 2}])
	var k interface{} = []int{1}
	m[k] = 3
}
