/* test_mem.c — regions, pools, interned names, the phase tracker and the
 * memory report. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "mem/mem.h"

#if defined(__SANITIZE_ADDRESS__)
#define UNDER_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define UNDER_ASAN 1
#endif
#endif
#ifdef UNDER_ASAN
#include <sanitizer/asan_interface.h>
#endif

/* Every alignment from 1 to 64 is honoured, and blocks never overlap. */
static void test_alignment(void **state) {
    (void)state;
    Arena a;
    arena_init(&a, "t", 1024);
    unsigned char *blocks[350];
    size_t sizes[350];
    int n = 0;
    for (int round = 0; round < 50; round++) {
        for (size_t align = 1; align <= 64; align *= 2) {
            size_t size = (size_t)round % 7 + 1;
            unsigned char *p = arena_alloc(&a, size, align);
            assert_non_null(p);
            assert_int_equal((uintptr_t)p % align, 0);
            memset(p, n & 0xFF, size);
            blocks[n] = p;
            sizes[n++] = size;
        }
    }
    for (int i = 0; i < n; i++)
        for (size_t k = 0; k < sizes[i]; k++)
            assert_int_equal(blocks[i][k], i & 0xFF);
    /* Larger alignments work too, in a chunk of their own if need be. */
    void *big = arena_alloc(&a, 10, 4096);
    assert_int_equal((uintptr_t)big % 4096, 0);
    void *mid = arena_alloc(&a, 10, 128);
    assert_int_equal((uintptr_t)mid % 128, 0);
    arena_free(&a);
}

/* Allocations spill into new chunks and keep their contents. */
static void test_growth_across_chunks(void **state) {
    (void)state;
    Arena a;
    arena_init(&a, "t", 1024);
    int *blocks[200];
    for (int i = 0; i < 200; i++) {
        blocks[i] = arena_alloc(&a, 25 * sizeof(int), _Alignof(int));
        for (int j = 0; j < 25; j++)
            blocks[i][j] = i * 100 + j;
    }
    assert_true(a.stats.chunks > 10);
    assert_int_equal(a.stats.reserved, a.stats.chunks * 1024);
    for (int i = 0; i < 200; i++) {
        assert_true(arena_contains(&a, blocks[i]));
        for (int j = 0; j < 25; j++)
            assert_int_equal(blocks[i][j], i * 100 + j);
    }
    assert_int_equal(a.stats.live, 200 * 25 * sizeof(int));
    arena_free(&a);
}

/* A request larger than a chunk gets its own chunk, and the current chunk
 * keeps serving small requests. */
static void test_oversized(void **state) {
    (void)state;
    Arena a;
    arena_init(&a, "t", 1024);
    char *small = arena_alloc(&a, 16, 1);
    assert_int_equal(a.stats.chunks, 1);
    char *huge = arena_alloc(&a, 100000, 16);
    memset(huge, 7, 100000);
    assert_int_equal(a.stats.chunks, 2);
    assert_true(a.stats.reserved >= 100000 + 1024);
    char *next = arena_alloc(&a, 16, 1);
    assert_int_equal(a.stats.chunks, 2);
    assert_ptr_equal(next, small + 16);
    assert_true(arena_contains(&a, huge + 99999));
    assert_int_equal(huge[99999], 7);
    arena_free(&a);
}

/* Zero-size requests get valid, distinct pointers and count no live bytes. */
static void test_zero_size(void **state) {
    (void)state;
    Arena a;
    arena_init(&a, "t", 0);
    void *p = arena_alloc(&a, 0, 1);
    void *q = arena_alloc(&a, 0, 8);
    assert_non_null(p);
    assert_non_null(q);
    assert_ptr_not_equal(p, q);
    assert_int_equal(a.stats.live, 0);
    assert_int_equal(a.stats.allocs, 2);
    assert_true(arena_contains(&a, p));
    arena_free(&a);
}

