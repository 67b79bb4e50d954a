/*
 * test_iface_map.c: unit tests of the runtime's interfaces and maps
 * (runtime/iface.c, runtime/map.c, runtime/typealg.c), called the way
 * generated code calls them, with descriptors written by hand as the
 * compiler lays them out (docs/abi.md).  Panic texts are Go 1.19's.
 */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmocka.h>

#include "runtime/mgcrt.h"

/* ---- Helpers ------------------------------------------------------------- */

typedef void (*ChildFn)(intptr_t arg);

/* Runs fn(arg) in a child process; returns its exit status and what it
 * wrote to fd 2. */
static int run_child(ChildFn fn, intptr_t arg, char *out, size_t cap) {
    int fds[2];
    assert_int_equal(pipe(fds), 0);
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        dup2(fds[1], 2);
        close(fds[0]);
        fn(arg);
        _exit(0);
    }
    close(fds[1]);
    size_t n = 0;
    ssize_t r;
    while (n + 1 < cap && (r = read(fds[0], out + n, cap - 1 - n)) > 0)
        n += (size_t)r;
    out[n] = '\0';
    close(fds[0]);
    int status;
    waitpid(pid, &status, 0);
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

/* Asserts that fn(arg) panics with exactly the first line want. */
static void assert_panics(ChildFn fn, intptr_t arg, const char *want) {
    char out[8192], line[512];
    assert_int_equal(run_child(fn, arg, out, sizeof out), 2);
    snprintf(line, sizeof line, "panic: %s\n", want);
    if (strncmp(out, line, strlen(line)) != 0)
        fail_msg("want %sgot  %s", line, out);
    assert_non_null(strstr(out, "\n\ngoroutine 1 [running]:\n"));
}

static MgcString str(const char *s) {
    return (MgcString){(const uint8_t *)s, (int64_t)strlen(s)};
}

/* ---- Descriptors ---------------------------------------------------------- */

enum { PLAIN = MGC_TYPE_NOSCAN | MGC_TYPE_COMPARABLE };

static const MgcType t_int = {.size = 8, .kind = MGC_KIND_INT, .align = 8, .flags = PLAIN, .name = "int"};
static const MgcType t_int8 = {.size = 1, .kind = MGC_KIND_INT8, .align = 1, .flags = PLAIN, .name = "int8"};
static const MgcType t_float64 = {.size = 8, .kind = MGC_KIND_FLOAT64, .align = 8, .flags = PLAIN,
                                  .name = "float64"};
static const MgcType t_string = {.size = 16, .kind = MGC_KIND_STRING, .align = 8,
                                 .flags = MGC_TYPE_COMPARABLE, .name = "string"};
static const MgcType t_ints = {.size = 24, .kind = MGC_KIND_SLICE, .align = 8, .elem = &t_int, .name = "[]int"};
static const MgcType t_ptr = {.size = 8, .kind = MGC_KIND_POINTER, .align = 8, .elem = &t_int,
                              .flags = MGC_TYPE_COMPARABLE, .name = "*int"};
static const MgcType t_eface = {.size = 16, .kind = MGC_KIND_INTERFACE, .align = 8,
                                .flags = MGC_TYPE_COMPARABLE, .name = "interface {}"};

/* type S string (a defined type with the underlying type of string) */
static const MgcType t_S = {.size = 16, .kind = MGC_KIND_STRING, .align = 8,
                            .flags = MGC_TYPE_COMPARABLE | MGC_TYPE_NAMED, .name = "main.S"};

/* type I interface{ M() }; type J interface{ M(); N() };
 * type T struct{ x int } with func (T) M() and func (*T) N() */
static void fake_method_m(void) {}
static void fake_method_n(void) {}
static const MgcType t_func0 = {.size = 8, .kind = MGC_KIND_FUNC, .align = 8, .name = "func()"};
static const MgcType t_func_int = {.size = 8, .kind = MGC_KIND_FUNC, .align = 8, .name = "func() int"};
static const MgcMethod i_methods[] = {{"M", &t_func0, NULL}};
static const MgcMethod j_methods[] = {{"M", &t_func0, NULL}, {"N", &t_func0, NULL}};
static const MgcType t_I = {.size = 16, .kind = MGC_KIND_INTERFACE, .align = 8, .flags = MGC_TYPE_COMPARABLE | MGC_TYPE_NAMED,
                            .name = "main.I", .methods = i_methods, .nmethods = 1};
static const MgcType t_J = {.size = 16, .kind = MGC_KIND_INTERFACE, .align = 8, .flags = MGC_TYPE_COMPARABLE | MGC_TYPE_NAMED,
                            .name = "main.J", .methods = j_methods, .nmethods = 2};
