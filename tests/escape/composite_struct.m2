composite_struct.go:12:7: &T{...} does not escape
composite_struct.go:17:9: &T{...} escapes to heap:
composite_struct.go:17:9:   flow: ~r0 = &{storage for &T{...}}:
composite_struct.go:17:9:     from &T{...} (spill) at composite_struct.go:17:9
composite_struct.go:17:9:     from return &T{...} (return) at composite_struct.go:17:2
composite_struct.go:17:9: &T{...} escapes to heap
composite_struct.go:22:9: &T{...} escapes to heap:
composite_struct.go:22:9:   flow: ~r0 = &{storage for &T{...}}:
composite_struct.go:22:9:     from &T{...} (spill) at composite_struct.go:22:9
composite_struct.go:22:9:     from return &T{...} (return) at composite_struct.go:22:2
composite_struct.go:21:2: n escapes to heap:
composite_struct.go:21:2:   flow: {storage for &T{...}} = &n:
composite_struct.go:21:2:     from &n (address-of) at composite_struct.go:22:21
composite_struct.go:21:2:     from T{...} (struct literal element) at composite_struct.go:22:11
composite_struct.go:21:2: moved to heap: n
composite_struct.go:22:9: &T{...} escapes to heap
composite_struct.go:26:2: T{...} escapes to heap:
composite_struct.go:26:2:   flow: {heap} = &{storage for T{...}}:
composite_struct.go:26:2:     from T{...} (spill) at composite_struct.go:26:2
composite_struct.go:26:2:     from sink = T{...} (assign) at composite_struct.go:26:7
composite_struct.go:26:2: T{...} escapes to heap
composite_struct.go:30:7: &T{} escapes to heap:
composite_struct.go:30:7:   flow: t = &{storage for &T{}}:
composite_struct.go:30:7:     from &T{} (spill) at composite_struct.go:30:7
composite_struct.go:30:7:     from t := &T{} (assign) at composite_struct.go:30:4
composite_struct.go:30:7:   flow: ~r0 = t:
composite_struct.go:30:7:     from return t (return) at composite_struct.go:32:2
composite_struct.go:30:7: &T{} escapes to heap
