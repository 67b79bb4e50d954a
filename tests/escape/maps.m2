maps.go:6:2: k escapes to heap:
maps.go:6:2:   flow: {heap} = &k:
maps.go:6:2:     from &k (address-of) at maps.go:7:4
maps.go:6:2:     from m[&k] (key of map put) at maps.go:7:3
maps.go:6:5: v escapes to heap:
maps.go:6:5:   flow: {heap} = &v:
maps.go:6:5:     from &v (address-of) at maps.go:7:10
maps.go:6:5:     from m[&k] = &v (assign) at maps.go:7:8
maps.go:6:2: moved to heap: k
maps.go:6:5: moved to heap: v
maps.go:10:13: p does not escape
maps.go:16:2: x escapes to heap:
maps.go:16:2:   flow: {heap} = &x:
maps.go:16:2:     from &x (address-of) at maps.go:17:11
maps.go:16:2:     from l["x"] = &x (assign) at maps.go:17:9
maps.go:16:2: moved to heap: x
maps.go:15:22: map[string]*int{} does not escape
maps.go:21:15: parameter mm leaks to ~r0 with derefs=1:
maps.go:21:15:   flow: {temp} = mm:
maps.go:21:15:   flow: v = *{temp}:
maps.go:21:15:     from for loop (range-deref) at maps.go:22:14
maps.go:21:15:   flow: ~r0 = v:
maps.go:21:15:     from return v (return) at maps.go:23:3
maps.go:21:15: leaking param: mm to result ~r0 level=1
maps.go:28:16: mm does not escape
maps.go:28:35: k does not escape
maps.go:3:22: map[*int]*int{} escapes to heap:
maps.go:3:22:   flow: {heap} = &{storage for map[*int]*int{}}:
maps.go:3:22:     from map[*int]*int{} (spill) at maps.go:3:22
maps.go:3:22:     from m = map[*int]*int{} (assign) at maps.go:3:5
maps.go:3:22: map[*int]*int{} escapes to heap
