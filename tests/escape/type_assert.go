package main

type T struct{ n int }

var sink *T

func assertPtr(e interface{}) *T {
	return e.(*T)
}

func assertValue(e interface{}) int {
	return e.(int)
}

func commaOk(e interface{}) bool {
	t, ok := e.(*T)
	if ok {
		sink = t
	}
	return ok
}

func typeSwitch(e interface{}) int {
	switch v := e.(type) {
	case *T:
		return v.n
	case int:
		return v
	}
	return 0
}

func main() {
	println(assertPtr(&T{1}).n, assertValue(2), commaOk(&T{3}), typeSwitch(4))
}
