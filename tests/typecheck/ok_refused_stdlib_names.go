package main

import (
	"fmt"
	"os"
)

// Valid Go: these names exist in Go 1.19's fmt and os, but not in mgc's.
func main() {
	var f *os.File = os.Stdout
	fmt.Fprintf(f, "%s\n", os.Getenv("HOME"))
	if len(os.Args) > 5 {
		os.Exit(3)
	}
}
