package main

func pick(x int) string {
	switch x {
	case 1:
		return "one"
	case 2:
		return "two"
	}
}

func main() {
	println(pick(1))
}
