func_values.go:5:30: parameter p leaks to {heap} with derefs=0:
func_values.go:5:30:   flow: {heap} = p:
func_values.go:5:30:     from f(p) (call parameter) at func_values.go:6:10
func_values.go:5:12: f does not escape
func_values.go:5:30: leaking param: p
func_values.go:9:12: p does not escape
func_values.go:18:2: y escapes to heap:
func_values.go:18:2:   flow: {heap} = &y:
func_values.go:18:2:     from &y (address-of) at func_values.go:19:22
func_values.go:18:2:     from apply(deref, &y) (call parameter) at func_values.go:19:14
func_values.go:18:2: moved to heap: y
func_values.go:23:2: z escapes to heap:
func_values.go:23:2:   flow: {heap} = &z:
func_values.go:23:2:     from &z (address-of) at func_values.go:24:8
func_values.go:23:2:     from fs[0](&z) (call parameter) at func_values.go:24:7
func_values.go:22:15: fs does not escape
func_values.go:23:2: moved to heap: z
func_values.go:29:29: parameter p leaks to {heap} with derefs=0:
func_values.go:29:29:   flow: {heap} = p:
func_values.go:29:29:     from sink = p (assign) at func_values.go:29:44
func_values.go:29:29: leaking param: p
func_values.go:29:23: []func(*int){...} does not escape
func_values.go:29:24: func literal does not escape
