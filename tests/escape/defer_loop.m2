defer_loop.go:5:7: t does not escape
defer_loop.go:10:3: func literal escapes to heap:
defer_loop.go:10:3:   flow: {heap} = &{storage for func literal}:
defer_loop.go:10:3:     from func literal (spill) at defer_loop.go:10:3
defer_loop.go:10:16: inLoop capturing by value: .autotmp_2 (addr=false assign=false width=8)
defer_loop.go:9:8: &T{...} escapes to heap:
defer_loop.go:9:8:   flow: t = &{storage for &T{...}}:
defer_loop.go:9:8:     from &T{...} (spill) at defer_loop.go:9:8
defer_loop.go:9:8:     from t := &T{...} (assign) at defer_loop.go:9:5
defer_loop.go:9:8:   flow: .autotmp_2 = t:
defer_loop.go:9:8:     from .autotmp_2 = t (assign) at defer_loop.go:10:16
defer_loop.go:9:8:   flow: {storage for func literal} = .autotmp_2:
defer_loop.go:9:8:     from .autotmp_2 (captured by a closure) at defer_loop.go:10:16
defer_loop.go:9:8: &T{...} escapes to heap
defer_loop.go:16:9: func literal escapes to heap:
defer_loop.go:16:9:   flow: {heap} = &{storage for func literal}:
defer_loop.go:16:9:     from func literal (spill) at defer_loop.go:16:9
defer_loop.go:16:9: func literal escapes to heap
defer_loop.go:25:9: func literal escapes to heap:
defer_loop.go:25:9:   flow: {heap} = &{storage for func literal}:
defer_loop.go:25:9:     from func literal (spill) at defer_loop.go:25:9
defer_loop.go:24:3: capturedInLoop capturing by value: j (addr=false assign=false width=8)
defer_loop.go:25:9: func literal escapes to heap
