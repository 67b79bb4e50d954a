package main

// Deferred interface method calls: the wrapper calls the method on its
// copy of the receiver.

type Closer interface{ Close() error }

type file struct{ name string }

func (f *file) Close() error { return nil }

var global Closer

func use(c Closer) {
	defer c.Close()
}

func each(cs []Closer) {
	for _, c := range cs {
		defer c.Close()
	}
}

func noLocals() {
	defer global.Close()
}

func main() {
	use(&file{"a"})
	each(nil)
	noLocals()
}
