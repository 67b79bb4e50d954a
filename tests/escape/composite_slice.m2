composite_slice.go:6:12: []int{...} does not escape
composite_slice.go:11:14: []int{...} escapes to heap:
composite_slice.go:11:14:   flow: ~r0 = &{storage for []int{...}}:
composite_slice.go:11:14:     from []int{...} (spill) at composite_slice.go:11:14
composite_slice.go:11:14:     from return []int{...} (return) at composite_slice.go:11:2
composite_slice.go:11:14: []int{...} escapes to heap
composite_slice.go:15:14: []int{...} escapes to heap:
composite_slice.go:15:14:   flow: {heap} = &{storage for []int{...}}:
composite_slice.go:15:14:     from []int{...} (spill) at composite_slice.go:15:14
composite_slice.go:15:14:     from sink = []int{...} (assign) at composite_slice.go:15:7
composite_slice.go:15:14: []int{...} escapes to heap
composite_slice.go:20:14: []*int{...} does not escape
composite_slice.go:26:15: []*int{...} escapes to heap:
composite_slice.go:26:15:   flow: ~r0 = &{storage for []*int{...}}:
composite_slice.go:26:15:     from []*int{...} (spill) at composite_slice.go:26:15
composite_slice.go:26:15:     from return []*int{...} (return) at composite_slice.go:26:2
composite_slice.go:25:2: c escapes to heap:
composite_slice.go:25:2:   flow: {storage for []*int{...}} = &c:
composite_slice.go:25:2:     from &c (address-of) at composite_slice.go:26:16
composite_slice.go:25:2:     from []*int{...} (slice-literal-element) at composite_slice.go:26:15
composite_slice.go:25:2: moved to heap: c
composite_slice.go:26:15: []*int{...} escapes to heap
