make_map.go:6:11: make(map[string]int) does not escape
make_map.go:12:11: make(map[int]int, n) does not escape
make_map.go:17:13: make(map[int]bool) escapes to heap:
make_map.go:17:13:   flow: ~r0 = &{storage for make(map[int]bool)}:
make_map.go:17:13:     from make(map[int]bool) (spill) at make_map.go:17:13
make_map.go:17:13:     from return make(map[int]bool) (return) at make_map.go:17:2
make_map.go:17:13: make(map[int]bool) escapes to heap
make_map.go:21:21: map[string]int{...} does not escape
make_map.go:26:25: map[string]int{...} escapes to heap:
make_map.go:26:25:   flow: {heap} = &{storage for map[string]int{...}}:
make_map.go:26:25:     from map[string]int{...} (spill) at make_map.go:26:25
make_map.go:26:25:     from global = map[string]int{...} (assign) at make_map.go:26:9
make_map.go:26:25: map[string]int{...} escapes to heap
