/* mem.h — regions (arenas), object pools, interned names and the per-phase
 * memory tracker.  Every allocation the compiler makes goes through here.
 *
 * Invariant enforced by design and by the debug audit: memory of a shorter
 * lifetime may point into memory of a longer one, never the reverse.
 *
 *   perm    interned names, types, symbols, escape tags   dies at exit
 *   ast     token text, AST, scopes                       dies after SSA is built
 *   func    per-function tables                           reset after each function
 *   scratch a pass's temporary sets and worklists         reset after each pass
 */
#ifndef MGC_MEM_H
#define MGC_MEM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "mem/poison.h"

/* ---- Regions ---------------------------------------------------------- */

typedef struct ArenaChunk ArenaChunk;

/* Counters of one region.  requested: bytes asked for by callers (sum over
 * the region's life); reserved: bytes of the chunks in use (the spare not counted; headers
 * included); live: bytes currently handed out (requested minus released;
 * alignment padding not counted); peak: the maximum of live; allocs:
 * allocation calls; chunks: chunks currently held. */
typedef struct ArenaStats {
    uint64_t requested;
    uint64_t reserved;
    uint64_t live;
    uint64_t peak;
    uint64_t allocs;
    uint64_t chunks;
} ArenaStats;

/* Live bytes summed over a group of arenas (Mem's four regions) and the
 * highest that sum has reached since the tracker last reset it. */
typedef struct ArenaTotal {
    uint64_t live;
    uint64_t peak;
} ArenaTotal;

typedef struct Arena {
    const char *name;
    ArenaChunk *head;       /* current chunk; older chunks follow ->prev */
    ArenaChunk *spare;      /* a released default-sized chunk kept for reuse, or NULL */
    size_t chunk_size;      /* default size of a new chunk */
    bool poison;            /* fill released memory with 0xDB (and ASan-poison it) */
    ArenaStats stats;
    ArenaTotal *total;      /* running total shared with sibling regions, or NULL */
} Arena;

/* A position in an arena, for arena_release. */
typedef struct ArenaMark {
    ArenaChunk *chunk;
    size_t used;
    uint64_t live;
    ArenaChunk *behind;     /* chunk->prev when the mark was taken */
} ArenaMark;

void arena_init(Arena *a, const char *name, size_t chunk_size);
static inline void *arena_alloc(Arena *a, size_t size, size_t align);   /* uninitialized */
static inline void *arena_zalloc(Arena *a, size_t size, size_t align);  /* zeroed */
char *arena_strndup(Arena *a, const char *s, size_t n);   /* NUL-terminated copy */
ArenaMark arena_mark(Arena *a);
void arena_release(Arena *a, ArenaMark m);  /* frees everything allocated after m */
void arena_reset(Arena *a);                 /* frees everything; keeps one chunk */
void arena_free(Arena *a);                  /* returns all chunks to the system */
bool arena_contains(const Arena *a, const void *p);

/* The allocation fast path, inline because the compiler makes hundreds of
 * thousands of small allocations a second (and a constant-size zeroing
 * then compiles to a few stores).  A chunk is a header, then its data. */
struct ArenaChunk {
    ArenaChunk *prev;
    size_t cap;     /* bytes of data */
    size_t used;    /* bytes of data handed out or skipped as padding */
};

/* Size of the chunk header rounded up so data starts max-aligned. */
#define ARENA_CHUNK_HDR \
    ((sizeof(ArenaChunk) + _Alignof(max_align_t) - 1) & ~(_Alignof(max_align_t) - 1))

/* Everything but the fast path: a new chunk, a large request, zero bytes,
 * and every request under AddressSanitizer (which must unpoison). */
void *arena_alloc_slow(Arena *a, size_t size, size_t align);

/* Returns size bytes aligned to align (a power of two); contents undefined.
 * A zero-size request still gets a distinct, valid pointer. */
