package main

func main() {
	s := "héllo, 世界"
	n := 0
	for i, r := range s {
		if r > 127 {
			n += i
		}
	}
	for i := range s {
		_ = i
	}
	for range s {
		n++
	}
	b := []byte(s)
	rs := []rune(s)
	println(n, len(b), len(rs), string(rs[1]), string(b[:2]), s[1], s[2:4])
	t := s + "!"
	println(t > s, t[len(t)-1] == '!')
	c := string(rune(65))
	println(c)
}
