array_pointer_index.go:5:8: parameter g leaks to ~r0 with derefs=1:
array_pointer_index.go:5:8:   flow: ~r0 = *g:
array_pointer_index.go:5:8:     from g (indirection) at array_pointer_index.go:6:11
array_pointer_index.go:5:8:     from g[i] (fixed-array-index-of) at array_pointer_index.go:6:10
array_pointer_index.go:5:8:     from return g[i] (return) at array_pointer_index.go:6:2
array_pointer_index.go:5:8: leaking param: g to result ~r0 level=1
array_pointer_index.go:9:8: parameter g leaks to ~r0 with derefs=1:
array_pointer_index.go:9:8:   flow: ~r0 = *g:
array_pointer_index.go:9:8:     from g (indirection) at array_pointer_index.go:10:11
array_pointer_index.go:9:8:     from g[i + 1] (fixed-array-index-of) at array_pointer_index.go:10:10
array_pointer_index.go:9:8:     from return g[i + 1] (return) at array_pointer_index.go:10:2
array_pointer_index.go:9:8: leaking param: g to result ~r0 level=1
array_pointer_index.go:13:8: parameter g leaks to ~r0 with derefs=1:
array_pointer_index.go:13:8:   flow: ~r0 = *g:
array_pointer_index.go:13:8:     from g (indirection) at array_pointer_index.go:14:9
array_pointer_index.go:13:8:     from g[0] (fixed-array-index-of) at array_pointer_index.go:14:10
array_pointer_index.go:13:8:     from return g[0] (return) at array_pointer_index.go:14:2
array_pointer_index.go:13:8: leaking param: g to result ~r0 level=1
array_pointer_index.go:17:8: parameter g leaks to ~r0 with derefs=1:
array_pointer_index.go:17:8:   flow: ~r0 = *g:
array_pointer_index.go:17:8:     from g (indirection) at array_pointer_index.go:18:15
array_pointer_index.go:17:8:     from g[i] (fixed-array-index-of) at array_pointer_index.go:18:12
array_pointer_index.go:17:8:     from return g[i] (return) at array_pointer_index.go:18:2
array_pointer_index.go:17:8: leaking param: g to result ~r0 level=1
array_pointer_index.go:21:8: parameter g leaks to ~r0 with derefs=0:
array_pointer_index.go:21:8:   flow: ~r0 = g:
array_pointer_index.go:21:8:     from g (indirection) at array_pointer_index.go:22:12
array_pointer_index.go:21:8:     from g[i] (fixed-array-index-of) at array_pointer_index.go:22:11
array_pointer_index.go:21:8:     from &g[i] (address-of) at array_pointer_index.go:22:9
array_pointer_index.go:21:8:     from return &g[i] (return) at array_pointer_index.go:22:2
array_pointer_index.go:21:8: leaking param: g to result ~r0 level=0
