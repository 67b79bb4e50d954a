/*
 * test_fmt.c: the runtime's fmt, errors and math against Go 1.19.
 *
 * The table tests/runtime/fmt/cases.txt (written by gen_cases.go under Go
 * 1.19) holds thousands of Printf/Print/Println calls on basic values with
 * the bytes Go printed; each is replayed through fmt.Sprintf, fmt.Sprint or
 * fmt.Sprintln as generated code calls them.  Composite values, methods,
 * errors and maps use hand-built type descriptors, with expectations
 * taken from tests/runtime/fmt/composite.go's output.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "runtime/mgcrt.h"

static const char *cases_path;

/* ---- Descriptors of the basic types ---------------------------------------- */

#define BASIC(id, k, sz, nm) \
    static const MgcType id = {.size = sz, .kind = k, .align = sz > 8 ? 8 : sz, \
                               .flags = MGC_TYPE_COMPARABLE | MGC_TYPE_NOSCAN, .name = nm}
BASIC(T_INT, MGC_KIND_INT, 8, "int");
BASIC(T_INT8, MGC_KIND_INT8, 1, "int8");
BASIC(T_INT16, MGC_KIND_INT16, 2, "int16");
BASIC(T_INT32, MGC_KIND_INT32, 4, "int32");
BASIC(T_INT64, MGC_KIND_INT64, 8, "int64");
BASIC(T_UINT, MGC_KIND_UINT, 8, "uint");
BASIC(T_UINT8, MGC_KIND_UINT8, 1, "uint8");
BASIC(T_UINT16, MGC_KIND_UINT16, 2, "uint16");
BASIC(T_UINT32, MGC_KIND_UINT32, 4, "uint32");
BASIC(T_UINT64, MGC_KIND_UINT64, 8, "uint64");
BASIC(T_UINTPTR, MGC_KIND_UINTPTR, 8, "uintptr");
BASIC(T_FLOAT32, MGC_KIND_FLOAT32, 4, "float32");
BASIC(T_FLOAT64, MGC_KIND_FLOAT64, 8, "float64");
BASIC(T_BOOL, MGC_KIND_BOOL, 1, "bool");
static const MgcType T_STRING = {.size = 16, .kind = MGC_KIND_STRING, .align = 8,
                                 .flags = MGC_TYPE_COMPARABLE, .name = "string"};
static const MgcType T_BYTES = {.size = 24, .kind = MGC_KIND_SLICE, .align = 8,
                                .elem = &T_UINT8, .name = "[]uint8"};

/* ---- Helpers ---------------------------------------------------------------- */

static MgcString sprintf_go(const char *format, MgcIface *args, int64_t n) {
    return fmt_sprintf((const uint8_t *)format, (int64_t)strlen(format), args, n, n);
}

/* Asserts that s holds exactly the bytes of want. */
static void assert_gostr(MgcString s, const char *want) {
    char buf[4096];
    int64_t n = s.len < (int64_t)sizeof buf - 1 ? s.len : (int64_t)sizeof buf - 1;
    memcpy(buf, s.ptr, (size_t)n);
    buf[n] = 0;
    assert_string_equal(buf, want);
    assert_int_equal(s.len, (int64_t)strlen(want));
}

/* An interface holding a copy of the n bytes at p. */
static MgcIface box(const MgcType *t, const void *p) {
    void *copy = mgc_alloc(t->size ? t->size : 1, NULL, 0);
    memcpy(copy, p, t->size);
    return (MgcIface){t, copy};
}

static MgcIface box_int(int64_t v) {
    return box(&T_INT, &v);
}

static MgcIface box_str(const char *s) {
    MgcString v = {(const uint8_t *)s, (int64_t)strlen(s)};
    return box(&T_STRING, &v);
}

static MgcIface box_f64(double v) {
    return box(&T_FLOAT64, &v);
}

/* ---- The Go table ----------------------------------------------------------- */

