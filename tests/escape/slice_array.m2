slice_array.go:12:6: a escapes to heap:
slice_array.go:12:6:   flow: ~r0 = &a:
slice_array.go:12:6:     from a (address-of) at slice_array.go:13:9
slice_array.go:12:6:     from a[1:3] (slice) at slice_array.go:13:10
slice_array.go:12:6:     from return a[1:3] (return) at slice_array.go:13:2
slice_array.go:12:6: moved to heap: a
slice_array.go:17:6: b escapes to heap:
slice_array.go:17:6:   flow: {heap} = &b:
slice_array.go:17:6:     from b (address-of) at slice_array.go:18:9
slice_array.go:17:6:     from b[:] (slice) at slice_array.go:18:10
slice_array.go:17:6:     from sink = b[:] (assign) at slice_array.go:18:7
slice_array.go:17:6: moved to heap: b
slice_array.go:21:16: parameter p leaks to ~r0 with derefs=0:
slice_array.go:21:16:   flow: ~r0 = p:
slice_array.go:21:16:     from p[:] (slice) at slice_array.go:22:10
slice_array.go:21:16:     from return p[:] (return) at slice_array.go:22:2
slice_array.go:21:16: leaking param: p to result ~r0 level=0
