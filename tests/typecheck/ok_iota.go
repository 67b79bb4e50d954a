package main

type Weekday int

const (
	Sunday Weekday = iota
	Monday
	Tuesday
)

const (
	_  = iota
	KB = 1 << (10 * iota)
	MB
	GB
)

const (
	a, b = iota, iota * 10
	c, d
)

type Flags uint8

const (
	F1 Flags = 1 << iota
	F2
	F3
)

const huge = 1 << 100
const small = huge >> 98
const pi = 3.14159
const greeting = "hello, " + "world"
const typed int64 = 1<<63 - 1
const mask = ^uint32(0)

func main() {
	println(Tuesday, KB, MB, GB, c, d, F3, small, pi, greeting, typed, mask)
	var f float32 = pi
	var u8 uint8 = 255
	println(f, u8, 'a'+1, len(greeting))
}
