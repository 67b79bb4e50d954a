// composite prints the values test_fmt.c builds by hand (structs, slices,
// arrays, pointers, methods, errors, maps) with the formats it checks; its
// output is the expectations there.
package main

import (
	"errors"
	"fmt"
	"math"
)

type Point struct {
	X, Y int
	name string
}

type Celsius float64

func (c Celsius) String() string { return fmt.Sprintf("%.1f°C", float64(c)) }

type Pair struct {
	T Celsius
	t Celsius
}

type Named int

func main() {
	pt := Point{1, -2, "p"}
	fmt.Printf("%v|%+v|%#v|%T\n", pt, pt, pt, pt)
	pp := &pt
	fmt.Printf("%v %+v\n", pp, pp)
	fmt.Printf("%d\n", pp)
	var nilp *Point
	fmt.Printf("%v %#v %+v %d\n", nilp, nilp, nilp, nilp)
	s := []int{1, 2, 3}
	fmt.Printf("%v %d %#v %x %03d\n", s, s, s, s, s)
	var nils []int
	fmt.Printf("%v %#v\n", nils, nils)
	arr := [2]string{"a b", "c"}
	fmt.Printf("%v %q %#v\n", arr, arr, arr)
	as := []any{1, "x", nil, 2.5}
	fmt.Printf("%v %#v\n", as, as)

	c := Celsius(21.5)
	fmt.Printf("%v %s %q %d %x %5.1f|%T\n", c, c, c, c, c, c, c)
	pr := Pair{1, 2}
	fmt.Printf("%v %+v\n", pr, pr)
	n := Named(-5)
	fmt.Printf("%v %d %#v %T\n", n, n, n, n)
	fmt.Print(fmt.Sprintln(c, n))

	e := errors.New("boom")
	fmt.Printf("%v|%s|%q|%T|%#v|%d\n", e, e, e, e, e, e)
	e1 := fmt.Errorf("n=%d: %v", 3, e)
	e2 := fmt.Errorf("n=%d: %w", 3, e)
	fmt.Printf("%T %T\n", e1, e2)
	fmt.Printf("%v / %v\n", e1, e2)
	fmt.Println(fmt.Sprintf("%w", e))
	fmt.Println(fmt.Errorf("%w %w", e, e))
	fmt.Println(fmt.Errorf("%w", 1))

	m := map[string]int{}
	for i, k := range []string{"pear", "apple", "fig", "banana", "kiwi", "cherry", "date",
		"grape", "lemon", "lime", "mango", "melon", "nut", "olive"} {
		m[k] = i
	}
	fmt.Printf("%v\n", m)
	small := map[string]int{"b": 2, "a": 1}
	fmt.Printf("%v %#v %d\n", small, small, small)
	var nilm map[string]int
	fmt.Printf("%v %#v\n", nilm, nilm)
	fm := map[float64]string{2.5: "b", -1: "a", math.NaN(): "n", 10: "c"}
	fmt.Printf("%v\n", fm)
}
