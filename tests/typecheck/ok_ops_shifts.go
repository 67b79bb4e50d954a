package main

func main() {
	var a uint8 = 200
	var b int = -7
	s := uint(3)
	println(a+100, b/2, b%3, b>>1, -b, ^a, a&^0xf, b<<s, 1<<s, a|3, a^3)
	x := 1.5
	println(x*2, x/0.5, x > 1 && b < 0 || false, !(x == 1.5))
	const big = 1 << 40
	println(big>>38, int64(big))
	var f float64 = 1 << 3
	var g int = 1.0 << s
	_, _ = f, g
	var i8 int8 = -128
	i8--
	b += 3
	b <<= 2
	println(i8, b)
}