static const MgcField t_fields[] = {{"x", &t_int, 0, 0}};
static const MgcMethod t_methods[] = {{"M", &t_func0, (void *)fake_method_m}};
static const MgcType t_T = {.size = 8, .kind = MGC_KIND_STRUCT, .align = 8, .flags = PLAIN | MGC_TYPE_NAMED,
                            .name = "main.T", .methods = t_methods, .nmethods = 1,
                            .fields = t_fields, .nfields = 1};
static const MgcMethod pt_methods[] = {{"M", &t_func0, (void *)fake_method_m},
                                       {"N", &t_func0, (void *)fake_method_n}};
static const MgcType t_pT = {.size = 8, .kind = MGC_KIND_POINTER, .align = 8, .elem = &t_T,
                             .flags = MGC_TYPE_COMPARABLE, .name = "*main.T",
                             .methods = pt_methods, .nmethods = 2};
/* type W int with func (W) M() int: M has the wrong signature for I */
static const MgcMethod w_methods[] = {{"M", &t_func_int, (void *)fake_method_m}};
static const MgcType t_W = {.size = 8, .kind = MGC_KIND_INT, .align = 8, .flags = PLAIN | MGC_TYPE_NAMED,
                            .name = "main.W", .methods = w_methods, .nmethods = 1};

/* type U struct{ f func() } (not comparable) */
static const MgcField u_fields[] = {{"f", &t_func0, 0, 0}};
static const MgcType t_U = {.size = 8, .kind = MGC_KIND_STRUCT, .align = 8, .name = "main.U",
                            .flags = MGC_TYPE_NAMED, .fields = u_fields, .nfields = 1};

/* struct { a interface {} } */
static const MgcField ea_fields[] = {{"a", &t_eface, 0, 0}};
static const MgcType t_EA = {.size = 16, .kind = MGC_KIND_STRUCT, .align = 8, .flags = MGC_TYPE_COMPARABLE,
                             .name = "struct { a interface {} }", .fields = ea_fields, .nfields = 1};

/* struct { a int8; _ int8; s string }: padding after the blank field */
typedef struct PadKey {
    int8_t a, blank;
    uint8_t pad[6];
    MgcString s;
} PadKey;
static const MgcField pad_fields[] = {{"a", &t_int8, 0, 0}, {"_", &t_int8, 1, 0}, {"s", &t_string, 8, 0}};
static const MgcType t_pad = {.size = 24, .kind = MGC_KIND_STRUCT, .align = 8, .flags = MGC_TYPE_COMPARABLE,
                              .name = "struct { a int8; _ int8; s string }", .fields = pad_fields, .nfields = 3};

/* [2]float64 */
static const MgcType t_f2 = {.size = 16, .kind = MGC_KIND_ARRAY, .align = 8, .flags = PLAIN, .elem = &t_float64,
                             .len = 2, .name = "[2]float64"};

/* [250]int64: an element larger than the shared zero value */
static const MgcType t_big = {.size = 2000, .kind = MGC_KIND_ARRAY, .align = 8, .flags = PLAIN, .elem = &t_int,
                              .len = 250, .name = "[250]int"};
static const MgcType t_empty = {.size = 0, .kind = MGC_KIND_STRUCT, .align = 1, .flags = PLAIN, .name = "struct {}"};

#define MAP_TYPE(id, k, v, nm) \
    static const MgcType id = {.size = 8, .kind = MGC_KIND_MAP, .align = 8, .key = &k, .elem = &v, .name = nm}
MAP_TYPE(m_int_int, t_int, t_int, "map[int]int");
MAP_TYPE(m_str_int, t_string, t_int, "map[string]int");
MAP_TYPE(m_f64_int, t_float64, t_int, "map[float64]int");
MAP_TYPE(m_any_int, t_eface, t_int, "map[interface {}]int");
MAP_TYPE(m_pad_int, t_pad, t_int, "map[struct { a int8; _ int8; s string }]int");
MAP_TYPE(m_f2_int, t_f2, t_int, "map[[2]float64]int");
MAP_TYPE(m_int_big, t_int, t_big, "map[int][250]int");
MAP_TYPE(m_empty_int, t_empty, t_int, "map[struct {}]int");
MAP_TYPE(m_int_str, t_int, t_string, "map[int]string");

/* A boxed copy of an int, as an interface's data word points to. */
static void *box_int(int64_t v) {
    int64_t *p = mgc_alloc(8, &t_int, 0);
    *p = v;
    return p;
}

static void *box_string(const char *s) {
    MgcString *p = mgc_alloc(16, &t_string, 0);
    *p = str(s);
    return p;
}

static void map_set(const MgcType *mt, MgcMap *m, int64_t k, int64_t v) {
    *(int64_t *)mgc_mapassign(mt, m, &k) = v;
}

static int64_t map_get(const MgcType *mt, MgcMap *m, int64_t k) {
    return *(const int64_t *)mgc_mapaccess1(mt, m, &k);
}

