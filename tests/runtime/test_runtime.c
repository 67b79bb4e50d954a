/*
 * test_runtime.c: unit tests of libmgcrt, called the way generated code
 * calls it.  Expected values come from Go 1.19 (the programs that printed
 * them are quoted above each table).
 */
#include <math.h>
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmocka.h>

#include "runtime/mgcrt.h"
#include "runtime/rt.h"
#include "types/types.h"

/* ---- Helpers ------------------------------------------------------------- */

/* Output captured from fd 2. */
typedef struct Captured {
    int saved_fd;
    FILE *file;
    char text[65536];
} Captured;

/* Starts sending fd 2 to a temporary file. */
static void capture_begin(Captured *c) {
    fflush(stderr);
    c->file = tmpfile();
    assert_non_null(c->file);
    c->saved_fd = dup(2);
    dup2(fileno(c->file), 2);
}

/* Restores fd 2 and reads what was written into c->text. */
static const char *capture_end(Captured *c) {
    dup2(c->saved_fd, 2);
    close(c->saved_fd);
    rewind(c->file);
    size_t n = fread(c->text, 1, sizeof c->text - 1, c->file);
    c->text[n] = '\0';
    fclose(c->file);
    return c->text;
}

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

static MgcString str(const char *s) {
    return (MgcString){(const uint8_t *)s, (int64_t)strlen(s)};
}

/* Whether s holds exactly the C string want. */
static bool str_is(MgcString s, const char *want) {
    return s.len == (int64_t)strlen(want) && memcmp(s.ptr, want, (size_t)s.len) == 0;
}

/* ---- The ABI ------------------------------------------------------------- */

/* The runtime's kind numbers are types/types.h's. */
static void test_kinds_match_types(void **state) {
    (void)state;
    assert_int_equal(MGC_KIND_BOOL, TY_BOOL);
    assert_int_equal(MGC_KIND_INT, TY_INT);
    assert_int_equal(MGC_KIND_UINTPTR, TY_UINTPTR);
    assert_int_equal(MGC_KIND_FLOAT64, TY_FLOAT64);
    assert_int_equal(MGC_KIND_STRING, TY_STRING);
    assert_int_equal(MGC_KIND_UNSAFE_POINTER, TY_UNSAFE_POINTER);
    assert_int_equal(MGC_KIND_ARRAY, TY_ARRAY);
    assert_int_equal(MGC_KIND_SLICE, TY_SLICE);
    assert_int_equal(MGC_KIND_STRUCT, TY_STRUCT);
    assert_int_equal(MGC_KIND_POINTER, TY_POINTER);
    assert_int_equal(MGC_KIND_CHAN, TY_CHAN);
}

/* Layouts the assembly of generated code depends on (docs/abi.md). */
static void test_layouts(void **state) {
    (void)state;
    assert_int_equal(sizeof(MgcString), 16);
    assert_int_equal(sizeof(MgcSlice), 24);
    assert_int_equal(sizeof(MgcIface), 16);
    assert_int_equal(offsetof(MgcType, name), 40);
    assert_int_equal(sizeof(MgcType), 88);
    assert_int_equal(offsetof(MgcDeferFrame, resume_pc), 16);
    assert_int_equal(offsetof(MgcDeferFrame, fp), 24);
    assert_int_equal(offsetof(MgcDeferFrame, sp), 32);
    assert_int_equal(offsetof(MgcDeferFrame, saved), 40);
    assert_int_equal(sizeof(MgcFuncInfo), 48);
    assert_int_equal(offsetof(MgcFuncInfo, nlines), 40);
    assert_int_equal(sizeof(MgcPcLine), 8);
}

/* ---- Allocator ----------------------------------------------------------- */

