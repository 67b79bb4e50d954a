pkg_init_parts.go:18:28: new(int) escapes to heap:
pkg_init_parts.go:18:28:   flow: ~r0 = &{storage for new(int)}:
pkg_init_parts.go:18:28:     from new(int) (spill) at pkg_init_parts.go:18:28
pkg_init_parts.go:18:28:     from return new(int) (return) at pkg_init_parts.go:18:18
pkg_init_parts.go:18:28: new(int) escapes to heap
pkg_init_parts.go:20:24: new(int) escapes to heap:
pkg_init_parts.go:20:24:   flow: {heap} = &{storage for new(int)}:
pkg_init_parts.go:20:24:     from new(int) (spill) at pkg_init_parts.go:20:24
pkg_init_parts.go:20:24:     from (*int)(main..stmp_0@8) = new(int) (assign) at pkg_init_parts.go:20:24
pkg_init_parts.go:21:17: new(int) escapes to heap:
pkg_init_parts.go:21:17:   flow: {heap} = &{storage for new(int)}:
pkg_init_parts.go:21:17:     from new(int) (spill) at pkg_init_parts.go:21:17
pkg_init_parts.go:21:17:     from (*int)(main.b@0) = new(int) (assign) at pkg_init_parts.go:21:17
pkg_init_parts.go:22:19: make([]int, 3) escapes to heap:
pkg_init_parts.go:22:19:   flow: {heap} = &{storage for make([]int, 3)}:
pkg_init_parts.go:22:19:     from make([]int, 3) (spill) at pkg_init_parts.go:22:19
pkg_init_parts.go:22:19:     from ([]int)(main..stmp_1@16) = make([]int, 3) (assign) at pkg_init_parts.go:22:19
pkg_init_parts.go:24:22: new(int) escapes to heap:
pkg_init_parts.go:24:22:   flow: {heap} = &{storage for new(int)}:
pkg_init_parts.go:24:22:     from new(int) (spill) at pkg_init_parts.go:24:22
pkg_init_parts.go:24:22:     from (*int)(main.e@0) = new(int) (assign) at pkg_init_parts.go:24:22
pkg_init_parts.go:25:26: map[string]int{...} escapes to heap:
pkg_init_parts.go:25:26:   flow: {heap} = &{storage for map[string]int{...}}:
pkg_init_parts.go:25:26:     from map[string]int{...} (spill) at pkg_init_parts.go:25:26
pkg_init_parts.go:25:26:     from (map[string]int)(main..stmp_4@0) = map[string]int{...} (assign) at pkg_init_parts.go:25:26
pkg_init_parts.go:27:21: map[int]int{...} escapes to heap:
pkg_init_parts.go:27:21:   flow: {heap} = &{storage for map[int]int{...}}:
pkg_init_parts.go:27:21:     from map[int]int{...} (spill) at pkg_init_parts.go:27:21
pkg_init_parts.go:27:21:     from (map[int]int)(main..stmp_8@0) = map[int]int{...} (assign) at pkg_init_parts.go:27:5
pkg_init_parts.go:20:24: new(int) escapes to heap
pkg_init_parts.go:21:17: new(int) escapes to heap
pkg_init_parts.go:22:19: make([]int, 3) escapes to heap
pkg_init_parts.go:24:22: new(int) escapes to heap
pkg_init_parts.go:25:26: map[string]int{...} escapes to heap
pkg_init_parts.go:27:21: map[int]int{...} escapes to heap
