large_implicit.go:16:11: make([]int, 9000) escapes to heap:
large_implicit.go:16:11:   flow: {heap} = &{storage for make([]int, 9000)}:
large_implicit.go:16:11:     from make([]int, 9000) (too large for stack) at large_implicit.go:16:11
large_implicit.go:16:11: make([]int, 9000) escapes to heap
large_implicit.go:21:11: make([]int, 8000) does not escape
large_implicit.go:26:12: []int{...} does not escape
