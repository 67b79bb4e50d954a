chan_send.go:6:7: &T{...} escapes to heap:
chan_send.go:6:7:   flow: t = &{storage for &T{...}}:
chan_send.go:6:7:     from &T{...} (spill) at chan_send.go:6:7
chan_send.go:6:7:     from t := &T{...} (assign) at chan_send.go:6:4
chan_send.go:6:7:   flow: {heap} = t:
chan_send.go:6:7:     from c <- t (send) at chan_send.go:7:4
chan_send.go:5:11: c does not escape
chan_send.go:6:7: &T{...} escapes to heap
chan_send.go:10:16: c does not escape
chan_send.go:15:11: c does not escape
