package main

func init() {}

var f = init

func main() {
}
