fmt_calls.go:17:12: "literal\n" escapes to heap:
fmt_calls.go:17:12:   flow: {storage for ... argument} = &{storage for "literal\n"}:
fmt_calls.go:17:12:     from "literal\n" (spill) at fmt_calls.go:17:12
fmt_calls.go:17:12:     from ... argument (slice-literal-element) at fmt_calls.go:17:11
fmt_calls.go:17:12:   flow: {heap} = {storage for ... argument}:
fmt_calls.go:17:12:     from ... argument (spill) at fmt_calls.go:17:11
fmt_calls.go:17:12:     from fmt.Print(... argument...) (call parameter) at fmt_calls.go:17:11
fmt_calls.go:16:13: msg escapes to heap:
fmt_calls.go:16:13:   flow: {storage for ... argument} = &{storage for msg}:
fmt_calls.go:16:13:     from msg (spill) at fmt_calls.go:16:13
fmt_calls.go:16:13:     from ... argument (slice-literal-element) at fmt_calls.go:16:13
fmt_calls.go:16:13:   flow: {heap} = {storage for ... argument}:
fmt_calls.go:16:13:     from ... argument (spill) at fmt_calls.go:16:13
fmt_calls.go:16:13:     from fmt.Println(... argument...) (call parameter) at fmt_calls.go:16:13
fmt_calls.go:15:20: x escapes to heap:
fmt_calls.go:15:20:   flow: {storage for ... argument} = &{storage for x}:
fmt_calls.go:15:20:     from x (spill) at fmt_calls.go:15:20
fmt_calls.go:15:20:     from ... argument (slice-literal-element) at fmt_calls.go:15:19
fmt_calls.go:15:20:   flow: {heap} = {storage for ... argument}:
fmt_calls.go:15:20:     from ... argument (spill) at fmt_calls.go:15:19
fmt_calls.go:15:20:     from fmt.Errorf("bad %d", ... argument...) (call parameter) at fmt_calls.go:15:19
fmt_calls.go:14:21: x escapes to heap:
fmt_calls.go:14:21:   flow: {storage for ... argument} = &{storage for x}:
fmt_calls.go:14:21:     from x (spill) at fmt_calls.go:14:21
fmt_calls.go:14:21:     from ... argument (slice-literal-element) at fmt_calls.go:14:20
fmt_calls.go:14:21:   flow: {heap} = {storage for ... argument}:
fmt_calls.go:14:21:     from ... argument (spill) at fmt_calls.go:14:20
fmt_calls.go:14:21:     from fmt.Sprintf("%v", ... argument...) (call parameter) at fmt_calls.go:14:20
fmt_calls.go:12:2: t escapes to heap:
fmt_calls.go:12:2:   flow: {storage for ... argument} = &t:
fmt_calls.go:12:2:     from &t (address-of) at fmt_calls.go:13:17
fmt_calls.go:12:2:     from &t (interface-converted) at fmt_calls.go:13:17
fmt_calls.go:12:2:     from ... argument (slice-literal-element) at fmt_calls.go:13:13
fmt_calls.go:12:2:   flow: {heap} = {storage for ... argument}:
fmt_calls.go:12:2:     from ... argument (spill) at fmt_calls.go:13:13
fmt_calls.go:12:2:     from fmt.Println(... argument...) (call parameter) at fmt_calls.go:13:13
fmt_calls.go:13:13: t escapes to heap:
fmt_calls.go:13:13:   flow: {storage for ... argument} = &{storage for t}:
fmt_calls.go:13:13:     from t (spill) at fmt_calls.go:13:13
fmt_calls.go:13:13:     from ... argument (slice-literal-element) at fmt_calls.go:13:13
fmt_calls.go:13:13:   flow: {heap} = {storage for ... argument}:
fmt_calls.go:13:13:     from ... argument (spill) at fmt_calls.go:13:13
fmt_calls.go:13:13:     from fmt.Println(... argument...) (call parameter) at fmt_calls.go:13:13
fmt_calls.go:11:13: x escapes to heap:
fmt_calls.go:11:13:   flow: {storage for ... argument} = &{storage for x}:
fmt_calls.go:11:13:     from x (spill) at fmt_calls.go:11:13
fmt_calls.go:11:13:     from ... argument (slice-literal-element) at fmt_calls.go:11:12
fmt_calls.go:11:13:   flow: {heap} = {storage for ... argument}:
fmt_calls.go:11:13:     from ... argument (spill) at fmt_calls.go:11:12
fmt_calls.go:11:13:     from fmt.Printf("%s %d\n", ... argument...) (call parameter) at fmt_calls.go:11:12
fmt_calls.go:11:13: s escapes to heap:
fmt_calls.go:11:13:   flow: {storage for ... argument} = &{storage for s}:
fmt_calls.go:11:13:     from s (spill) at fmt_calls.go:11:13
fmt_calls.go:11:13:     from ... argument (slice-literal-element) at fmt_calls.go:11:12
fmt_calls.go:11:13:   flow: {heap} = {storage for ... argument}:
fmt_calls.go:11:13:     from ... argument (spill) at fmt_calls.go:11:12
fmt_calls.go:11:13:     from fmt.Printf("%s %d\n", ... argument...) (call parameter) at fmt_calls.go:11:12
fmt_calls.go:9:13: x escapes to heap:
fmt_calls.go:9:13:   flow: {storage for ... argument} = &{storage for x}:
fmt_calls.go:9:13:     from x (spill) at fmt_calls.go:9:13
fmt_calls.go:9:13:     from ... argument (slice-literal-element) at fmt_calls.go:9:13
fmt_calls.go:9:13:   flow: {heap} = {storage for ... argument}:
fmt_calls.go:9:13:     from ... argument (spill) at fmt_calls.go:9:13
fmt_calls.go:9:13:     from fmt.Println(... argument...) (call parameter) at fmt_calls.go:9:13
fmt_calls.go:12:2: moved to heap: t
fmt_calls.go:9:13: ... argument does not escape
fmt_calls.go:9:13: x escapes to heap
fmt_calls.go:11:12: ... argument does not escape
fmt_calls.go:11:13: s escapes to heap
fmt_calls.go:11:13: x escapes to heap
fmt_calls.go:13:13: ... argument does not escape
fmt_calls.go:13:13: t escapes to heap
fmt_calls.go:14:20: ... argument does not escape
fmt_calls.go:14:21: x escapes to heap
fmt_calls.go:15:19: ... argument does not escape
fmt_calls.go:15:20: x escapes to heap
fmt_calls.go:16:13: ... argument does not escape
fmt_calls.go:16:13: msg escapes to heap
fmt_calls.go:17:11: ... argument does not escape
fmt_calls.go:17:12: "literal\n" escapes to heap
