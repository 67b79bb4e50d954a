package main

func main() {
	s := "héllo, 世界"
	b := []byte(s)
	println(len(b), b[1], b[2], cap(b) >= len(b))
	b[0] = 'H'
	println(string(b), s)
	r := []rune(s)
	println(len(r), r[1], r[7], r[8])
	r[8] = 'X'
	println(string(r))
	println(string(rune(65)), string(rune(0x4e16)), string(rune(-1)), string(rune(0x10ffff+1)))
	var bs []byte
	bs = append(bs, "abc"...)
	bs = append(bs, 'd')
	println(string(bs), len(bs))
	e := string([]byte{})
	println(e == "", len(e))
	bad := string([]byte{0xff, 'a', 0xc3})
	rr := []rune(bad)
	println(len(rr), rr[0], rr[1], rr[2])
}
