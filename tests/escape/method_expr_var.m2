method_expr_var.go:8:7: a does not escape
method_expr_var.go:14:23: parameter a leaks to {heap} with derefs=0:
method_expr_var.go:14:23:   flow: {heap} = a:
method_expr_var.go:14:23:     from k.kept = a (assign) at method_expr_var.go:14:40
method_expr_var.go:14:7: k does not escape
method_expr_var.go:14:23: leaking param: a
method_expr_var.go:16:10: xs does not escape
method_expr_var.go:27:2: b escapes to heap:
method_expr_var.go:27:2:   flow: {heap} = &b:
method_expr_var.go:27:2:     from &b (address-of) at method_expr_var.go:29:12
method_expr_var.go:27:2:     from keepFn(k, &b) (call parameter) at method_expr_var.go:29:8
method_expr_var.go:26:11: k does not escape
method_expr_var.go:27:2: moved to heap: b
method_expr_var.go:33:19: []int{...} does not escape
method_expr_var.go:34:7: &Keeper{} does not escape
