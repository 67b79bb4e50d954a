// spectralnorm: the spectral norm of an infinite matrix — float64
// arithmetic, integer-to-float conversion and a small function called in
// the innermost loop.
package main

const n = 4000

// a returns the entry (i, j) of the matrix.
func a(i, j int) float64 {
	return 1.0 / float64((i+j)*(i+j+1)/2+i+1)
}

// mulAv stores A·v in av.
func mulAv(v, av []float64) {
	for i := range av {
		s := 0.0
		for j := range v {
			s += a(i, j) * v[j]
		}
		av[i] = s
	}
}

// mulAtv stores transpose(A)·v in atv.
func mulAtv(v, atv []float64) {
	for i := range atv {
		s := 0.0
		for j := range v {
			s += a(j, i) * v[j]
		}
		atv[i] = s
	}
}

// mulAtAv stores transpose(A)·A·v in out, using tmp.
func mulAtAv(v, out, tmp []float64) {
	mulAv(v, tmp)
	mulAtv(tmp, out)
}

// sqrt is Newton's iteration, so the program needs no import.
func sqrt(x float64) float64 {
	z := x
	for i := 0; i < 60; i++ {
		z = (z + x/z) / 2
	}
	return z
}

func main() {
	u := make([]float64, n)
	v := make([]float64, n)
	tmp := make([]float64, n)
	for i := range u {
		u[i] = 1
	}
	for i := 0; i < 10; i++ {
		mulAtAv(u, v, tmp)
		mulAtAv(v, u, tmp)
	}
	vBv, vv := 0.0, 0.0
	for i := range v {
		vBv += u[i] * v[i]
		vv += v[i] * v[i]
	}
	println(sqrt(vBv / vv))
}
