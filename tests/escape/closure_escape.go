package main

var sink func()

func returned() func() int {
	return func() int { return 1 }
}

func stored() {
	sink = func() {}
}

func called() int {
	return func() int { return 2 }()
}

func passed(f func() int) int {
	return f()
}

func arg() int {
	k := 3
	return passed(func() int { return k })
}

func inSlice() []func() {
	return []func(){func() {}}
}

func main() {
	println(returned()(), called(), arg(), len(inSlice()))
	stored()
}
