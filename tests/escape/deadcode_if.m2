deadcode_if.go:47:2: u escapes to heap:
deadcode_if.go:47:2:   flow: {heap} = &u:
deadcode_if.go:47:2:     from &u (address-of) at deadcode_if.go:49:10
deadcode_if.go:47:2:     from sink = &u (assign) at deadcode_if.go:49:8
deadcode_if.go:47:2: moved to heap: u
