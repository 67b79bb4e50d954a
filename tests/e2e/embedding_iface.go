package main

// Promoted methods satisfy interfaces through embedded values and
// pointers; method sets of T and *T differ.

type Speaker interface{ Speak() string }
type Walker interface{ Walk() int }
type Animal interface {
	Speaker
	Walker
}

type Legs struct{ n int }

func (l Legs) Walk() int { return l.n }

type Voice struct{ word string }

func (v *Voice) Speak() string { return v.word }

type Dog struct {
	Legs
	*Voice
	name string
}

type Bird struct {
	Legs
	Voice
}

func (b *Bird) Speak() string { return "tweet " + b.word }

func describe(a Animal) {
	println(a.Speak(), a.Walk())
}

func main() {
	d := Dog{Legs{4}, &Voice{"woof"}, "rex"}
	describe(d)
	describe(&d)
	var s Speaker = d
	println(s.Speak())
	b := &Bird{Legs{2}, Voice{"chirp"}}
	describe(b)
	var w Walker = *b
	println(w.Walk())
	_, ok := w.(Speaker)
	println(ok)
	var x interface{} = b
	a, ok := x.(Animal)
	println(ok, a.Walk())
	d.Voice.word = "bark"
	println(s.Speak())
	animals := []Animal{d, b, &d}
	total := 0
	for _, an := range animals {
		total += an.Walk()
	}
	println(total)
}
