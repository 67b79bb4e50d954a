package main

type T struct{ Len int }

func (t T) Len() int { return 0 }

func main() {
}
