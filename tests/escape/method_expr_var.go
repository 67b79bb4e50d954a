package main

// Method expressions stored in variables and called through them: the call
// is to the method, with the receiver as the first argument.

type Acc struct{ total int }

func (a *Acc) Add(n int) { a.total += n }

func (a Acc) Get() int { return a.total }

type Keeper struct{ kept *Acc }

func (k *Keeper) Keep(a *Acc) { k.kept = a }

func sum(xs []int) int {
	a := Acc{}
	add := (*Acc).Add
	for _, x := range xs {
		add(&a, x)
	}
	get := Acc.Get
	return get(a)
}

func keep(k *Keeper) {
	b := Acc{}
	keepFn := (*Keeper).Keep
	keepFn(k, &b)
}

func main() {
	println(sum([]int{1, 2, 3}))
	keep(&Keeper{})
}
