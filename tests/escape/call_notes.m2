call_notes.go:7:7: parameter t leaks to ~r0 with derefs=1:
call_notes.go:7:7:   flow: ~r0 = *t:
call_notes.go:7:7:     from t.p (dot of pointer) at call_notes.go:7:34
call_notes.go:7:7:     from return t.p (return) at call_notes.go:7:26
call_notes.go:7:7: leaking param: t to result ~r0 level=1
call_notes.go:8:7: parameter t leaks to ~r0 with derefs=0:
call_notes.go:8:7:   flow: ~r0 = t:
call_notes.go:8:7:     from return t (return) at call_notes.go:8:26
call_notes.go:8:7: leaking param: t to result ~r0 level=0
call_notes.go:16:7: &T{} escapes to heap:
call_notes.go:16:7:   flow: u = &{storage for &T{}}:
call_notes.go:16:7:     from &T{} (spill) at call_notes.go:16:7
call_notes.go:16:7:     from u := &T{} (assign) at call_notes.go:16:4
call_notes.go:16:7:   flow: {heap} = u:
call_notes.go:16:7:     from (*T).Self(u) (call parameter) at call_notes.go:17:16
call_notes.go:16:7:     from sinkt = (*T).Self(u) (assign) at call_notes.go:17:8
call_notes.go:16:7: &T{} escapes to heap
