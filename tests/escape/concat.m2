concat.go:5:12: a does not escape
concat.go:5:15: b does not escape
concat.go:6:9: a + b does not escape
concat.go:11:11: a + b escapes to heap:
concat.go:11:11:   flow: ~r0 = &{storage for a + b}:
concat.go:11:11:     from a + b (spill) at concat.go:11:11
concat.go:11:11:     from return a + b (return) at concat.go:11:2
concat.go:10:15: a does not escape
concat.go:10:18: b does not escape
concat.go:11:11: a + b escapes to heap
concat.go:15:21: a + "-" + b + c escapes to heap:
concat.go:15:21:   flow: {heap} = &{storage for a + "-" + b + c}:
concat.go:15:21:     from a + "-" + b + c (spill) at concat.go:15:21
concat.go:15:21:     from sink = a + "-" + b + c (assign) at concat.go:15:7
concat.go:14:12: a does not escape
concat.go:14:15: b does not escape
concat.go:14:18: c does not escape
concat.go:15:21: a + "-" + b + c escapes to heap
concat.go:18:15: parameter a leaks to ~r0 with derefs=0:
concat.go:18:15:   flow: s = a:
concat.go:18:15:     from s += a (assign) at concat.go:20:4
concat.go:18:15:   flow: ~r0 = s:
concat.go:18:15:     from return s (return) at concat.go:21:2
concat.go:18:15: leaking param: a to result ~r0 level=0
concat.go:24:14: a does not escape
concat.go:24:17: b does not escape
concat.go:25:10: a + b does not escape
