package main

import (
	"errors"
	"fmt"
)

type Point struct {
	X, Y int
}

type Celsius float64

func (c Celsius) String() string { return fmt.Sprintf("%.1f°C", float64(c)) }

type Box struct {
	Name string
	P    *Point
	Tags []string
	T    Celsius
	any  interface{}
}

type MyErr struct{ Code int }

func (e *MyErr) Error() string { return fmt.Sprintf("code %d", e.Code) }

func find(code int) error {
	if code == 0 {
		return nil
	}
	return &MyErr{code}
}

func main() {
	p := Point{1, 2}
	one := []int{1}
	fmt.Println(p, &p, &one)
	fmt.Printf("%v %+v %#v %T\n", p, p, p, p)
	bools := [2]bool{true, false}
	fmt.Println([]int{1, 2, 3}, bools, []string{"a", "b"}, []byte("hi"))
	fmt.Printf("%v %#v %q %x\n", []string{"a b", "c"}, []int{4, 5}, []string{"x"}, []byte("hi"))
	var np *Point
	var ns []int
	var ni interface{}
	fmt.Println(np, ns, ni)
	fmt.Printf("%#v %#v %#v\n", np, ns, ni)
	fmt.Println(Celsius(36.6), []Celsius{1, 2})
	fmt.Printf("%v %s %d %5.1f\n", Celsius(-4), Celsius(20), Celsius(3), Celsius(2))
	b := Box{"box", nil, []string{"t1"}, 25, 7}
	fmt.Printf("%v\n%+v\n", b, b)
	m := map[string]int{"zeta": 26, "alpha": 1, "mid": 13}
	fmt.Println(m)
	fmt.Printf("%v %#v\n", map[int]string{3: "c", 1: "a", 2: "b"}, map[string]bool{"y": true, "n": false})
	mixed := []interface{}{1, "two", 3.0, nil, Point{4, 5}, Celsius(6), errors.New("seven")}
	fmt.Println(mixed...)
	fmt.Println(mixed)
	fmt.Println(find(0), find(42))
	err := find(7)
	fmt.Printf("%v|%s|%T\n", err, err, err)
	fmt.Println(fmt.Errorf("wrap: %w", err))
}
