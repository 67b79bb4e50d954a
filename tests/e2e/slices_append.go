package main

func sum(s []int) int {
	t := 0
	for _, v := range s {
		t += v
	}
	return t
}

func main() {
	var s []int
	println(s == nil, len(s), cap(s))
	for i := 0; i < 20; i++ {
		s = append(s, i*i)
		print(len(s), ":", cap(s), " ")
	}
	println()
	println(sum(s), s[19])
	t := append(s[:3], 100, 200)
	println(len(t), s[3], s[4], t[4])
	u := make([]int, 3, 10)
	u[2] = 7
	u = append(u, s...)
	println(len(u), cap(u), u[2], u[3], u[22])
	dst := make([]int, 5)
	n := copy(dst, s[10:])
	println(n, dst[0], dst[4])
	n = copy(s[1:], s)
	println(n, s[0], s[1], s[2], s[19])
	bs := make([]byte, 3)
	n = copy(bs, "hello")
	println(n, string(bs))
	var big []string
	for i := 0; i < 5; i++ {
		big = append(big, "x")
	}
	println(len(big), cap(big))
	st := make([]struct{ a, b int }, 2)
	st = append(st, struct{ a, b int }{1, 2})
	println(len(st), cap(st), st[2].a, st[2].b)
	e := []int{}
	println(e == nil, len(e))
}
