package main

func main() {
	arr := [10]int{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}
	s := arr[2:5]
	println(len(s), cap(s), s[0], s[2])
	t := arr[2:5:6]
	println(len(t), cap(t))
	t = append(t, 60)
	println(arr[5], t[3])
	t = append(t, 70)
	println(arr[6], t[4], len(t))
	u := s[1:8]
	println(len(u), cap(u), u[6])
	v := arr[:]
	v[0] = 99
	println(arr[0], len(v), cap(v))
	w := arr[8:]
	println(len(w), cap(w))
	p := &arr
	q := p[1:3:4]
	println(len(q), cap(q), q[1])
	str := "hello world"
	println(str[6:], str[:5], str[3:8])
	x := s[:0]
	println(len(x), cap(x))
	m := make([]int, 2, 5)
	mm := m[1:4:5]
	println(len(mm), cap(mm))
}
