package main

func main() {
	s := "str"
	switch s.(type) {
	case string:
	}
}
