defer_args.go:10:13: parameter p leaks to {heap} with derefs=0:
defer_args.go:10:13:   flow: {heap} = p:
defer_args.go:10:13:     from sink = p (assign) at defer_args.go:10:28
defer_args.go:10:13: leaking param: p
defer_args.go:12:11: p does not escape
defer_args.go:14:11: a does not escape
defer_args.go:14:14: b does not escape
defer_args.go:27:3: func literal escapes to heap:
defer_args.go:27:3:   flow: {heap} = &{storage for func literal}:
defer_args.go:27:3:     from func literal (spill) at defer_args.go:27:3
defer_args.go:28:3: func literal escapes to heap:
defer_args.go:28:3:   flow: {heap} = &{storage for func literal}:
defer_args.go:28:3:     from func literal (spill) at defer_args.go:28:3
defer_args.go:21:20: report capturing by value: .autotmp_6 (addr=false assign=false width=16)
defer_args.go:21:20: report capturing by value: .autotmp_7 (addr=false assign=false width=16)
defer_args.go:21:39: report capturing by value: .autotmp_8 (addr=false assign=false width=16)
defer_args.go:22:12: report capturing by value: .autotmp_9 (addr=false assign=false width=16)
defer_args.go:22:12: report capturing by value: .autotmp_10 (addr=false assign=false width=16)
defer_args.go:24:15: report capturing by value: .autotmp_11 (addr=false assign=false width=8)
defer_args.go:27:14: report capturing by value: .autotmp_12 (addr=false assign=false width=8)
defer_args.go:28:20: report capturing by value: .autotmp_13 (addr=false assign=false width=16)
defer_args.go:28:20: report capturing by value: .autotmp_14 (addr=false assign=false width=16)
defer_args.go:30:8: report capturing by value: .autotmp_15 (addr=false assign=false width=8)
defer_args.go:32:4: report capturing by value: .autotmp_16 (addr=false assign=false width=8)
defer_args.go:28:20: z escapes to heap:
defer_args.go:28:20:   flow: .autotmp_14 = &{storage for z}:
defer_args.go:28:20:     from z (spill) at defer_args.go:28:20
defer_args.go:28:20:     from .autotmp_14 = z (assign) at defer_args.go:28:20
defer_args.go:28:20:   flow: {storage for ... argument} = .autotmp_14:
defer_args.go:28:20:     from ... argument (slice-literal-element) at defer_args.go:28:20
defer_args.go:28:20:   flow: {heap} = {storage for ... argument}:
defer_args.go:28:20:     from ... argument (spill) at defer_args.go:28:20
defer_args.go:28:20:     from fmt.Println(... argument...) (call parameter) at defer_args.go:28:20
defer_args.go:28:20: i escapes to heap:
defer_args.go:28:20:   flow: .autotmp_13 = &{storage for i}:
defer_args.go:28:20:     from i (spill) at defer_args.go:28:20
defer_args.go:28:20:     from .autotmp_13 = i (assign) at defer_args.go:28:20
defer_args.go:28:20:   flow: {storage for ... argument} = .autotmp_13:
defer_args.go:28:20:     from ... argument (slice-literal-element) at defer_args.go:28:20
defer_args.go:28:20:   flow: {heap} = {storage for ... argument}:
defer_args.go:28:20:     from ... argument (spill) at defer_args.go:28:20
defer_args.go:28:20:     from fmt.Println(... argument...) (call parameter) at defer_args.go:28:20
defer_args.go:23:2: y escapes to heap:
defer_args.go:23:2:   flow: .autotmp_11 = &y:
defer_args.go:23:2:     from &y (address-of) at defer_args.go:24:15
defer_args.go:23:2:     from .autotmp_11 = &y (assign) at defer_args.go:24:15
defer_args.go:23:2:   flow: {heap} = .autotmp_11:
defer_args.go:23:2:     from record(.autotmp_11) (call parameter) at defer_args.go:24:14
defer_args.go:21:39: len(xs) escapes to heap:
defer_args.go:21:39:   flow: .autotmp_8 = &{storage for len(xs)}:
defer_args.go:21:39:     from len(xs) (spill) at defer_args.go:21:39
defer_args.go:21:39:     from .autotmp_8 = len(xs) (assign) at defer_args.go:21:39
defer_args.go:21:39:   flow: {storage for ... argument} = .autotmp_8:
defer_args.go:21:39:     from ... argument (slice-literal-element) at defer_args.go:21:19
defer_args.go:21:39:   flow: {heap} = {storage for ... argument}:
defer_args.go:21:39:     from ... argument (spill) at defer_args.go:21:19
defer_args.go:21:39:     from fmt.Println(... argument...) (call parameter) at defer_args.go:21:19
defer_args.go:21:20: total escapes to heap:
defer_args.go:21:20:   flow: .autotmp_7 = &{storage for total}:
defer_args.go:21:20:     from total (spill) at defer_args.go:21:20
defer_args.go:21:20:     from .autotmp_7 = total (assign) at defer_args.go:21:20
defer_args.go:21:20:   flow: {storage for ... argument} = .autotmp_7:
defer_args.go:21:20:     from ... argument (slice-literal-element) at defer_args.go:21:19
defer_args.go:21:20:   flow: {heap} = {storage for ... argument}:
defer_args.go:21:20:     from ... argument (spill) at defer_args.go:21:19
defer_args.go:21:20:     from fmt.Println(... argument...) (call parameter) at defer_args.go:21:19
defer_args.go:21:20: "total" escapes to heap:
defer_args.go:21:20:   flow: .autotmp_6 = &{storage for "total"}:
defer_args.go:21:20:     from "total" (spill) at defer_args.go:21:20
defer_args.go:21:20:     from .autotmp_6 = "total" (assign) at defer_args.go:21:20
defer_args.go:21:20:   flow: {storage for ... argument} = .autotmp_6:
defer_args.go:21:20:     from ... argument (slice-literal-element) at defer_args.go:21:19
defer_args.go:21:20:   flow: {heap} = {storage for ... argument}:
defer_args.go:21:20:     from ... argument (spill) at defer_args.go:21:19
defer_args.go:21:20:     from fmt.Println(... argument...) (call parameter) at defer_args.go:21:19
defer_args.go:26:3: z escapes to heap:
defer_args.go:26:3:   flow: .autotmp_12 = &z:
defer_args.go:26:3:     from &z (address-of) at defer_args.go:27:14
defer_args.go:26:3:     from .autotmp_12 = &z (assign) at defer_args.go:27:14
defer_args.go:26:3:   flow: {storage for func literal} = .autotmp_12:
defer_args.go:26:3:     from .autotmp_12 (captured by a closure) at defer_args.go:27:13
defer_args.go:16:13: xs does not escape
defer_args.go:30:13: p does not escape
defer_args.go:23:2: moved to heap: y
defer_args.go:26:3: moved to heap: z
defer_args.go:21:20: "total" escapes to heap
defer_args.go:21:20: total escapes to heap
defer_args.go:21:39: len(xs) escapes to heap
defer_args.go:21:19: ... argument does not escape
defer_args.go:22:12: total does not escape
defer_args.go:22:12: xs does not escape
defer_args.go:28:20: i escapes to heap
defer_args.go:28:20: z escapes to heap
defer_args.go:28:20: ... argument does not escape
defer_args.go:30:8: func literal does not escape
defer_args.go:36:14: []int{...} does not escape
