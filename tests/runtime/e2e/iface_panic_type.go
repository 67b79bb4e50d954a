package main

func get(e interface{}) int {
	return e.(int)
}

func main() {
	var e interface{} = "hello"
	defer func() {
		r := recover()
		println("recovered:", r != nil)
		var f interface{} = 2.5
		println(get(f))
	}()
	println(get(e))
}
