package main

type A interface {
	Fn(A.Fn)
}

type B interface {
	M()
	N(B.M)
}

type C interface {
	G(x C)
}

func main() {}
