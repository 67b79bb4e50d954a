large_explicit.go:8:10: new(huge) escapes to heap:
large_explicit.go:8:10:   flow: {heap} = &{storage for new(huge)}:
large_explicit.go:8:10:     from new(huge) (too large for stack) at large_explicit.go:8:10
large_explicit.go:8:10: new(huge) escapes to heap
large_explicit.go:13:10: new(medium) escapes to heap:
large_explicit.go:13:10:   flow: {heap} = &{storage for new(medium)}:
large_explicit.go:13:10:     from new(medium) (too large for stack) at large_explicit.go:13:10
large_explicit.go:13:10: new(medium) escapes to heap
large_explicit.go:18:6: h escapes to heap:
large_explicit.go:18:6:   flow: {heap} = &h:
large_explicit.go:18:6:     from h (too large for stack) at large_explicit.go:18:6
large_explicit.go:18:6: moved to heap: h
large_explicit.go:24:6: v escapes to heap:
large_explicit.go:24:6:   flow: {heap} = &v:
large_explicit.go:24:6:     from v (too large for stack) at large_explicit.go:24:6
large_explicit.go:24:6: moved to heap: v
large_explicit.go:36:2: s escapes to heap:
large_explicit.go:36:2:   flow: {heap} = &s:
large_explicit.go:36:2:     from s (too large for stack) at large_explicit.go:36:2
large_explicit.go:36:2: moved to heap: s