/* ---- Interfaces ------------------------------------------------------------- */

/* Itabs are built from the method tables, cached, and refused when a
 * method is missing or has another signature. */
static void test_assert_itabs(void **state) {
    (void)state;
    const MgcItab *it = mgc_assertI2(&t_I, &t_T);
    assert_non_null(it);
    assert_ptr_equal(it->type, &t_T);
    assert_ptr_equal(it->inter, &t_I);
    assert_ptr_equal(it->fun[0], (void *)fake_method_m);
    assert_ptr_equal(mgc_assertI2(&t_I, &t_T), it);
    assert_null(mgc_assertI2(&t_J, &t_T));
    assert_null(mgc_assertI2(&t_J, &t_T));   /* the cached refusal */
    const MgcItab *jt = mgc_assertI2(&t_J, &t_pT);
    assert_non_null(jt);
    assert_ptr_equal(jt->fun[0], (void *)fake_method_m);
    assert_ptr_equal(jt->fun[1], (void *)fake_method_n);
    assert_null(mgc_assertI2(&t_I, &t_W));
    assert_null(mgc_assertI2(&t_I, NULL));
    assert_ptr_equal(mgc_assertI2(&t_eface, &t_int), &t_int);
    assert_ptr_equal(mgc_assertI(&t_I, &t_pT, &t_eface), mgc_assertI2(&t_I, &t_pT));
}

/* Many pairs: the cache grows and keeps every itab. */
static void test_itab_cache_grows(void **state) {
    (void)state;
    enum { N = 300 };
    static MgcType types[N];
    const void *first[N];
    for (int i = 0; i < N; i++) {
        types[i] = t_pT;
        first[i] = mgc_assertI2(&t_I, &types[i]);
        assert_non_null(first[i]);
    }
    for (int i = 0; i < N; i++) {
        assert_ptr_equal(mgc_assertI2(&t_I, &types[i]), first[i]);
        assert_ptr_equal(((const MgcItab *)first[i])->type, &types[i]);
    }
}

static void child_assert_panic(intptr_t arg) {
    switch (arg) {
    case 0: mgc_panicdottype(&t_string, &t_int, &t_eface); break;
    case 1: mgc_assertI(&t_J, &t_T, &t_eface); break;
    case 2: mgc_panicdottype(NULL, &t_T, &t_eface); break;
    case 3: mgc_assertI(&t_J, NULL, &t_I); break;
    case 4: mgc_panicdottype(&t_T, &t_pT, &t_I); break;
    case 5: mgc_panicdottype(&t_S, &t_string, &t_eface); break;
    case 6: mgc_assertI(&t_I, &t_int, &t_eface); break;
    case 7: mgc_panicslicetoarray(2, 4); break;
    case 8: mgc_assertI(&t_eface, NULL, &t_eface); break;
    }
}

/* The messages Go 1.19 prints for failed assertions (cases of a program
 * doing e.(int) on "hi", x.(J) on T{}, x.(T) on a nil interface{}, a nil
 * I asserted to J, I(T{}).(*T), interface{}(S("x")).(string),
 * interface{}(3).(I), (*[4]int)(s) with len(s) 2, nil.(interface{})). */
static void test_assert_panics(void **state) {
    (void)state;
    static const char *const want[] = {
        "interface conversion: interface {} is string, not int",
        "interface conversion: main.T is not main.J: missing method N",
        "interface conversion: interface {} is nil, not main.T",
        "interface conversion: interface is nil, not main.J",
        "interface conversion: main.I is main.T, not *main.T",
        "interface conversion: interface {} is main.S, not string",
        "interface conversion: int is not main.I: missing method M",
        "runtime error: cannot convert slice with length 2 to pointer to array with length 4",
        "interface conversion: interface is nil, not interface {}",
    };
    for (size_t i = 0; i < sizeof want / sizeof want[0]; i++)
        assert_panics(child_assert_panic, (intptr_t)i, want[i]);
}

/* == of interfaces: dynamic types, then values; pointer-shaped values by
 * their words; NaN unequal to itself; itabs compared by their types. */
