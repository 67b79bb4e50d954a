package main

var sink *int

const mode = 2

func constSwitch() {
	a, b := 1, 2
	switch mode {
	case 1:
		sink = &a
	case 2:
		println(b)
	}
}

func tagless() {
	c := 3
	switch {
	case false:
		sink = &c
	default:
		println(c)
	}
}

func noMatch() {
	d := 4
	switch mode {
	case 5:
		sink = &d
	}
}

func onlyDeadFor(p *int) {
	for false {
		sink = p
	}
}

func main() {
	constSwitch()
	tagless()
	noMatch()
	onlyDeadFor(nil)
}
