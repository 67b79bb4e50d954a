package main

import "fmt"

type T struct{ n int }

func main() {
	x := 1
	fmt.Println(x)
	s := "a"
	fmt.Printf("%s %d\n", s, x)
	t := T{2}
	fmt.Println(t, &t)
	msg := fmt.Sprintf("%v", x)
	err := fmt.Errorf("bad %d", x)
	fmt.Println(msg, err)
	fmt.Print("literal\n")
}