static void test_alloc_zeroed_and_classed(void **state) {
    (void)state;
    MgcHeap *h = &mgc_rt()->heap;
    uint8_t *a = mgc_alloc(20, NULL, MGC_ALLOC_NOSCAN);
    uint8_t *b = mgc_alloc(20, NULL, MGC_ALLOC_NOSCAN);
    for (int i = 0; i < 24; i++)
        assert_int_equal(a[i], 0);
    /* 20 bytes round up to the 24-byte class: neighbours are 24 apart. */
    assert_int_equal(b - a, 24);
    memset(a, 0xAB, 24);
    mgc_heap_free(h, a);
    uint8_t *c = mgc_alloc(17, NULL, MGC_ALLOC_NOSCAN);
    assert_ptr_equal(c, a);         /* the freed slot is reused... */
    for (int i = 0; i < 24; i++)
        assert_int_equal(c[i], 0);  /* ...and zeroed again */
}

static void test_alloc_noscan_spans_apart(void **state) {
    (void)state;
    MgcHeap *h = &mgc_rt()->heap;
    void *p = mgc_alloc(64, NULL, MGC_ALLOC_NOSCAN);
    void *q = mgc_alloc(64, NULL, 0);
    MgcSpan *sp = NULL, *sq = NULL;
    assert_ptr_equal(mgc_heap_find(h, p, &sp), p);
    assert_ptr_equal(mgc_heap_find(h, q, &sq), q);
    assert_true(sp->noscan);
    assert_false(sq->noscan);
    assert_ptr_not_equal(sp, sq);
}

static void test_find_interior_and_marks(void **state) {
    (void)state;
    MgcHeap *h = &mgc_rt()->heap;
    uint8_t *p = mgc_alloc(100, NULL, 0);  /* class 112 */
    assert_ptr_equal(mgc_heap_find(h, p + 57, NULL), p);
    assert_ptr_equal(mgc_heap_find(h, p + 111, NULL), p);
    int local;
    assert_null(mgc_heap_find(h, &local, NULL));
    assert_null(mgc_heap_find(h, NULL, NULL));
    assert_false(mgc_heap_is_marked(h, p));
    assert_true(mgc_heap_mark(h, p));
    assert_false(mgc_heap_mark(h, p));
    assert_true(mgc_heap_is_marked(h, p));
    /* A large object: interior pointers anywhere in it find its base. */
    uint8_t *big = mgc_alloc(100000, NULL, MGC_ALLOC_NOSCAN);
    assert_ptr_equal(mgc_heap_find(h, big + 99999, NULL), big);
    assert_int_equal((uintptr_t)big % MGC_PAGE_SIZE, 0);
    mgc_heap_free(h, big);
    assert_null(mgc_heap_find(h, big + 10, NULL));
    /* A freed slot is no longer an object. */
    mgc_heap_free(h, p);
    assert_null(mgc_heap_find(h, p + 1, NULL));
}

static void test_alloc_stats(void **state) {
    (void)state;
    MgcMemStats before, after;
    mgc_read_memstats(&before);
    void *p = mgc_alloc(33, NULL, MGC_ALLOC_NOSCAN);    /* 48-byte class */
    void *big = mgc_alloc(40000, NULL, 0);              /* 5 pages */
    mgc_read_memstats(&after);
    assert_int_equal(after.mallocs - before.mallocs, 2);
    assert_int_equal(after.heap_alloc - before.heap_alloc, 48 + 40960);
    assert_int_equal(after.total_alloc - before.total_alloc, 48 + 40960);
    assert_true(after.peak_heap_alloc >= after.heap_alloc);
    mgc_heap_free(&mgc_rt()->heap, p);
    mgc_heap_free(&mgc_rt()->heap, big);
    MgcMemStats end;
    mgc_read_memstats(&end);
    assert_int_equal(end.frees - after.frees, 2);
    assert_int_equal(end.heap_alloc, before.heap_alloc);
    assert_int_equal(end.peak_heap_alloc, after.peak_heap_alloc);
}

/* Many objects of every class: distinct, inside their spans, zeroed. */
static void test_alloc_many(void **state) {
    (void)state;
    MgcHeap *h = &mgc_rt()->heap;
    for (int c = 1; c < MGC_NUM_CLASSES; c += 5) {
        uint64_t size = mgc_class_size[c];
        uint8_t *prev = NULL;
        for (int i = 0; i < 300; i++) {
            uint8_t *p = mgc_alloc(size, NULL, 0);
            assert_ptr_equal(mgc_heap_find(h, p + size - 1, NULL), p);
            assert_int_equal(p[size - 1], 0);
            p[0] = 1;
            p[size - 1] = 1;
            assert_ptr_not_equal(p, prev);
            prev = p;
        }
    }
}

