deadcode_cut.go:19:8: "x" escapes to heap:
deadcode_cut.go:19:8:   flow: {heap} = &{storage for "x"}:
deadcode_cut.go:19:8:     from "x" (spill) at deadcode_cut.go:19:8
deadcode_cut.go:19:8:     from panic("x") (call parameter) at deadcode_cut.go:19:8
deadcode_cut.go:19:8: "x" escapes to heap
deadcode_cut.go:25:2: x escapes to heap:
deadcode_cut.go:25:2:   flow: {heap} = &x:
deadcode_cut.go:25:2:     from &x (address-of) at deadcode_cut.go:30:9
deadcode_cut.go:25:2:     from sink = &x (assign) at deadcode_cut.go:30:7
deadcode_cut.go:25:2: moved to heap: x
deadcode_cut.go:44:2: x escapes to heap:
deadcode_cut.go:44:2:   flow: {heap} = &x:
deadcode_cut.go:44:2:     from &x (address-of) at deadcode_cut.go:48:10
deadcode_cut.go:44:2:     from sink = &x (assign) at deadcode_cut.go:48:8
deadcode_cut.go:44:2: moved to heap: x
deadcode_cut.go:71:2: x escapes to heap:
deadcode_cut.go:71:2:   flow: {heap} = &x:
deadcode_cut.go:71:2:     from &x (address-of) at deadcode_cut.go:76:10
deadcode_cut.go:71:2:     from sink = &x (assign) at deadcode_cut.go:76:8
deadcode_cut.go:71:2: moved to heap: x
deadcode_cut.go:80:9: p does not escape
deadcode_cut.go:89:10: p does not escape
deadcode_cut.go:115:10: p does not escape
deadcode_cut.go:120:2: x escapes to heap:
deadcode_cut.go:120:2:   flow: {heap} = &x:
deadcode_cut.go:120:2:     from &x (address-of) at deadcode_cut.go:125:10
deadcode_cut.go:120:2:     from sink = &x (assign) at deadcode_cut.go:125:8
deadcode_cut.go:120:2: moved to heap: x
deadcode_cut.go:137:10: q does not escape
deadcode_cut.go:144:10: q does not escape
deadcode_cut.go:151:10: q does not escape
