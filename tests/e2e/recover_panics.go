package main

// recover stops a panic only in a deferred call; runtime errors recover
// like explicit panics; a re-panic replaces the value; outside a panic
// recover returns nil.

type myErr struct{ msg string }

func (e *myErr) Error() string { return e.msg }

func safeDiv(a, b int) (q int, ok bool) {
	defer func() {
		if r := recover(); r != nil {
			ok = false
		}
	}()
	return a / b, true
}

func safeIndex(s []int, i int) (v int) {
	defer func() {
		if recover() != nil {
			v = -1
		}
	}()
	return s[i]
}

func nilDeref() (msg string) {
	defer func() {
		if r := recover(); r != nil {
			msg = "recovered nil dereference"
		}
	}()
	var p *myErr
	return p.msg
}

func repanic() {
	defer func() {
		r := recover()
		s, _ := r.(string)
		println("outer recovered:", s)
	}()
	defer func() {
		r := recover()
		s, _ := r.(string)
		println("inner recovered:", s)
		panic("second")
	}()
	panic("first")
}

func panicError() {
	defer func() {
		r := recover()
		if e, ok := r.(error); ok {
			println("error value:", e.Error())
		}
	}()
	panic(&myErr{"custom"})
}

func helper() interface{} { return recover() }

func notDirect() (res string) {
	defer func() {
		recover()
		res = "recovered in the deferred function itself"
	}()
	defer func() {
		if helper() == nil {
			println("recover in a helper returns nil")
		}
	}()
	panic("p")
}

func main() {
	println(recover() == nil)
	q, ok := safeDiv(7, 2)
	println(q, ok)
	q, ok = safeDiv(1, 0)
	println(q, ok)
	println(safeIndex([]int{1, 2, 3}, 1), safeIndex([]int{1, 2, 3}, 5))
	println(nilDeref())
	repanic()
	panicError()
	println(notDirect())
	defer println("deferred before the fatal panic")
	var m map[string]int
	m["x"] = 1
}