/* The memstats line printed at exit under MGCDEBUG=memstats=1. */
static void exit_with_memstats(intptr_t arg) {
    (void)arg;
    mgc_rt()->debug_memstats = true;
    mgc_alloc(8, NULL, MGC_ALLOC_NOSCAN);
    mgc_exit(0);
}

static void test_memstats_at_exit(void **state) {
    (void)state;
    char out[4096];
    assert_int_equal(run_child(exit_with_memstats, 0, out, sizeof out), 0);
    assert_non_null(strstr(out, "mgc memstats: Mallocs="));
    assert_non_null(strstr(out, " Frees="));
    assert_non_null(strstr(out, " HeapAlloc="));
    assert_non_null(strstr(out, " PeakHeapAlloc="));
    assert_non_null(strstr(out, " NumGC=0\n"));
}

/* ---- Slices -------------------------------------------------------------- */

/* Appends one element at a time and records each new capacity.
 * Go 1.19 (for b []byte / []int64 / []struct{a, b, c int64}):
 *   for i := 0; i < 5000; i++ { b = append(b, 1); if cap(b) != last {...} } */
static void check_cap_sequence(uint64_t elemsize, const int64_t *want, size_t n) {
    MgcType t = {.size = elemsize, .kind = MGC_KIND_ARRAY, .flags = MGC_TYPE_NOSCAN};
    MgcSlice s = {NULL, 0, 0};
    size_t seen = 0;
    int64_t last = -1;
    for (int i = 0; i < 5000; i++) {
        if (s.len + 1 > s.cap) {
            int64_t len = s.len;
            s = mgc_growslice(&t, s.ptr, s.len, s.cap, s.len + 1);
            assert_int_equal(s.len, len + 1);
        } else {
            s.len++;
        }
        if (s.cap != last) {
            last = s.cap;
            assert_true(seen < n);
            assert_int_equal(s.cap, want[seen]);
            seen++;
        }
    }
    assert_int_equal(seen, n);
}

static void test_growslice_caps(void **state) {
    (void)state;
    static const int64_t caps1[] = {8, 16, 32, 64, 128, 256, 512, 896, 1408,
                                    2048, 3072, 4096, 5376};
    static const int64_t caps8[] = {1, 2, 4, 8, 16, 32, 64, 128, 256, 512,
                                    848, 1280, 1792, 2560, 3408, 5120};
    static const int64_t caps24[] = {1, 2, 4, 8, 16, 32, 64, 128, 256, 512,
                                     853, 1365, 2048, 3072, 4096, 5461};
    check_cap_sequence(1, caps1, sizeof caps1 / sizeof caps1[0]);
    check_cap_sequence(8, caps8, sizeof caps8 / sizeof caps8[0]);
    check_cap_sequence(24, caps24, sizeof caps24 / sizeof caps24[0]);
}

/* append([]int64{1, 2, 3}, make([]int64, 10)...) has cap 14;
 * append([]byte("hello"), " world, longer"...) has cap 24. */
static void test_growslice_many_and_copy(void **state) {
    (void)state;
    MgcType i64 = {.size = 8, .kind = MGC_KIND_INT64, .flags = MGC_TYPE_NOSCAN};
    MgcType u8 = {.size = 1, .kind = MGC_KIND_UINT8, .flags = MGC_TYPE_NOSCAN};
    int64_t three[3] = {1, 2, 3};
    MgcSlice s = mgc_growslice(&i64, three, 3, 3, 13);
    assert_int_equal(s.cap, 14);
    assert_int_equal(s.len, 13);
    assert_int_equal(((int64_t *)s.ptr)[2], 3);
    assert_int_equal(((int64_t *)s.ptr)[12], 0);
    MgcSlice b = mgc_growslice(&u8, (void *)"hello", 5, 5, 19);
    assert_int_equal(b.cap, 24);
    assert_memory_equal(b.ptr, "hello", 5);
    /* copy: overlapping, and the count is the shorter length. */
    int64_t v[5] = {1, 2, 3, 4, 5};
    assert_int_equal(mgc_slicecopy(v + 1, 4, v, 5, 8), 4);
    assert_int_equal(v[0], 1);
    assert_int_equal(v[1], 1);
    assert_int_equal(v[4], 4);
    MgcSlice m = mgc_makeslice(&i64, 2, 5);
    assert_int_equal(m.len, 2);
    assert_int_equal(m.cap, 5);
}

