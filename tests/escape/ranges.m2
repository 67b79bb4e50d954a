ranges.go:5:16: parameter s leaks to {heap} with derefs=1:
ranges.go:5:16:   flow: {temp} = s:
ranges.go:5:16:   flow: p = *{temp}:
ranges.go:5:16:     from for loop (range-deref) at ranges.go:6:14
ranges.go:5:16:   flow: {heap} = p:
ranges.go:5:16:     from sink = p (assign) at ranges.go:7:8
ranges.go:5:16: leaking param content: s
ranges.go:20:17: s does not escape
ranges.go:29:9: v escapes to heap:
ranges.go:29:9:   flow: ~r0 = &v:
ranges.go:29:9:     from &v (address-of) at ranges.go:30:10
ranges.go:29:9:     from return &v (return) at ranges.go:30:3
ranges.go:28:21: parameter s leaks to v with derefs=1:
ranges.go:28:21:   flow: {temp} = s:
ranges.go:28:21:   flow: v = *{temp}:
ranges.go:28:21:     from for loop (range-deref) at ranges.go:29:14
ranges.go:28:21: leaking param content: s
ranges.go:29:9: moved to heap: v
ranges.go:37:61: []int{...} does not escape