/* Decodes hex (or "-": empty) into a fresh buffer; *n gets its length. */
static uint8_t *unhex(const char *h, int64_t *n) {
    if (strcmp(h, "-") == 0) {
        *n = 0;
        return mgc_alloc(1, NULL, MGC_ALLOC_NOSCAN);
    }
    size_t len = strlen(h) / 2;
    uint8_t *p = mgc_alloc(len + 1, NULL, MGC_ALLOC_NOSCAN);
    for (size_t i = 0; i < len; i++) {
        unsigned v;
        sscanf(h + 2 * i, "%2x", &v);
        p[i] = (uint8_t)v;
    }
    *n = (int64_t)len;
    return p;
}

/* Builds the operand KIND:VALUE of the table. */
static MgcIface decode_arg(const char *a) {
    const char *colon = strchr(a, ':');
    size_t k = (size_t)(colon - a);
    const char *v = colon + 1;
    static const struct { const char *name; const MgcType *t; } INTS[] = {
        {"int", &T_INT}, {"int8", &T_INT8}, {"int16", &T_INT16}, {"int32", &T_INT32},
        {"int64", &T_INT64}, {"uint", &T_UINT}, {"uint8", &T_UINT8}, {"uint16", &T_UINT16},
        {"uint32", &T_UINT32}, {"uint64", &T_UINT64}, {"uintptr", &T_UINTPTR}};
    for (size_t i = 0; i < sizeof INTS / sizeof INTS[0]; i++) {
        if (strlen(INTS[i].name) != k || strncmp(a, INTS[i].name, k) != 0)
            continue;
        uint64_t u = v[0] == '-' ? (uint64_t)strtoll(v, NULL, 10) : strtoull(v, NULL, 10);
        return box(INTS[i].t, &u);    /* little-endian: the low bytes first */
    }
    if (strncmp(a, "float64:", 8) == 0) {
        uint64_t bits = strtoull(v, NULL, 16);
        return box(&T_FLOAT64, &bits);
    }
    if (strncmp(a, "float32:", 8) == 0) {
        uint32_t bits = (uint32_t)strtoul(v, NULL, 16);
        return box(&T_FLOAT32, &bits);
    }
    if (strncmp(a, "bool:", 5) == 0) {
        bool b = v[0] == '1';
        return box(&T_BOOL, &b);
    }
    if (strncmp(a, "string:", 7) == 0) {
        MgcString s;
        s.ptr = unhex(v, &s.len);
        return box(&T_STRING, &s);
    }
    if (strncmp(a, "bytes:", 6) == 0) {
        MgcSlice s;
        s.ptr = unhex(v, &s.len);
        s.cap = s.len;
        return box(&T_BYTES, &s);
    }
    return (MgcIface){NULL, NULL};
}

/* Replays every line of cases.txt; reports the first mismatches. */
static void test_go_table(void **state) {
    (void)state;
    FILE *f = fopen(cases_path, "r");
    assert_non_null(f);
    static char line[1 << 16];
    int total = 0, failed = 0;
    while (fgets(line, sizeof line, f)) {
        line[strcspn(line, "\n")] = 0;
        char *save = NULL;
        char *mode = strtok_r(line, " ", &save);
        char *fmt_hex = strtok_r(NULL, " ", &save);
        char *want_hex = strtok_r(NULL, " ", &save);
        MgcIface args[16];
        int64_t nargs = 0;
        for (char *a; (a = strtok_r(NULL, " ", &save)) && nargs < 16;)
            args[nargs++] = decode_arg(a);
        int64_t flen, wlen;
        uint8_t *format = unhex(fmt_hex, &flen);
        uint8_t *want = unhex(want_hex, &wlen);
        MgcString got;
        if (strcmp(mode, "printf") == 0)
            got = fmt_sprintf(format, flen, args, nargs, nargs);
        else if (strcmp(mode, "print") == 0)
            got = fmt_sprint(args, nargs, nargs);
        else
            got = fmt_sprintln(args, nargs, nargs);
        total++;
        if (got.len != wlen || (wlen > 0 && memcmp(got.ptr, want, (size_t)wlen) != 0)) {
            if (failed++ < 30)
                fprintf(stderr, "MISMATCH %s \"%.*s\" %s: got \"%.*s\" want \"%.*s\"\n", mode,
                        (int)flen, format, save ? save : "", (int)got.len, got.ptr, (int)wlen,
                        want);
        }
    }
    fclose(f);
    fprintf(stderr, "fmt table: %d cases, %d mismatches\n", total, failed);
    assert_true(total > 9000);
    assert_int_equal(failed, 0);
}

