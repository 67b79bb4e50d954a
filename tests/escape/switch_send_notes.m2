switch_send_notes.go:22:4: x escapes to heap:
switch_send_notes.go:22:4:   flow: {heap} = &{storage for x}:
switch_send_notes.go:22:4:     from x (spill) at switch_send_notes.go:22:4
switch_send_notes.go:22:4:     from sink = x (assign) at switch_send_notes.go:22:9
switch_send_notes.go:13:11: parameter v leaks to {heap} with derefs=0:
switch_send_notes.go:13:11:   flow: {temp} = v:
switch_send_notes.go:13:11:   flow: x = {temp}:
switch_send_notes.go:13:11:     from default: sink = x (switch case) at switch_send_notes.go:24:2
switch_send_notes.go:13:11:   flow: {heap} = x:
switch_send_notes.go:13:11:     from sink = x (assign) at switch_send_notes.go:25:8
switch_send_notes.go:13:11: parameter v leaks to {storage for x} with derefs=1:
switch_send_notes.go:13:11:   flow: {temp} = v:
switch_send_notes.go:13:11:   flow: x = *{temp}:
switch_send_notes.go:13:11:     from case []int: for loop (switch case) at switch_send_notes.go:20:2
switch_send_notes.go:13:11:   flow: {storage for x} = x:
switch_send_notes.go:13:11:     from x (interface-converted) at switch_send_notes.go:22:4
switch_send_notes.go:13:11: parameter v leaks to ~r0 with derefs=0:
switch_send_notes.go:13:11:   flow: {temp} = v:
switch_send_notes.go:13:11:   flow: x = {temp}:
switch_send_notes.go:13:11:     from case B: return x.s (switch case) at switch_send_notes.go:15:2
switch_send_notes.go:13:11:   flow: ~r0 = x:
switch_send_notes.go:13:11:     from x.s (dot) at switch_send_notes.go:16:11
switch_send_notes.go:13:11:     from return x.s (return) at switch_send_notes.go:16:3
switch_send_notes.go:13:11: leaking param: v
switch_send_notes.go:22:4: x escapes to heap
switch_send_notes.go:30:11: parameter v leaks to {heap} with derefs=0:
switch_send_notes.go:30:11:   flow: y = v:
switch_send_notes.go:30:11:     from case *int: if y != nil { psink = y } else { println(0) } (switch case) at switch_send_notes.go:32:2
switch_send_notes.go:30:11:   flow: {heap} = y:
switch_send_notes.go:30:11:     from psink = y (assign) at switch_send_notes.go:34:10
switch_send_notes.go:30:11: leaking param: v
switch_send_notes.go:42:8: &T{...} escapes to heap:
switch_send_notes.go:42:8:   flow: {heap} = &{storage for &T{...}}:
switch_send_notes.go:42:8:     from &T{...} (spill) at switch_send_notes.go:42:8
switch_send_notes.go:42:8:     from ch <- (&T{...}) (send) at switch_send_notes.go:42:5
switch_send_notes.go:43:8: func literal escapes to heap:
switch_send_notes.go:43:8:   flow: {heap} = &{storage for func literal}:
switch_send_notes.go:43:8:     from func literal (spill) at switch_send_notes.go:43:8
switch_send_notes.go:43:8:     from cf <- (func literal) (send) at switch_send_notes.go:43:5
switch_send_notes.go:44:13: []int{...} escapes to heap:
switch_send_notes.go:44:13:   flow: {heap} = &{storage for []int{...}}:
switch_send_notes.go:44:13:     from []int{...} (spill) at switch_send_notes.go:44:13
switch_send_notes.go:44:13:     from cs <- []int{...} (send) at switch_send_notes.go:44:5
switch_send_notes.go:45:12: make([]int, n) escapes to heap:
switch_send_notes.go:45:12:   flow: {heap} = &{storage for make([]int, n)}:
switch_send_notes.go:45:12:     from make([]int, n) (spill) at switch_send_notes.go:45:12
switch_send_notes.go:45:12:     from cs <- make([]int, n) (send) at switch_send_notes.go:45:5
switch_send_notes.go:45:12: make([]int, n) escapes to heap:
switch_send_notes.go:45:12:   flow: {heap} = &{storage for make([]int, n)}:
switch_send_notes.go:45:12:     from make([]int, n) (non-constant size) at switch_send_notes.go:45:12
switch_send_notes.go:41:11: ch does not escape
switch_send_notes.go:41:23: cf does not escape
switch_send_notes.go:41:39: cs does not escape
switch_send_notes.go:42:8: &T{...} escapes to heap
switch_send_notes.go:43:8: func literal escapes to heap
switch_send_notes.go:44:13: []int{...} escapes to heap
switch_send_notes.go:45:12: make([]int, n) escapes to heap
