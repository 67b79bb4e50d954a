make_nonconst.go:4:11: make([]int, n) escapes to heap:
make_nonconst.go:4:11:   flow: {heap} = &{storage for make([]int, n)}:
make_nonconst.go:4:11:     from make([]int, n) (non-constant size) at make_nonconst.go:4:11
make_nonconst.go:4:11: make([]int, n) escapes to heap
make_nonconst.go:9:11: make([]int, 0, n) escapes to heap:
make_nonconst.go:9:11:   flow: {heap} = &{storage for make([]int, 0, n)}:
make_nonconst.go:9:11:     from make([]int, 0, n) (non-constant size) at make_nonconst.go:9:11
make_nonconst.go:9:11: make([]int, 0, n) escapes to heap
make_nonconst.go:15:11: make([]int, n) does not escape
make_nonconst.go:21:11: make([]int, n) escapes to heap:
make_nonconst.go:21:11:   flow: {heap} = &{storage for make([]int, n)}:
make_nonconst.go:21:11:     from make([]int, n) (non-constant size) at make_nonconst.go:21:11
make_nonconst.go:21:11: make([]int, n) escapes to heap
