package main

var sinkB []byte
var sinkS string

func toBytes(s string) int {
	b := []byte(s)
	return len(b)
}

func toBytesLeak(s string) []byte {
	return []byte(s)
}

func toString(b []byte) string {
	return string(b)
}

func toStringLocal(b []byte) int {
	s := string(b)
	return len(s)
}

func runes(s string) int {
	r := []rune(s)
	return len(r)
}

func fromRunes(r []rune) {
	sinkS = string(r)
}

func fromRune(r rune) string {
	return string(r)
}

func compare(b []byte) bool {
	return string(b) == "abc"
}

func main() {
	println(toBytes("a"), len(toBytesLeak("b")), toString(nil), toStringLocal(nil), runes("c"))
	fromRunes(nil)
	println(fromRune('x'), compare(nil))
	sinkB = []byte("d")
}
