package main

// `defer x.M()` with a nil interface x panics at the defer statement.

type Closer interface{ Close() }

var reached bool

func deferNil() {
	var x Closer
	defer x.Close()
	reached = true
}

func main() {
	defer func() {
		println("recovered:", recover() != nil, "reached:", reached)
	}()
	deferNil()
}
