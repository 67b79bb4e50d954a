package main

var m = map[*int]*int{}

func keyValue() {
	k, v := 1, 2
	m[&k] = &v
}

func lookup(p *int) *int {
	return m[p]
}

func localMap() int {
	l := map[string]*int{}
	x := 3
	l["x"] = &x
	return *l["x"]
}

func rangeMap(mm map[string]*int) *int {
	for _, v := range mm {
		return v
	}
	return nil
}

func deleteKey(mm map[string]int, k string) {
	delete(mm, k)
}

func main() {
	keyValue()
	y := 4
	println(lookup(&y) == nil, localMap(), rangeMap(nil) == nil)
	deleteKey(nil, "a")
}
