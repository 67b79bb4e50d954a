go_stmt.go:5:11: t does not escape
go_stmt.go:9:2: func literal escapes to heap:
go_stmt.go:9:2:   flow: {heap} = &{storage for func literal}:
go_stmt.go:9:2:     from func literal (spill) at go_stmt.go:9:2
go_stmt.go:9:9: spawn capturing by value: .autotmp_1 (addr=false assign=false width=8)
go_stmt.go:8:7: &T{...} escapes to heap:
go_stmt.go:8:7:   flow: t = &{storage for &T{...}}:
go_stmt.go:8:7:     from &T{...} (spill) at go_stmt.go:8:7
go_stmt.go:8:7:     from t := &T{...} (assign) at go_stmt.go:8:4
go_stmt.go:8:7:   flow: .autotmp_1 = t:
go_stmt.go:8:7:     from .autotmp_1 = t (assign) at go_stmt.go:9:9
go_stmt.go:8:7:   flow: {storage for func literal} = .autotmp_1:
go_stmt.go:8:7:     from .autotmp_1 (captured by a closure) at go_stmt.go:9:9
go_stmt.go:8:7: &T{...} escapes to heap
go_stmt.go:14:5: func literal escapes to heap:
go_stmt.go:14:5:   flow: {heap} = &{storage for func literal}:
go_stmt.go:14:5:     from func literal (spill) at go_stmt.go:14:5
go_stmt.go:13:2: spawnClosure capturing by ref: x (addr=false assign=true width=8)
go_stmt.go:13:2: x escapes to heap:
go_stmt.go:13:2:   flow: {storage for func literal} = &x:
go_stmt.go:13:2:     from x (captured by a closure) at go_stmt.go:15:3
go_stmt.go:13:2:     from x (reference) at go_stmt.go:15:3
go_stmt.go:13:2: moved to heap: x
go_stmt.go:14:5: func literal escapes to heap
go_stmt.go:20:2: func literal escapes to heap:
go_stmt.go:20:2:   flow: {heap} = &{storage for func literal}:
go_stmt.go:20:2:     from func literal (spill) at go_stmt.go:20:2
go_stmt.go:20:12: spawnValue capturing by value: .autotmp_1 (addr=false assign=false width=8)