/* zalloc zeroes; strndup copies and terminates. */
static void test_zalloc_strndup(void **state) {
    (void)state;
    Arena a;
    arena_init(&a, "t", 0);
    arena_alloc(&a, 1, 1);
    ArenaMark m = arena_mark(&a);
    unsigned char *p = arena_alloc(&a, 64, 1);
    memset(p, 0xAB, 64);
    arena_release(&a, m);
    unsigned char *z = arena_zalloc(&a, 64, 1);
    assert_ptr_equal(z, p);
    for (int i = 0; i < 64; i++)
        assert_int_equal(z[i], 0);
    char *s = arena_strndup(&a, "hello world", 5);
    assert_string_equal(s, "hello");
    int *ints = ARENA_NEW_ARRAY(&a, int, 10);
    for (int i = 0; i < 10; i++)
        assert_int_equal(ints[i], 0);
    arena_free(&a);
}

/* Releasing to a mark frees the chunks made after it, restores the stats and
 * hands the same memory out again. */
static void test_mark_release(void **state) {
    (void)state;
    Arena a;
    arena_init(&a, "t", 1024);
    arena_alloc(&a, 100, 8);
    ArenaMark m = arena_mark(&a);
    ArenaStats before = a.stats;

    char *first = arena_alloc(&a, 40, 8);
    for (int i = 0; i < 100; i++)
        arena_alloc(&a, 50, 8);
    arena_alloc(&a, 5000, 8);  /* a dedicated chunk */
    assert_true(a.stats.chunks > before.chunks + 3);

    arena_release(&a, m);
    assert_int_equal(a.stats.live, before.live);
    assert_int_equal(a.stats.chunks, before.chunks);
    assert_int_equal(a.stats.reserved, before.reserved);
    assert_int_equal(a.stats.requested, before.requested + 40 + 100 * 50 + 5000);
    assert_int_equal(a.stats.peak, before.live + 40 + 100 * 50 + 5000);
    char *again = arena_alloc(&a, 40, 8);
    assert_ptr_equal(again, first);
    arena_free(&a);
}

/* A region that grows by a chunk and releases it, over and over (the
 * scratch region, once per function), reuses its spare chunk: the same
 * memory comes back and the spare is not counted as reserved. */
static void test_spare_chunk_reused(void **state) {
    (void)state;
    Arena a;
    arena_init(&a, "t", 1024);
    arena_alloc(&a, 900, 8);
    ArenaMark m = arena_mark(&a);
    ArenaStats before = a.stats;
    char *grown = arena_alloc(&a, 200, 8); /* does not fit: a second chunk */
    assert_int_equal(a.stats.chunks, before.chunks + 1);
    arena_release(&a, m);
    assert_int_equal(a.stats.chunks, before.chunks);
    assert_int_equal(a.stats.reserved, before.reserved);
    for (int i = 0; i < 5; i++) {
        char *again = arena_alloc(&a, 200, 8);
        assert_ptr_equal(again, grown);
        assert_int_equal(a.stats.reserved, before.reserved + 1024);
        arena_release(&a, m);
    }
    /* a large chunk is never kept */
    arena_alloc(&a, 5000, 8);
    arena_release(&a, m);
    assert_int_equal(a.stats.reserved, before.reserved);
    arena_free(&a);
    assert_int_equal(a.stats.reserved, 0);
    assert_null(a.spare);
}

/* Marks nest; a big chunk made while an older chunk was current is freed by
 * the release that covers it and no other. */
static void test_nested_marks(void **state) {
    (void)state;
    Arena a;
    arena_init(&a, "t", 1024);
    arena_alloc(&a, 10, 1);
    ArenaMark outer = arena_mark(&a);
    arena_alloc(&a, 3000, 8);  /* dedicated chunk behind the head */
    ArenaStats mid = a.stats;
    ArenaMark inner = arena_mark(&a);
    arena_alloc(&a, 4000, 8);
    arena_alloc(&a, 20, 8);
    arena_release(&a, inner);
    assert_int_equal(a.stats.chunks, mid.chunks);
    assert_int_equal(a.stats.reserved, mid.reserved);
    assert_int_equal(a.stats.live, mid.live);
    arena_release(&a, outer);
    assert_int_equal(a.stats.chunks, 1);
    assert_int_equal(a.stats.live, 10);
    arena_free(&a);
}

