make_const.go:4:11: make([]int, 10) does not escape
make_const.go:13:11: make([]byte, 0, 64) does not escape
make_const.go:19:13: make([]int, 4) escapes to heap:
make_const.go:19:13:   flow: ~r0 = &{storage for make([]int, 4)}:
make_const.go:19:13:     from make([]int, 4) (spill) at make_const.go:19:13
make_const.go:19:13:     from return make([]int, 4) (return) at make_const.go:19:2
make_const.go:19:13: make([]int, 4) escapes to heap
