errors_new.go:16:7: e does not escape
errors_new.go:19:9: &myErr{...} escapes to heap:
errors_new.go:19:9:   flow: ~r0 = &{storage for &myErr{...}}:
errors_new.go:19:9:     from &myErr{...} (spill) at errors_new.go:19:9
errors_new.go:19:9:     from &myErr{...} (interface-converted) at errors_new.go:19:9
errors_new.go:19:9:     from return &myErr{...} (return) at errors_new.go:19:2
errors_new.go:19:9: &myErr{...} escapes to heap
