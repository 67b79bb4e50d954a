package main

import "unsafe"

func main() {
	_ = unsafe.Sizeof
	x := len
	_ = x
	_ = (len)
	_ = len[0]
	var p = copy
	_ = p
	_ = unsafe.Sizeof[1]
}
