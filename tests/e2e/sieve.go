package main

func sieve(n int) []int {
	composite := make([]bool, n+1)
	var primes []int
	for i := 2; i <= n; i++ {
		if composite[i] {
			continue
		}
		primes = append(primes, i)
		for j := i * i; j <= n; j += i {
			composite[j] = true
		}
	}
	return primes
}

func bubble(a []int) {
	for i := 0; i < len(a); i++ {
		for j := 0; j+1 < len(a)-i; j++ {
			if a[j] > a[j+1] {
				a[j], a[j+1] = a[j+1], a[j]
			}
		}
	}
}

func main() {
	p := sieve(1000)
	println(len(p), p[0], p[len(p)-1])
	a := []int{5, 2, 9, 1, 5, 6, -3, 0}
	bubble(a)
	for _, v := range a {
		print(v, " ")
	}
	println()
	var h uint32 = 2166136261
	for i := 0; i < 1000; i++ {
		h ^= uint32(i & 0xff)
		h *= 16777619
	}
	println(h)
}
