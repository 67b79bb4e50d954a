package main

func classify(x, y float64) string {
	s := ""
	if x < y {
		s += "lt "
	}
	if x <= y {
		s += "le "
	}
	if x > y {
		s += "gt "
	}
	if x >= y {
		s += "ge "
	}
	if x == y {
		s += "eq "
	}
	if x != y {
		s += "ne "
	}
	if !(x < y) {
		s += "!lt "
	}
	return s
}

func main() {
	zero := 0.0
	nan := zero / zero
	println(classify(1, 2))
	println(classify(2, 1))
	println(classify(1, 1))
	println(classify(nan, 1))
	println(classify(1, nan))
	println(classify(nan, nan))
	var f32 float32 = 1.5
	var g32 float32 = float32(nan)
	println(f32 < g32, f32 == f32, g32 != g32, -f32 < 0)
	inf := 1 / zero
	println(inf > 1e308, -inf < -1e308, inf == inf)
}
