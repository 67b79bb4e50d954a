package main

import "fmt"

// Types that %T prints alike are still distinct types: fields embedded
// through an alias, and types of one name declared in different functions.

type Int = int

type A = struct{ int }
type B = struct{ Int }

type T struct{ a, b int }

func inner(x interface{}) interface{} {
	type T struct{ a, b int }
	if x == nil {
		return T{2, 3}
	}
	t, ok := x.(T)
	fmt.Println("inner T:", ok, t.a, t.b)
	return x
}

func main() {
	var x, y interface{} = A{}, B{}
	fmt.Println(x == y, fmt.Sprintf("%T %T", x, y))
	{
		type C = int32
		x = struct{ C }{}
	}
	{
		type C = uint32
		y = struct{ C }{}
	}
	fmt.Println(x == y, fmt.Sprintf("%T %T", x, y))

	v := inner(nil)
	fmt.Printf("%T %v\n", v, v)
	inner(v)
	inner(T{5, 7})
	_, isOuter := v.(T)
	fmt.Println("outer T:", isOuter)
}
