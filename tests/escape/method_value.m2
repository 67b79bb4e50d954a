method_value.go:6:7: t does not escape
method_value.go:7:7: parameter t leaks to ~r0 with derefs=0:
method_value.go:7:7:   flow: ~r0 = t:
method_value.go:7:7:     from t.n (dot of pointer) at method_value.go:7:35
method_value.go:7:7:     from &t.n (address-of) at method_value.go:7:33
method_value.go:7:7:     from return &t.n (return) at method_value.go:7:26
method_value.go:7:7: leaking param: t to result ~r0 level=0
method_value.go:13:8: t.Get does not escape
method_value.go:19:8: t.Set does not escape
method_value.go:26:10: t.Get escapes to heap:
method_value.go:26:10:   flow: {heap} = &{storage for t.Get}:
method_value.go:26:10:     from t.Get (spill) at method_value.go:26:10
method_value.go:26:10:     from sink = t.Get (assign) at method_value.go:26:7
method_value.go:26:10: t.Get escapes to heap
method_value.go:31:10: t.Set escapes to heap:
method_value.go:31:10:   flow: ~r0 = &{storage for t.Set}:
method_value.go:31:10:     from t.Set (spill) at method_value.go:31:10
method_value.go:31:10:     from return t.Set (return) at method_value.go:31:2
method_value.go:30:7: &T{...} escapes to heap:
method_value.go:30:7:   flow: t = &{storage for &T{...}}:
method_value.go:30:7:     from &T{...} (spill) at method_value.go:30:7
method_value.go:30:7:     from t := &T{...} (assign) at method_value.go:30:4
method_value.go:30:7:   flow: {temp} = t:
method_value.go:30:7:   flow: {storage for t.Set} = {temp}:
method_value.go:30:7: &T{...} escapes to heap
method_value.go:31:10: t.Set escapes to heap
method_value.go:35:2: t escapes to heap:
method_value.go:35:2:   flow: ~r0 = &t:
method_value.go:35:2:     from t (address-of) at method_value.go:36:10
method_value.go:35:2:     from (*T).Ptr(t) (call parameter) at method_value.go:36:14
method_value.go:35:2:     from return (*T).Ptr(t) (return) at method_value.go:36:2
method_value.go:35:2: moved to heap: t
