variadic.go:5:10: xs does not escape
variadic.go:13:11: parameter ps leaks to {heap} with derefs=0:
variadic.go:13:11:   flow: {heap} = ps:
variadic.go:13:11:     from sink = ps (assign) at variadic.go:14:7
variadic.go:13:11: leaking param: ps
variadic.go:17:12: parameter ps leaks to ~r0 with derefs=1:
variadic.go:17:12:   flow: ~r0 = *ps:
variadic.go:17:12:     from ps[0] (dot of pointer) at variadic.go:18:11
variadic.go:17:12:     from return ps[0] (return) at variadic.go:18:2
variadic.go:17:12: leaking param: ps to result ~r0 level=1
variadic.go:24:6: ... argument escapes to heap:
variadic.go:24:6:   flow: {heap} = &{storage for ... argument}:
variadic.go:24:6:     from ... argument (spill) at variadic.go:24:6
variadic.go:24:6:     from keep(... argument...) (call parameter) at variadic.go:24:6
variadic.go:23:2: a escapes to heap:
variadic.go:23:2:   flow: {storage for ... argument} = &a:
variadic.go:23:2:     from &a (address-of) at variadic.go:24:7
variadic.go:23:2:     from ... argument (slice-literal-element) at variadic.go:24:6
variadic.go:23:5: b escapes to heap:
variadic.go:23:5:   flow: {storage for ... argument} = &b:
variadic.go:23:5:     from &b (address-of) at variadic.go:24:11
variadic.go:23:5:     from ... argument (slice-literal-element) at variadic.go:24:6
variadic.go:23:2: moved to heap: a
variadic.go:23:5: moved to heap: b
variadic.go:22:13: ... argument does not escape
variadic.go:24:6: ... argument escapes to heap
variadic.go:26:16: ... argument does not escape
