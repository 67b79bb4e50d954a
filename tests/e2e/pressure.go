package main

func mix(a, b, c, d, e, f, g, h int) int {
	x1 := a*3 + b
	x2 := b*5 - c
	x3 := c*7 + d
	x4 := d*11 - e
	x5 := e*13 + f
	x6 := f*17 - g
	x7 := g*19 + h
	x8 := h*23 - a
	x9 := x1 ^ x5
	x10 := x2 | x6
	x11 := x3 & x7
	x12 := x4 + x8
	x13 := x1*x2 - x3*x4
	x14 := x5*x6 - x7*x8
	x15 := helper(x9, x10)
	return x1 + x2 + x3 + x4 + x5 + x6 + x7 + x8 + x9 + x10 + x11 + x12 + x13 + x14 + x15
}

func helper(a, b int) int { return a%97 + b/3 }

func fmix(a, b, c, d float64) float64 {
	x := a * b
	y := c - d
	z := a / (d + 1)
	w := b + c*x
	u := helper(int(x), int(y))
	return x + y + z + w + float64(u) + a + b + c + d
}

func main() {
	t := 0
	for i := 0; i < 50; i++ {
		t += mix(i, i+1, i+2, i+3, i+4, i+5, i+6, i+7)
		t ^= t >> 7
	}
	println(t)
	println(fmix(1.5, 2.5, 3.5, 4.5), fmix(-1, 0.25, 8, 2))
	var u8 uint8 = 1
	var i16 int16 = 1
	var u32 uint32 = 1
	for i := 0; i < 20; i++ {
		u8 = u8<<1 | u8>>7
		i16 = i16*3 + int16(i)
		u32 = u32*2654435761 + uint32(i)
	}
	println(u8, i16, u32)
}