/* ---- Strings ------------------------------------------------------------- */

static void test_decoderune(void **state) {
    (void)state;
    struct { const char *s; int32_t rune; int64_t next; } cases[] = {
        {"a", 'a', 1},
        {"\xc3\xa9", 0xE9, 2},
        {"\xe2\x82\xac", 0x20AC, 3},
        {"\xf0\x9f\x98\x80", 0x1F600, 4},
        {"\xf4\x8f\xbf\xbf", 0x10FFFF, 4},
        {"\xff", 0xFFFD, 1},
        {"\x80", 0xFFFD, 1},
        {"\xc0\x80", 0xFFFD, 1},         /* overlong */
        {"\xc1\xbf", 0xFFFD, 1},
        {"\xe0\x80\x80", 0xFFFD, 1},     /* overlong */
        {"\xed\xa0\x80", 0xFFFD, 1},     /* surrogate */
        {"\xf4\x90\x80\x80", 0xFFFD, 1}, /* above U+10FFFF */
        {"\xf5\x80\x80\x80", 0xFFFD, 1},
        {"\xe2\x82", 0xFFFD, 1},         /* short */
        {"\xe2\x28\xa1", 0xFFFD, 1},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        MgcRuneNext rn = mgc_decoderune(str(cases[i].s), 0);
        assert_int_equal(rn.rune, cases[i].rune);
        assert_int_equal(rn.next, cases[i].next);
    }
    /* From the middle of a string. */
    MgcRuneNext rn = mgc_decoderune(str("x\xe2\x82\xacy"), 1);
    assert_int_equal(rn.rune, 0x20AC);
    assert_int_equal(rn.next, 4);
}

static void test_string_ops(void **state) {
    (void)state;
    MgcString parts[] = {str("ab"), str(""), str("cde")};
    MgcString s = mgc_concatstrings(parts, 3);
    assert_true(str_is(s, "abcde"));
    assert_true(str_is(mgc_concatstring2(str(""), str("x")), "x"));
    assert_int_equal(mgc_concatstrings(parts + 1, 1).len, 0);
    assert_true(mgc_cmpstring(str("abc"), str("abd")) < 0);
    assert_true(mgc_cmpstring(str("ab"), str("abc")) < 0);
    assert_true(mgc_cmpstring(str("b"), str("abc")) > 0);
    assert_int_equal(mgc_cmpstring(str("abc"), str("abc")), 0);
    assert_true(mgc_eqstring(str("abc"), str("abc")));
    assert_false(mgc_eqstring(str("abc"), str("abd")));
    assert_true(mgc_eqstring(str(""), (MgcString){NULL, 0}));
    /* string(r): invalid code points become U+FFFD. */
    assert_true(str_is(mgc_intstring(0x41), "A"));
    assert_true(str_is(mgc_intstring(0x20AC), "\xe2\x82\xac"));
    assert_true(str_is(mgc_intstring(-1), "\xef\xbf\xbd"));
    assert_true(str_is(mgc_intstring(0x110000), "\xef\xbf\xbd"));
    assert_true(str_is(mgc_intstring(0xD800), "\xef\xbf\xbd"));
    assert_true(str_is(mgc_intstring((int64_t)1 << 40), "\xef\xbf\xbd"));
}