static void test_iface_equal(void **state) {
    (void)state;
    assert_true(mgc_efaceeq(&t_int, box_int(3), &t_int, box_int(3)));
    assert_false(mgc_efaceeq(&t_int, box_int(3), &t_int, box_int(4)));
    assert_false(mgc_efaceeq(&t_int, box_int(3), &t_string, box_string("3")));
    assert_true(mgc_efaceeq(&t_string, box_string("hello"), &t_string, box_string("hello")));
    assert_false(mgc_efaceeq(&t_string, box_string("hello"), &t_S, box_string("hello")));
    assert_true(mgc_efaceeq(NULL, NULL, NULL, NULL));
    assert_false(mgc_efaceeq(NULL, NULL, &t_int, box_int(0)));
    int64_t x = 1, y = 1;
    assert_true(mgc_efaceeq(&t_ptr, &x, &t_ptr, &x));
    assert_false(mgc_efaceeq(&t_ptr, &x, &t_ptr, &y));
    double *nan = mgc_alloc(8, &t_float64, 0);
    *nan = NAN;
    assert_false(mgc_efaceeq(&t_float64, nan, &t_float64, nan));
    /* different types: false even when one is uncomparable */
    assert_false(mgc_efaceeq(&t_ints, NULL, &t_int, box_int(0)));
    /* a static itab and one built at run time for the same pair */
    MgcItab *fixed = mgc_alloc(sizeof(MgcItab) + 8, NULL, 0);
    fixed->type = &t_T;
    fixed->inter = &t_I;
    fixed->fun[0] = (void *)fake_method_m;
    const void *built = mgc_assertI2(&t_I, &t_T);
    assert_ptr_not_equal(fixed, built);
    assert_true(mgc_ifaceeq(fixed, box_int(7), built, box_int(7)));
    assert_false(mgc_ifaceeq(fixed, box_int(7), built, box_int(8)));
    assert_false(mgc_ifaceeq(fixed, box_int(7), NULL, NULL));
    assert_true(mgc_ifaceeq(NULL, NULL, NULL, NULL));
    /* struct { a interface {} } values compare their fields' dynamic values */
    MgcIface *s1 = mgc_alloc(16, &t_EA, 0), *s2 = mgc_alloc(16, &t_EA, 0);
    *s1 = (MgcIface){&t_int, box_int(5)};
    *s2 = (MgcIface){&t_int, box_int(5)};
    assert_true(mgc_efaceeq(&t_EA, s1, &t_EA, s2));
    s2->data = box_int(6);
    assert_false(mgc_efaceeq(&t_EA, s1, &t_EA, s2));
}

static void child_compare_panic(intptr_t arg) {
    MgcSlice *a = mgc_alloc(24, &t_ints, 0);
    switch (arg) {
    case 0: mgc_efaceeq(&t_ints, a, &t_ints, a); break;
    case 1: mgc_efaceeq(&t_U, a, &t_U, a); break;
    case 2: {
        MgcIface *s1 = mgc_alloc(16, &t_EA, 0), *s2 = mgc_alloc(16, &t_EA, 0);
        *s1 = (MgcIface){&t_ints, a};
        *s2 = (MgcIface){&t_ints, a};
        mgc_efaceeq(&t_EA, s1, &t_EA, s2);
        break;
    }
    }
}

static void test_compare_uncomparable(void **state) {
    (void)state;
    assert_panics(child_compare_panic, 0, "runtime error: comparing uncomparable type []int");
    assert_panics(child_compare_panic, 1, "runtime error: comparing uncomparable type main.U");
    assert_panics(child_compare_panic, 2, "runtime error: comparing uncomparable type []int");
}

static void child_print(intptr_t arg) {
    (void)arg;
    mgc_printlock();
    mgc_printeface((const void *)0x48d7f8, (void *)0xc000086db8);
    mgc_printsp();
    mgc_printeface(NULL, NULL);
    mgc_printnl();
    mgc_printunlock();
}

/* print(e) writes (type,data) as Go does: "(0x48d7f8,0xc000086db8) (0x0,0x0)". */
static void test_printeface(void **state) {
    (void)state;
    char out[256];
    assert_int_equal(run_child(child_print, 0, out, sizeof out), 0);
    assert_string_equal(out, "(0x48d7f8,0xc000086db8) (0x0,0x0)\n");
}

/* ---- Maps --------------------------------------------------------------------- */

/* Inserting, finding, updating and deleting many entries, across growth. */
static void test_map_int_many(void **state) {
    (void)state;
    enum { N = 20000 };
    MgcMap *m = mgc_makemap(&m_int_int, 0);
    assert_int_equal(mgc_maplen(m), 0);
    for (int64_t i = 0; i < N; i++)
        map_set(&m_int_int, m, i * 7919, i);
    assert_int_equal(mgc_maplen(m), N);
    for (int64_t i = 0; i < N; i++)
        assert_int_equal(map_get(&m_int_int, m, i * 7919), i);
    for (int64_t i = 0; i < N; i++)
        map_set(&m_int_int, m, i * 7919, -i);
    assert_int_equal(mgc_maplen(m), N);
    for (int64_t i = 0; i < N; i += 2) {
        int64_t k = i * 7919;
        mgc_mapdelete(&m_int_int, m, &k);
    }
    assert_int_equal(mgc_maplen(m), N / 2);
    for (int64_t i = 0; i < N; i++) {
        int64_t k = i * 7919;
        MgcMapAccess2 r = mgc_mapaccess2(&m_int_int, m, &k);
        assert_int_equal(r.ok, i % 2 == 1);
        assert_non_null(r.elem);
        assert_int_equal(*(int64_t *)r.elem, i % 2 ? -i : 0);
    }
    /* deleting what is absent changes nothing */
    int64_t absent = -1;
    mgc_mapdelete(&m_int_int, m, &absent);
    assert_int_equal(mgc_maplen(m), N / 2);
    /* churn: deleted slots are reused or cleaned, never lost */
    for (int round = 0; round < 50; round++)
        for (int64_t i = 0; i < 1000; i++) {
            int64_t k = -1000000 - round * 1000 - i;
            map_set(&m_int_int, m, k, k);
            mgc_mapdelete(&m_int_int, m, &k);
        }
    assert_int_equal(mgc_maplen(m), N / 2);
    assert_int_equal(map_get(&m_int_int, m, 3 * 7919), -3);
}

