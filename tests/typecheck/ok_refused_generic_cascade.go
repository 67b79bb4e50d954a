package main

type S[K any] struct {
	A K
}

func first[K any](s *S[K]) K { return s.A }

// Valid Go: nothing but the refusals may be reported, although the
// results of the refused generic calls have no type for mgc.
func main() {
	x := first(new(S[int]))
	var y int = x + 1
	println(y, first[string](&S[string]{"a"}) + "b")
}
