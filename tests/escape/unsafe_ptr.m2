unsafe_ptr.go:12:11: parameter p leaks to ~r0 with derefs=0:
unsafe_ptr.go:12:11:   flow: ~r0 = p:
unsafe_ptr.go:12:11:     from return (*int)(unsafe.Pointer(p)) (return) at unsafe_ptr.go:13:2
unsafe_ptr.go:12:11: leaking param: p to result ~r0 level=0
