package main

func main() {
	ch := make(chan int, 1)
	var r <-chan int = ch
	var s chan<- int = ch
	ch <- "x"
	r <- 1
	x := <-s
	close(r)
	var n int
	n <- 1
	for range s {
	}
	select {
	case v := <-ch:
		_ = v
	case ch <- 1.5:
	}
	go func() {}()
	_ = x
}
