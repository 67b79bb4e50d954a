package main

const z = 0
const q = 7 % z

func main() {
	println(q)
}
