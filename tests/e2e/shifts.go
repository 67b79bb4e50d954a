package main

func shl64(x int64, n uint) int64   { return x << n }
func shr64(x int64, n uint) int64   { return x >> n }
func shru64(x uint64, n uint) uint64 { return x >> n }
func shl32(x int32, n uint) int32   { return x << n }
func shr32(x int32, n uint) int32   { return x >> n }
func shru32(x uint32, n uint) uint32 { return x >> n }
func shl8(x int8, n uint8) int8      { return x << n }
func shr8(x int8, n uint8) int8      { return x >> n }
func shru8(x uint8, n uint8) uint8   { return x >> n }
func shl16(x uint16, n int) uint16   { return x << n }
func shr16(x int16, n int) int16     { return x >> n }

func main() {
	for _, n := range []uint{0, 1, 7, 8, 31, 32, 33, 63, 64, 65, 200, 1 << 40} {
		println(n, shl64(-3, n), shr64(-3, n), shru64(1<<63+5, n), shl32(-3, n), shr32(-1000, n), shru32(0xf0000000, n))
	}
	for n := uint8(0); n < 20; n += 3 {
		println(n, shl8(-5, n), shr8(-100, n), shru8(200, n))
	}
	for n := 0; n < 40; n += 5 {
		println(n, shl16(0x1234, n), shr16(-30000, n))
	}
	var big uint64 = 1 << 63
	println(1<<(big>>62), big>>big)
	x := 1
	x <<= 62
	println(x, x<<1, x<<2)
}
