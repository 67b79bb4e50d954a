package main

func bigArray() int {
	var a [10000]int
	a[1] = 2
	return a[1]
}

func smallArray() int {
	var a [8000]int
	a[1] = 2
	return a[1]
}

func bigLiteral() int {
	s := make([]int, 9000)
	return len(s)
}

func smallMake() int {
	s := make([]int, 8000)
	return len(s)
}

func bigComposite() int {
	s := []int{9999: 1}
	return len(s)
}

func main() {
	println(bigArray(), smallArray(), bigLiteral(), smallMake(), bigComposite())
}