/* ---- Composite values ------------------------------------------------------- */

/* type Point struct { X, Y int; name string } */
typedef struct Point {
    int64_t x, y;
    MgcString name;
} Point;

static const MgcField POINT_FIELDS[] = {
    {"X", &T_INT, 0, 0}, {"Y", &T_INT, 8, 0}, {"name", &T_STRING, 16, 0}};
static const MgcType T_POINT = {.size = 32, .kind = MGC_KIND_STRUCT, .align = 8,
                                .flags = MGC_TYPE_NAMED | MGC_TYPE_COMPARABLE,
                                .name = "main.Point", .fields = POINT_FIELDS, .nfields = 3};
static const MgcType T_POINT_PTR = {.size = 8, .kind = MGC_KIND_POINTER, .align = 8,
                                    .flags = MGC_TYPE_COMPARABLE, .name = "*main.Point",
                                    .elem = &T_POINT};
static const MgcType T_INT_SLICE = {.size = 24, .kind = MGC_KIND_SLICE, .align = 8,
                                    .elem = &T_INT, .name = "[]int"};
static const MgcType T_STR_ARRAY2 = {.size = 32, .kind = MGC_KIND_ARRAY, .align = 8,
                                     .elem = &T_STRING, .len = 2, .name = "[2]string"};
static const MgcType T_ANY = {.size = 16, .kind = MGC_KIND_INTERFACE, .align = 8,
                              .flags = MGC_TYPE_COMPARABLE, .name = "interface {}"};
static const MgcType T_ANY_SLICE = {.size = 24, .kind = MGC_KIND_SLICE, .align = 8,
                                    .elem = &T_ANY, .name = "[]interface {}"};
static const MgcType T_INT_PTR = {.size = 8, .kind = MGC_KIND_POINTER, .align = 8,
                                  .flags = MGC_TYPE_COMPARABLE, .name = "*int", .elem = &T_INT};

/* type Celsius float64 with func (c Celsius) String() string */
static MgcString celsius_string(void *recv) {
    double c = *(double *)recv;
    MgcIface a = box_f64(c);
    return sprintf_go("%.1f°C", &a, 1);
}

static const MgcType T_FUNC_STRING = {.size = 8, .kind = MGC_KIND_FUNC, .align = 8,
                                      .name = "func() string"};
static const MgcMethod CELSIUS_METHODS[] = {
    {"String", &T_FUNC_STRING, (void *)(uintptr_t)celsius_string}};
static const MgcType T_CELSIUS = {.size = 8, .kind = MGC_KIND_FLOAT64, .align = 8,
                                  .flags = MGC_TYPE_NAMED | MGC_TYPE_COMPARABLE | MGC_TYPE_STRINGER,
                                  .name = "main.Celsius", .methods = CELSIUS_METHODS,
                                  .nmethods = 1};
/* type Pair struct { T Celsius; t Celsius } — only the exported one's String runs */
static const MgcField PAIR_FIELDS[] = {{"T", &T_CELSIUS, 0, 0}, {"t", &T_CELSIUS, 8, 0}};
static const MgcType T_PAIR = {.size = 16, .kind = MGC_KIND_STRUCT, .align = 8,
                               .flags = MGC_TYPE_NAMED | MGC_TYPE_COMPARABLE, .name = "main.Pair",
                               .fields = PAIR_FIELDS, .nfields = 2};
