package main

func f32(a, b float32) (float32, float32, float32, float32) {
	return a + b, a - b, a * b, a / b
}

func main() {
	var a float32 = 1.1
	var b float32 = 3.3
	println(f32(a, b))
	var c float32 = 16777216
	println(c+1, c+2, float64(c+1))
	d := float64(a)
	println(d, float32(d*3), float32(0.1)+float32(0.2))
	var big float32 = 3.4e38
	println(big*10, -big*10)
	var z float32
	println(z/z == z/z, float32(1)/z)
	println(int32(b*10), uint8(a*100), int64(-b))
}
