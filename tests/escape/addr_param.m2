addr_param.go:8:15: parameter p leaks to ~r0 with derefs=0:
addr_param.go:8:15:   flow: ~r0 = p:
addr_param.go:8:15:     from return p (return) at addr_param.go:9:2
addr_param.go:8:15: leaking param: p to result ~r0 level=0
addr_param.go:12:12: p does not escape
addr_param.go:16:15: parameter pp leaks to ~r0 with derefs=1:
addr_param.go:16:15:   flow: ~r0 = *pp:
addr_param.go:16:15:     from *pp (indirection) at addr_param.go:17:9
addr_param.go:16:15:     from return *pp (return) at addr_param.go:17:2
addr_param.go:16:15: leaking param: pp to result ~r0 level=1
addr_param.go:22:12: parameter p leaks to {heap} with derefs=0:
addr_param.go:22:12:   flow: {heap} = p:
addr_param.go:22:12:     from sink = p (assign) at addr_param.go:23:7
addr_param.go:22:12: leaking param: p
addr_param.go:26:19: parameter n leaks to {heap} with derefs=1:
addr_param.go:26:19:   flow: {heap} = *n:
addr_param.go:26:19:     from n.next (dot of pointer) at addr_param.go:27:11
addr_param.go:26:19:     from n.next.val (dot of pointer) at addr_param.go:27:16
addr_param.go:26:19:     from &n.next.val (address-of) at addr_param.go:27:9
addr_param.go:26:19:     from sink = &n.next.val (assign) at addr_param.go:27:7
addr_param.go:26:19: leaking param content: n
addr_param.go:30:17: parameter a leaks to ~r1 with derefs=0:
addr_param.go:30:17:   flow: ~r1 = a:
addr_param.go:30:17:     from return b, a (return) at addr_param.go:31:2
addr_param.go:30:20: parameter b leaks to ~r0 with derefs=0:
addr_param.go:30:20:   flow: ~r0 = b:
addr_param.go:30:20:     from return b, a (return) at addr_param.go:31:2
addr_param.go:30:17: leaking param: a to result ~r1 level=0
addr_param.go:30:20: leaking param: b to result ~r0 level=0
addr_param.go:39:2: z escapes to heap:
addr_param.go:39:2:   flow: {heap} = &z:
addr_param.go:39:2:     from &z (address-of) at addr_param.go:40:8
addr_param.go:39:2:     from store(&z) (call parameter) at addr_param.go:40:7
addr_param.go:39:2: moved to heap: z
addr_param.go:41:15: &node{} does not escape
