// Arrays and structs of small elements passed straight to a call (boxed
// for fmt) and copied: Moves of 1 to 24 bytes with 2- and 1-byte tails.
package main

import "fmt"

type S3 struct {
	a, b, c int8
}

type S7 struct {
	a int32
	b int16
	c int8
}

type S12 struct {
	a int64
	b int32
}

type S24 struct {
	x, y, z float64
}

type S13 struct {
	a int64
	b int32
	c bool
}

func mk(i int8) S3 { return S3{i, i + 1, i + 2} }

func main() {
	fmt.Println([2]bool{true, false})
	fmt.Println([3]int8{1, 2, 3})
	fmt.Println([1]uint8{200}, [5]int8{-1, -2, -3, -4, -5}, [6]int16{1, -2, 3, -4, 5, -6})
	fmt.Println([3]int16{7, 8, 9}, [7]bool{true, false, true, true, false, false, true})
	fmt.Println(S3{1, 2, 3}, S7{1, 2, 3}, S12{4, 5}, S13{6, 7, true}, S24{1.5, 2.5, 3.5})
	var arr [4]S3
	for i := range arr {
		arr[i] = mk(int8(i * 3))
	}
	fmt.Println(arr)
	s := arr[2]
	arr[1] = s
	fmt.Println(arr, s)
	p := &S13{1, 2, false}
	q := *p
	q.c = true
	fmt.Println(*p, q)
	v := S24{1, 2, 3}
	for i := 0; i < 3; i++ {
		w := S24{v.x + 1, v.y * 2, v.z - 1}
		v = w
	}
	fmt.Println(v)
	fmt.Printf("%v %v\n", [2]int8{-7, 7}, [3]uint16{65535, 1, 2})
}
