package main

func split(sum int) (x, y int) {
	x = sum * 4 / 9
	y = sum - x
	return
}

func find(s []int, v int) (idx int, found bool) {
	idx = -1
	for i, e := range s {
		if e == v {
			idx, found = i, true
			return
		}
	}
	return
}

func shadow() (n int) {
	n = 5
	{
		n := 10
		n++
	}
	return n * 2
}

func triple() (a, b, c string) {
	a = "x"
	b = a + "y"
	c = b + "z"
	return
}

func main() {
	println(split(17))
	println(find([]int{3, 1, 4, 1, 5}, 4))
	println(find([]int{3, 1}, 9))
	println(shadow())
	println(triple())
}
