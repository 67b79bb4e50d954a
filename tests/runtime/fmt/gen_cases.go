// gen_cases prints the formatting cases of test_fmt.c with the output Go
// 1.19 gives them, one a line:
//
//	MODE FORMAT EXPECTED ARG...
//
// MODE is printf, print or println (FORMAT is then empty); FORMAT and
// EXPECTED are hex-encoded bytes ("-" when empty); each ARG is KIND:VALUE
// with KIND one of int int8 int16 int32 int64 uint uint8 uint16 uint32
// uint64 uintptr (decimal), float64 float32 (hex of the IEEE bits),
// string bytes (hex, "-" when empty), bool (0 or 1) or nil.
//
// Regenerate with: go run gen_cases.go > cases.txt
package main

import (
	"encoding/hex"
	"fmt"
	"math"
	"math/rand"
	"os"
	"strings"
)

type tcase struct {
	mode   string
	format string
	args   []any
}

func enc(s string) string {
	if s == "" {
		return "-"
	}
	return hex.EncodeToString([]byte(s))
}

func encArg(a any) string {
	switch v := a.(type) {
	case nil:
		return "nil:0"
	case int:
		return fmt.Sprintf("int:%d", v)
	case int8:
		return fmt.Sprintf("int8:%d", v)
	case int16:
		return fmt.Sprintf("int16:%d", v)
	case int32:
		return fmt.Sprintf("int32:%d", v)
	case int64:
		return fmt.Sprintf("int64:%d", v)
	case uint:
		return fmt.Sprintf("uint:%d", v)
	case uint8:
		return fmt.Sprintf("uint8:%d", v)
	case uint16:
		return fmt.Sprintf("uint16:%d", v)
	case uint32:
		return fmt.Sprintf("uint32:%d", v)
	case uint64:
		return fmt.Sprintf("uint64:%d", v)
	case uintptr:
		return fmt.Sprintf("uintptr:%d", v)
	case float64:
		return fmt.Sprintf("float64:%x", math.Float64bits(v))
	case float32:
		return fmt.Sprintf("float32:%x", math.Float32bits(v))
	case string:
		return "string:" + enc(v)
	case []byte:
		return "bytes:" + enc(string(v))
	case bool:
		if v {
			return "bool:1"
		}
		return "bool:0"
	}
	panic(fmt.Sprintf("unsupported %T", a))
}

func emit(c tcase) {
	var out string
	switch c.mode {
	case "printf":
		out = fmt.Sprintf(c.format, c.args...)
	case "print":
		out = fmt.Sprint(c.args...)
	case "println":
		out = fmt.Sprintln(c.args...)
	}
	parts := []string{c.mode, enc(c.format), enc(out)}
	for _, a := range c.args {
		parts = append(parts, encArg(a))
	}
	fmt.Println(strings.Join(parts, " "))
}

func pf(format string, args ...any) { emit(tcase{"printf", format, args}) }