/* Released memory reads back as 0xDB in poison mode. */
static void test_release_poisons(void **state) {
    (void)state;
#ifdef UNDER_ASAN
    /* Under ASan the released bytes are poisoned instead, until reused. */
    Arena a;
    arena_init(&a, "t", 4096);
    arena_alloc(&a, 8, 8);
    ArenaMark m = arena_mark(&a);
    unsigned char *p = arena_alloc(&a, 32, 8);
    assert_false(__asan_address_is_poisoned(p + 31));
    arena_release(&a, m);
    assert_true(__asan_address_is_poisoned(p));
    assert_true(__asan_address_is_poisoned(p + 24));
    unsigned char *q = arena_alloc(&a, 32, 8);
    assert_ptr_equal(q, p);
    assert_false(__asan_address_is_poisoned(q + 31));

    Pool pl;
    pool_init(&pl, "value", 32);
    void *obj = pool_get(&pl);
    pool_put(&pl, obj);
    assert_true(__asan_address_is_poisoned(obj));
    assert_ptr_equal(pool_get(&pl), obj);
    assert_false(__asan_address_is_poisoned((char *)obj + 31));
    pool_free(&pl);
    arena_free(&a);
#else
    Arena a;
    arena_init(&a, "t", 4096);
    a.poison = true;
    arena_alloc(&a, 8, 8);
    ArenaMark m = arena_mark(&a);
    unsigned char *p = arena_alloc(&a, 32, 8);
    memset(p, 0x11, 32);
    arena_release(&a, m);
    for (int i = 0; i < 32; i++)
        assert_int_equal(p[i], 0xDB);

    unsigned char *q = arena_alloc(&a, 16, 8);
    memset(q, 0x22, 16);
    arena_reset(&a);
    for (int i = 0; i < 16; i++)
        assert_int_equal(q[i], 0xDB);

    /* Without poisoning, released bytes are left alone. */
    Arena b;
    arena_init(&b, "t", 4096);
    unsigned char *r = arena_alloc(&b, 8, 8);
    memset(r, 0x33, 8);
    ArenaMark mb = arena_mark(&b);
    arena_alloc(&b, 8, 8);
    arena_release(&b, mb);
    assert_int_equal(r[0], 0x33);
    arena_free(&a);
    arena_free(&b);
#endif
}

/* Reset empties the region but keeps one chunk, which is reused. */
static void test_reset(void **state) {
    (void)state;
    Arena a;
    arena_init(&a, "t", 1024);
    for (int i = 0; i < 100; i++)
        arena_alloc(&a, 60, 4);
    arena_alloc(&a, 9000, 4);
    uint64_t requested = a.stats.requested;
    arena_reset(&a);
    assert_int_equal(a.stats.live, 0);
    assert_int_equal(a.stats.chunks, 1);
    assert_int_equal(a.stats.reserved, 1024);
    assert_int_equal(a.stats.requested, requested);
    arena_alloc(&a, 60, 4);
    assert_int_equal(a.stats.chunks, 1);
    assert_int_equal(a.stats.live, 60);
    arena_free(&a);
}

/* Free returns every chunk; the region can be used again. */
static void test_arena_free(void **state) {
    (void)state;
    Arena a;
    arena_init(&a, "t", 1024);
    void *p = arena_alloc(&a, 500, 8);
    arena_alloc(&a, 5000, 8);
    arena_free(&a);
    assert_int_equal(a.stats.chunks, 0);
    assert_int_equal(a.stats.reserved, 0);
    assert_int_equal(a.stats.live, 0);
    assert_null(a.head);
    assert_false(arena_contains(&a, p));
    assert_non_null(arena_alloc(&a, 8, 8));
    assert_int_equal(a.stats.chunks, 1);
    arena_free(&a);
}

