package main

// fmt, errors and os from the small standard library (runtime: fmt.Println,
// fmt.Sprintf, fmt.Printf, errors.New, os.Exit).

import (
	"errors"
	"fmt"
	"os"
)

type T struct {
	A int
	B string
}

func (t T) String() string { return "T!" }

func main() {
	fmt.Println("hi", 3, true, 2.5, T{1, "x"}, []int{1, 2})
	s := fmt.Sprintf("%d-%s-%v-%x", 42, "s", T{}, 255)
	fmt.Println(s, len(s))
	e := errors.New("bad")
	fmt.Println(e)
	fmt.Printf("%5d|%-4s|%t\n", 7, "ab", false)
	m := map[string]int{"a": 1}
	fmt.Println(m)
	os.Exit(3)
}
