defer_plain.go:5:7: t does not escape
defer_plain.go:9:15: deferred capturing by value: .autotmp_2 (addr=false assign=false width=8)
defer_plain.go:8:7: &T{...} does not escape
defer_plain.go:14:2: deferClosure capturing by value: x (addr=false assign=false width=8)
defer_plain.go:13:22: deferClosure capturing by ref: r (addr=false assign=true width=8)
defer_plain.go:15:8: func literal does not escape
defer_plain.go:23:16: deferArg capturing by value: .autotmp_1 (addr=false assign=false width=8)
