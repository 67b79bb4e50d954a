package main

type Reader interface {
	Read(p []byte) int
}

type file struct{ data []byte }

func (f *file) Read(p []byte) int { return copy(p, f.data) }

func readAll(r Reader) int {
	buf := make([]byte, 16)
	return r.Read(buf)
}

func readPtr(r Reader, x *int) int {
	b := []byte{1}
	*x = r.Read(b)
	return *x
}

func main() {
	f := &file{data: []byte("abc")}
	n := 0
	println(readAll(f), readPtr(f, &n))
}
