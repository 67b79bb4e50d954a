package main

type buf struct {
	b   []byte
	arr [4]int
	s   []int
	p   *int
}

func trim(b *buf) {
	b.b = b.b[1:]
}

func trim3(b *buf) {
	b.b = b.b[1:2:3]
}

func arrSlice(b *buf) {
	b.s = b.arr[:]
}

func notSelf(a, b *buf) {
	a.b = b.b[1:]
}

func main() {
	x := &buf{b: []byte("abc")}
	trim(x)
	trim3(x)
	arrSlice(x)
	notSelf(x, x)
	println(len(x.b))
}
