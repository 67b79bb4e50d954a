package main

func main() {
	for i := 0; i < 3; i++ {
		print(i)
	}
	println()
	j := 0
	for j < 5 {
		j += 2
	}
	println(j)
	k := 0
	for {
		k++
		if k == 7 {
			break
		}
	}
	println(k)
outer:
	for a := 0; a < 5; a++ {
		for b := 0; b < 5; b++ {
			if b == 3 {
				continue outer
			}
			if a == 3 {
				break outer
			}
			print(a, b, " ")
		}
	}
	println()
	n := 0
loop:
	if n < 5 {
		n++
		goto loop
	}
	println(n)
	count := 0
	for i := 0; i < 100; i++ {
		if i%2 == 0 {
			continue
		}
		if i > 20 {
			break
		}
		count++
	}
	println(count)
	i := 10
	for ; i > 0; i -= 3 {
	}
	println(i)
	var primes []int
	for c := 2; len(primes) < 10; c++ {
		isp := true
		for _, p := range primes {
			if c%p == 0 {
				isp = false
				break
			}
		}
		if isp {
			primes = append(primes, c)
		}
	}
	println(primes[9])
}
