// sieve: the sieve of Eratosthenes, run several times — slice indexing,
// bounds checks and tight integer loops.
package main

const (
	limit  = 20000000
	rounds = 5
)

// sieve marks the composites below len(composite) and returns how many
// primes there are.
func sieve(composite []bool) int {
	n := len(composite)
	for i := range composite {
		composite[i] = false
	}
	count := 0
	for i := 2; i < n; i++ {
		if composite[i] {
			continue
		}
		count++
		for j := i * i; j < n; j += i {
			composite[j] = true
		}
	}
	return count
}

func main() {
	composite := make([]bool, limit)
	total := 0
	count := 0
	for r := 0; r < rounds; r++ {
		count = sieve(composite)
		total += count
	}
	println("primes below", limit, "=", count, "total", total)
}
