copy_builtin.go:4:11: make([]int, 4) does not escape
copy_builtin.go:5:12: []int{...} does not escape
copy_builtin.go:9:22: parameter src leaks to {heap} with derefs=1:
copy_builtin.go:9:22:   flow: {heap} = *src:
copy_builtin.go:9:22:     from copy(dst, src) (call parameter) at copy_builtin.go:10:13
copy_builtin.go:9:22:     from copy(dst, src) (copied slice) at copy_builtin.go:10:13
copy_builtin.go:9:17: dst does not escape
copy_builtin.go:9:22: leaking param content: src
copy_builtin.go:13:17: dst does not escape
copy_builtin.go:13:29: s does not escape
copy_builtin.go:17:11: s does not escape
copy_builtin.go:17:20: m does not escape
