package main

func main() {
	n := 0
outer:
	for i := 0; i < 5; i++ {
		for j := 0; j < 5; j++ {
			if j == 3 {
				continue outer
			}
			if i == 4 {
				break outer
			}
			n++
		}
	}
	i := 0
loop:
	if i < 3 {
		i++
		goto loop
	}
sw:
	switch {
	case n > 0:
		for {
			break sw
		}
	}
	println(n, i)
}
