package main

type T struct{ n int }

func (t *T) close() { t.n = 0 }

func inLoop() {
	for i := 0; i < 3; i++ {
		t := &T{i}
		defer t.close()
	}
}

func closureInLoop() {
	for i := 0; i < 2; i++ {
		defer func() {
			println("done")
		}()
	}
}

func capturedInLoop() {
	for i := 0; i < 2; i++ {
		j := i
		defer func() {
			println(j)
		}()
	}
}

func main() {
	inLoop()
	closureInLoop()
	capturedInLoop()
}
