closure_escape.go:6:9: func literal escapes to heap:
closure_escape.go:6:9:   flow: ~r0 = &{storage for func literal}:
closure_escape.go:6:9:     from func literal (spill) at closure_escape.go:6:9
closure_escape.go:6:9:     from return func literal (return) at closure_escape.go:6:2
closure_escape.go:6:9: func literal escapes to heap
closure_escape.go:10:9: func literal escapes to heap:
closure_escape.go:10:9:   flow: {heap} = &{storage for func literal}:
closure_escape.go:10:9:     from func literal (spill) at closure_escape.go:10:9
closure_escape.go:10:9:     from sink = func literal (assign) at closure_escape.go:10:7
closure_escape.go:10:9: func literal escapes to heap
closure_escape.go:14:9: func literal does not escape
closure_escape.go:17:13: f does not escape
closure_escape.go:22:2: arg capturing by value: k (addr=false assign=false width=8)
closure_escape.go:23:16: func literal does not escape
closure_escape.go:27:17: []func(){...} escapes to heap:
closure_escape.go:27:17:   flow: ~r0 = &{storage for []func(){...}}:
closure_escape.go:27:17:     from []func(){...} (spill) at closure_escape.go:27:17
closure_escape.go:27:17:     from return []func(){...} (return) at closure_escape.go:27:2
closure_escape.go:27:18: func literal escapes to heap:
closure_escape.go:27:18:   flow: {storage for []func(){...}} = &{storage for func literal}:
closure_escape.go:27:18:     from func literal (spill) at closure_escape.go:27:18
closure_escape.go:27:18:     from []func(){...} (slice-literal-element) at closure_escape.go:27:17
closure_escape.go:27:17: []func(){...} escapes to heap
closure_escape.go:27:18: func literal escapes to heap
