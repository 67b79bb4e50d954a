closure_large.go:7:6: smallCapture capturing by value: a (addr=false assign=false width=128)
closure_large.go:9:9: func literal escapes to heap:
closure_large.go:9:9:   flow: ~r0 = &{storage for func literal}:
closure_large.go:9:9:     from func literal (spill) at closure_large.go:9:9
closure_large.go:9:9:     from return func literal (return) at closure_large.go:9:2
closure_large.go:9:9: func literal escapes to heap
closure_large.go:13:6: largeCapture capturing by ref: b (addr=false assign=false width=136)
closure_large.go:15:9: func literal escapes to heap:
closure_large.go:15:9:   flow: ~r0 = &{storage for func literal}:
closure_large.go:15:9:     from func literal (spill) at closure_large.go:15:9
closure_large.go:15:9:     from return func literal (return) at closure_large.go:15:2
closure_large.go:13:6: b escapes to heap:
closure_large.go:13:6:   flow: {storage for func literal} = &b:
closure_large.go:13:6:     from b (captured by a closure) at closure_large.go:15:29
closure_large.go:13:6:     from b (reference) at closure_large.go:15:29
closure_large.go:13:6: moved to heap: b
closure_large.go:15:9: func literal escapes to heap
closure_large.go:19:6: largeLocal capturing by ref: c (addr=false assign=false width=136)
closure_large.go:21:7: func literal does not escape
