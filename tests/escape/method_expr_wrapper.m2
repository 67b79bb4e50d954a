method_expr_wrapper.go:10:7: v does not escape
method_expr_wrapper.go:13:2: a escapes to heap:
method_expr_wrapper.go:13:2:   flow: {heap} = &a:
method_expr_wrapper.go:13:2:     from &a (address-of) at method_expr_wrapper.go:14:21
method_expr_wrapper.go:13:2:     from (*Vec).Len2(&a) (call parameter) at method_expr_wrapper.go:14:20
method_expr_wrapper.go:13:2: moved to heap: a
method_expr_wrapper.go:18:2: c escapes to heap:
method_expr_wrapper.go:18:2:   flow: {heap} = &c:
method_expr_wrapper.go:18:2:     from &c (address-of) at method_expr_wrapper.go:22:11
method_expr_wrapper.go:18:2:     from l(&c) (call parameter) at method_expr_wrapper.go:22:10
method_expr_wrapper.go:18:2: moved to heap: c
