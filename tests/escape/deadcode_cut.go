package main

var sink *int

const on = true
const off = false

func a1() {
	x := 1
	if on {
		return
	}
	sink = &x
}

func a2() {
	x := 2
	if on {
		panic("x")
	}
	sink = &x
}

func a3() {
	x := 3
	if on {
		return
	}
L:
	sink = &x
	goto L
}

func a4() {
	x := 4
	if off {
	} else {
		return
	}
	sink = &x
}

func a5() {
	x := 5
	if off {
		return
	} else if on {
		sink = &x
	}
}

func a6() {
	x := 6
	switch {
	case off:
		sink = &x
	case on:
	}
}

func a7() {
	x := 7
	switch 3 {
	case 1, 2:
		sink = &x
	default:
	}
}

func a8() {
	x := 8
	switch 3 {
	case 3:
		fallthrough
	case 4:
		sink = &x
	}
}

func a9(p *int) {
	if off {
		sink = p
	}
	for off {
		sink = p
	}
}

func a10(p *int) {
	if on {
	} else {
		sink = p
	}
}

func a11() {
	x := 11
	if off || on {
		return
	}
	sink = &x
}

func a12() {
	x := 12
	{
		if on {
			return
		}
		sink = &x
	}
	sink = &x
}

func a13(p *int) bool {
	return off && p == sink
}

func a14() {
	x := 14
	for {
		if on {
			break
		}
		sink = &x
	}
}

func a15() {
	x := 15
	if y := 1; off {
		sink = &x
		_ = y
	}
}

func a16(q *int) {
	if on || q == nil {
		return
	}
	sink = q
}

func a17(q *int) {
	switch off {
	case true:
		sink = q
	}
}

func a18(q *int) {
	if off {
		func() {
			sink = q
		}()
	}
}

func main() {
}
