package main

// Invalid Go: gc reports the bad assignments and the mismatched types; mgc
// refuses the complex numbers and reports nothing else.
func main() {
	c := complex(1, 2)
	var n int = c
	var s string = real(c) + "x"
	var t string = 1
	println(n, s, t)
}
