struct_fields.go:16:16: parameter p leaks to {heap} with derefs=0:
struct_fields.go:16:16:   flow: {heap} = p:
struct_fields.go:16:16:     from p.b (dot) at struct_fields.go:17:10
struct_fields.go:16:16:     from sink = p.b (assign) at struct_fields.go:17:7
struct_fields.go:16:16: leaking param: p
struct_fields.go:20:19: parameter p leaks to {heap} with derefs=1:
struct_fields.go:20:19:   flow: {heap} = *p:
struct_fields.go:20:19:     from p.a (dot of pointer) at struct_fields.go:21:10
struct_fields.go:20:19:     from sink = p.a (assign) at struct_fields.go:21:7
struct_fields.go:20:19: leaking param content: p
struct_fields.go:25:2: y escapes to heap:
struct_fields.go:25:2:   flow: p = &y:
struct_fields.go:25:2:     from &y (address-of) at struct_fields.go:26:15
struct_fields.go:25:2:     from pair{...} (struct literal element) at struct_fields.go:26:11
struct_fields.go:25:2:     from p := pair{...} (assign) at struct_fields.go:26:4
struct_fields.go:25:2:   flow: ~r0 = p:
struct_fields.go:25:2:     from p.a (dot) at struct_fields.go:27:10
struct_fields.go:25:2:     from return p.a (return) at struct_fields.go:27:2
struct_fields.go:25:2: moved to heap: y
struct_fields.go:32:2: z escapes to heap:
struct_fields.go:32:2:   flow: {heap} = &z:
struct_fields.go:32:2:     from &z (address-of) at struct_fields.go:33:20
struct_fields.go:32:2:     from pair{...} (struct literal element) at struct_fields.go:33:16
struct_fields.go:32:2:     from leakField(pair{...}) (call parameter) at struct_fields.go:33:11
struct_fields.go:32:5: w escapes to heap:
struct_fields.go:32:5:   flow: {storage for &pair{...}} = &w:
struct_fields.go:32:5:     from &w (address-of) at struct_fields.go:34:24
struct_fields.go:32:5:     from pair{...} (struct literal element) at struct_fields.go:34:20
struct_fields.go:32:5:   flow: {heap} = {storage for &pair{...}}:
struct_fields.go:32:5:     from &pair{...} (spill) at struct_fields.go:34:15
struct_fields.go:32:5:     from leakPtrField(&pair{...}) (call parameter) at struct_fields.go:34:14
struct_fields.go:32:2: moved to heap: z
struct_fields.go:32:5: moved to heap: w
struct_fields.go:34:15: &pair{...} does not escape
