package main

func f() (r int) {
	defer func() {
		if recover() != nil {
			r = 7
		}
	}()
	panic("x")
}

func main() {
	println(f())
}