/* type Named int (no methods) */
static const MgcType T_NAMED = {.size = 8, .kind = MGC_KIND_INT, .align = 8,
                                .flags = MGC_TYPE_NAMED | MGC_TYPE_COMPARABLE, .name = "main.Named"};
static const MgcType T_MAP_SI = {.size = 8, .kind = MGC_KIND_MAP, .align = 8, .key = &T_STRING,
                                 .elem = &T_INT, .name = "map[string]int"};
static const MgcType T_MAP_FS = {.size = 8, .kind = MGC_KIND_MAP, .align = 8, .key = &T_FLOAT64,
                                 .elem = &T_STRING, .name = "map[float64]string"};

static void test_structs_slices_pointers(void **state) {
    (void)state;
    Point pt = {1, -2, {(const uint8_t *)"p", 1}};
    MgcIface a[4];
    a[0] = box(&T_POINT, &pt);
    assert_gostr(sprintf_go("%v|%+v|%#v|%T", (MgcIface[]){a[0], a[0], a[0], a[0]}, 4),
                 "{1 -2 p}|{X:1 Y:-2 name:p}|main.Point{X:1, Y:-2, name:\"p\"}|main.Point");
    Point *pp = mgc_alloc(sizeof *pp, NULL, 0);
    *pp = pt;
    a[1] = (MgcIface){&T_POINT_PTR, pp};
    assert_gostr(sprintf_go("%v %+v", (MgcIface[]){a[1], a[1]}, 2), "&{1 -2 p} &{X:1 Y:-2 name:p}");
    assert_gostr(sprintf_go("%d", &a[1], 1), "&{1 -2 %!d(string=p)}");
    MgcIface nilptr = {&T_POINT_PTR, NULL};
    assert_gostr(sprintf_go("%v %#v %+v %d", (MgcIface[]){nilptr, nilptr, nilptr, nilptr}, 4),
                 "<nil> (*main.Point)(nil) <nil> 0");

    int64_t elems[3] = {1, 2, 3};
    MgcSlice s = {elems, 3, 3};
    a[2] = box(&T_INT_SLICE, &s);
    assert_gostr(sprintf_go("%v %d %#v %x %03d", (MgcIface[]){a[2], a[2], a[2], a[2], a[2]}, 5),
                 "[1 2 3] [1 2 3] []int{1, 2, 3} [1 2 3] [001 002 003]");
    MgcSlice nils = {0};
    MgcIface nilslice = box(&T_INT_SLICE, &nils);
    assert_gostr(sprintf_go("%v %#v", (MgcIface[]){nilslice, nilslice}, 2), "[] []int(nil)");
    MgcString strs[2] = {{(const uint8_t *)"a b", 3}, {(const uint8_t *)"c", 1}};
    MgcIface arr = box(&T_STR_ARRAY2, strs);
    assert_gostr(sprintf_go("%v %q %#v", (MgcIface[]){arr, arr, arr}, 3),
                 "[a b c] [\"a b\" \"c\"] [2]string{\"a b\", \"c\"}");

    /* []any{1, "x", nil, 2.5} */
    MgcIface inner[4] = {box_int(1), box_str("x"), {0}, box_f64(2.5)};
    MgcSlice anys = {inner, 4, 4};
    MgcIface as = box(&T_ANY_SLICE, &anys);
    assert_gostr(sprintf_go("%v %#v", (MgcIface[]){as, as}, 2),
                 "[1 x <nil> 2.5] []interface {}{1, \"x\", interface {}(nil), 2.5}");

    /* pointers print in hex; %p of a non-pointer is a verb error */
    int64_t *ip = (int64_t *)(uintptr_t)0xc000012345;
    MgcIface pi = {&T_INT_PTR, ip};
    assert_gostr(sprintf_go("%v %p %#p %x %#v", (MgcIface[]){pi, pi, pi, pi, pi}, 5),
                 "0xc000012345 0xc000012345 c000012345 c000012345 (*int)(0xc000012345)");
}

