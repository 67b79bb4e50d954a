panic_literals.go:11:8: &E{...} escapes to heap:
panic_literals.go:11:8:   flow: {heap} = &{storage for &E{...}}:
panic_literals.go:11:8:     from &E{...} (spill) at panic_literals.go:11:8
panic_literals.go:11:8:     from &E{...} (interface-converted) at panic_literals.go:11:14
panic_literals.go:11:8:     from panic(&E{...}) (call parameter) at panic_literals.go:11:7
panic_literals.go:11:8: &E{...} escapes to heap
panic_literals.go:15:8: &E{} escapes to heap:
panic_literals.go:15:8:   flow: {heap} = &{storage for &E{}}:
panic_literals.go:15:8:     from &E{} (spill) at panic_literals.go:15:8
panic_literals.go:15:8:     from &E{} (interface-converted) at panic_literals.go:15:10
panic_literals.go:15:8:     from panic(&E{}) (call parameter) at panic_literals.go:15:7
panic_literals.go:15:8: &E{} escapes to heap
panic_literals.go:19:8: &S{...} escapes to heap:
panic_literals.go:19:8:   flow: {heap} = &{storage for &S{...}}:
panic_literals.go:19:8:     from &S{...} (spill) at panic_literals.go:19:8
panic_literals.go:19:8:     from &S{...} (interface-converted) at panic_literals.go:19:11
panic_literals.go:19:8:     from panic(&S{...}) (call parameter) at panic_literals.go:19:7
panic_literals.go:18:8: parameter m leaks to {storage for &S{...}} with derefs=0:
panic_literals.go:18:8:   flow: {storage for &S{...}} = m:
panic_literals.go:18:8:     from S{...} (struct literal element) at panic_literals.go:19:10
panic_literals.go:18:8: leaking param: m
panic_literals.go:19:8: &S{...} escapes to heap
panic_literals.go:23:17: []int{...} escapes to heap:
panic_literals.go:23:17:   flow: {heap} = &{storage for []int{...}}:
panic_literals.go:23:17:     from []int{...} (spill) at panic_literals.go:23:17
panic_literals.go:23:17:     from panic([]int{...}) (call parameter) at panic_literals.go:23:7
panic_literals.go:23:13: []int{...} escapes to heap:
panic_literals.go:23:13:   flow: {storage for []int{...}} = &{storage for []int{...}}:
panic_literals.go:23:13:     from []int{...} (spill) at panic_literals.go:23:13
panic_literals.go:23:13:     from []int{...} (interface-converted) at panic_literals.go:23:17
panic_literals.go:23:17: []int{...} escapes to heap
panic_literals.go:23:13: []int{...} escapes to heap
panic_literals.go:27:13: E{...} escapes to heap:
panic_literals.go:27:13:   flow: {heap} = &{storage for E{...}}:
panic_literals.go:27:13:     from E{...} (spill) at panic_literals.go:27:13
panic_literals.go:27:13:     from panic(E{...}) (call parameter) at panic_literals.go:27:7
panic_literals.go:27:13: E{...} escapes to heap
