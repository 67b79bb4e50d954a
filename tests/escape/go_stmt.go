package main

type T struct{ n int }

func work(t *T) { t.n++ }

func spawn() {
	t := &T{1}
	go work(t)
}

func spawnClosure() {
	x := 2
	go func() {
		x++
	}()
}

func spawnValue(n int) {
	go println(n)
}

func main() {
	spawn()
	spawnClosure()
	spawnValue(3)
}