static inline void *arena_alloc(Arena *a, size_t size, size_t align) {
#ifndef MEM_ASAN
    ArenaChunk *c = a->head;
    if (c && size && align) {
        uintptr_t p = (uintptr_t)c + ARENA_CHUNK_HDR + c->used;
        uintptr_t q = (p + (align - 1)) & ~(uintptr_t)(align - 1);
        size_t need = (size_t)(q - p) + size;
        if (need <= c->cap - c->used) {
            c->used += need;
            ArenaStats *st = &a->stats;
            st->requested += size;
            st->allocs++;
            if ((st->live += size) > st->peak)
                st->peak = st->live;
            if (a->total && (a->total->live += size) > a->total->peak)
                a->total->peak = a->total->live;
            return (void *)q;
        }
    }
#endif
    return arena_alloc_slow(a, size, align);
}

/* Returns size zeroed bytes aligned to align. */
static inline void *arena_zalloc(Arena *a, size_t size, size_t align) {
    void *p = arena_alloc(a, size, align);
    memset(p, 0, size);
    return p;
}

/* Where a's next small allocation goes if its head chunk has room (NULL:
 * no chunk yet).  Two readings bracket the block a phase filled, for a
 * later phase to prefetch (mem_prefetch); the block is contiguous only
 * if the second reading is after the first and close to it. */
static inline const void *arena_top(const Arena *a) {
    return a->head ? (const char *)a->head + ARENA_CHUNK_HDR + a->head->used : NULL;
}

/* Asks the cache for the n bytes at p ahead of a walk over them.  A
 * region hands out memory in allocation order, so what a phase built in
 * one go (the parser: a function's nodes, from its FuncDecl on) lies in
 * one block; a walk that follows pointers through it waits for one cold
 * node after another, while these loads overlap.  Costs one instruction
 * per cache line and never faults. */
static inline void mem_prefetch(const void *p, size_t n) {
    const char *b = (const char *)p, *end = b + n;
    for (; end - b >= 256; b += 256) {
        __builtin_prefetch(b);
        __builtin_prefetch(b + 64);
        __builtin_prefetch(b + 128);
        __builtin_prefetch(b + 192);
    }
    for (; b < end; b += 64)
        __builtin_prefetch(b);
}

#define ARENA_NEW(a, T) ((T *)arena_zalloc((a), sizeof(T), _Alignof(T)))
#define ARENA_NEW_ARRAY(a, T, n) ((T *)arena_zalloc((a), sizeof(T) * (size_t)(n), _Alignof(T)))

/* A growable array whose storage lives in an arena.  Growth copies into a
 * larger block of the same arena (the old block is abandoned to the region). */
typedef struct Vec {
    void **items;
    int len, cap;
} Vec;
void vec_push(Arena *a, Vec *v, void *item);

/* ---- Pools ------------------------------------------------------------ */

/* A free list of fixed-size objects that lives across functions.  Objects
 * are cleared (zeroed) when put back, so a recycled object holds no stale
 * pointers. */
typedef struct PoolStats {
    uint64_t live;        /* objects handed out and not yet put back */
    uint64_t high_water;  /* maximum of live */
    uint64_t hits;        /* gets served from the free list */
    uint64_t misses;      /* gets that had to carve a new object */
    uint64_t bytes;       /* bytes reserved for objects */
} PoolStats;

typedef struct Pool {
    const char *name;
    size_t obj_size;
    void *free_list;
    Arena backing;        /* where new objects are carved */
    bool clear_on_put;    /* false only in -d retain=pool mode */
    PoolStats stats;
} Pool;

void pool_init(Pool *p, const char *name, size_t obj_size);
void *pool_get(Pool *p);           /* zeroed object */
void pool_put(Pool *p, void *obj);
void pool_free(Pool *p);

/* ---- Interned names --------------------------------------------------- */

/* Interned strings live in the perm region: equal names are the same pointer,
 * so names compare with ==. */