static void test_string_conversions(void **state) {
    (void)state;
    MgcSlice b = mgc_stringtoslicebyte(str("hello"));
    assert_int_equal(b.len, 5);
    assert_int_equal(b.cap, 8);      /* rounded to the size class */
    assert_memory_equal(b.ptr, "hello", 5);
    ((uint8_t *)b.ptr)[0] = 'j';
    assert_true(str_is(mgc_slicebytetostring(b.ptr, b.len), "jello"));
    MgcSlice r = mgc_stringtoslicerune(str("h\xc3\xa9\xffl"));
    assert_int_equal(r.len, 4);
    assert_int_equal(r.cap, 4);      /* 16 bytes: a class of its own */
    int32_t *rp = r.ptr;
    assert_int_equal(rp[0], 'h');
    assert_int_equal(rp[1], 0xE9);
    assert_int_equal(rp[2], 0xFFFD);
    assert_int_equal(rp[3], 'l');
    int32_t runes[] = {'a', 0xE9, -5, 0x1F600};
    assert_true(str_is(mgc_slicerunetostring(runes, 4),
                       "a\xc3\xa9\xef\xbf\xbd\xf0\x9f\x98\x80"));
}

/* ---- Printing ------------------------------------------------------------ */

/* Go 1.19: for _, v := range []float64{...} { println(v) } */
static void test_printfloat(void **state) {
    (void)state;
    static const struct { double v; const char *want; } cases[] = {
        {0, "+0.000000e+000"}, {1, "+1.000000e+000"}, {-1, "-1.000000e+000"},
        {0.1, "+1.000000e-001"}, {0.5, "+5.000000e-001"},
        {2.5, "+2.500000e+000"}, {1e10, "+1.000000e+010"},
        {123456.75, "+1.234567e+005"}, {1e-300, "+1.000000e-300"},
        {9.99999949e20, "+9.999999e+020"}, {99999995, "+1.000000e+008"},
        {1e100, "+1.000000e+100"}, {1.0 / 3, "+3.333333e-001"},
        {2.0 / 3, "+6.666667e-001"}, {1e23, "+1.000000e+023"},
        {4.9999999e-5, "+5.000000e-005"}, {5e-324, "+4.940656e-324"},
        {1.7976931348623157e308, "+1.797693e+308"},
        {6.02214076e23, "+6.022141e+023"}, {-123.456, "-1.234560e+002"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        Captured c;
        capture_begin(&c);
        mgc_printfloat(cases[i].v);
        assert_string_equal(capture_end(&c), cases[i].want);
    }
    Captured c;
    capture_begin(&c);
    mgc_printlock();
    mgc_printfloat(NAN);
    mgc_printsp();
    mgc_printfloat(INFINITY);
    mgc_printsp();
    mgc_printfloat(-INFINITY);
    mgc_printsp();
    mgc_printfloat(-0.0);
    mgc_printnl();
    mgc_printunlock();
    assert_string_equal(capture_end(&c), "NaN +Inf -Inf -0.000000e+000\n");
}

static void test_print_values(void **state) {
    (void)state;
    Captured c;
    capture_begin(&c);
    mgc_printlock();
    mgc_printint(INT64_MIN);
    mgc_printsp();
    mgc_printuint(UINT64_MAX);
    mgc_printsp();
    mgc_printbool(true);
    mgc_printsp();
    mgc_printpointer(NULL);
    mgc_printsp();
    mgc_printpointer((void *)0xc000012345);
    mgc_printsp();
    mgc_printslice((MgcSlice){NULL, 0, 0});
    mgc_printsp();
    mgc_printiface((MgcIface){NULL, NULL});
    mgc_printsp();
    mgc_printstring(str("s"));
    mgc_printnl();
    mgc_printunlock();
    assert_string_equal(capture_end(&c),
                        "-9223372036854775808 18446744073709551615 true 0x0 "
                        "0xc000012345 [0/0]0x0 (0x0,0x0) s\n");
}

/* A print statement reaches fd 2 in one write, only at unlock. */
static void test_print_statement_atomic(void **state) {
    (void)state;
    Captured c;
    capture_begin(&c);
    mgc_printlock();
    mgc_printint(1);
    off_t mid = lseek(2, 0, SEEK_CUR);
    mgc_printsp();
    mgc_printint(2);
    mgc_printnl();
    mgc_printunlock();
    assert_int_equal(mid, 0);
    assert_string_equal(capture_end(&c), "1 2\n");
}

/* ---- Run-time errors ----------------------------------------------------- */

static void child_panic_slice(intptr_t arg) {
    static const struct { int kind; int64_t x, y; } cases[] = {
        {MGC_BOUNDS_INDEX, 5, 3},
        {MGC_BOUNDS_INDEX, -1, 3},
        {MGC_BOUNDS_INDEX | MGC_BOUNDS_UNSIGNED, INT64_MIN, 3},
        {MGC_BOUNDS_SLICE_ALEN, 7, 3},
        {MGC_BOUNDS_SLICE_ACAP, 7, 5},
        {MGC_BOUNDS_SLICE_ACAP | MGC_BOUNDS_UNSIGNED, INT64_MIN, 5},
        {MGC_BOUNDS_SLICE_B, 7, 2},
        {MGC_BOUNDS_SLICE_B, -1, 2},
        {MGC_BOUNDS_SLICE3_ACAP, -3, 5},
        {MGC_BOUNDS_SLICE3_B, 7, 4},
        {MGC_BOUNDS_SLICE3_C, 7, 2},
    };
    mgc_panic_slice(cases[arg].kind, cases[arg].x, cases[arg].y);
}

/* The first lines of Go 1.19's reports for the same operands. */
static void test_bounds_messages(void **state) {
    (void)state;
    static const char *const want[] = {
        "index out of range [5] with length 3",
        "index out of range [-1]",
        "index out of range [9223372036854775808] with length 3",
        "slice bounds out of range [:7] with length 3",
        "slice bounds out of range [:7] with capacity 5",
        "slice bounds out of range [:9223372036854775808] with capacity 5",
        "slice bounds out of range [7:2]",
        "slice bounds out of range [-1:]",
        "slice bounds out of range [::-3]",
        "slice bounds out of range [:7:4]",
        "slice bounds out of range [7:2:]",
    };
    for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
        char out[4096], line[256];
        assert_int_equal(run_child(child_panic_slice, (intptr_t)i, out, sizeof out), 2);
        snprintf(line, sizeof line, "panic: runtime error: %s\n\ngoroutine 1 [running]:\n",
                 want[i]);
        assert_string_equal(out, line);
    }
}

