package main

func u2f(u uint64) float64 { return float64(u) }
func f2u(f float64) uint64 { return uint64(f) }
func i2f(i int64) float64  { return float64(i) }
func f2i(f float64) int64  { return int64(f) }
func u2f32(u uint64) float32 { return float32(u) }
func f2u32(f float64) uint32 { return uint32(f) }
func f2i8(f float64) int8    { return int8(f) }
func u32f(u uint32) float64  { return float64(u) }

func main() {
	us := []uint64{0, 1, 1<<53 + 1, 1<<63 - 1, 1 << 63, 1<<63 + 1025, 1<<64 - 1, 12345678901234567890}
	for _, u := range us {
		println(u, u2f(u), u2f32(u))
	}
	fs := []float64{0, 0.5, 1.9, -1.9, 1e18, 9.2e18, 9.3e18, 1.8e19, 4294967295.7}
	for _, f := range fs {
		if f >= 0 && f < 1.8446744073709552e19 {
			println(f, f2u(f))
		}
		if f > -9.2e18 && f < 9.2e18 {
			println(f, f2i(f))
		}
	}
	println(f2u32(4294967295.0), f2u32(123.9), f2i8(-100.7), f2i8(127.2))
	println(i2f(-1), i2f(-9223372036854775808), i2f(9007199254740993))
	println(u32f(4294967295), float32(u32f(16777217)))
	var x int = 1000000007
	println(float64(x)*float64(x), int(float64(x)/3))
}
