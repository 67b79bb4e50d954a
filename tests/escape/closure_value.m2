closure_value.go:4:2: byValue capturing by value: x (addr=false assign=false width=8)
closure_value.go:5:7: func literal does not escape
closure_value.go:10:2: byValueEscaping capturing by value: y (addr=false assign=false width=8)
closure_value.go:11:9: func literal escapes to heap:
closure_value.go:11:9:   flow: ~r0 = &{storage for func literal}:
closure_value.go:11:9:     from func literal (spill) at closure_value.go:11:9
closure_value.go:11:9:     from return func literal (return) at closure_value.go:11:2
closure_value.go:11:9: func literal escapes to heap
closure_value.go:16:2: pointerCaptured capturing by value: p (addr=false assign=false width=8)
closure_value.go:17:9: func literal escapes to heap:
closure_value.go:17:9:   flow: ~r0 = &{storage for func literal}:
closure_value.go:17:9:     from func literal (spill) at closure_value.go:17:9
closure_value.go:17:9:     from return func literal (return) at closure_value.go:17:2
closure_value.go:15:2: z escapes to heap:
closure_value.go:15:2:   flow: p = &z:
closure_value.go:15:2:     from &z (address-of) at closure_value.go:16:7
closure_value.go:15:2:     from p := &z (assign) at closure_value.go:16:4
closure_value.go:15:2:   flow: {storage for func literal} = p:
closure_value.go:15:2:     from p (captured by a closure) at closure_value.go:17:30
closure_value.go:15:2: moved to heap: z
closure_value.go:17:9: func literal escapes to heap
