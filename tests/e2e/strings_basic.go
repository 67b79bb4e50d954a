package main

func greet(name string) string {
	return "hello, " + name + "!"
}

func main() {
	s := "héllo"
	println(s, len(s), s[0], s[1], s[2], s[1:3] == "é")
	t := greet("gopher")
	println(t, len(t))
	u := s + " " + t + " " + s
	println(u)
	println("a" < "b", "ab" < "a", "abc" == "ab"+"c", "x" > "", "" == "", "b" >= "ab")
	acc := ""
	for i := 0; i < 10; i++ {
		acc += string(rune('a' + i))
	}
	println(acc, acc[3:7], acc[:2], acc[8:], len(acc[5:5]))
	var empty string
	println(empty == "", len(empty), empty+"x")
	x := "go"
	y := x
	x += "lang"
	println(x, y)
	parts := []string{"one", "two", "three"}
	joined := ""
	for i, p := range parts {
		if i > 0 {
			joined += ","
		}
		joined += p
	}
	println(joined, len(joined))
}