func main() {
	// Integers: bases, flags, widths, precisions.
	ints := []any{0, 1, -1, 42, -42, 255, math.MaxInt64, math.MinInt64,
		int8(-128), int16(-300), int32(1 << 30), int64(-7), uint(7),
		uint8(200), uint16(65535), uint32(1 << 31), uint64(math.MaxUint64), uintptr(4096)}
	for _, f := range []string{"%d", "%v", "%+d", "% d", "%5d", "%-5d|", "%05d", "%x", "%X",
		"%#x", "%#X", "%o", "%#o", "%O", "%b", "%#b", "%.3d", "%8.3d", "%08.3d", "%+08d",
		"%-08d|", "%.0d", "%5.0d|", "%#v", "%x", "% x", "%+.5x", "%c", "%q", "%+q", "%#q", "%U", "%#U",
		"%s", "%t", "%e", "%*d", "%-*d|", "%.*d"} {
		for _, a := range ints {
			if strings.Contains(f, "*") {
				pf(f, 6, a)
				pf(f, -6, a)
			} else {
				pf(f, a)
			}
		}
	}
	// Runes.
	for _, r := range []any{'a', 'é', '\n', '\'', '"', '\\', 0x7f, 0x80, 0xad, 0xa0, 0x2028,
		0xfeff, 0xd800, 0x10ffff, 0x110000, -1, '世', 0x1f600, 0xe000, 0} {
		for _, f := range []string{"%c", "%q", "%+q", "%#q", "%U", "%#U", "%.6U", "%-8c|", "%5q"} {
			pf(f, r)
		}
	}
	// Strings and byte slices.
	strs := []string{"", "hello", "héllo, 世界", "tab\there", "new\nline", "quote\"s", "back`tick",
		"\x00\x01\x7f", "bad\xffutf8", "\xe2\x82", "\u2028\ufeff\u00a0", "emoji 😀", `back\slash`}
	for _, f := range []string{"%s", "%v", "%q", "%+q", "%#q", "%x", "%X", "% x", "%# x", "%#x",
		"%10s|", "%-10s|", "%.3s", "%10.3s|", "%010s", "%.2q", "%#v", "%5.1x", "%d", "%T", "%8q"} {
		for _, s := range strs {
			pf(f, s)
			pf(f, []byte(s))
		}
	}
	// Booleans, nil and verb errors.
	for _, f := range []string{"%t", "%v", "%5t|", "%-6t|", "%d", "%s", "%T", "%#v"} {
		pf(f, true)
		pf(f, false)
		pf(f, nil)
	}
	pf("%d %d", 1)
	pf("%d", 1, 2, "x", nil)
	pf("%!", 1)
	pf("%", 1)
	pf("100%%")
	pf("%z", 3)
	pf("%5z", "hi")
	pf("%[2]d %[1]d", 1, 2)
	pf("%[3]d", 1, 2)
	pf("%[0]d", 1)
	pf("%[1]d %d", 7, 8)
	pf("%[x]d", 1)
	pf("%*d", "w", 1)
	pf("%.*d", "p", 1)
	pf("%.*d", -3, 1)
	pf("%*d", 10000000, 1)
	pf("%.d", 0)
	pf("%.", 1)
	pf("%-+ #0d", 5)
	pf("%w", 5)
	pf("%v %v", []byte(nil), []byte{})
	pf("%s", nil)
	pf("%x", nil)
	pf("%p", 5)
	pf("no verbs", 1, "a")
	pf("%v|%-v|%+v", 1, 2, 3)
	pf("%é", 1)

	// Floats: fixed cases under many verbs.
	floats := []float64{0, math.Copysign(0, -1), 1, -1, 0.1, 0.2, 0.3, 1.0 / 3, 2.0 / 3, 3.14159265358979,
		100, 1e6, 123456, 1234567, 1e20, 1e21, 1e-4, 1e-5, 0.000123456, 1e-7, 5e-324, 2.2250738585072014e-308,
		math.MaxFloat64, math.SmallestNonzeroFloat64, 1e23, 8.41e21, 5e-310, 9007199254740993,
		123456789.125, 0.5, 1.5, 2.5, 0.125, 0.375, 1e100, 1e-100, 299792458, 6.02214076e23,
		math.Inf(1), math.Inf(-1), math.NaN(), 100000, 1e15, 1e16, 12345.678, 0.1 + 0.2}
	for _, f := range []string{"%v", "%g", "%G", "%e", "%E", "%f", "%F", "%.0f", "%.1f", "%.2f", "%.3e",
		"%.0e", "%.10g", "%.3g", "%.1g", "%.17g", "%.20f", "%10.3f|", "%-10.3f|", "%010.3f", "%+.2e",
		"% f", "%+v", "%#v", "%#g", "%#.3g", "%#e", "%#.0f", "%#.0e", "%b", "%8v|", "%08v", "%+08.2f",
		"%-08v|", "%x", "%X", "%#x", "%.2x", "%#.3X", "%10.1x|", "%s", "%d", "%.30e", "%.60f", "%5.0v", "% 010.2f"} {
		for _, v := range floats {
			pf(f, v)
		}
	}
	for _, v := range floats {
		pf("%v", float32(v))
		pf("%g", float32(v))
		pf("%e", float32(v))
		pf("%.3f", float32(v))
	}
	// Floats: random bit patterns and random short decimals, shortest and
	// rounded.
	rng := rand.New(rand.NewSource(1))
	for i := 0; i < 2000; i++ {
		v := math.Float64frombits(rng.Uint64())
		if math.IsNaN(v) {
			continue
		}
		pf("%v", v)
		if i%3 == 0 {
			pf("%.5e %.12g %.3f", v, v, v)
		}
	}
	for i := 0; i < 800; i++ {
		v := float64(rng.Intn(1000000)) / math.Pow(10, float64(rng.Intn(12)))
		pf("%v %.2f %e", v, v, v)
		pf("%v", float32(v))
		v32 := math.Float32frombits(rng.Uint32())
		if !math.IsNaN(float64(v32)) {
			pf("%v %.4e", v32, v32)
		}
	}
	for i := 0; i < 300; i++ {
		pf("%.3f %.1f %.0f", float64(rng.Intn(100000))/1000+0.0005, float64(rng.Intn(1000))+0.5,
			float64(rng.Intn(100))+0.5)
	}

	// Print and Println spacing.
	emit(tcase{"print", "", []any{1, 2, "a", "b", 3, true, nil, 4.5, "c"}})
	emit(tcase{"print", "", []any{"x", 1, 2, "y"}})
	emit(tcase{"print", "", []any{}})
	emit(tcase{"println", "", []any{1, 2, "a", "b", 3, true, nil, 4.5, float32(0.1), []byte("hi")}})
	emit(tcase{"println", "", []any{}})
	os.Stdout.Sync()
}
