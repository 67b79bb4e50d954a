// Division and modulus by constants of every kind (powers of two, their
// negations, MinInt, odd and even magic numbers) at every integer width,
// compiled as shifts and multiplications: checked against Go on edge values
// and through checksums over many dividends.
package main

import "fmt"

var edges64 = []int64{0, 1, 2, 3, 7, -1, -2, -3, -7, 100, -100, 1 << 31, -1 << 31, 1<<31 - 1,
	1<<63 - 1, -1 << 63, -1<<63 + 1, 1<<63 - 2, 6700417, -6700417, 999999999999}

func div8(x int8) [12]int8 {
	return [12]int8{x / 2, x / -2, x / 3, x / -7, x / 10, x / -128, x / 127, x / -1,
		x % 3, x % -8, x % -128, x % 10}
}

func divu8(x uint8) [6]uint8 {
	return [6]uint8{x / 2, x / 3, x / 10, x / 255, x % 7, x % 16}
}

func div16(x int16) [8]int16 {
	return [8]int16{x / 4, x / 10, x / -641, x / -32768, x % 60, x % 1024, x % -7, x / 32767}
}

func divu16(x uint16) [5]uint16 {
	return [5]uint16{x / 3, x / 1000, x / 65535, x % 10, x % 4096}
}

func div32(x int32) [8]int32 {
	return [8]int32{x / 2, x / 7, x / -10, x / 1000000007, x / -2147483648, x % 10, x % -16, x % 641}
}

func divu32(x uint32) [6]uint32 {
	return [6]uint32{x / 3, x / 7, x / 10, x / 4294967291, x % 1000, x % 65536}
}

func div64(x int64) [10]int64 {
	return [10]int64{x / 2, x / 3, x / 7, x / -10, x / 1000000000000, x / -9223372036854775808,
		x / 9223372036854775807, x % 10, x % -4096, x % 6700417}
}

func divu64(x uint64) [8]uint64 {
	return [8]uint64{x / 3, x / 7, x / 10, x / 12, x / 1000000007, x / 18446744073709551557, x % 10, x % 1024}
}

func main() {
	for _, e := range edges64 {
		fmt.Println(e, div8(int8(e)), divu8(uint8(e)), div16(int16(e)), divu16(uint16(e)))
		fmt.Println(e, div32(int32(e)), divu32(uint32(e)))
		fmt.Println(e, div64(e), divu64(uint64(e)))
	}
	var s8, s16, s32, s64 int64
	var u8, u16, u32, u64 uint64
	for i := -128; i < 128; i++ {
		for j, q := range div8(int8(i)) {
			s8 += int64(q) * int64(j+1)
		}
		for j, q := range divu8(uint8(i)) {
			u8 += uint64(q) * uint64(j+1)
		}
	}
	for i := -32768; i < 32768; i++ {
		for j, q := range div16(int16(i)) {
			s16 += int64(q) * int64(j+1)
		}
		for j, q := range divu16(uint16(i)) {
			u16 += uint64(q) * uint64(j+1)
		}
	}
	x := uint64(0x9e3779b97f4a7c15)
	for i := 0; i < 200000; i++ {
		x = x*6364136223846793005 + 1442695040888963407
		y := x >> (x % 61)
		for j, q := range div32(int32(y)) {
			s32 += int64(q) * int64(j+1)
		}
		for j, q := range divu32(uint32(y)) {
			u32 += uint64(q) * uint64(j+1)
		}
		for j, q := range div64(int64(y)) {
			s64 += q * int64(j+1)
		}
		for j, q := range divu64(y) {
			u64 += q * uint64(j+1)
		}
	}
	fmt.Println(s8, u8, s16, u16, s32, u32, s64, u64)
}
