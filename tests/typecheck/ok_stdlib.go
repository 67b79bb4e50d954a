package main

import (
	"errors"
	"fmt"
	"math"
	"os"
	"unsafe"
)

type T struct {
	a int8
	b int64
}

func main() {
	err := errors.New("boom")
	fmt.Printf("%v %d %s\n", err, 3, "x")
	s := fmt.Sprintf("%5.2f", math.Sqrt(2))
	fmt.Println(s, math.MaxInt64, math.Inf(1), math.IsNaN(math.NaN()))
	e2 := fmt.Errorf("wrap: %w", err)
	fmt.Println(e2.Error(), len(os.Args) > 0)
	var t T
	fmt.Println(unsafe.Sizeof(t), math.Floor(1.5), math.Abs(-2))
	if len(os.Args) > 5 {
		os.Exit(3)
	}
}