/* requested sums the sizes; live <= reserved; peak >= live; allocs counts. */
static void test_accounting(void **state) {
    (void)state;
    Arena a;
    arena_init(&a, "t", 2048);
    uint64_t sum = 0, sum_at_mark = 0;
    unsigned seed = 12345;
    for (int i = 0; i < 5000; i++) {
        seed = seed * 1103515245u + 12345u;
        size_t size = (seed >> 16) % 700;
        size_t align = (size_t)1 << ((seed >> 8) % 7);
        arena_alloc(&a, size, align);
        sum += size;
        assert_true(a.stats.live <= a.stats.reserved);
        assert_true(a.stats.peak >= a.stats.live);
        if (i == 2500) {
            sum_at_mark = sum;
            ArenaMark m = arena_mark(&a);
            arena_alloc(&a, 3000, 8);
            sum += 3000;
            arena_release(&a, m);
            sum -= 3000;
        }
    }
    assert_int_equal(a.stats.live, sum);
    assert_int_equal(a.stats.requested, sum + 3000);
    assert_int_equal(a.stats.allocs, 5001);
    assert_true(a.stats.peak >= sum);
    assert_true(a.stats.peak >= sum_at_mark + 3000);
    assert_true(a.stats.peak <= sum + 3000);
    arena_free(&a);
}

/* The shared total follows the live bytes of every region linked to it. */
static void test_arena_total(void **state) {
    (void)state;
    ArenaTotal t = {0, 0};
    Arena a, b;
    arena_init(&a, "a", 0);
    arena_init(&b, "b", 0);
    a.total = b.total = &t;
    arena_alloc(&a, 100, 1);
    ArenaMark m = arena_mark(&b);
    arena_alloc(&b, 300, 1);
    assert_int_equal(t.live, 400);
    arena_release(&b, m);
    assert_int_equal(t.live, 100);
    assert_int_equal(t.peak, 400);
    arena_reset(&a);
    assert_int_equal(t.live, 0);
    arena_free(&a);
    arena_free(&b);
}

/* A Vec grows past many doublings and keeps its items in order. */
static void test_vec(void **state) {
    (void)state;
    Arena a;
    arena_init(&a, "t", 1024);
    Vec v = {0};
    static int items[5000];
    for (int i = 0; i < 5000; i++)
        vec_push(&a, &v, &items[i]);
    assert_int_equal(v.len, 5000);
    assert_true(v.cap >= v.len);
    for (int i = 0; i < 5000; i++)
        assert_ptr_equal(v.items[i], &items[i]);
    assert_true(arena_contains(&a, v.items));
    arena_free(&a);
}

/* A put object comes back zeroed from the free list; stats count it. */
static void test_pool_reuse(void **state) {
    (void)state;
    Pool p;
    pool_init(&p, "value", 40);
    unsigned char *x = pool_get(&p);
    unsigned char *y = pool_get(&p);
    assert_ptr_not_equal(x, y);
    assert_int_equal((uintptr_t)x % 16, 0);
    for (size_t i = 0; i < 40; i++)
        assert_int_equal(x[i], 0);
    memset(x, 0xEE, 40);
    assert_int_equal(p.stats.misses, 2);
    assert_int_equal(p.stats.live, 2);
    assert_int_equal(p.stats.high_water, 2);
    assert_int_equal(p.stats.bytes, 2 * p.obj_size);
    assert_true(p.obj_size >= 40);

    pool_put(&p, x);
    assert_int_equal(p.stats.live, 1);
    unsigned char *z = pool_get(&p);
    assert_ptr_equal(z, x);
    for (size_t i = 0; i < 40; i++)
        assert_int_equal(z[i], 0);
    assert_int_equal(p.stats.hits, 1);
    assert_int_equal(p.stats.misses, 2);
    assert_int_equal(p.stats.high_water, 2);

    /* Many objects, all returned, are all reused before a new one is carved. */
    void *objs[100];
    for (int i = 0; i < 100; i++)
        objs[i] = pool_get(&p);
    assert_int_equal(p.stats.high_water, 102);
    for (int i = 0; i < 100; i++)
        pool_put(&p, objs[i]);
    uint64_t misses = p.stats.misses;
    for (int i = 0; i < 100; i++)
        objs[i] = pool_get(&p);
    assert_int_equal(p.stats.misses, misses);
    assert_int_equal(p.stats.hits, 101);
    pool_free(&p);
    assert_int_equal(p.stats.bytes, 0);
}

