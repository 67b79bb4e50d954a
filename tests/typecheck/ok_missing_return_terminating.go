package main

func a(x int) int {
	if x > 0 {
		return 1
	} else {
		return 2
	}
}

func b() int {
	for {
	}
}

func c(x int) int {
	switch x {
	case 1:
		return 1
	default:
		panic("no")
	}
}

func d(x interface{}) int {
	switch x.(type) {
	case int:
		return 1
	default:
		return 0
	}
}

func e() int {
L:
	for {
		continue L
	}
}

func f() (n int) {
	{
		return
	}
}

func g() int {
	goto end
end:
	return 0
}

func main() {
	println(a(1), c(1), d(1), f(), g())
	_, _ = b, e
}
