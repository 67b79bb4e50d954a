package main

import (
	"fmt"
	"math"
)

func main() {
	xs := []float64{0, -0.0, 0.5, 1, 1.5, 2, 2.5, 3, -2, -2.5, 10, 1e-3, 123.456, 1e300, -1e-300}
	ys := []float64{0, 0.5, -0.5, 1, 2, 3, -3, 0.3, 1.7, 10, 53.5, -7.25, 100, 1e10}
	for _, x := range xs {
		for _, y := range ys {
			fmt.Print(math.Pow(x, y), " ")
		}
		fmt.Println()
		fmt.Println(math.Sqrt(x), math.Exp(x), math.Log(x), math.Mod(x, 0.7), math.Mod(-x, 3),
			math.Floor(x), math.Ceil(x), math.Trunc(x), math.Abs(x), math.Signbit(x),
			math.Max(x, 1), math.Min(x, 1), math.Copysign(3, x))
	}
	fmt.Println(math.Pow(-1, math.Inf(1)), math.Pow(math.Inf(-1), 3), math.Pow(-0.0, -3), math.Pow(0.5, math.Inf(-1)))
	fmt.Println(math.Float64bits(1.5), math.Float64frombits(0x4009_21fb_5444_2d18), math.Float32bits(0.1), math.Float32frombits(0x3f800000))
	fmt.Println(math.Inf(0), math.Inf(-5), math.IsInf(math.Inf(-1), 0), math.IsNaN(math.Log(-1)))
	fmt.Println(math.E, math.Pi, math.Phi, math.Sqrt2, math.Ln2, math.Log2E, math.MaxInt32, math.MinInt8, math.MaxUint16)
}