static void test_methods(void **state) {
    (void)state;
    double c = 21.5;
    MgcIface temp = box(&T_CELSIUS, &c);
    assert_gostr(sprintf_go("%v %s %q %d %x %5.1f|%T", (MgcIface[]){temp, temp, temp, temp, temp,
                                                                    temp, temp}, 7),
                 "21.5°C 21.5°C \"21.5°C\" %!d(main.Celsius=21.5) 32312e35c2b043 "
                 " 21.5|main.Celsius");
    double pair[2] = {1, 2};
    MgcIface pr = box(&T_PAIR, pair);
    assert_gostr(sprintf_go("%v %+v", (MgcIface[]){pr, pr}, 2), "{1.0°C 2} {T:1.0°C t:2}");
    int64_t n = -5;
    MgcIface named = box(&T_NAMED, &n);
    assert_gostr(sprintf_go("%v %d %#v %T", (MgcIface[]){named, named, named, named}, 4),
                 "-5 -5 -5 main.Named");
    MgcString out = fmt_sprintln((MgcIface[]){temp, named}, 2, 2);
    assert_gostr(out, "21.5°C -5\n");
}

static void test_errors(void **state) {
    (void)state;
    MgcIface e = errors_new((const uint8_t *)"boom", 4);
    /* an error interface value passed as any: its dynamic type */
    MgcIface arg = {((const MgcItab *)e.tab)->type, e.data};
    assert_gostr(sprintf_go("%v|%s|%q|%T|%#v|%d", (MgcIface[]){arg, arg, arg, arg, arg, arg}, 6),
                 "boom|boom|\"boom\"|*errors.errorString|&errors.errorString{s:\"boom\"}|"
                 "&{%!d(string=boom)}");
    /* Errorf without %w: an *errors.errorString; with %w: a *fmt.wrapError */
    MgcIface args[2] = {box_int(3), arg};
    const char *f1 = "n=%d: %v";
    MgcIface e1 = fmt_errorf((const uint8_t *)f1, (int64_t)strlen(f1), args, 2, 2);
    const MgcType *t1 = ((const MgcItab *)e1.tab)->type;
    assert_string_equal(t1->name, "*errors.errorString");
    const char *f2 = "n=%d: %w";
    MgcIface e2 = fmt_errorf((const uint8_t *)f2, (int64_t)strlen(f2), args, 2, 2);
    const MgcType *t2 = ((const MgcItab *)e2.tab)->type;
    assert_string_equal(t2->name, "*fmt.wrapError");
    MgcIface shown[2] = {{t1, e1.data}, {t2, e2.data}};
    assert_gostr(sprintf_go("%v / %v", shown, 2), "n=3: boom / n=3: boom");
    /* %w outside Errorf, twice in Errorf, or of a non-error */
    assert_gostr(sprintf_go("%w", &arg, 1), "%!w(*errors.errorString=&{boom})");
    const char *f3 = "%w %w";
    MgcIface twice[2] = {arg, arg};
    MgcIface e3 = fmt_errorf((const uint8_t *)f3, (int64_t)strlen(f3), twice, 2, 2);
    MgcIface s3 = {((const MgcItab *)e3.tab)->type, e3.data};
    assert_gostr(sprintf_go("%v", &s3, 1), "boom %!w(*errors.errorString=&{boom})");
    const char *f4 = "%w";
    MgcIface one = box_int(1);
    MgcIface e4 = fmt_errorf((const uint8_t *)f4, 2, &one, 1, 1);
    MgcIface s4 = {((const MgcItab *)e4.tab)->type, e4.data};
    assert_gostr(sprintf_go("%v", &s4, 1), "%!w(int=1)");
    (void)f4;
}

