pkg_init.go:10:11: parameter t leaks to ~r0 with derefs=0:
pkg_init.go:10:11:   flow: ~r0 = t:
pkg_init.go:10:11:     from return t (return) at pkg_init.go:10:22
pkg_init.go:10:11: leaking param: t to result ~r0 level=0
pkg_init.go:12:13: p does not escape
pkg_init.go:25:33: new(int) escapes to heap:
pkg_init.go:25:33:   flow: ~r0 = &{storage for new(int)}:
pkg_init.go:25:33:     from new(int) (spill) at pkg_init.go:25:33
pkg_init.go:25:33:     from return new(int) (return) at pkg_init.go:25:23
pkg_init.go:25:33: new(int) escapes to heap
pkg_init.go:17:16: string(bs) escapes to heap:
pkg_init.go:17:16:   flow: {heap} = &{storage for string(bs)}:
pkg_init.go:17:16:     from string(bs) (spill) at pkg_init.go:17:16
pkg_init.go:17:16:     from st = string(bs) (assign) at pkg_init.go:17:5
pkg_init.go:18:15: new(int) escapes to heap:
pkg_init.go:18:15:   flow: {heap} = &{storage for new(int)}:
pkg_init.go:18:15:     from new(int) (spill) at pkg_init.go:18:15
pkg_init.go:18:15:     from c = new(int) (assign) at pkg_init.go:18:5
pkg_init.go:18:26: make(map[int]int) escapes to heap:
pkg_init.go:18:26:   flow: {heap} = &{storage for make(map[int]int)}:
pkg_init.go:18:26:     from make(map[int]int) (spill) at pkg_init.go:18:26
pkg_init.go:18:26:     from d = make(map[int]int) (assign) at pkg_init.go:18:5
pkg_init.go:20:15: "a" + st escapes to heap:
pkg_init.go:20:15:   flow: {heap} = &{storage for "a" + st}:
pkg_init.go:20:15:     from "a" + st (spill) at pkg_init.go:20:15
pkg_init.go:20:15:     from cat = "a" + st (assign) at pkg_init.go:20:5
pkg_init.go:21:22: map[string]*T{...} escapes to heap:
pkg_init.go:21:22:   flow: {heap} = &{storage for map[string]*T{...}}:
pkg_init.go:21:22:     from map[string]*T{...} (spill) at pkg_init.go:21:22
pkg_init.go:21:22:     from m = map[string]*T{...} (assign) at pkg_init.go:21:5
pkg_init.go:21:28: &T{} escapes to heap:
pkg_init.go:21:28:   flow: {heap} = &{storage for &T{}}:
pkg_init.go:21:28:     from &T{} (spill) at pkg_init.go:21:28
pkg_init.go:21:28:     from map[string]*T{...} (map literal value) at pkg_init.go:21:22
pkg_init.go:22:17: &T{} escapes to heap:
pkg_init.go:22:17:   flow: {heap} = &{storage for &T{}}:
pkg_init.go:22:17:     from &T{} (spill) at pkg_init.go:22:17
pkg_init.go:22:17:     from keep(&T{}) (call parameter) at pkg_init.go:22:16
pkg_init.go:22:17:     from kept = keep(&T{}) (assign) at pkg_init.go:22:5
pkg_init.go:17:16: string(bs) escapes to heap
pkg_init.go:18:15: new(int) escapes to heap
pkg_init.go:18:26: make(map[int]int) escapes to heap
pkg_init.go:20:15: "a" + st escapes to heap
pkg_init.go:21:22: map[string]*T{...} escapes to heap
pkg_init.go:21:28: &T{} escapes to heap
pkg_init.go:22:17: &T{} escapes to heap
pkg_init.go:23:19: new(int) does not escape