static void child_runtime_error(intptr_t arg) {
    MgcType t = {.size = 8, .kind = MGC_KIND_INT64, .flags = MGC_TYPE_NOSCAN};
    switch (arg) {
    case 0: mgc_panic_divide();
    case 1: mgc_panic_shift();
    case 2: mgc_makeslice(&t, -1, 2); break;
    case 3: mgc_makeslice(&t, 3, 2); break;
    case 4: mgc_panic_nil();
    default: mgc_throw("test");
    }
}

static void test_runtime_error_messages(void **state) {
    (void)state;
    static const char *const want[] = {
        "panic: runtime error: integer divide by zero\n",
        "panic: runtime error: negative shift amount\n",
        "panic: runtime error: makeslice: len out of range\n",
        "panic: runtime error: makeslice: cap out of range\n",
        ("panic: runtime error: invalid memory address or nil pointer dereference\n"
         "[signal SIGSEGV: segmentation violation code=0x1 addr=0x0 pc=0x"),
        "fatal error: test\n",
    };
    for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
        char out[4096];
        assert_int_equal(run_child(child_runtime_error, (intptr_t)i, out, sizeof out), 2);
        assert_memory_equal(out, want[i], strlen(want[i]));
        assert_non_null(strstr(out, "\n\ngoroutine 1 [running]:\n"));
    }
}

/* Panic values as Go 1.19 prints them: panic(42), panic(main.I(5)),
 * panic(main.F(2.5)), panic(nil), panic(&T{}). */
