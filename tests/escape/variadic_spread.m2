variadic_spread.go:5:10: xs does not escape
variadic_spread.go:13:12: parameter xs leaks to {heap} with derefs=0:
variadic_spread.go:13:12:   flow: {heap} = xs:
variadic_spread.go:13:12:     from sink = xs (assign) at variadic_spread.go:14:7
variadic_spread.go:13:12: leaking param: xs
variadic_spread.go:18:12: []int{...} does not escape
variadic_spread.go:23:12: []int{...} escapes to heap:
variadic_spread.go:23:12:   flow: s = &{storage for []int{...}}:
variadic_spread.go:23:12:     from []int{...} (spill) at variadic_spread.go:23:12
variadic_spread.go:23:12:     from s := []int{...} (assign) at variadic_spread.go:23:4
variadic_spread.go:23:12:   flow: {heap} = s:
variadic_spread.go:23:12:     from store(s...) (call parameter) at variadic_spread.go:24:7
variadic_spread.go:23:12: []int{...} escapes to heap
variadic_spread.go:27:12: args does not escape
variadic_spread.go:32:30: ... argument does not escape
variadic_spread.go:32:31: 1 does not escape
variadic_spread.go:32:34: "a" does not escape
variadic_spread.go:32:39: 2.5 does not escape
