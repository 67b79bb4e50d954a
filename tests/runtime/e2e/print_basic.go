package main

func main() {
	println(1, -5, uint64(18446744073709551615), int64(-9223372036854775808))
	println(1.5, -2.25, 1e300*10, 3.14159265358979, 1e-7, 123456789.0, float32(0.1), 9.9999999, 0.99999995, 5e-324, 1.7976931348623157e308)
	println(true, false, "str", "")
	var p *int
	println(p)
	print("a", 1, "\n")
	var z float64
	println(z/z, 1/z, -1/z, -z)
	println()
}
