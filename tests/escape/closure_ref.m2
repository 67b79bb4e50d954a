closure_ref.go:4:2: reassigned capturing by ref: x (addr=false assign=true width=8)
closure_ref.go:5:7: func literal does not escape
closure_ref.go:11:2: reassignedEscaping capturing by ref: n (addr=false assign=true width=8)
closure_ref.go:12:9: func literal escapes to heap:
closure_ref.go:12:9:   flow: ~r0 = &{storage for func literal}:
closure_ref.go:12:9:     from func literal (spill) at closure_ref.go:12:9
closure_ref.go:12:9:     from return func literal (return) at closure_ref.go:12:2
closure_ref.go:11:2: n escapes to heap:
closure_ref.go:11:2:   flow: {storage for func literal} = &n:
closure_ref.go:11:2:     from n (captured by a closure) at closure_ref.go:13:3
closure_ref.go:11:2:     from n (reference) at closure_ref.go:13:3
closure_ref.go:11:2: moved to heap: n
closure_ref.go:12:9: func literal escapes to heap
closure_ref.go:19:2: addrTaken capturing by ref: y (addr=true assign=false width=8)
closure_ref.go:21:7: func literal does not escape
closure_ref.go:27:2: assignedOutside capturing by ref: v (addr=false assign=true width=8)
closure_ref.go:28:7: func literal escapes to heap:
closure_ref.go:28:7:   flow: h = &{storage for func literal}:
closure_ref.go:28:7:     from func literal (spill) at closure_ref.go:28:7
closure_ref.go:28:7:     from h := func literal (assign) at closure_ref.go:28:4
closure_ref.go:28:7:   flow: ~r0 = h:
closure_ref.go:28:7:     from return h (return) at closure_ref.go:30:2
closure_ref.go:27:2: v escapes to heap:
closure_ref.go:27:2:   flow: {storage for func literal} = &v:
closure_ref.go:27:2:     from v (captured by a closure) at closure_ref.go:28:27
closure_ref.go:27:2:     from v (reference) at closure_ref.go:28:27
closure_ref.go:27:2: moved to heap: v
closure_ref.go:28:7: func literal escapes to heap
