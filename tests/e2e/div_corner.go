package main

func div8(a, b int8) (int8, int8)     { return a / b, a % b }
func div16(a, b int16) (int16, int16) { return a / b, a % b }
func div32(a, b int32) (int32, int32) { return a / b, a % b }
func div64(a, b int64) (int64, int64) { return a / b, a % b }
func divu(a, b uint64) (uint64, uint64) { return a / b, a % b }
func divu8(a, b uint8) (uint8, uint8)   { return a / b, a % b }

func main() {
	println(div8(-128, -1))
	println(div16(-32768, -1))
	println(div32(-2147483648, -1))
	println(div64(-9223372036854775808, -1))
	println(div64(-7, 2))
	println(div64(7, -2))
	println(div64(-7, -2))
	println(div32(-7, 2))
	println(div8(-7, 2))
	println(divu(18446744073709551615, 10))
	println(divu(18446744073709551615, 18446744073709551614))
	println(divu8(255, 16))
	for i := int64(-5); i <= 5; i++ {
		if i == 0 {
			continue
		}
		q, r := div64(100, i)
		print(q, " ", r, " ")
	}
	println()
	x := 1000
	println(x/8, x%8, -x/8, -x%8, x/-8, x/1024, x/3, x%3)
	var u uint = 1000
	println(u/8, u%8, u/7, u%7)
}
