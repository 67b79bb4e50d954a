package main

import (
	"errors"
	"fmt"
)

func safeDiv(a, b int) (q int, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("recovered: %v", r)
		}
	}()
	q = a / b
	return
}

func cleanup(name string) {
	defer println("done", name)
	for i := 0; i < 3; i++ {
		defer func(n int) { println(n) }(i)
	}
}

var errBad = errors.New("bad")

func main() {
	_, err := safeDiv(1, 0)
	fmt.Println(err)
	cleanup("x")
	if errBad != nil {
		println(errBad.Error())
	}
}
