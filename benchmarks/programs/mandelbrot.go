// mandelbrot: the Mandelbrot set on a size×size grid, one bit per point —
// float64 loops with a data-dependent exit; prints a checksum of the
// bitmap instead of writing it.
package main

const (
	size = 3000
	iter = 50
)

func main() {
	var sum, hash uint32
	var bytes int
	for y := 0; y < size; y++ {
		ci := 2.0*float64(y)/float64(size) - 1.0
		var bits byte
		nbits := 0
		for x := 0; x < size; x++ {
			cr := 2.0*float64(x)/float64(size) - 1.5
			zr, zi, tr, ti := 0.0, 0.0, 0.0, 0.0
			for i := 0; i < iter && tr+ti <= 4.0; i++ {
				zi = 2.0*zr*zi + ci
				zr = tr - ti + cr
				tr = zr * zr
				ti = zi * zi
			}
			bits <<= 1
			if tr+ti <= 4.0 {
				bits |= 1
			}
			nbits++
			if nbits == 8 || x == size-1 {
				bits <<= uint(8 - nbits)
				sum += uint32(bits)
				hash = hash*31 + uint32(bits)
				bytes++
				bits, nbits = 0, 0
			}
		}
	}
	println("mandelbrot", size, "bytes", bytes, "sum", sum, "hash", hash)
}
