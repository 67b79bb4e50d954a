deadcode_blocks.go:18:2: x escapes to heap:
deadcode_blocks.go:18:2:   flow: {heap} = &x:
deadcode_blocks.go:18:2:     from &x (address-of) at deadcode_blocks.go:22:9
deadcode_blocks.go:18:2:     from sink = &x (assign) at deadcode_blocks.go:22:7
deadcode_blocks.go:18:2: moved to heap: x
deadcode_blocks.go:26:2: x escapes to heap:
deadcode_blocks.go:26:2:   flow: {heap} = &x:
deadcode_blocks.go:26:2:     from &x (address-of) at deadcode_blocks.go:30:9
deadcode_blocks.go:26:2:     from sink = &x (assign) at deadcode_blocks.go:30:7
deadcode_blocks.go:26:2: moved to heap: x
deadcode_blocks.go:34:2: x escapes to heap:
deadcode_blocks.go:34:2:   flow: {heap} = &x:
deadcode_blocks.go:34:2:     from &x (address-of) at deadcode_blocks.go:40:9
deadcode_blocks.go:34:2:     from sink = &x (assign) at deadcode_blocks.go:40:7
deadcode_blocks.go:34:2: moved to heap: x
