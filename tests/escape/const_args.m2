const_args.go:17:11: a does not escape
const_args.go:17:14: b does not escape
const_args.go:28:60: 3.5 escapes to heap:
const_args.go:28:60:   flow: {storage for ... argument} = &{storage for 3.5}:
const_args.go:28:60:     from 3.5 (spill) at const_args.go:28:60
const_args.go:28:60:     from ... argument (slice-literal-element) at const_args.go:28:13
const_args.go:28:60:   flow: {heap} = {storage for ... argument}:
const_args.go:28:60:     from ... argument (spill) at const_args.go:28:13
const_args.go:28:60:     from fmt.Println(... argument...) (call parameter) at const_args.go:28:13
const_args.go:28:51: len("abc") escapes to heap:
const_args.go:28:51:   flow: {storage for ... argument} = &{storage for len("abc")}:
const_args.go:28:51:     from len("abc") (spill) at const_args.go:28:51
const_args.go:28:51:     from ... argument (slice-literal-element) at const_args.go:28:13
const_args.go:28:51:   flow: {heap} = {storage for ... argument}:
const_args.go:28:51:     from ... argument (spill) at const_args.go:28:13
const_args.go:28:51:     from fmt.Println(... argument...) (call parameter) at const_args.go:28:13
const_args.go:28:39: int64(limit) escapes to heap:
const_args.go:28:39:   flow: {storage for ... argument} = &{storage for int64(limit)}:
const_args.go:28:39:     from int64(limit) (spill) at const_args.go:28:39
const_args.go:28:39:     from ... argument (slice-literal-element) at const_args.go:28:13
const_args.go:28:39:   flow: {heap} = {storage for ... argument}:
const_args.go:28:39:     from ... argument (spill) at const_args.go:28:13
const_args.go:28:39:     from fmt.Println(... argument...) (call parameter) at const_args.go:28:13
const_args.go:28:26: -limit escapes to heap:
const_args.go:28:26:   flow: {storage for ... argument} = &{storage for -limit}:
const_args.go:28:26:     from -limit (spill) at const_args.go:28:26
const_args.go:28:26:     from ... argument (slice-literal-element) at const_args.go:28:13
const_args.go:28:26:   flow: {heap} = {storage for ... argument}:
const_args.go:28:26:     from ... argument (spill) at const_args.go:28:13
const_args.go:28:26:     from fmt.Println(... argument...) (call parameter) at const_args.go:28:13
const_args.go:28:22: limit * 2 escapes to heap:
const_args.go:28:22:   flow: {storage for ... argument} = &{storage for limit * 2}:
const_args.go:28:22:     from limit * 2 (spill) at const_args.go:28:22
const_args.go:28:22:     from ... argument (slice-literal-element) at const_args.go:28:13
const_args.go:28:22:   flow: {heap} = {storage for ... argument}:
const_args.go:28:22:     from ... argument (spill) at const_args.go:28:13
const_args.go:28:22:     from fmt.Println(... argument...) (call parameter) at const_args.go:28:13
const_args.go:27:6: limit escapes to heap:
const_args.go:27:6:   flow: v = &{storage for limit}:
const_args.go:27:6:     from limit (spill) at const_args.go:27:6
const_args.go:27:6:     from v = limit (assign) at const_args.go:27:6
const_args.go:27:6:   flow: {storage for ... argument} = v:
const_args.go:27:6:     from ... argument (slice-literal-element) at const_args.go:28:13
const_args.go:27:6:   flow: {heap} = {storage for ... argument}:
const_args.go:27:6:     from ... argument (spill) at const_args.go:28:13
const_args.go:27:6:     from fmt.Println(... argument...) (call parameter) at const_args.go:28:13
const_args.go:24:17: y escapes to heap:
const_args.go:24:17:   flow: {storage for ... argument} = &{storage for y}:
const_args.go:24:17:     from y (spill) at const_args.go:24:17
const_args.go:24:17:     from ... argument (slice-literal-element) at const_args.go:24:13
const_args.go:24:17:   flow: {heap} = {storage for ... argument}:
const_args.go:24:17:     from ... argument (spill) at const_args.go:24:13
const_args.go:24:17:     from fmt.Println(... argument...) (call parameter) at const_args.go:24:13
const_args.go:24:17: limit escapes to heap:
const_args.go:24:17:   flow: {storage for ... argument} = &{storage for limit}:
const_args.go:24:17:     from limit (spill) at const_args.go:24:17
const_args.go:24:17:     from ... argument (slice-literal-element) at const_args.go:24:13
const_args.go:24:17:   flow: {heap} = {storage for ... argument}:
const_args.go:24:17:     from ... argument (spill) at const_args.go:24:13
const_args.go:24:17:     from fmt.Println(... argument...) (call parameter) at const_args.go:24:13
const_args.go:24:13: x escapes to heap:
const_args.go:24:13:   flow: {storage for ... argument} = &{storage for x}:
const_args.go:24:13:     from x (spill) at const_args.go:24:13
const_args.go:24:13:     from ... argument (slice-literal-element) at const_args.go:24:13
const_args.go:24:13:   flow: {heap} = {storage for ... argument}:
const_args.go:24:13:     from ... argument (spill) at const_args.go:24:13
const_args.go:24:13:     from fmt.Println(... argument...) (call parameter) at const_args.go:24:13
const_args.go:23:14: x escapes to heap:
const_args.go:23:14:   flow: {storage for ... argument} = &{storage for x}:
const_args.go:23:14:     from x (spill) at const_args.go:23:14
const_args.go:23:14:     from ... argument (slice-literal-element) at const_args.go:23:13
const_args.go:23:14:   flow: {heap} = {storage for ... argument}:
const_args.go:23:14:     from ... argument (spill) at const_args.go:23:13
const_args.go:23:14:     from fmt.Println(... argument...) (call parameter) at const_args.go:23:13
const_args.go:23:14: limit escapes to heap:
const_args.go:23:14:   flow: {storage for ... argument} = &{storage for limit}:
const_args.go:23:14:     from limit (spill) at const_args.go:23:14
const_args.go:23:14:     from ... argument (slice-literal-element) at const_args.go:23:13
const_args.go:23:14:   flow: {heap} = {storage for ... argument}:
const_args.go:23:14:     from ... argument (spill) at const_args.go:23:13
const_args.go:23:14:     from fmt.Println(... argument...) (call parameter) at const_args.go:23:13
const_args.go:22:43: false escapes to heap:
const_args.go:22:43:   flow: {storage for ... argument} = &{storage for false}:
const_args.go:22:43:     from false (spill) at const_args.go:22:43
const_args.go:22:43:     from ... argument (slice-literal-element) at const_args.go:22:13
const_args.go:22:43:   flow: {heap} = {storage for ... argument}:
const_args.go:22:43:     from ... argument (spill) at const_args.go:22:13
const_args.go:22:43:     from fmt.Println(... argument...) (call parameter) at const_args.go:22:13
const_args.go:22:36: green escapes to heap:
const_args.go:22:36:   flow: {storage for ... argument} = &{storage for green}:
const_args.go:22:36:     from green (spill) at const_args.go:22:36
const_args.go:22:36:     from ... argument (slice-literal-element) at const_args.go:22:13
const_args.go:22:36:   flow: {heap} = {storage for ... argument}:
const_args.go:22:36:     from ... argument (spill) at const_args.go:22:13
const_args.go:22:36:     from fmt.Println(... argument...) (call parameter) at const_args.go:22:13
const_args.go:22:28: limit escapes to heap:
const_args.go:22:28:   flow: {storage for ... argument} = &{storage for limit}:
const_args.go:22:28:     from limit (spill) at const_args.go:22:28
const_args.go:22:28:     from ... argument (slice-literal-element) at const_args.go:22:13
const_args.go:22:28:   flow: {heap} = {storage for ... argument}:
const_args.go:22:28:     from ... argument (spill) at const_args.go:22:13
const_args.go:22:28:     from fmt.Println(... argument...) (call parameter) at const_args.go:22:13
const_args.go:22:20: limit escapes to heap:
const_args.go:22:20:   flow: {storage for ... argument} = &{storage for limit}:
const_args.go:22:20:     from limit (spill) at const_args.go:22:20
const_args.go:22:20:     from ... argument (slice-literal-element) at const_args.go:22:13
const_args.go:22:20:   flow: {heap} = {storage for ... argument}:
const_args.go:22:20:     from ... argument (spill) at const_args.go:22:13
const_args.go:22:20:     from fmt.Println(... argument...) (call parameter) at const_args.go:22:13
const_args.go:22:14: true escapes to heap:
const_args.go:22:14:   flow: {storage for ... argument} = &{storage for true}:
const_args.go:22:14:     from true (spill) at const_args.go:22:14
const_args.go:22:14:     from ... argument (slice-literal-element) at const_args.go:22:13
const_args.go:22:14:   flow: {heap} = {storage for ... argument}:
const_args.go:22:14:     from ... argument (spill) at const_args.go:22:13
const_args.go:22:14:     from fmt.Println(... argument...) (call parameter) at const_args.go:22:13
const_args.go:22:13: ... argument does not escape
const_args.go:22:14: true escapes to heap
const_args.go:22:20: limit escapes to heap
const_args.go:22:28: limit escapes to heap
const_args.go:22:36: green escapes to heap
const_args.go:22:43: false escapes to heap
const_args.go:23:13: ... argument does not escape
const_args.go:23:14: limit escapes to heap
const_args.go:23:14: x escapes to heap
const_args.go:24:13: ... argument does not escape
const_args.go:24:13: x escapes to heap
const_args.go:24:17: limit escapes to heap
const_args.go:24:17: y escapes to heap
const_args.go:25:7: limit does not escape
const_args.go:25:7: p does not escape
const_args.go:26:6: p does not escape
const_args.go:26:10: limit does not escape
const_args.go:27:6: limit escapes to heap
const_args.go:28:13: ... argument does not escape
const_args.go:28:22: limit * 2 escapes to heap
const_args.go:28:26: -limit escapes to heap
const_args.go:28:39: int64(limit) escapes to heap
const_args.go:28:51: len("abc") escapes to heap
const_args.go:28:60: 3.5 escapes to heap