static void child_panic_value(intptr_t arg) {
    static const MgcType int_t = {.size = 8, .kind = MGC_KIND_INT, .name = "int"};
    static const MgcType named_int = {.size = 8, .kind = MGC_KIND_INT,
                                      .flags = MGC_TYPE_NAMED, .name = "main.I"};
    static const MgcType named_float = {.size = 8, .kind = MGC_KIND_FLOAT64,
                                        .flags = MGC_TYPE_NAMED, .name = "main.F"};
    static const MgcType ptr_t = {.size = 8, .kind = MGC_KIND_POINTER, .name = "*main.T"};
    static const MgcType u8_t = {.size = 1, .kind = MGC_KIND_UINT8, .name = "uint8"};
    static int64_t i42 = 42, i5 = 5;
    static double f25 = 2.5;
    static uint8_t u200 = 200;
    switch (arg) {
    case 0: mgc_gopanic(&int_t, &i42);
    case 1: mgc_gopanic(&named_int, &i5);
    case 2: mgc_gopanic(&named_float, &f25);
    case 3: mgc_gopanic(NULL, NULL);
    case 4: mgc_gopanic(&u8_t, &u200);
    default: mgc_gopanic(&ptr_t, (void *)0xc000010000);
    }
}

static void test_panic_values(void **state) {
    (void)state;
    static const char *const want[] = {
        "panic: 42\n", "panic: main.I(5)\n", "panic: main.F(+2.500000e+000)\n",
        "panic: nil\n", "panic: 200\n", "panic: (*main.T) 0xc000010000\n",
    };
    for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
        char out[4096];
        assert_int_equal(run_child(child_panic_value, (intptr_t)i, out, sizeof out), 2);
        assert_memory_equal(out, want[i], strlen(want[i]));
    }
}

/* recover() outside a deferred call during a panic returns nil. */
static void test_recover_outside_panic(void **state) {
    (void)state;
    MgcIface r = mgc_gorecover(__builtin_frame_address(0));
    assert_null(r.tab);
    assert_null(r.data);
}

/* mgc_defer_return runs a frame's deferred closures newest first. */
static int64_t order_log[4];
static int order_len;

static void deferred_a(void) { order_log[order_len++] = 1; }
static void deferred_b(void) { order_log[order_len++] = 2; }

static void test_defer_order(void **state) {
    (void)state;
    void *ca[1] = {(void *)deferred_a};
    void *cb[1] = {(void *)deferred_b};
    MgcDeferFrame f;
    memset(&f, 0, sizeof f);
    MgcDefer da = {NULL, ca}, db = {NULL, cb};
    mgc_defer_push_frame(&f);
    assert_ptr_equal(mgc_rt()->defer_frames, &f);
    mgc_defer_push(&f, &da);
    mgc_defer_push(&f, &db);
    order_len = 0;
    mgc_defer_return(&f);
    assert_int_equal(order_len, 2);
    assert_int_equal(order_log[0], 2);
    assert_int_equal(order_log[1], 1);
    assert_null(mgc_rt()->defer_frames);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_kinds_match_types),
        cmocka_unit_test(test_layouts),
        cmocka_unit_test(test_alloc_zeroed_and_classed),
        cmocka_unit_test(test_alloc_noscan_spans_apart),
        cmocka_unit_test(test_find_interior_and_marks),
        cmocka_unit_test(test_alloc_stats),
        cmocka_unit_test(test_alloc_many),
        cmocka_unit_test(test_memstats_at_exit),
        cmocka_unit_test(test_growslice_caps),
        cmocka_unit_test(test_growslice_many_and_copy),
        cmocka_unit_test(test_decoderune),
        cmocka_unit_test(test_string_ops),
        cmocka_unit_test(test_string_conversions),
        cmocka_unit_test(test_printfloat),
        cmocka_unit_test(test_print_values),
        cmocka_unit_test(test_print_statement_atomic),
        cmocka_unit_test(test_bounds_messages),
        cmocka_unit_test(test_runtime_error_messages),
        cmocka_unit_test(test_panic_values),
        cmocka_unit_test(test_recover_outside_panic),
        cmocka_unit_test(test_defer_order),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