typedef struct Interner {
    Arena *arena;
    const char **slots;   /* open addressing: cap names (or NULL), then cap
                             hashes, in one mem_xmalloc block */
    uint32_t cap, count;
} Interner;

void interner_init(Interner *in, Arena *perm);
const char *intern(Interner *in, const char *s, size_t n);
void interner_free(Interner *in);

/* ---- The compiler's memory and the phase tracker ---------------------- */

enum { MEM_PERM, MEM_AST, MEM_FUNC, MEM_SCRATCH, MEM_NREGIONS };
enum { MEM_POOL_VALUE, MEM_POOL_BLOCK, MEM_NPOOLS };

typedef struct RegionSnap { ArenaStats r[MEM_NREGIONS]; PoolStats p[MEM_NPOOLS]; } RegionSnap;

/* One row of the memory report.  A phase that runs many times (once per
 * function) accumulates: alloc_bytes summed, peak_bytes the maximum, live
 * and region figures as at its last end. */
typedef struct PhaseRecord {
    const char *name;
    double wall_ms;
    uint64_t alloc_bytes;   /* bytes requested from all regions during the phase */
    uint64_t live_bytes;    /* live bytes of all regions at the phase's end */
    uint64_t peak_bytes;    /* peak of total live bytes during the phase */
    int runs;
    RegionSnap end;
} PhaseRecord;

#define MEM_MAX_PHASES 32
#define MEM_MAX_PHASE_DEPTH 8

/* A running phase; phases nest (ssa › ssa/deadcode). */
typedef struct PhaseFrame {
    int phase;               /* index in Mem.phases, or -1 if the table was full */
    double t_begin;
    uint64_t req_begin;
    uint64_t outer_peak;     /* running peak of the enclosing phase, saved */
} PhaseFrame;

typedef struct Mem {
    Arena regions[MEM_NREGIONS];
    Pool pools[MEM_NPOOLS];
    Interner names;
    /* phase tracker */
    PhaseRecord phases[MEM_MAX_PHASES];
    int nphases;
    int current;             /* index of the running phase, or -1 */
    double t_begin;
    uint64_t req_begin;
    uint64_t total_alloc, total_peak;
    ArenaTotal live_total;   /* shared by the four regions */
    double wall_ms_total;    /* wall time of outermost phases */
    PhaseFrame frames[MEM_MAX_PHASE_DEPTH];
    int depth;
} Mem;

/* Mem must not move after mem_init: its regions point into it. */
void mem_init(Mem *m, bool poison);
/* Re-creates pool `which` (MEM_POOL_*) for objects of obj_size bytes;
 * keeps its clear_on_put setting. */
void mem_pool_setup(Mem *m, int which, size_t obj_size);
void mem_free(Mem *m);
static inline Arena *mem_perm(Mem *m) { return &m->regions[MEM_PERM]; }
static inline Arena *mem_ast(Mem *m) { return &m->regions[MEM_AST]; }
static inline Arena *mem_func(Mem *m) { return &m->regions[MEM_FUNC]; }
static inline Arena *mem_scratch(Mem *m) { return &m->regions[MEM_SCRATCH]; }

void phase_begin(Mem *m, const char *name);  /* name must outlive m (a literal) */
void phase_end(Mem *m);
/* The report: level 1 per phase, level 2 also per region and pool. */
void memstats_print(const Mem *m, FILE *out, int level);
/* JSON as documented in docs/memstats.md; returns 0 or -1 with errno set. */
int memstats_write_json(const Mem *m, const char *path);
uint64_t mem_peak_rss_bytes(void);

/* Allocation outside any region, for the few long-lived tables that grow
 * (the interner's slots, a source file's bytes).  Aborts on exhaustion. */
void *mem_xmalloc(size_t n);
void *mem_xrealloc(void *p, size_t n);
void mem_xfree(void *p);

#endif
