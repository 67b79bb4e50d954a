package main

import (
	"errors"
	"fmt"
	"math"
	"os"
)

func main() {
	fmt.Println("ints:", 0, -7, 1<<40, int8(-128), uint8(255), uint64(1<<63))
	fmt.Println("floats:", 0.1, 1.0/3, 1e21, 1e-7, 100.0, float32(0.1), math.Inf(-1), -math.Copysign(0, 1))
	fmt.Print("a", "b", 1, 2, "c\n")
	fmt.Printf("%5d|%-5d|%05d|%x|%X|%#o|%b|%+d|% d\n", 42, 42, -42, 255, 255, 8, 5, 3, 3)
	fmt.Printf("%8.3f|%-8.2e|%g|%G|%.3g|%v\n", math.Pi, 12345.678, 1e100, 1e-10, 2.0/3, 5e-324)
	fmt.Printf("%s|%q|%10s|%-10s|%.2s|%x|% X\n", "hi", "a\"b\n", "right", "left", "trunc", "hex", "hex")
	fmt.Printf("%c|%q|%U|%#U|%t|%v\n", 'G', 'é', 0x1F600, '世', true, false)
	fmt.Printf("%*d|%-*d|%.*f\n", 6, 12, 6, 12, 2, math.Sqrt(2))
	fmt.Printf("%d %s\n", "str", 5)
	fmt.Printf("%d\n")
	fmt.Printf("%d\n", 1, 2)
	fmt.Printf("%!\n")
	fmt.Printf("100%%\n")
	s := fmt.Sprint("x", 1, 2, "y", 3.5)
	fmt.Println(s, len(s))
	fmt.Print(fmt.Sprintln("line", 1, true))
	fmt.Println(fmt.Sprintf("%08.3f|%+.2e|%x", -3.14159, 6.02214076e23, -1))
	fmt.Println(math.Sqrt(2), math.Abs(-3.5), math.Floor(-2.5), math.Ceil(-2.5))
	fmt.Println(math.IsNaN(math.NaN()), math.IsInf(math.Inf(1), 1), math.IsInf(math.Inf(1), -1), math.NaN())
	fmt.Println(math.MaxInt64, math.MinInt64, uint64(math.MaxUint64), math.Pi, math.MaxFloat64, math.SmallestNonzeroFloat64)
	err := errors.New("something failed")
	fmt.Println(err)
	fmt.Printf("%v|%s|%q|%T\n", err, err, err, err)
	wrapped := fmt.Errorf("context: %w", err)
	fmt.Println(wrapped)
	fmt.Printf("%T\n", wrapped)
	e2 := fmt.Errorf("code %d", 404)
	fmt.Println(e2.Error(), e2 != nil)
	n, werr := fmt.Println("count me")
	fmt.Println(n, werr)
	fmt.Println(len(os.Args) > 0)
	fmt.Printf("bye")
	os.Exit(3)
}