/* A hint large enough leaves no growth to do, and changes nothing visible. */
static void test_map_hint(void **state) {
    (void)state;
    MgcMap *m = mgc_makemap(&m_int_int, 1000);
    for (int64_t i = 0; i < 1000; i++)
        map_set(&m_int_int, m, i, i + 1);
    assert_int_equal(mgc_maplen(m), 1000);
    assert_int_equal(map_get(&m_int_int, m, 999), 1000);
    MgcMap *n = mgc_makemap(&m_int_int, -5);   /* Go ignores it */
    map_set(&m_int_int, n, 1, 2);
    assert_int_equal(map_get(&m_int_int, n, 1), 2);
}

/* String keys compare by content, not by pointer. */
static void test_map_string_keys(void **state) {
    (void)state;
    MgcMap *m = mgc_makemap(&m_str_int, 0);
    char buf[32];
    for (int i = 0; i < 500; i++) {
        snprintf(buf, sizeof buf, "key%d", i);
        MgcString k = mgc_slicebytetostring((const uint8_t *)buf, (int64_t)strlen(buf));
        *(int64_t *)mgc_mapassign(&m_str_int, m, &k) = i;
    }
    for (int i = 0; i < 500; i++) {
        snprintf(buf, sizeof buf, "key%d", i);
        MgcString k = str(buf);
        MgcMapAccess2 r = mgc_mapaccess2(&m_str_int, m, &k);
        assert_true(r.ok);
        assert_int_equal(*(int64_t *)r.elem, i);
    }
    MgcString empty = str("");
    assert_false(mgc_mapaccess2(&m_str_int, m, &empty).ok);
    *(int64_t *)mgc_mapassign(&m_str_int, m, &empty) = -1;
    assert_int_equal(*(int64_t *)mgc_mapaccess1(&m_str_int, m, &empty), -1);
    assert_int_equal(mgc_maplen(m), 501);
}

/* A nil map reads as empty; only assignment panics. */
static void test_map_nil(void **state) {
    (void)state;
    int64_t k = 1;
    assert_int_equal(*(int64_t *)mgc_mapaccess1(&m_int_int, NULL, &k), 0);
    MgcMapAccess2 r = mgc_mapaccess2(&m_int_int, NULL, &k);
    assert_false(r.ok);
    assert_non_null(r.elem);
    assert_int_equal(mgc_maplen(NULL), 0);
    mgc_mapdelete(&m_int_int, NULL, &k);
    MgcMapIter it;
    memset(&it, 0, sizeof it);
    mgc_mapiterinit(&m_int_int, NULL, &it);
    assert_null(it.key);
    /* a missing element larger than the shared zero value is zero too */
    const int64_t *big = mgc_mapaccess1(&m_int_big, NULL, &k);
    for (int i = 0; i < 250; i++)
        assert_int_equal(big[i], 0);
    MgcMap *m = mgc_makemap(&m_int_big, 0);
    int64_t *slot = mgc_mapassign(&m_int_big, m, &k);
    slot[249] = 42;
    k = 2;
    big = mgc_mapaccess1(&m_int_big, m, &k);
    assert_int_equal(big[249], 0);
    k = 1;
    assert_int_equal(((const int64_t *)mgc_mapaccess1(&m_int_big, m, &k))[249], 42);
}

static void child_map_panic(intptr_t arg) {
    MgcSlice *s = mgc_alloc(24, &t_ints, 0);
    MgcIface key = {&t_ints, s};
    int64_t k = 1;
    switch (arg) {
    case 0: mgc_mapassign(&m_int_int, NULL, &k); break;
    case 1: mgc_mapassign(&m_any_int, mgc_makemap(&m_any_int, 0), &key); break;
    case 2: mgc_mapaccess1(&m_any_int, NULL, &key); break;
    case 3: mgc_mapdelete(&m_any_int, mgc_makemap(&m_any_int, 0), &key); break;
    }
}

