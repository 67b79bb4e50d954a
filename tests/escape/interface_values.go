package main

type I interface{ M() }

type T struct{ n int }

func (t *T) M() {}

type V struct{ n int }

func (v V) M() {}

var sink I

func callPtr(i I) {
	i.M()
}

func store(i I) {
	sink = i
}

func main() {
	callPtr(&T{1})
	callPtr(V{2})
	store(&T{3})
	store(V{4})
	var w I = V{5}
	w.M()
}
