conv_positions.go:16:11: parameter s leaks to ~r0 with derefs=0:
conv_positions.go:16:11:   flow: ~r0 = s:
conv_positions.go:16:11:     from return s (return) at conv_positions.go:16:30
conv_positions.go:16:11: leaking param: s to result ~r0 level=0
conv_positions.go:19:24: T{...} escapes to heap:
conv_positions.go:19:24:   flow: {heap} = &{storage for T{...}}:
conv_positions.go:19:24:     from T{...} (spill) at conv_positions.go:19:24
conv_positions.go:19:24:     from append(sink, T{...}) (call parameter) at conv_positions.go:19:15
conv_positions.go:20:22: t.a escapes to heap:
conv_positions.go:20:22:   flow: {heap} = &{storage for t.a}:
conv_positions.go:20:22:     from t.a (spill) at conv_positions.go:20:22
conv_positions.go:20:22:     from append(sink, t.a) (call parameter) at conv_positions.go:20:15
conv_positions.go:21:24: s[n] escapes to heap:
conv_positions.go:21:24:   flow: {heap} = &{storage for s[n]}:
conv_positions.go:21:24:     from s[n] (spill) at conv_positions.go:21:24
conv_positions.go:21:24:     from append(sink, s[n]) (call parameter) at conv_positions.go:21:15
conv_positions.go:22:22: n + 1 escapes to heap:
conv_positions.go:22:22:   flow: {heap} = &{storage for n + 1}:
conv_positions.go:22:22:     from n + 1 (spill) at conv_positions.go:22:22
conv_positions.go:22:22:     from append(sink, n + 1) (call parameter) at conv_positions.go:22:15
conv_positions.go:23:25: n escapes to heap:
conv_positions.go:23:25:   flow: {heap} = &{storage for n}:
conv_positions.go:23:25:     from n (spill) at conv_positions.go:23:25
conv_positions.go:23:25:     from append(sink, n, n) (call parameter) at conv_positions.go:23:15
conv_positions.go:23:25: n escapes to heap:
conv_positions.go:23:25:   flow: {heap} = &{storage for n}:
conv_positions.go:23:25:     from n (spill) at conv_positions.go:23:25
conv_positions.go:23:25:     from append(sink, n, n) (call parameter) at conv_positions.go:23:15
conv_positions.go:24:22: &T{...} escapes to heap:
conv_positions.go:24:22:   flow: {heap} = &{storage for &T{...}}:
conv_positions.go:24:22:     from &T{...} (spill) at conv_positions.go:24:22
conv_positions.go:24:22:     from &T{...} (interface-converted) at conv_positions.go:24:28
conv_positions.go:24:22:     from append(sink, &T{...}) (call parameter) at conv_positions.go:24:15
conv_positions.go:18:21: t does not escape
conv_positions.go:18:27: s does not escape
conv_positions.go:19:24: T{...} escapes to heap
conv_positions.go:20:22: t.a escapes to heap
conv_positions.go:21:24: s[n] escapes to heap
conv_positions.go:22:22: n + 1 escapes to heap
conv_positions.go:23:25: n escapes to heap
conv_positions.go:23:25: n escapes to heap
conv_positions.go:24:22: &T{...} escapes to heap
conv_positions.go:30:26: name(s) escapes to heap:
conv_positions.go:30:26:   flow: i = &{storage for name(s)}:
conv_positions.go:30:26:     from name(s) (spill) at conv_positions.go:30:26
conv_positions.go:30:26:     from i = name(s) (assign) at conv_positions.go:30:6
conv_positions.go:30:26:   flow: {heap} = i:
conv_positions.go:30:26:     from global = i (assign) at conv_positions.go:31:9
conv_positions.go:29:15: parameter s leaks to {storage for name(s)} with derefs=0:
conv_positions.go:29:15:   flow: {storage for name(s)} = s:
conv_positions.go:29:15:     from name(s) (call parameter) at conv_positions.go:30:26
conv_positions.go:29:15:     from name(s) (interface-converted) at conv_positions.go:30:26
conv_positions.go:29:15: leaking param: s
conv_positions.go:30:26: name(s) escapes to heap
conv_positions.go:36:9: &E{...} escapes to heap:
conv_positions.go:36:9:   flow: {heap} = &{storage for &E{...}}:
conv_positions.go:36:9:     from &E{...} (spill) at conv_positions.go:36:9
conv_positions.go:36:9:     from &E{...} (interface-converted) at conv_positions.go:36:11
conv_positions.go:36:9:     from panic(&E{...}) (call parameter) at conv_positions.go:36:8
conv_positions.go:38:19: fmt.Sprintf("bad %d", n) escapes to heap:
conv_positions.go:38:19:   flow: {heap} = &{storage for fmt.Sprintf("bad %d", n)}:
conv_positions.go:38:19:     from fmt.Sprintf("bad %d", n) (spill) at conv_positions.go:38:19
conv_positions.go:38:19:     from panic(fmt.Sprintf("bad %d", n)) (call parameter) at conv_positions.go:38:7
conv_positions.go:38:20: n escapes to heap:
conv_positions.go:38:20:   flow: {storage for ... argument} = &{storage for n}:
conv_positions.go:38:20:     from n (spill) at conv_positions.go:38:20
conv_positions.go:38:20:     from ... argument (slice-literal-element) at conv_positions.go:38:19
conv_positions.go:38:20:   flow: {heap} = {storage for ... argument}:
conv_positions.go:38:20:     from ... argument (spill) at conv_positions.go:38:19
conv_positions.go:38:20:     from fmt.Sprintf("bad %d", ... argument...) (call parameter) at conv_positions.go:38:19
conv_positions.go:36:9: &E{...} escapes to heap
conv_positions.go:38:19: fmt.Sprintf("bad %d", ... argument...) escapes to heap
conv_positions.go:38:19: ... argument does not escape
conv_positions.go:38:20: n escapes to heap
