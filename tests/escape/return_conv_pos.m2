return_conv_pos.go:9:10: t.s escapes to heap:
return_conv_pos.go:9:10:   flow: ~r0 = &{storage for t.s}:
return_conv_pos.go:9:10:     from t.s (spill) at return_conv_pos.go:9:10
return_conv_pos.go:9:10:     from return t.s (return) at return_conv_pos.go:9:2
return_conv_pos.go:8:10: parameter t leaks to {storage for t.s} with derefs=1:
return_conv_pos.go:8:10:   flow: {storage for t.s} = *t:
return_conv_pos.go:8:10:     from t.s (dot of pointer) at return_conv_pos.go:9:10
return_conv_pos.go:8:10:     from t.s (interface-converted) at return_conv_pos.go:9:10
return_conv_pos.go:8:10: leaking param content: t
return_conv_pos.go:9:10: t.s escapes to heap
return_conv_pos.go:13:10: a[i] escapes to heap:
return_conv_pos.go:13:10:   flow: ~r0 = &{storage for a[i]}:
return_conv_pos.go:13:10:     from a[i] (spill) at return_conv_pos.go:13:10
return_conv_pos.go:13:10:     from return a[i] (return) at return_conv_pos.go:13:2
return_conv_pos.go:12:10: parameter a leaks to {storage for a[i]} with derefs=1:
return_conv_pos.go:12:10:   flow: {storage for a[i]} = *a:
return_conv_pos.go:12:10:     from a[i] (dot of pointer) at return_conv_pos.go:13:10
return_conv_pos.go:12:10:     from a[i] (interface-converted) at return_conv_pos.go:13:10
return_conv_pos.go:12:10: leaking param content: a
return_conv_pos.go:13:10: a[i] escapes to heap
return_conv_pos.go:17:10: f() escapes to heap:
return_conv_pos.go:17:10:   flow: ~r0 = &{storage for f()}:
return_conv_pos.go:17:10:     from f() (spill) at return_conv_pos.go:17:10
return_conv_pos.go:17:10:     from return f() (return) at return_conv_pos.go:17:2
return_conv_pos.go:16:11: f does not escape
return_conv_pos.go:17:10: f() escapes to heap
return_conv_pos.go:20:20: parameter e leaks to ~r1 with derefs=0:
return_conv_pos.go:20:20:   flow: ~r1 = e:
return_conv_pos.go:20:20:     from return s + "x", e (return) at return_conv_pos.go:21:2
return_conv_pos.go:21:11: s + "x" escapes to heap:
return_conv_pos.go:21:11:   flow: ~r0 = &{storage for s + "x"}:
return_conv_pos.go:21:11:     from s + "x" (spill) at return_conv_pos.go:21:11
return_conv_pos.go:21:11:     from return s + "x", e (return) at return_conv_pos.go:21:2
return_conv_pos.go:21:11: s + "x" escapes to heap:
return_conv_pos.go:21:11:   flow: {storage for s + "x"} = &{storage for s + "x"}:
return_conv_pos.go:21:11:     from s + "x" (spill) at return_conv_pos.go:21:11
return_conv_pos.go:21:11:     from s + "x" (interface-converted) at return_conv_pos.go:21:11
return_conv_pos.go:20:10: s does not escape
return_conv_pos.go:20:20: leaking param: e to result ~r1 level=0
return_conv_pos.go:21:11: s + "x" escapes to heap
return_conv_pos.go:21:11: s + "x" escapes to heap
