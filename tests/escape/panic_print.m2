panic_print.go:11:15: parameter t leaks to {heap} with derefs=0:
panic_print.go:11:15:   flow: {heap} = t:
panic_print.go:11:15:     from t (interface-converted) at panic_print.go:13:9
panic_print.go:11:15:     from panic(t) (call parameter) at panic_print.go:13:8
panic_print.go:11:15: leaking param: t
panic_print.go:18:18: "bad: " + s escapes to heap:
panic_print.go:18:18:   flow: {heap} = &{storage for "bad: " + s}:
panic_print.go:18:18:     from "bad: " + s (spill) at panic_print.go:18:18
panic_print.go:18:18:     from panic("bad: " + s) (call parameter) at panic_print.go:18:7
panic_print.go:18:16: "bad: " + s escapes to heap:
panic_print.go:18:16:   flow: {storage for "bad: " + s} = &{storage for "bad: " + s}:
panic_print.go:18:16:     from "bad: " + s (spill) at panic_print.go:18:16
panic_print.go:18:16:     from "bad: " + s (interface-converted) at panic_print.go:18:18
panic_print.go:17:18: s does not escape
panic_print.go:18:18: "bad: " + s escapes to heap
panic_print.go:18:16: "bad: " + s escapes to heap
panic_print.go:25:7: 1 escapes to heap:
panic_print.go:25:7:   flow: {heap} = &{storage for 1}:
panic_print.go:25:7:     from 1 (spill) at panic_print.go:25:7
panic_print.go:25:7:     from panic(1) (call parameter) at panic_print.go:25:7
panic_print.go:21:19: recovered capturing by ref: r (addr=false assign=true width=16)
panic_print.go:22:8: func literal does not escape
panic_print.go:25:7: 1 escapes to heap
panic_print.go:30:11: &T{...} escapes to heap:
panic_print.go:30:11:   flow: {heap} = &{storage for &T{...}}:
panic_print.go:30:11:     from &T{...} (spill) at panic_print.go:30:11
panic_print.go:30:11:     from panicked(&T{...}) (call parameter) at panic_print.go:30:10
panic_print.go:30:11: &T{...} escapes to heap
