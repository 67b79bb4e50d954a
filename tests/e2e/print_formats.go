package main

func main() {
	println(1, -1, 0, 9223372036854775807, -9223372036854775808)
	println(uint64(18446744073709551615), uint8(255), int8(-128))
	println(true, false, "str", "")
	println(1.0, -1.0, 0.0, 100.0, 1e100, 1.5e-7, 123.456)
	println(float32(1.5), float32(0.1))
	var p *int
	println(p == nil)
	print("a", 1, true, 2.5, "\n")
	print("no", "spaces", 1, 2, "\n")
	println()
	println("multi\nline")
	var s []int
	println(len(s))
	var r rune = 'x'
	var by byte = 'y'
	println(r, by)
}
