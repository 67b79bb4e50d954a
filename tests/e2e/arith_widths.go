package main

func i8(a, b int8) (int8, int8, int8, int8, int8) {
	return a + b, a - b, a * b, a / b, a % b
}

func main() {
	var a8 int8 = 127
	var b8 int8 = 3
	s, d, m, q, r := i8(a8, b8)
	println(s, d, m, q, r)
	var c8 int8 = -128
	c8--
	println(c8, -c8, ^c8)
	var u8 uint8 = 250
	u8 += 10
	println(u8, u8*u8, u8-5, ^u8)
	var i16 int16 = 32767
	i16++
	println(i16, i16*3, i16/7)
	var u16 uint16 = 65535
	u16 *= u16
	println(u16, uint16(70000+int(u16)))
	var i32 int32 = 2147483647
	i32 += 2
	println(i32, i32*i32, i32%1000, -i32/3)
	var u32 uint32 = 4000000000
	u32 += 500000000
	println(u32, u32*7, u32/3, ^u32)
	var x uint = 3
	var y uint = 5
	println(x-y, (x-y)>>60)
	var k int8 = -7
	println(k/2, k%2, k>>1, uint8(k)>>1, int16(k), uint16(k), int64(uint8(k)))
	var bytes [4]byte
	for i := range bytes {
		bytes[i] = byte(200 + i*20)
	}
	println(bytes[0], bytes[1], bytes[2], bytes[3], bytes[3]+bytes[2])
}
