package main

type Meters float64
type ID int32
type Bytes []byte
type Fn func(int) int

func main() {
	var i int = 300
	var f float64 = float64(i) / 7
	u8 := uint8(i)
	i64 := int64(f)
	m := Meters(f)
	id := ID(i)
	bs := Bytes("abc")
	s := string(bs)
	var fn Fn = func(x int) int { return x }
	g := (func(int) int)(fn)
	up := uintptr(i)
	var r rune = 'x'
	println(u8, i64, float64(m), id, s, g(2), up, string(r), int(r))
	x := -5
	println(uint32(x), float32(x), int8(u8))
	var e interface{} = m
	println(e.(Meters) > 0)
}
