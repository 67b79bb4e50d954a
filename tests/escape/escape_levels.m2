escape_levels.go:8:15: parameter o leaks to {heap} with derefs=2:
escape_levels.go:8:15:   flow: {heap} = **o:
escape_levels.go:8:15:     from o.in (dot of pointer) at escape_levels.go:9:10
escape_levels.go:8:15:     from o.in.p (dot of pointer) at escape_levels.go:9:13
escape_levels.go:8:15:     from sink = o.in.p (assign) at escape_levels.go:9:7
escape_levels.go:8:15: leaking param content: o
escape_levels.go:12:17: parameter o leaks to ~r0 with derefs=2:
escape_levels.go:12:17:   flow: ~r0 = **o:
escape_levels.go:12:17:     from o.in (dot of pointer) at escape_levels.go:13:10
escape_levels.go:12:17:     from o.in.p (dot of pointer) at escape_levels.go:13:13
escape_levels.go:12:17:     from return o.in.p (return) at escape_levels.go:13:2
escape_levels.go:12:17: leaking param: o to result ~r0 level=2
escape_levels.go:16:16: parameter o leaks to ~r0 with derefs=1:
escape_levels.go:16:16:   flow: ~r0 = *o:
escape_levels.go:16:16:     from o.in (dot of pointer) at escape_levels.go:17:10
escape_levels.go:16:16:     from return o.in (return) at escape_levels.go:17:2
escape_levels.go:16:16: leaking param: o to result ~r0 level=1
escape_levels.go:21:2: x escapes to heap:
escape_levels.go:21:2:   flow: {storage for &inner{...}} = &x:
escape_levels.go:21:2:     from &x (address-of) at escape_levels.go:22:25
escape_levels.go:21:2:     from inner{...} (struct literal element) at escape_levels.go:22:24
escape_levels.go:21:2:   flow: {storage for &outer{...}} = &{storage for &inner{...}}:
escape_levels.go:21:2:     from &inner{...} (spill) at escape_levels.go:22:18
escape_levels.go:21:2:     from outer{...} (struct literal element) at escape_levels.go:22:17
escape_levels.go:21:2:   flow: {heap} = *{storage for &outer{...}}:
escape_levels.go:21:2:     from &outer{...} (spill) at escape_levels.go:22:11
escape_levels.go:21:2:     from leakDeep(&outer{...}) (call parameter) at escape_levels.go:22:10
escape_levels.go:21:2: moved to heap: x
escape_levels.go:22:11: &outer{...} does not escape
escape_levels.go:22:18: &inner{...} does not escape
escape_levels.go:23:22: &outer{...} does not escape
escape_levels.go:23:29: &inner{...} does not escape
escape_levels.go:24:20: &outer{...} does not escape
escape_levels.go:24:27: &inner{...} does not escape
