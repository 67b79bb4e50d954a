package main

func main() {
	doit(1)
}
