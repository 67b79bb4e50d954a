package main

// Equality of dynamic values through their type descriptors: interfaces
// holding structs, arrays, strings and floats; map keys of those types.

type Key struct {
	Name string
	N    int
	F    float64
}

type Pair [2]string

type Big [40]int

type Inner struct {
	A int8
	B int64
	S string
}

type Wrap struct {
	In  Inner
	Arr [3]Inner
	I   interface{}
}

func main() {
	var a, b interface{} = Key{"k", 1, 0.5}, Key{"k", 1, 0.5}
	println(a == b)
	b = Key{"k", 2, 0.5}
	println(a == b)
	a, b = Pair{"x", "y"}, Pair{"x", "y"}
	println(a == b)
	var big1, big2 Big
	big2[39] = 1
	a, b = big1, big2
	println(a == b)
	big2[39] = 0
	b = big2
	println(a == b)
	nan := 0.0
	nan = nan / nan
	a, b = nan, nan
	println(a == b)
	w1 := Wrap{Inner{1, 2, "s"}, [3]Inner{{S: "t"}}, 5}
	w2 := w1
	a, b = w1, w2
	println(a == b)
	w2.Arr[2].B = 9
	b = w2
	println(a == b)
	w2 = w1
	w2.I = "5"
	b = w2
	println(a == b)

	m := map[Key]int{}
	m[Key{"a", 1, 1}] = 10
	m[Key{"a", 1, 1}] += 5
	m[Key{"b", 1, 1}] = 20
	println(len(m), m[Key{"a", 1, 1}], m[Key{"b", 1, 1}], m[Key{"c", 0, 0}])

	pm := map[Pair]string{{"1", "2"}: "one-two"}
	v, ok := pm[Pair{"1", "2"}]
	println(v, ok)
	_, ok = pm[Pair{"2", "1"}]
	println(ok)

	im := map[interface{}]int{}
	im[1] = 1
	im["1"] = 2
	im[Key{"k", 0, 0}] = 3
	im[1] += 10
	println(len(im), im[1], im["1"], im[Key{"k", 0, 0}], im[2])

	bm := map[Big]bool{}
	bm[big1] = true
	println(bm[big2], len(bm))
}
