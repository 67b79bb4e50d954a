type_assert.go:7:16: parameter e leaks to ~r0 with derefs=0:
type_assert.go:7:16:   flow: ~r0 = e:
type_assert.go:7:16:     from e.(*T) (dot) at type_assert.go:8:10
type_assert.go:7:16:     from return e.(*T) (return) at type_assert.go:8:2
type_assert.go:7:16: leaking param: e to result ~r0 level=0
type_assert.go:11:18: e does not escape
type_assert.go:15:14: parameter e leaks to {heap} with derefs=0:
type_assert.go:15:14:   flow: t = e:
type_assert.go:15:14:     from e.(*T) (dot) at type_assert.go:16:12
type_assert.go:15:14:     from t, ok := e.(*T) (assign-pair-dot-type) at type_assert.go:16:8
type_assert.go:15:14:   flow: {heap} = t:
type_assert.go:15:14:     from sink = t (assign) at type_assert.go:18:8
type_assert.go:15:14: leaking param: e
type_assert.go:23:17: e does not escape
type_assert.go:34:54: &T{...} escapes to heap:
type_assert.go:34:54:   flow: {heap} = &{storage for &T{...}}:
type_assert.go:34:54:     from &T{...} (spill) at type_assert.go:34:54
type_assert.go:34:54:     from &T{...} (interface-converted) at type_assert.go:34:54
type_assert.go:34:54:     from commaOk(&T{...}) (call parameter) at type_assert.go:34:53
type_assert.go:34:20: &T{...} does not escape
type_assert.go:34:42: 2 does not escape
type_assert.go:34:54: &T{...} escapes to heap
type_assert.go:34:73: 4 does not escape
