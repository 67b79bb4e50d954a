package main

import "errors"

var errFixed = errors.New("fixed")

func check(n int) error {
	if n < 0 {
		return errors.New("negative")
	}
	return nil
}

type myErr struct{ code int }

func (e *myErr) Error() string { return "my" }

func custom(c int) error {
	return &myErr{c}
}

func main() {
	println(check(-1) != nil, custom(2) != nil, errFixed != nil)
}
