package main

type Stringer interface{ String() string }

type name string

func (n name) String() string { return string(n) }

type box struct{ v int }

func (b *box) String() string { return "box" }

var sink interface{}

func local() bool {
	var e interface{} = 42
	return e != nil
}

func stored(x int) {
	sink = x
}

func returned(s string) interface{} {
	return s
}

func pointer() Stringer {
	return &box{1}
}

func explicit(n name) Stringer {
	return Stringer(n)
}

func constant() interface{} {
	return "const"
}

func main() {
	println(local(), returned("a") != nil, pointer().String(), explicit("b").String(), constant() != nil)
	stored(1)
}
