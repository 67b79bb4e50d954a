package main

// -m=2 notes that print statements: the clauses of a type switch (as gc
// prints a case: its list, then its statements) and channel sends.

var sink interface{}
var psink *int

type B struct{ s *int }

type T struct{ v int }

func pick(v interface{}) *int {
	switch x := v.(type) {
	case B:
		return x.s
	case *int, *string:
		sink = x
		println(1)
	case []int:
		for range x {
			sink = x
		}
	default:
		sink = x
	}
	return nil
}

func keep(v interface{}) {
	switch y := v.(type) {
	case *int:
		if y != nil {
			psink = y
		} else {
			println(0)
		}
	}
}

func send(ch chan *T, cf chan func(), cs chan []int, n int) {
	ch <- &T{n}
	cf <- func() {}
	cs <- []int{n}
	cs <- make([]int, n)
}

func main() {
	println(pick(B{}))
	keep(nil)
	send(nil, nil, nil, 1)
}
