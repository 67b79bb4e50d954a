package main

type T struct{ n int }

func (t *T) close() { t.n = 0 }

func deferred() int {
	t := &T{1}
	defer t.close()
	return t.n
}

func deferClosure() (r int) {
	x := 2
	defer func() {
		r = x
	}()
	return 0
}

func deferArg() {
	y := 3
	defer println(&y)
}

func main() {
	println(deferred(), deferClosure())
	deferArg()
}
