package main

func f() {}

type S struct{ s []int }

func main() {
	var x interface{}
	switch x {
	case f:
	case []int{}:
	case S{}:
	case 1, "a":
	}
	switch {
	case 1:
	case x:
	case nil:
	}
	var g func()
	switch g {
	case nil:
	case f:
	}
	var n int
	switch n {
	case nil:
	case 1.5:
	case "x":
	case int8(1):
	}
}
