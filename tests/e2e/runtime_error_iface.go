package main

// A recovered run-time error is an error: its Error method gives the message.

func try(f func()) {
	defer func() {
		r := recover()
		err, ok := r.(error)
		println(ok, err.Error())
		println(r.(error).Error())
	}()
	f()
}

func main() {
	var s []int
	i := 5
	try(func() { _ = s[i] })
	var p *int
	try(func() { _ = *p })
	z := 0
	try(func() { _ = i / z })
}