/* Go 1.19: m[k] = v on a nil map; m[[]int{1}] = 1 with interface keys
 * (on a nil or empty map the key is hashed all the same). */
static void test_map_panics(void **state) {
    (void)state;
    assert_panics(child_map_panic, 0, "assignment to entry in nil map");
    assert_panics(child_map_panic, 1, "runtime error: hash of unhashable type []int");
    assert_panics(child_map_panic, 2, "runtime error: hash of unhashable type []int");
    assert_panics(child_map_panic, 3, "runtime error: hash of unhashable type []int");
}

/* Ranges over m, counting in seen[] how often each key in [0, n) came. */
static void count_range(MgcMap *m, int *seen, int64_t n) {
    MgcMapIter it;
    memset(&it, 0, sizeof it);
    for (mgc_mapiterinit(&m_int_int, m, &it); it.key; mgc_mapiternext(&it)) {
        int64_t k = *(int64_t *)it.key;
        assert_true(k >= 0 && k < n);
        assert_int_equal(*(int64_t *)it.elem, k * 10);
        seen[k]++;
    }
}

/* A range produces every entry exactly once. */
static void test_map_iterate_once(void **state) {
    (void)state;
    enum { N = 3000 };
    static int seen[N];
    MgcMap *m = mgc_makemap(&m_int_int, 0);
    for (int64_t i = 0; i < N; i++)
        map_set(&m_int_int, m, i, i * 10);
    count_range(m, seen, N);
    for (int i = 0; i < N; i++)
        assert_int_equal(seen[i], 1);
    /* and after deletions too */
    memset(seen, 0, sizeof seen);
    for (int64_t i = 0; i < N; i += 3)
        mgc_mapdelete(&m_int_int, m, &i);
    count_range(m, seen, N);
    for (int i = 0; i < N; i++)
        assert_int_equal(seen[i], i % 3 ? 1 : 0);
}

/* The order changes from one range to the next, as Go randomizes it. */
static void test_map_iterate_random(void **state) {
    (void)state;
    MgcMap *m = mgc_makemap(&m_int_int, 0);
    for (int64_t i = 0; i < 6; i++)
        map_set(&m_int_int, m, i, i * 10);
    int firsts[6] = {0};
    for (int r = 0; r < 200; r++) {
        MgcMapIter it;
        memset(&it, 0, sizeof it);
        mgc_mapiterinit(&m_int_int, m, &it);
        firsts[*(int64_t *)it.key]++;
    }
    int distinct = 0;
    for (int i = 0; i < 6; i++)
        distinct += firsts[i] > 0;
    assert_true(distinct >= 3);
}

/* Deleting entries the range has not reached yet: they are not produced;
 * each other entry is, once. */
static void test_map_delete_while_iterating(void **state) {
    (void)state;
    enum { N = 1000 };
    static int seen[N];
    static bool deleted[N];
    MgcMap *m = mgc_makemap(&m_int_int, 0);
    for (int64_t i = 0; i < N; i++)
        map_set(&m_int_int, m, i, i * 10);
    MgcMapIter it;
    memset(&it, 0, sizeof it);
    int64_t produced = 0;
    for (mgc_mapiterinit(&m_int_int, m, &it); it.key; mgc_mapiternext(&it)) {
        int64_t k = *(int64_t *)it.key;
        assert_false(deleted[k]);
        seen[k]++;
        produced++;
        /* delete the current key and a few others */
        for (int64_t d = k; d < N; d += 7) {
            if (!deleted[d]) {
                deleted[d] = true;
                mgc_mapdelete(&m_int_int, m, &d);
            }
        }
    }
    for (int i = 0; i < N; i++)
        assert_true(seen[i] <= 1);
    assert_true(produced > 0);
    /* every entry not deleted by the time the range ended was produced */
    int64_t left = 0;
    for (int i = 0; i < N; i++)
        left += !deleted[i];
    assert_int_equal(mgc_maplen(m), left);
    assert_int_equal(left, 0);
    /* deleting everything on the first step leaves one entry produced */
    MgcMap *m2 = mgc_makemap(&m_int_int, 0);
    for (int64_t i = 0; i < N; i++)
        map_set(&m_int_int, m2, i, i * 10);
    memset(&it, 0, sizeof it);
    produced = 0;
    for (mgc_mapiterinit(&m_int_int, m2, &it); it.key; mgc_mapiternext(&it)) {
        if (produced++ == 0)
            for (int64_t d = 0; d < N; d++)
                mgc_mapdelete(&m_int_int, m2, &d);
    }
    assert_int_equal(produced, 1);
    assert_int_equal(mgc_maplen(m2), 0);
}

/* Inserting while iterating (the table is rebuilt several times): each
 * original entry is produced exactly once with its current value, none
 * that was deleted after the rebuild is produced, nothing is produced
 * twice. */
