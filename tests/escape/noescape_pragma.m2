noescape_pragma.go:4:11: p does not escape
noescape_pragma.go:6:10: leaking param: p
noescape_pragma.go:9:12: p does not escape
noescape_pragma.go:14:5: y escapes to heap:
noescape_pragma.go:14:5:   flow: {heap} = &y:
noescape_pragma.go:14:5:     from &y (address-of) at noescape_pragma.go:15:24
noescape_pragma.go:14:5:     from use(&y) (call parameter) at noescape_pragma.go:15:23
noescape_pragma.go:14:5: moved to heap: y
