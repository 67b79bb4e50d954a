mutual_recursion.go:3:18: p does not escape
mutual_recursion.go:10:17: p does not escape
mutual_recursion.go:19:18: parameter p leaks to {heap} with derefs=0:
mutual_recursion.go:19:18:   flow: {heap} = p:
mutual_recursion.go:19:18:     from sink = p (assign) at mutual_recursion.go:21:8
mutual_recursion.go:27:18: parameter q leaks to {heap} with derefs=0:
mutual_recursion.go:27:18:   flow: p = q:
mutual_recursion.go:27:18:     from ping(n, q) (call parameter) at mutual_recursion.go:28:13
mutual_recursion.go:27:18:   flow: {heap} = p:
mutual_recursion.go:27:18:     from sink = p (assign) at mutual_recursion.go:21:8
mutual_recursion.go:19:18: parameter p leaks to ~r0 with derefs=0:
mutual_recursion.go:19:18:   flow: ~r0 = p:
mutual_recursion.go:19:18:     from return p (return) at mutual_recursion.go:22:3
mutual_recursion.go:19:18:   flow: ~r0 = ~r0:
mutual_recursion.go:19:18:     from return ping(n, q) (return) at mutual_recursion.go:28:2
mutual_recursion.go:27:18: parameter q leaks to ~r0 with derefs=0:
mutual_recursion.go:27:18:   flow: p = q:
mutual_recursion.go:27:18:     from ping(n, q) (call parameter) at mutual_recursion.go:28:13
mutual_recursion.go:27:18:   flow: ~r0 = p:
mutual_recursion.go:27:18:     from return p (return) at mutual_recursion.go:22:3
mutual_recursion.go:27:18:   flow: ~r0 = ~r0:
mutual_recursion.go:27:18:     from return ping(n, q) (return) at mutual_recursion.go:28:2
mutual_recursion.go:19:18: parameter p leaks to ~r0 with derefs=0:
mutual_recursion.go:19:18:   flow: ~r0 = p:
mutual_recursion.go:19:18:     from return p (return) at mutual_recursion.go:22:3
mutual_recursion.go:27:18: parameter q leaks to ~r0 with derefs=0:
mutual_recursion.go:27:18:   flow: p = q:
mutual_recursion.go:27:18:     from ping(n, q) (call parameter) at mutual_recursion.go:28:13
mutual_recursion.go:27:18:   flow: ~r0 = p:
mutual_recursion.go:27:18:     from return p (return) at mutual_recursion.go:22:3
mutual_recursion.go:19:18: leaking param: p
mutual_recursion.go:27:18: leaking param: q
mutual_recursion.go:32:5: y escapes to heap:
mutual_recursion.go:32:5:   flow: {heap} = &y:
mutual_recursion.go:32:5:     from &y (address-of) at mutual_recursion.go:33:32
mutual_recursion.go:32:5:     from ping(3, &y) (call parameter) at mutual_recursion.go:33:28
mutual_recursion.go:32:5: moved to heap: y
