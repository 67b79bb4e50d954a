package main

type T struct{ n int }

func named() (p *int) {
	x := 1
	p = &x
	return
}

func namedStruct() (t *T, err error) {
	t = &T{2}
	return t, nil
}

func param(q *int) (r *int) {
	r = q
	return
}

func bare(a []int) (s []int) {
	s = a[1:]
	return
}

func main() {
	t, _ := namedStruct()
	y := 3
	println(*named(), t.n, *param(&y), len(bare([]int{1, 2})))
}
