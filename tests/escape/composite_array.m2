composite_array.go:11:2: a escapes to heap:
composite_array.go:11:2:   flow: ~r0 = &a:
composite_array.go:11:2:     from &a (address-of) at composite_array.go:12:9
composite_array.go:11:2:     from return &a (return) at composite_array.go:12:2
composite_array.go:11:2: moved to heap: a
composite_array.go:16:9: &[3]int{...} escapes to heap:
composite_array.go:16:9:   flow: {heap} = &{storage for &[3]int{...}}:
composite_array.go:16:9:     from &[3]int{...} (spill) at composite_array.go:16:9
composite_array.go:16:9:     from sink = &[3]int{...} (assign) at composite_array.go:16:7
composite_array.go:16:9: &[3]int{...} escapes to heap
composite_array.go:20:5: y escapes to heap:
composite_array.go:20:5:   flow: ~r0 = &y:
composite_array.go:20:5:     from &y (address-of) at composite_array.go:21:21
composite_array.go:20:5:     from [2]*int{...} (array literal element) at composite_array.go:21:16
composite_array.go:20:5:     from return [2]*int{...} (return) at composite_array.go:21:2
composite_array.go:20:2: x escapes to heap:
composite_array.go:20:2:   flow: ~r0 = &x:
composite_array.go:20:2:     from &x (address-of) at composite_array.go:21:17
composite_array.go:20:2:     from [2]*int{...} (array literal element) at composite_array.go:21:16
composite_array.go:20:2:     from return [2]*int{...} (return) at composite_array.go:21:2
composite_array.go:20:2: moved to heap: x
composite_array.go:20:5: moved to heap: y
