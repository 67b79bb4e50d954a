globals.go:10:2: x escapes to heap:
globals.go:10:2:   flow: {heap} = &x:
globals.go:10:2:     from &x (address-of) at globals.go:11:8
globals.go:10:2:     from g.p = &x (assign) at globals.go:11:6
globals.go:10:2: moved to heap: x
globals.go:15:7: &T{} escapes to heap:
globals.go:15:7:   flow: {heap} = &{storage for &T{}}:
globals.go:15:7:     from &T{} (spill) at globals.go:15:7
globals.go:15:7:     from gp = &T{} (assign) at globals.go:15:5
globals.go:15:7: &T{} escapes to heap
globals.go:19:2: y escapes to heap:
globals.go:19:2:   flow: {heap} = &y:
globals.go:19:2:     from &y (address-of) at globals.go:20:10
globals.go:19:2:     from gs[0] = &y (assign) at globals.go:20:8
globals.go:19:2: moved to heap: y
globals.go:28:11: make([]*int, 1) escapes to heap:
globals.go:28:11:   flow: {heap} = &{storage for make([]*int, 1)}:
globals.go:28:11:     from make([]*int, 1) (spill) at globals.go:28:11
globals.go:28:11:     from gs = make([]*int, 1) (assign) at globals.go:28:5
globals.go:28:11: make([]*int, 1) escapes to heap
