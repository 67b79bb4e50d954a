package main

type T struct{ n int }

func printed() {
	x := 1
	println(&x, x)
	print("a", x, "\n")
}

func panicked(t *T) {
	if t.n < 0 {
		panic(t)
	}
}

func panicString(s string) {
	panic("bad: " + s)
}

func recovered() (r interface{}) {
	defer func() {
		r = recover()
	}()
	panic(1)
}

func main() {
	printed()
	panicked(&T{1})
	println(recovered() != nil)
	_ = panicString
}
