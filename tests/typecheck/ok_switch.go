package main

func classify(n int) string {
	switch {
	case n < 0:
		return "neg"
	case n == 0:
		return "zero"
	}
	switch r := n % 3; r {
	case 0:
		fallthrough
	case 1:
		return "low"
	default:
		return "high"
	}
}

func main() {
	println(classify(-1), classify(0), classify(5))
	switch x := 'a'; x {
	case 'a', 'b':
		println("ab")
	}
}
