package main

func div(a, b float64) float64 { return a / b }

func main() {
	a := 1.5
	b := -2.25
	println(a+b, a-b, a*b, a/b, -a)
	println(0.1+0.2, div(1e300, 1e-10), div(-1e300, 1e-10), 1e-320, 123456789.0, 1.0/3.0)
	zero := 0.0
	nan := div(zero, zero)
	println(nan, nan == nan, nan != nan, nan < 1, nan > 1, nan <= nan)
	println(div(1, zero), div(-1, zero), -zero, zero*-1)
	println(a < b, a <= b, a > b, a >= b, a == 1.5, a != 1.5)
	sum := 0.0
	for i := 1; i <= 100; i++ {
		sum += 1.0 / float64(i*i)
	}
	println(sum)
	x := 3.0
	y := x*x*x - 2*x + 0.5
	println(y, float64(int64(y)), y > 20)
	var e float64 = 2.718281828459045
	println(e * e * e)
	println(float64(7)/2, 1e23, 5e-324, 1.7976931348623157e308)
}
