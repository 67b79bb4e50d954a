package main

import "fmt"

// Arguments of deferred calls: copied into temporaries the wrapper
// captures, before the wrapper builds the variadic slice.

var sink *int

func record(p *int) { sink = p }

func note(p *int) {}

func pair(a, b interface{}) {}

func report(xs []int) {
	total := 0
	for _, x := range xs {
		total += x
	}
	defer fmt.Println("total", total, len(xs))
	defer pair(total, xs)
	y := 1
	defer record(&y)
	for i := 0; i < 2; i++ {
		z := i
		defer note(&z)
		defer fmt.Println(i, z)
	}
	defer func(p *int) {
		*p++
	}(&total)
}

func main() {
	report([]int{1, 2})
}
