package main

type key struct {
	a int
	b string
}

func main() {
	m := make(map[string]int)
	m["one"] = 1
	m["two"] += 2
	if v, ok := m["one"]; ok {
		println(v)
	}
	delete(m, "two")
	println(len(m))
	lit := map[key][]int{{1, "x"}: {1, 2}, key{2, "y"}: nil}
	for k, v := range lit {
		println(k.a, k.b, len(v))
	}
	nested := map[string]map[int]bool{"a": {1: true}}
	println(nested["a"][1])
	var iface map[interface{}]int = map[interface{}]int{1: 1, "s": 2}
	println(iface[1])
}
