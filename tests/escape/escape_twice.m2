escape_twice.go:13:2: x escapes to heap:
escape_twice.go:13:2:   flow: {heap} = &x:
escape_twice.go:13:2:     from &x (address-of) at escape_twice.go:14:7
escape_twice.go:13:2:     from s1 = &x (assign) at escape_twice.go:14:5
escape_twice.go:13:2: x escapes to heap:
escape_twice.go:13:2:   flow: {heap} = &x:
escape_twice.go:13:2:     from &x (address-of) at escape_twice.go:15:7
escape_twice.go:13:2:     from s2 = &x (assign) at escape_twice.go:15:5
escape_twice.go:13:2: moved to heap: x
escape_twice.go:20:13: make([]int, c) escapes to heap:
escape_twice.go:20:13:   flow: {heap} = &{storage for make([]int, c)}:
escape_twice.go:20:13:     from make([]int, c) (spill) at escape_twice.go:20:13
escape_twice.go:20:13:     from m[0] = make([]int, c) (assign) at escape_twice.go:20:7
escape_twice.go:19:11: make([][]int, r) escapes to heap:
escape_twice.go:19:11:   flow: {heap} = &{storage for make([][]int, r)}:
escape_twice.go:19:11:     from make([][]int, r) (non-constant size) at escape_twice.go:19:11
escape_twice.go:20:13: make([]int, c) escapes to heap:
escape_twice.go:20:13:   flow: {heap} = &{storage for make([]int, c)}:
escape_twice.go:20:13:     from make([]int, c) (non-constant size) at escape_twice.go:20:13
escape_twice.go:19:11: make([][]int, r) escapes to heap
escape_twice.go:20:13: make([]int, c) escapes to heap
escape_twice.go:25:2: a escapes to heap:
escape_twice.go:25:2:   flow: {heap} = &a:
escape_twice.go:25:2:     from &a (address-of) at escape_twice.go:28:14
escape_twice.go:25:2:     from head.next = &a (assign) at escape_twice.go:28:12
escape_twice.go:30:11: new(int) escapes to heap:
escape_twice.go:30:11:   flow: {heap} = &{storage for new(int)}:
escape_twice.go:30:11:     from new(int) (spill) at escape_twice.go:30:11
escape_twice.go:30:11:     from s1 = new(int) (assign) at escape_twice.go:30:6
escape_twice.go:25:2: moved to heap: a
escape_twice.go:30:11: new(int) escapes to heap