static void test_map_grow_while_iterating(void **state) {
    (void)state;
    enum { N = 200, EXTRA = 50000 };
    static int seen[N + EXTRA];
    static bool deleted[N];
    MgcMap *m = mgc_makemap(&m_int_int, 0);
    for (int64_t i = 0; i < N; i++)
        map_set(&m_int_int, m, i, i * 10);
    MgcMapIter it;
    memset(&it, 0, sizeof it);
    int64_t next = N, steps = 0;
    for (mgc_mapiterinit(&m_int_int, m, &it); it.key; mgc_mapiternext(&it)) {
        int64_t k = *(int64_t *)it.key;
        assert_true(k >= 0 && k < N + EXTRA);
        seen[k]++;
        if (k < N) {
            assert_false(deleted[k]);
            assert_int_equal(*(int64_t *)it.elem, steps > 0 && k >= N / 2 ? -k : k * 10);
        }
        if (steps++ == 0)
            for (int64_t i = N / 2; i < N; i++)     /* updated, then some deleted */
                map_set(&m_int_int, m, i, -i);
        for (int j = 0; j < 200 && next < N + EXTRA; j++, next++)
            map_set(&m_int_int, m, next, next * 10);
        if (steps == 20)
            for (int64_t d = 0; d < N; d += 5)
                if (!seen[d]) {
                    deleted[d] = true;
                    mgc_mapdelete(&m_int_int, m, &d);
                }
    }
    for (int i = 0; i < N + EXTRA; i++)
        assert_true(seen[i] <= 1);
    for (int i = 0; i < N; i++)
        assert_int_equal(seen[i], deleted[i] ? 0 : 1);
}

/* Float keys: NaN never equals itself, so every NaN is a new entry that no
 * lookup finds; +0 and -0 are one key, and the last one stored is kept. */
static void test_map_float_keys(void **state) {
    (void)state;
    MgcMap *m = mgc_makemap(&m_f64_int, 0);
    double nan = NAN;
    for (int i = 0; i < 3; i++)
        *(int64_t *)mgc_mapassign(&m_f64_int, m, &nan) = i;
    assert_int_equal(mgc_maplen(m), 3);
    assert_false(mgc_mapaccess2(&m_f64_int, m, &nan).ok);
    mgc_mapdelete(&m_f64_int, m, &nan);
    assert_int_equal(mgc_maplen(m), 3);
    double pz = 0.0, nz = -0.0;
    *(int64_t *)mgc_mapassign(&m_f64_int, m, &pz) = 10;
    *(int64_t *)mgc_mapassign(&m_f64_int, m, &nz) = 20;
    assert_int_equal(mgc_maplen(m), 4);
    assert_int_equal(*(int64_t *)mgc_mapaccess1(&m_f64_int, m, &pz), 20);
    int nans = 0, zeros = 0;
    MgcMapIter it;
    memset(&it, 0, sizeof it);
    for (mgc_mapiterinit(&m_f64_int, m, &it); it.key; mgc_mapiternext(&it)) {
        double k = *(double *)it.key;
        if (isnan(k)) {
            nans++;
        } else {
            assert_true(k == 0 && signbit(k));
            zeros++;
        }
    }
    assert_int_equal(nans, 3);
    assert_int_equal(zeros, 1);
    /* NaN entries survive the map growing under them */
    for (double x = 1; x < 1000; x++)
        *(int64_t *)mgc_mapassign(&m_f64_int, m, &x) = 1;
    assert_int_equal(mgc_maplen(m), 1003);
    nans = 0;
    memset(&it, 0, sizeof it);
    for (mgc_mapiterinit(&m_f64_int, m, &it); it.key; mgc_mapiternext(&it))
        nans += isnan(*(double *)it.key);
    assert_int_equal(nans, 3);
    /* [2]float64 keys: element by element */
    MgcMap *a = mgc_makemap(&m_f2_int, 0);
    double k1[2] = {1.5, 0.0}, k2[2] = {1.5, -0.0};
    *(int64_t *)mgc_mapassign(&m_f2_int, a, k1) = 7;
    assert_int_equal(*(int64_t *)mgc_mapaccess1(&m_f2_int, a, k2), 7);
}