/* In retain mode a put object keeps its contents and is not reused. */
static void test_pool_retain(void **state) {
    (void)state;
    Pool p;
    pool_init(&p, "value", 32);
    p.clear_on_put = false;
    unsigned char *x = pool_get(&p);
    memset(x, 0x5A, 32);
    pool_put(&p, x);
    unsigned char *y = pool_get(&p);
    assert_ptr_not_equal(x, y);
    assert_int_equal(x[31], 0x5A);
    assert_int_equal(p.stats.hits, 0);
    assert_int_equal(p.stats.misses, 2);
    pool_free(&p);
}

/* Equal strings intern to one pointer; different ones do not. */
static void test_intern_basic(void **state) {
    (void)state;
    Arena perm;
    arena_init(&perm, "perm", 0);
    Interner in;
    interner_init(&in, &perm);
    char buf[] = "foobar";
    const char *a = intern(&in, buf, 3);
    const char *b = intern(&in, "foo", 3);
    const char *c = intern(&in, "bar", 3);
    const char *d = intern(&in, "fo", 2);
    const char *e = intern(&in, "", 0);
    assert_ptr_equal(a, b);
    assert_ptr_not_equal(a, c);
    assert_ptr_not_equal(a, d);
    assert_string_equal(a, "foo");
    assert_string_equal(d, "fo");
    assert_string_equal(e, "");
    assert_ptr_equal(e, intern(&in, "x", 0));
    assert_true(arena_contains(&perm, a));
    assert_int_equal(in.count, 4);
    uint64_t requested = perm.stats.requested;
    intern(&in, "bar", 3);
    assert_int_equal(perm.stats.requested, requested);
    interner_free(&in);
    arena_free(&perm);
}

/* The table grows past many thousands of names without losing any, and its
 * growth leaves nothing in perm. */
static void test_intern_growth(void **state) {
    (void)state;
    enum { N = 50000 };
    Arena perm;
    arena_init(&perm, "perm", 0);
    Interner in;
    interner_init(&in, &perm);
    const char **names = mem_xmalloc(sizeof *names * N);
    char buf[32];
    for (int i = 0; i < N; i++) {
        int n = snprintf(buf, sizeof buf, "name_%d", i);
        names[i] = intern(&in, buf, (size_t)n);
    }
    assert_int_equal(in.count, N);
    assert_true(in.cap > in.count);
    uint64_t live = perm.stats.live;
    for (int i = 0; i < N; i++) {
        int n = snprintf(buf, sizeof buf, "name_%d", i);
        assert_ptr_equal(intern(&in, buf, (size_t)n), names[i]);
        assert_string_equal(names[i], buf);
    }
    assert_int_equal(perm.stats.live, live);
    assert_int_equal(in.count, N);
    /* Each name costs its bytes, its NUL and a 4-byte length, nothing more. */
    uint64_t expect = 0;
    for (int i = 0; i < N; i++)
        expect += strlen(names[i]) + 1 + 4;
    assert_int_equal(live, expect);
    mem_xfree(names);
    interner_free(&in);
    arena_free(&perm);
}

