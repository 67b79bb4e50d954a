loop_depth.go:6:3: x escapes to heap:
loop_depth.go:6:3:   flow: p = &x:
loop_depth.go:6:3:     from &x (address-of) at loop_depth.go:7:7
loop_depth.go:6:3:     from p = &x (assign) at loop_depth.go:7:5
loop_depth.go:6:3: moved to heap: x
loop_depth.go:25:3: v escapes to heap:
loop_depth.go:25:3:   flow: last = &v:
loop_depth.go:25:3:     from &v (address-of) at loop_depth.go:26:10
loop_depth.go:25:3:     from last = &v (assign) at loop_depth.go:26:8
loop_depth.go:22:16: s does not escape
loop_depth.go:25:3: moved to heap: v
loop_depth.go:36:4: z escapes to heap:
loop_depth.go:36:4:   flow: r = &z:
loop_depth.go:36:4:     from &z (address-of) at loop_depth.go:37:8
loop_depth.go:36:4:     from r = &z (assign) at loop_depth.go:37:6
loop_depth.go:36:4: moved to heap: z
loop_depth.go:47:51: []int{...} does not escape
