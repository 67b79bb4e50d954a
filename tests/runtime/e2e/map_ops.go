package main

type P struct {
	X, Y int
	Name string
}

type K struct {
	a int8
	_ int8
	s string
}

func sum(m map[string]int) int {
	s := 0
	for _, v := range m {
		s += v
	}
	return s
}

func main() {
	m := map[string]int{"one": 1, "two": 2, "three": 3}
	m["four"] = 4
	m["two"] += 20
	delete(m, "one")
	delete(m, "missing")
	v, ok := m["two"]
	w, ok2 := m["one"]
	println(len(m), v, ok, w, ok2, sum(m))

	var nilmap map[int]string
	println(len(nilmap), nilmap[3] == "", nilmap == nil)
	delete(nilmap, 1)
	for range nilmap {
		println("unreachable")
	}

	big := make(map[int]int)
	for i := 0; i < 10000; i++ {
		big[i*31] = i
	}
	total := 0
	for k, v := range big {
		if k != v*31 {
			println("bad", k, v)
		}
		total += v
	}
	println(len(big), total)
	for i := 0; i < 10000; i += 2 {
		delete(big, i*31)
	}
	println(len(big), big[31], big[62])

	pts := map[P]int{}
	pts[P{1, 2, "a"}] = 5
	pts[P{1, 2, "a"}]++
	pts[P{2, 1, "a"}] = 7
	println(len(pts), pts[P{1, 2, "a"}], pts[P{2, 1, "b"}])

	ks := map[K]bool{}
	ks[K{a: 1, s: "x"}] = true
	println(ks[K{a: 1, s: "x"}], ks[K{a: 2, s: "x"}])

	arr := map[[2]float64]string{}
	arr[[2]float64{0, 1}] = "zero-one"
	negz := 0.0
	negz = -negz
	println(arr[[2]float64{negz, 1}])

	nan := 0.0
	nan = nan / nan
	fm := map[float64]int{}
	fm[nan] = 1
	fm[nan] = 2
	fm[1.5] = 3
	_, found := fm[nan]
	n := 0
	for k := range fm {
		if k != k {
			n++
		}
	}
	println(len(fm), found, n)

	im := map[interface{}]int{}
	im[1] = 1
	im["1"] = 2
	im[1.0] = 3
	im[P{1, 2, "z"}] = 4
	im[nil] = 5
	im[1] += 10
	println(len(im), im[1], im["1"], im[1.0], im[P{1, 2, "z"}], im[nil], im[int8(1)])

	lists := map[string][]int{}
	for i := 0; i < 10; i++ {
		key := "even"
		if i%2 == 1 {
			key = "odd"
		}
		lists[key] = append(lists[key], i)
	}
	println(len(lists["even"]), lists["odd"][4])

	nested := map[int]map[int]int{}
	for i := 0; i < 3; i++ {
		nested[i] = map[int]int{i: i * i}
	}
	println(nested[2][2], len(nested[1]))

	del := map[int]int{}
	for i := 0; i < 100; i++ {
		del[i] = i
	}
	seen := 0
	for k := range del {
		seen++
		for j := 0; j < 100; j++ {
			if j != k {
				delete(del, j)
			}
		}
	}
	println(seen, len(del))

	grow := map[int]int{0: 0, 1: 1, 2: 2}
	visits := 0
	for k := range grow {
		if k < 3 {
			visits++
		}
		for j := 0; j < 100; j++ {
			grow[1000+k*100+j] = j
		}
	}
	println(visits, len(grow) >= 103)
}