/* mem_init sets up the named regions, pools and interner. */
static void test_mem_init(void **state) {
    (void)state;
    static Mem m;
    mem_init(&m, true);
    assert_string_equal(mem_perm(&m)->name, "perm");
    assert_string_equal(mem_ast(&m)->name, "ast");
    assert_string_equal(mem_func(&m)->name, "func");
    assert_string_equal(mem_scratch(&m)->name, "scratch");
    assert_string_equal(m.pools[MEM_POOL_VALUE].name, "value");
    assert_string_equal(m.pools[MEM_POOL_BLOCK].name, "block");
    assert_int_equal(m.pools[MEM_POOL_VALUE].obj_size, 64);
    assert_true(mem_scratch(&m)->poison);
    assert_int_equal(m.current, -1);
    const char *n = intern(&m.names, "main", 4);
    assert_true(arena_contains(mem_perm(&m), n));

    m.pools[MEM_POOL_VALUE].clear_on_put = false;
    pool_get(&m.pools[MEM_POOL_VALUE]);
    mem_pool_setup(&m, MEM_POOL_VALUE, 120);
    assert_int_equal(m.pools[MEM_POOL_VALUE].obj_size, 128);
    assert_false(m.pools[MEM_POOL_VALUE].clear_on_put);
    assert_int_equal(m.pools[MEM_POOL_VALUE].stats.live, 0);
    assert_string_equal(m.pools[MEM_POOL_VALUE].name, "value");
    mem_free(&m);
}

/* Phases keep their first-run order; a repeated phase accumulates; peak is
 * the highest total live reached inside the phase. */
static void test_phases(void **state) {
    (void)state;
    static Mem m;
    mem_init(&m, false);

    phase_begin(&m, "parse");
    assert_int_equal(m.current, 0);
    arena_alloc(mem_ast(&m), 1000, 8);
    phase_end(&m);
    assert_int_equal(m.current, -1);

    phase_begin(&m, "typecheck");
    arena_alloc(mem_perm(&m), 500, 8);
    ArenaMark mk = arena_mark(mem_scratch(&m));
    arena_alloc(mem_scratch(&m), 20000, 8);
    arena_release(mem_scratch(&m), mk);
    phase_end(&m);

    char parse_name[] = "parse";  /* a different pointer, the same name */
    phase_begin(&m, parse_name);
    arena_alloc(mem_ast(&m), 300, 8);
    phase_end(&m);

    assert_int_equal(m.nphases, 2);
    const PhaseRecord *p = &m.phases[0];
    const PhaseRecord *t = &m.phases[1];
    assert_string_equal(p->name, "parse");
    assert_string_equal(t->name, "typecheck");
    assert_int_equal(p->runs, 2);
    assert_int_equal(t->runs, 1);
    assert_int_equal(p->alloc_bytes, 1300);
    assert_int_equal(t->alloc_bytes, 20500);
    assert_int_equal(p->live_bytes, 1800);
    assert_int_equal(t->live_bytes, 1500);
    assert_int_equal(t->peak_bytes, 1500 + 20000);
    assert_int_equal(p->peak_bytes, 1800);  /* max of 1000 and 1800 */
    assert_int_equal(p->end.r[MEM_AST].live, 1300);
    assert_int_equal(p->end.r[MEM_PERM].live, 500);
    assert_int_equal(t->end.r[MEM_AST].live, 1000);
    assert_int_equal(t->end.r[MEM_SCRATCH].peak, 20000);
    assert_true(p->wall_ms >= 0);
    assert_int_equal(m.total_peak, 21500);
    mem_free(&m);
}

/* A nested phase has its own peak, and the enclosing phase's peak includes it. */
static void test_nested_phases(void **state) {
    (void)state;
    static Mem m;
    mem_init(&m, false);
    arena_alloc(mem_perm(&m), 100, 8);
    phase_begin(&m, "ssa");
    ArenaMark mk = arena_mark(mem_scratch(&m));
    arena_alloc(mem_scratch(&m), 5000, 8);
    arena_release(mem_scratch(&m), mk);
    phase_begin(&m, "ssa/deadcode");
    assert_int_equal(m.current, 1);
    arena_alloc(mem_func(&m), 700, 8);
    phase_end(&m);
    assert_int_equal(m.current, 0);
    arena_alloc(mem_func(&m), 50, 8);
    phase_end(&m);
    assert_int_equal(m.phases[1].peak_bytes, 800);
    assert_int_equal(m.phases[0].peak_bytes, 5100);
    assert_int_equal(m.phases[0].alloc_bytes, 5750);
    assert_int_equal(m.phases[1].alloc_bytes, 700);
    assert_int_equal(m.phases[0].live_bytes, 850);
    phase_end(&m);  /* unbalanced: ignored */
    assert_int_equal(m.depth, 0);
    mem_free(&m);
}

