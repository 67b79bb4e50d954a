string_bytes.go:6:14: s does not escape
string_bytes.go:7:13: ([]byte)(s) does not escape
string_bytes.go:12:15: ([]byte)(s) escapes to heap:
string_bytes.go:12:15:   flow: ~r0 = &{storage for ([]byte)(s)}:
string_bytes.go:12:15:     from ([]byte)(s) (spill) at string_bytes.go:12:15
string_bytes.go:12:15:     from return ([]byte)(s) (return) at string_bytes.go:12:2
string_bytes.go:11:18: s does not escape
string_bytes.go:12:15: ([]byte)(s) escapes to heap
string_bytes.go:16:15: string(b) escapes to heap:
string_bytes.go:16:15:   flow: ~r0 = &{storage for string(b)}:
string_bytes.go:16:15:     from string(b) (spill) at string_bytes.go:16:15
string_bytes.go:16:15:     from return string(b) (return) at string_bytes.go:16:2
string_bytes.go:15:15: b does not escape
string_bytes.go:16:15: string(b) escapes to heap
string_bytes.go:19:20: b does not escape
string_bytes.go:20:13: string(b) does not escape
string_bytes.go:24:12: s does not escape
string_bytes.go:25:13: ([]rune)(s) does not escape
string_bytes.go:30:16: string(r) escapes to heap:
string_bytes.go:30:16:   flow: {heap} = &{storage for string(r)}:
string_bytes.go:30:16:     from string(r) (spill) at string_bytes.go:30:16
string_bytes.go:30:16:     from sinkS = string(r) (assign) at string_bytes.go:30:8
string_bytes.go:29:16: r does not escape
string_bytes.go:30:16: string(r) escapes to heap
string_bytes.go:34:15: string(r) escapes to heap:
string_bytes.go:34:15:   flow: ~r0 = &{storage for string(r)}:
string_bytes.go:34:15:     from string(r) (spill) at string_bytes.go:34:15
string_bytes.go:34:15:     from return string(r) (return) at string_bytes.go:34:2
string_bytes.go:34:15: string(r) escapes to heap
string_bytes.go:37:14: b does not escape
string_bytes.go:38:15: string(b) does not escape
string_bytes.go:45:16: ([]byte)("d") escapes to heap:
string_bytes.go:45:16:   flow: {heap} = &{storage for ([]byte)("d")}:
string_bytes.go:45:16:     from ([]byte)("d") (spill) at string_bytes.go:45:16
string_bytes.go:45:16:     from sinkB = ([]byte)("d") (assign) at string_bytes.go:45:8
string_bytes.go:45:16: ([]byte)("d") escapes to heap
