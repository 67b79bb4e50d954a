package main

func worker(in <-chan int, out chan<- int, done chan struct{}) {
	for v := range in {
		out <- v * 2
	}
	close(done)
}

func main() {
	in := make(chan int)
	out := make(chan int, 3)
	done := make(chan struct{})
	go worker(in, out, done)
	for i := 0; i < 3; i++ {
		in <- i
	}
	close(in)
	<-done
	select {
	case v, ok := <-out:
		println(v, ok)
	default:
	}
	println(len(out), cap(out))
}
