deadcode_switch.go:35:18: p does not escape
