append_growth.go:13:11: parameter s leaks to ~r0 with derefs=0:
append_growth.go:13:11:   flow: ~r0 = s:
append_growth.go:13:11:     from append(s, v) (call parameter) at append_growth.go:14:15
append_growth.go:13:11:     from return append(s, v) (return) at append_growth.go:14:2
append_growth.go:13:11: leaking param: s to result ~r0 level=0
append_growth.go:18:2: x escapes to heap:
append_growth.go:18:2:   flow: {heap} = &x:
append_growth.go:18:2:     from &x (address-of) at append_growth.go:19:22
append_growth.go:18:2:     from append(sink, &x) (call parameter) at append_growth.go:19:15
append_growth.go:18:2: moved to heap: x
append_growth.go:22:13: parameter a leaks to ~r0 with derefs=0:
append_growth.go:22:13:   flow: ~r0 = a:
append_growth.go:22:13:     from append(a, b...) (call parameter) at append_growth.go:23:15
append_growth.go:22:13:     from return append(a, b...) (return) at append_growth.go:23:2
append_growth.go:22:13: leaking param: a to result ~r0 level=0
append_growth.go:22:16: b does not escape
append_growth.go:26:14: parameter b leaks to ~r0 with derefs=0:
append_growth.go:26:14:   flow: ~r0 = b:
append_growth.go:26:14:     from append(b, s...) (call parameter) at append_growth.go:27:15
append_growth.go:26:14:     from return append(b, s...) (return) at append_growth.go:27:2
append_growth.go:26:14: leaking param: b to result ~r0 level=0
append_growth.go:26:24: s does not escape
append_growth.go:31:54: []int{...} does not escape
append_growth.go:31:64: []int{...} does not escape
