pointer_levels.go:6:13: parameter p leaks to ~r0 with derefs=1:
pointer_levels.go:6:13:   flow: ~r0 = *p:
pointer_levels.go:6:13:     from *p (indirection) at pointer_levels.go:7:9
pointer_levels.go:6:13:     from return *p (return) at pointer_levels.go:7:2
pointer_levels.go:6:13: leaking param: p to result ~r0 level=1
pointer_levels.go:10:13: parameter p leaks to ~r0 with derefs=2:
pointer_levels.go:10:13:   flow: ~r0 = **p:
pointer_levels.go:10:13:     from *p (indirection) at pointer_levels.go:11:10
pointer_levels.go:10:13:     from *(*p) (indirection) at pointer_levels.go:11:9
pointer_levels.go:10:13:     from return *(*p) (return) at pointer_levels.go:11:2
pointer_levels.go:10:13: leaking param: p to result ~r0 level=2
pointer_levels.go:16:2: p escapes to heap:
pointer_levels.go:16:2:   flow: {heap} = &p:
pointer_levels.go:16:2:     from &p (address-of) at pointer_levels.go:17:9
pointer_levels.go:16:2:     from sink = &p (assign) at pointer_levels.go:17:7
pointer_levels.go:15:2: x escapes to heap:
pointer_levels.go:15:2:   flow: p = &x:
pointer_levels.go:15:2:     from &x (address-of) at pointer_levels.go:16:7
pointer_levels.go:15:2:     from p := &x (assign) at pointer_levels.go:16:4
pointer_levels.go:15:2: moved to heap: x
pointer_levels.go:16:2: moved to heap: p
pointer_levels.go:20:17: parameter pp leaks to {heap} with derefs=1:
pointer_levels.go:20:17:   flow: {heap} = *pp:
pointer_levels.go:20:17:     from *pp (indirection) at pointer_levels.go:21:10
pointer_levels.go:20:17:     from sink1 = *pp (assign) at pointer_levels.go:21:8
pointer_levels.go:20:17: leaking param content: pp
pointer_levels.go:30:2: b escapes to heap:
pointer_levels.go:30:2:   flow: pb = &b:
pointer_levels.go:30:2:     from &b (address-of) at pointer_levels.go:31:8
pointer_levels.go:30:2:     from pb := &b (assign) at pointer_levels.go:31:5
pointer_levels.go:30:2:   flow: {heap} = pb:
pointer_levels.go:30:2:     from &pb (address-of) at pointer_levels.go:32:13
pointer_levels.go:30:2:     from derefStore(&pb) (call parameter) at pointer_levels.go:32:12
pointer_levels.go:30:2: moved to heap: b
