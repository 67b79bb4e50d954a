package main

// Package variables initialized from comma-ok forms and multi-valued calls.

type T struct{ x int }

var m = map[string]int{"a": 1}
var a, aok = m["a"]
var b, bok = m["b"]

var t = &T{42}
var i interface{} = t
var tt, tok = i.(*T)
var s, sok = i.(string)

var c = d
var d, e any = any(nil).(bool)

func pair() (int, string) { return 7, "seven" }

var n, name = pair()

func main() {
	println(a, aok, b, bok)
	println(tt.x, tok, s == "", sok)
	println(c == nil, d == nil, e == false)
	println(n, name)
}