/* Interface keys hash and compare their dynamic values. */
static void test_map_iface_keys(void **state) {
    (void)state;
    MgcMap *m = mgc_makemap(&m_any_int, 0);
    MgcIface one = {&t_int, box_int(1)}, one_again = {&t_int, box_int(1)};
    MgcIface s1 = {&t_string, box_string("1")}, named = {&t_S, box_string("1")};
    int64_t x;
    MgcIface ptr = {&t_ptr, &x}, nil = {NULL, NULL};
    *(int64_t *)mgc_mapassign(&m_any_int, m, &one) = 1;
    *(int64_t *)mgc_mapassign(&m_any_int, m, &s1) = 2;
    *(int64_t *)mgc_mapassign(&m_any_int, m, &named) = 3;
    *(int64_t *)mgc_mapassign(&m_any_int, m, &ptr) = 4;
    *(int64_t *)mgc_mapassign(&m_any_int, m, &nil) = 5;
    assert_int_equal(mgc_maplen(m), 5);
    assert_int_equal(*(int64_t *)mgc_mapaccess1(&m_any_int, m, &one_again), 1);
    MgcIface s1_again = {&t_string, box_string("1")};
    assert_int_equal(*(int64_t *)mgc_mapaccess1(&m_any_int, m, &s1_again), 2);
    assert_int_equal(*(int64_t *)mgc_mapaccess1(&m_any_int, m, &named), 3);
    MgcIface ptr_again = {&t_ptr, &x};
    assert_int_equal(*(int64_t *)mgc_mapaccess1(&m_any_int, m, &ptr_again), 4);
    MgcIface nil_again = {NULL, NULL};
    assert_int_equal(*(int64_t *)mgc_mapaccess1(&m_any_int, m, &nil_again), 5);
    MgcIface two = {&t_int, box_int(2)};
    assert_false(mgc_mapaccess2(&m_any_int, m, &two).ok);
}

/* Struct keys: fields compared one by one, padding and blank fields
 * ignored; zero-size keys are all one key. */
static void test_map_struct_keys(void **state) {
    (void)state;
    MgcMap *m = mgc_makemap(&m_pad_int, 0);
    PadKey a, b;
    memset(&a, 0x11, sizeof a);
    memset(&b, 0x77, sizeof b);
    a.a = b.a = 3;
    a.s = str("x");
    b.s = mgc_slicebytetostring((const uint8_t *)"x", 1);
    *(int64_t *)mgc_mapassign(&m_pad_int, m, &a) = 9;
    assert_int_equal(*(int64_t *)mgc_mapaccess1(&m_pad_int, m, &b), 9);
    b.a = 4;
    assert_false(mgc_mapaccess2(&m_pad_int, m, &b).ok);
    MgcMap *e = mgc_makemap(&m_empty_int, 0);
    char k1 = 0, k2 = 0;
    *(int64_t *)mgc_mapassign(&m_empty_int, e, &k1) = 1;
    *(int64_t *)mgc_mapassign(&m_empty_int, e, &k2) = 2;
    assert_int_equal(mgc_maplen(e), 1);
    assert_int_equal(*(int64_t *)mgc_mapaccess1(&m_empty_int, e, &k1), 2);
    MgcMapIter it;
    memset(&it, 0, sizeof it);
    mgc_mapiterinit(&m_empty_int, e, &it);
    assert_non_null(it.key);
    assert_int_equal(*(int64_t *)it.elem, 2);
    mgc_mapiternext(&it);
    assert_null(it.key);
}

/* Elements with pointers keep their values through growth. */
static void test_map_string_values(void **state) {
    (void)state;
    MgcMap *m = mgc_makemap(&m_int_str, 0);
    char buf[32];
    for (int64_t i = 0; i < 2000; i++) {
        snprintf(buf, sizeof buf, "v%lld", (long long)i);
        *(MgcString *)mgc_mapassign(&m_int_str, m, &i) =
            mgc_slicebytetostring((const uint8_t *)buf, (int64_t)strlen(buf));
    }
    for (int64_t i = 0; i < 2000; i += 97) {
        snprintf(buf, sizeof buf, "v%lld", (long long)i);
        assert_true(mgc_eqstring(*(MgcString *)mgc_mapaccess1(&m_int_str, m, &i), str(buf)));
    }
    int64_t missing = -1;
    assert_int_equal(((MgcString *)mgc_mapaccess1(&m_int_str, m, &missing))->len, 0);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_assert_itabs),
        cmocka_unit_test(test_itab_cache_grows),
        cmocka_unit_test(test_assert_panics),
        cmocka_unit_test(test_iface_equal),
        cmocka_unit_test(test_compare_uncomparable),
        cmocka_unit_test(test_printeface),
        cmocka_unit_test(test_map_int_many),
        cmocka_unit_test(test_map_hint),
        cmocka_unit_test(test_map_string_keys),
        cmocka_unit_test(test_map_nil),
        cmocka_unit_test(test_map_panics),
        cmocka_unit_test(test_map_iterate_once),
        cmocka_unit_test(test_map_iterate_random),
        cmocka_unit_test(test_map_delete_while_iterating),
        cmocka_unit_test(test_map_grow_while_iterating),
        cmocka_unit_test(test_map_float_keys),
        cmocka_unit_test(test_map_iface_keys),
        cmocka_unit_test(test_map_struct_keys),
        cmocka_unit_test(test_map_string_values),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
