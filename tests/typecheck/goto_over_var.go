package main

func main() {
	goto done
	x := 1
	println(x)
done:
	println("end")
}
