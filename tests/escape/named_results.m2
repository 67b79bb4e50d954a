named_results.go:6:2: x escapes to heap:
named_results.go:6:2:   flow: p = &x:
named_results.go:6:2:     from &x (address-of) at named_results.go:7:6
named_results.go:6:2:     from p = &x (assign) at named_results.go:7:4
named_results.go:6:2: moved to heap: x
named_results.go:12:6: &T{...} escapes to heap:
named_results.go:12:6:   flow: t = &{storage for &T{...}}:
named_results.go:12:6:     from &T{...} (spill) at named_results.go:12:6
named_results.go:12:6:     from t = &T{...} (assign) at named_results.go:12:4
named_results.go:12:6: &T{...} escapes to heap
named_results.go:16:12: parameter q leaks to r with derefs=0:
named_results.go:16:12:   flow: r = q:
named_results.go:16:12:     from r = q (assign) at named_results.go:17:4
named_results.go:16:12: leaking param: q to result r level=0
named_results.go:21:11: parameter a leaks to s with derefs=0:
named_results.go:21:11:   flow: s = a:
named_results.go:21:11:     from a[1:] (slice) at named_results.go:22:7
named_results.go:21:11:     from s = a[1:] (assign) at named_results.go:22:4
named_results.go:21:11: leaking param: a to result s level=0
named_results.go:29:51: []int{...} does not escape
