package main

var v Widget

func main() {
}