/* Reads a whole file into a mem_xmalloc'd, NUL-terminated string. */
static char *read_all(FILE *f) {
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    rewind(f);
    char *s = mem_xmalloc((size_t)n + 1);
    size_t got = fread(s, 1, (size_t)n, f);
    s[got] = '\0';
    return s;
}

/* Reports whether the right-aligned column ending at `end` (exclusive) of
 * line holds a value: a non-blank last character, a blank after it. */
static bool column_ends_at(const char *line, int end) {
    size_t n = strcspn(line, "\n");
    if ((size_t)end > n)
        return false;
    return line[end - 1] != ' ' && (line[end] == ' ' || line[end] == '\n' || line[end] == '\0');
}

/* The level-1 table has a row per phase and a total; columns line up. */
static void test_print(void **state) {
    (void)state;
    static Mem m;
    mem_init(&m, false);
    phase_begin(&m, "parse");
    arena_alloc(mem_ast(&m), 3 * 1024 * 1024, 8);
    phase_end(&m);
    phase_begin(&m, "typecheck");
    arena_alloc(mem_perm(&m), 10, 8);
    phase_end(&m);

    FILE *f = tmpfile();
    memstats_print(&m, f, 1);
    char *s = read_all(f);
    fclose(f);
    char *lines[8] = {0};
    int nl = 0;
    for (char *p = s; *p && nl < 8; p = strchr(p, '\n') + 1) {
        lines[nl++] = p;
        if (!strchr(p, '\n'))
            break;
    }
    assert_int_equal(nl, 4);
    assert_true(strncmp(lines[0], "phase", 5) == 0);
    assert_true(strncmp(lines[1], "parse", 5) == 0);
    assert_true(strncmp(lines[2], "typecheck", 9) == 0);
    assert_true(strncmp(lines[3], "total", 5) == 0);
    assert_non_null(strstr(lines[1], "3.0 MiB"));
    assert_non_null(strstr(lines[2], "10 B"));
    assert_non_null(strstr(lines[3], "peak RSS"));
    /* "%-20s" then four right-aligned columns of width 10. */
    for (int l = 0; l < 4; l++)
        for (int col = 1; col <= 4; col++)
            assert_true(column_ends_at(lines[l], 20 + 11 * col));
    mem_xfree(s);

    f = tmpfile();
    memstats_print(&m, f, 2);
    s = read_all(f);
    fclose(f);
    assert_non_null(strstr(s, "  region"));
    assert_non_null(strstr(s, "  perm"));
    assert_non_null(strstr(s, "  scratch"));
    assert_non_null(strstr(s, "  pool"));
    assert_non_null(strstr(s, "  value"));
    assert_non_null(strstr(s, "  block"));
    assert_non_null(strstr(s, "high water"));
    mem_xfree(s);
    mem_free(&m);
}

/* Checks that s is one balanced JSON value: brackets match outside strings. */
static bool json_balanced(const char *s) {
    char stack[64];
    int depth = 0;
    bool in_str = false;
    for (; *s; s++) {
        if (in_str) {
            if (*s == '\\')
                s++;
            else if (*s == '"')
                in_str = false;
            continue;
        }
        if (*s == '"')
            in_str = true;
        else if (*s == '{' || *s == '[')
            stack[depth++] = *s;
        else if (*s == '}' || *s == ']') {
            if (depth == 0 || stack[depth - 1] != (*s == '}' ? '{' : '['))
                return false;
            depth--;
        }
    }
    return depth == 0 && !in_str;
}

