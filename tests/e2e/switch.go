package main

func classify(n int) string {
	switch {
	case n < 0:
		return "negative"
	case n == 0:
		return "zero"
	case n < 10:
		return "small"
	}
	return "large"
}

func days(m int) int {
	switch m {
	case 2:
		return 28
	case 4, 6, 9, 11:
		return 30
	default:
		return 31
	}
}

func fall(n int) string {
	s := ""
	switch n {
	case 0:
		s += "0"
		fallthrough
	case 1:
		s += "1"
		fallthrough
	case 2:
		s += "2"
	case 3:
		s += "3"
		fallthrough
	default:
		s += "d"
	}
	return s
}

func word(s string) int {
	switch s {
	case "one":
		return 1
	case "two":
		return 2
	}
	return 0
}

func main() {
	println(classify(-5), classify(0), classify(7), classify(100))
	total := 0
	for m := 1; m <= 12; m++ {
		total += days(m)
	}
	println(total)
	for i := 0; i < 5; i++ {
		print(fall(i), " ")
	}
	println()
	println(word("one"), word("two"), word("three"))
	switch x := 5; x {
	case 1, 2, 3:
		println("low")
	case 4, 5, 6:
		println("mid")
	}
	for i := 0; i < 6; i++ {
		switch {
		case i == 2:
			continue
		case i == 4:
			break
		default:
			print(i)
		}
	}
	println()
}