/* Inserts k -> v into m. */
static void map_put_si(MgcMap *m, const char *k, int64_t v) {
    MgcString key = {(const uint8_t *)k, (int64_t)strlen(k)};
    *(int64_t *)mgc_mapassign(&T_MAP_SI, m, &key) = v;
}

static void test_maps(void **state) {
    (void)state;
    MgcMap *m = mgc_makemap(&T_MAP_SI, 0);
    const char *keys[] = {"pear", "apple", "fig", "banana", "kiwi", "cherry", "date",
                          "grape", "lemon", "lime", "mango", "melon", "nut", "olive"};
    for (int i = 0; i < 14; i++)
        map_put_si(m, keys[i], i);
    MgcIface a = {&T_MAP_SI, m};
    assert_gostr(sprintf_go("%v", &a, 1),
                 "map[apple:1 banana:3 cherry:5 date:6 fig:2 grape:7 kiwi:4 lemon:8 lime:9 "
                 "mango:10 melon:11 nut:12 olive:13 pear:0]");
    MgcMap *small = mgc_makemap(&T_MAP_SI, 0);
    map_put_si(small, "b", 2);
    map_put_si(small, "a", 1);
    MgcIface sa = {&T_MAP_SI, small};
    assert_gostr(sprintf_go("%v %#v %d", (MgcIface[]){sa, sa, sa}, 3),
                 "map[a:1 b:2] map[string]int{\"a\":1, \"b\":2} map[%!d(string=a):1 %!d(string=b):2]");
    MgcIface nilmap = {&T_MAP_SI, NULL};
    assert_gostr(sprintf_go("%v %#v", (MgcIface[]){nilmap, nilmap}, 2), "map[] map[string]int(nil)");
    /* float keys: NaN first, then ascending */
    MgcMap *fm = mgc_makemap(&T_MAP_FS, 0);
    double fk[] = {2.5, -1, 0.0 / 0.0, 10};
    const char *fv[] = {"b", "a", "n", "c"};
    for (int i = 0; i < 4; i++) {
        MgcString *slot = mgc_mapassign(&T_MAP_FS, fm, &fk[i]);
        *slot = (MgcString){(const uint8_t *)fv[i], 1};
    }
    MgcIface fa = {&T_MAP_FS, fm};
    assert_gostr(sprintf_go("%v", &fa, 1), "map[NaN:n -1:a 2.5:b 10:c]");
}

static void test_math(void **state) {
    (void)state;
    assert_true(math_isnan(math_nan()));
    assert_true(math_isinf(math_inf(1), 1));
    assert_false(math_isinf(math_inf(1), -1));
    assert_true(math_isinf(math_inf(-1), 0));
    assert_true(math_sqrt(2) == 1.4142135623730951);
    assert_true(math_abs(-3.5) == 3.5);
    assert_true(math_signbit(math_abs(-0.0)) == false);
    assert_true(math_floor(-1.5) == -2 && math_ceil(-1.5) == -1 && math_trunc(-1.5) == -1);
    assert_true(math_signbit(math_max(-0.0, 0.0)) == false);
    assert_true(math_signbit(math_min(-0.0, 0.0)) == true);
    assert_true(math_isinf(math_max(math_nan(), math_inf(1)), 1));
    assert_true(math_isnan(math_max(math_nan(), 1)));
    assert_true(math_isnan(math_mod(1, 0)));
    assert_true(math_mod(-7, 3) == -1);
    assert_true(math_float64bits(1) == 0x3FF0000000000000ull);
    assert_true(math_float32bits(1.0f) == 0x3F800000u);
    assert_true(math_copysign(3, -0.0) == -3);
}

int main(int argc, char **argv) {
    cases_path = argc > 1 ? argv[1] : "tests/runtime/fmt/cases.txt";
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_go_table),
        cmocka_unit_test(test_structs_slices_pointers),
        cmocka_unit_test(test_methods),
        cmocka_unit_test(test_errors),
        cmocka_unit_test(test_maps),
        cmocka_unit_test(test_math),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
