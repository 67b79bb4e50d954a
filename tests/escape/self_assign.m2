self_assign.go:11:6: trim ignoring self-assignment in b.b = b.b[1:]
self_assign.go:10:11: b does not escape
self_assign.go:15:6: trim3 ignoring self-assignment in b.b = b.b[1:2:3]
self_assign.go:14:12: b does not escape
self_assign.go:18:15: parameter b leaks to {heap} with derefs=0:
self_assign.go:18:15:   flow: {heap} = b:
self_assign.go:18:15:     from b.arr (dot of pointer) at self_assign.go:19:9
self_assign.go:18:15:     from b.arr (address-of) at self_assign.go:19:8
self_assign.go:18:15:     from b.arr[:] (slice) at self_assign.go:19:13
self_assign.go:18:15:     from b.s = b.arr[:] (assign) at self_assign.go:19:6
self_assign.go:18:15: leaking param: b
self_assign.go:22:17: parameter b leaks to {heap} with derefs=1:
self_assign.go:22:17:   flow: {heap} = *b:
self_assign.go:22:17:     from b.b (dot of pointer) at self_assign.go:23:9
self_assign.go:22:17:     from b.b[1:] (slice) at self_assign.go:23:11
self_assign.go:22:17:     from a.b = b.b[1:] (assign) at self_assign.go:23:6
self_assign.go:22:14: a does not escape
self_assign.go:22:17: leaking param content: b
self_assign.go:27:7: &buf{...} escapes to heap:
self_assign.go:27:7:   flow: x = &{storage for &buf{...}}:
self_assign.go:27:7:     from &buf{...} (spill) at self_assign.go:27:7
self_assign.go:27:7:     from x := &buf{...} (assign) at self_assign.go:27:4
self_assign.go:27:7:   flow: {heap} = x:
self_assign.go:27:7:     from arrSlice(x) (call parameter) at self_assign.go:30:10
self_assign.go:27:21: ([]byte)("abc") escapes to heap:
self_assign.go:27:21:   flow: {storage for &buf{...}} = &{storage for ([]byte)("abc")}:
self_assign.go:27:21:     from ([]byte)("abc") (spill) at self_assign.go:27:21
self_assign.go:27:21:     from buf{...} (struct literal element) at self_assign.go:27:11
self_assign.go:27:7: &buf{...} escapes to heap
self_assign.go:27:21: ([]byte)("abc") escapes to heap
