package main

import "fmt"

type Stringer interface{ String() string }

type T int

func (t T) String() string { return fmt.Sprint(int(t)) }

func describe(x interface{}) string {
	switch v := x.(type) {
	case nil:
		return "nil"
	case int, int64:
		return fmt.Sprintf("int %v", v)
	case string:
		return "string " + v
	case Stringer:
		return "stringer " + v.String()
	case []int:
		return fmt.Sprint(len(v))
	case error:
		return v.Error()
	default:
		_ = v
		return "other"
	}
}

func main() {
	println(describe(1), describe("a"), describe(T(3)), describe(nil), describe(2.5))
	var x interface{} = T(1)
	if s, ok := x.(Stringer); ok {
		println(s.String())
	}
	t := x.(T)
	println(t)
}
