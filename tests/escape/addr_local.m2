addr_local.go:13:2: x escapes to heap:
addr_local.go:13:2:   flow: ~r0 = &x:
addr_local.go:13:2:     from &x (address-of) at addr_local.go:14:9
addr_local.go:13:2:     from return &x (return) at addr_local.go:14:2
addr_local.go:13:2: moved to heap: x
addr_local.go:18:2: p escapes to heap:
addr_local.go:18:2:   flow: ~r0 = &p:
addr_local.go:18:2:     from &p (address-of) at addr_local.go:19:9
addr_local.go:18:2:     from return &p (return) at addr_local.go:19:2
addr_local.go:18:2: moved to heap: p
addr_local.go:25:2: y escapes to heap:
addr_local.go:25:2:   flow: {heap} = &y:
addr_local.go:25:2:     from &y (address-of) at addr_local.go:26:11
addr_local.go:25:2:     from global = &y (assign) at addr_local.go:26:9
addr_local.go:25:2: moved to heap: y
addr_local.go:30:2: p escapes to heap:
addr_local.go:30:2:   flow: ~r0 = &p:
addr_local.go:30:2:     from p.y (dot) at addr_local.go:31:11
addr_local.go:30:2:     from &p.y (address-of) at addr_local.go:31:9
addr_local.go:30:2:     from return &p.y (return) at addr_local.go:31:2
addr_local.go:30:2: moved to heap: p
