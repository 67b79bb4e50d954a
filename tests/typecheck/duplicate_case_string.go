package main

func main() {
	switch s := "a"; s {
	case "a", "b":
	case "a":
	}
}
