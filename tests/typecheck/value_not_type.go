package main

var v = 1

func f(x v) {}

func main() {
}
