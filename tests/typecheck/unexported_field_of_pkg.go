package main

import "errors"

func main() {
	e := errors.New("x")
	println(e.msg)
}