/* The JSON report has the documented keys and parses. */
static void test_json(void **state) {
    (void)state;
    static Mem m;
    mem_init(&m, false);
    phase_begin(&m, "parse");
    arena_alloc(mem_ast(&m), 1234, 8);
    phase_end(&m);
    phase_begin(&m, "we\"ird");
    pool_get(&m.pools[MEM_POOL_BLOCK]);
    phase_end(&m);

    char path[] = "/tmp/test_mem_XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    close(fd);
    assert_int_equal(memstats_write_json(&m, path), 0);
    FILE *f = fopen(path, "r");
    assert_non_null(f);
    char *s = read_all(f);
    fclose(f);

    assert_true(strncmp(s, "{\"mgc_memstats\": 1,", 19) == 0);
    const char *keys[] = {
        "\"phases\": [", "\"phase\": \"parse\"", "\"wall_ms\": ", "\"alloc_bytes\": 1234",
        "\"live_bytes\": 1234", "\"peak_bytes\": 1234", "\"regions\": {", "\"perm\": {",
        "\"ast\": {\"live_bytes\": 1234, \"reserved_bytes\": ", "\"func\": {", "\"scratch\": {",
        "\"pools\": {", "\"value\": {", "\"block\": {\"live\": 1, \"high_water\": 1, \"hits\": 0, \"misses\": 1, \"bytes\": 64}",
        "\"end\": {\"regions\": {", "\"total\": {\"alloc_bytes\": 1234, \"peak_bytes\": 1234, \"peak_rss_bytes\": ",
        "\"phase\": \"we\\\"ird\"",
    };
    for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++) {
        if (!strstr(s, keys[i]))
            fail_msg("missing %s in %s", keys[i], s);
    }
    assert_true(json_balanced(s));

    if (system("command -v python3 >/dev/null 2>&1") == 0) {
        char cmd[128];
        snprintf(cmd, sizeof cmd, "python3 -m json.tool %s >/dev/null", path);
        assert_int_equal(system(cmd), 0);
    }
    mem_xfree(s);
    unlink(path);

    errno = 0;
    assert_int_equal(memstats_write_json(&m, "/nonexistent-dir/x.json"), -1);
    assert_int_not_equal(errno, 0);
    mem_free(&m);
}

/* The peak RSS is known on this system and at least the size of a touched
 * buffer. */
static void test_peak_rss(void **state) {
    (void)state;
    size_t n = 8 * 1024 * 1024;
    volatile char *p = mem_xmalloc(n);
    for (size_t i = 0; i < n; i += 1024)
        p[i] = 1;
    assert_true(mem_peak_rss_bytes() >= n);
    mem_xfree((void *)p);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_alignment),
        cmocka_unit_test(test_growth_across_chunks),
        cmocka_unit_test(test_oversized),
        cmocka_unit_test(test_zero_size),
        cmocka_unit_test(test_zalloc_strndup),
        cmocka_unit_test(test_mark_release),
        cmocka_unit_test(test_nested_marks),
        cmocka_unit_test(test_release_poisons),
        cmocka_unit_test(test_spare_chunk_reused),
        cmocka_unit_test(test_reset),
        cmocka_unit_test(test_arena_free),
        cmocka_unit_test(test_accounting),
        cmocka_unit_test(test_arena_total),
        cmocka_unit_test(test_vec),
        cmocka_unit_test(test_pool_reuse),
        cmocka_unit_test(test_pool_retain),
        cmocka_unit_test(test_intern_basic),
        cmocka_unit_test(test_intern_growth),
        cmocka_unit_test(test_mem_init),
        cmocka_unit_test(test_phases),
        cmocka_unit_test(test_nested_phases),
        cmocka_unit_test(test_print),
        cmocka_unit_test(test_json),
        cmocka_unit_test(test_peak_rss),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
