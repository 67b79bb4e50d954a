package main

import m "math"

func main() {
}
