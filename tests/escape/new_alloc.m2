new_alloc.go:8:10: new(int) does not escape
new_alloc.go:14:12: new(big) escapes to heap:
new_alloc.go:14:12:   flow: ~r0 = &{storage for new(big)}:
new_alloc.go:14:12:     from new(big) (spill) at new_alloc.go:14:12
new_alloc.go:14:12:     from return new(big) (return) at new_alloc.go:14:2
new_alloc.go:14:12: new(big) escapes to heap
new_alloc.go:18:12: new(big) escapes to heap:
new_alloc.go:18:12:   flow: {heap} = &{storage for new(big)}:
new_alloc.go:18:12:     from new(big) (spill) at new_alloc.go:18:12
new_alloc.go:18:12:     from sink = new(big) (assign) at new_alloc.go:18:7
new_alloc.go:18:12: new(big) escapes to heap
new_alloc.go:23:11: new(int) escapes to heap:
new_alloc.go:23:11:   flow: {heap} = &{storage for new(int)}:
new_alloc.go:23:11:     from new(int) (spill) at new_alloc.go:23:11
new_alloc.go:23:11:     from *pp = new(int) (assign) at new_alloc.go:23:6
new_alloc.go:22:11: new(*int) does not escape
new_alloc.go:23:11: new(int) escapes to heap
