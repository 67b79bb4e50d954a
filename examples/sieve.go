// sieve.go: slices, nested loops and labeled continue.
package main

const limit = 100

func primes(n int) []int {
	composite := make([]bool, n+1)
	var out []int
outer:
	for i := 2; i <= n; i++ {
		if composite[i] {
			continue outer
		}
		out = append(out, i)
		for j := i * i; j <= n; j += i {
			composite[j] = true
		}
	}
	return out
}

func main() {
	ps := primes(limit)
	println(len(ps), "primes below", limit)
	for i, p := range ps {
		if i%10 == 9 {
			println(p)
		}
	}
}
