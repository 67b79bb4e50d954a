package main

func add(a, b int64) int64 { return a + b }
func sub(a, b int64) int64 { return a - b }
func mul(a, b int64) int64 { return a * b }

func main() {
	var max int64 = 1<<63 - 1
	var min int64 = -1 << 63
	println(add(max, 1), sub(min, 1), mul(max, 2), mul(min, -1))
	x := int64(123456789)
	println(x*x, x*x*x, -x, ^x, x&0xff, x|0xf0f0, x^-1, x&^0xffff)
	var u uint64 = 1<<64 - 1
	println(u, u+1, u*u, u/3, u%7, u>>1, -u)
	var n int = 7
	println(n/2, -n/2, n%3, -n%3, n%-3, -n%-3)
	var m int = -1
	println(min/int64(m), min%int64(m))
	i := 0
	i++
	i += 10
	i -= 3
	i *= 4
	i /= 3
	i %= 7
	i <<= 5
	i >>= 2
	i |= 1
	i &= 0x3d
	i ^= 0x100
	println(i)
}
