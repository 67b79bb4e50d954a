package main

type T struct{ n int }

func send(c chan *T) {
	t := &T{1}
	c <- t
}

func sendValue(c chan int) {
	x := 2
	c <- x
}

func recv(c chan *int) *int {
	return <-c
}

func local() int {
	c := make(chan int, 1)
	c <- 3
	return <-c
}

func main() {
	send(make(chan *T, 1))
	sendValue(make(chan int, 1))
	println(local())
	_ = recv
}
