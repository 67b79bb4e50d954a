package main

func pair() (int, error) { return 1, nil }

func main() {
	a, err := pair()
	b, err := pair()
	if err != nil {
		return
	}
	x := 1
	{
		x := "inner"
		println(x)
	}
	if x := 2.5; x > 1 {
		println(x)
	}
	for x := 0; x < 1; x++ {
		println(x)
	}
	_ = b
	println(a, x)
	var len = 3
	println(len)
}
