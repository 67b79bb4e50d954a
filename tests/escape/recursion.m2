recursion.go:8:13: l does not escape
recursion.go:19:9: &list{...} escapes to heap:
recursion.go:19:9:   flow: ~r0 = &{storage for &list{...}}:
recursion.go:19:9:     from &list{...} (spill) at recursion.go:19:9
recursion.go:19:9:     from return &list{...} (return) at recursion.go:19:2
recursion.go:19:9: &list{...} escapes to heap
recursion.go:22:11: parameter l leaks to ~r0 with derefs=0:
recursion.go:22:11:   flow: ~r0 = l:
recursion.go:22:11:     from return l (return) at recursion.go:24:3
recursion.go:22:11: leaking param: l to result ~r0 level=0
