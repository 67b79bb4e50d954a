package main

func main() {
	s := "aé世😀"
	for i, r := range s {
		println(i, r)
	}
	bad := "a\xffb\xe4\xb8c\xed\xa0\x80d"
	for i, r := range bad {
		println(i, r)
	}
	n := 0
	for range s {
		n++
	}
	println(n, len(s))
	for i := range "xyz" {
		print(i)
	}
	println()
	for i := 0; i < len(s); i++ {
		print(s[i], " ")
	}
	println()
}
