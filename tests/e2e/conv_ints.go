package main

func main() {
	var big int64 = 0x123456789abcdef0
	println(int8(big), int16(big), int32(big), uint8(big), uint16(big), uint32(big))
	var neg int64 = -2
	println(uint8(neg), uint16(neg), uint32(neg), uint64(neg), uint(neg))
	var u8 uint8 = 0xff
	println(int8(u8), int16(u8), int32(int8(u8)), int64(int8(u8)), uint64(int8(u8)))
	var i32 int32 = -123456
	println(int64(i32), uint64(uint32(i32)), int16(i32), uint16(i32))
	var r rune = 'é'
	println(r, byte(r), int(r))
	var p uintptr = 0x1000
	println(p+8, uintptr(uint32(p)))
	b := true
	println(b, !b, b && !b, b || !b)
	t := 10 > 3
	f := 1 == 2
	println(t, f, t != f, t == f)
}
