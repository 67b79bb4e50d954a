/* arena.c — regions: chunked bump allocation freed by lifetime, not by object.
 *
 * A region is a list of chunks, newest first.  Each chunk is one malloc'd
 * block: a header, then data aligned to max_align_t.  Allocation bumps `used`
 * in the head chunk; alignment is computed on the address, so any power of
 * two works and the header never shifts it.
 *
 * A request of more than a quarter of a chunk gets a chunk of its own, linked
 * directly behind the head so the head keeps serving small requests.  Hence
 * the chunks allocated after a mark are: those in front of the mark's chunk,
 * and those between the mark's chunk and the chunk that was behind it when
 * the mark was taken.
 *
 * Accounting (see ArenaStats): `live` counts the bytes callers asked for,
 * not alignment padding, so live = requested minus released exactly;
 * `reserved` counts whole chunks currently in use, headers included; padding
 * and unused tails are the difference.  A region also keeps one released
 * default-sized chunk as a spare for its next growth (not counted in
 * `reserved`): the func and scratch regions grow and shrink by a chunk
 * for every function, and malloc and free were a few percent of the
 * compiler's time.
 *
 * Under AddressSanitizer every byte of a chunk not handed out is poisoned, so
 * a read past an allocation or after a release is reported. */
#include "mem/mem.h"

#include <assert.h>
#include <stdlib.h>
#include <string.h>

#include "mem/poison.h"

enum {
    ARENA_DEFAULT_CHUNK = 64 * 1024,
    ARENA_MIN_CHUNK = 256,
    POISON_BYTE = 0xDB,
};

#define CHUNK_HDR ARENA_CHUNK_HDR

/* Returns the first data byte of chunk c. */
static unsigned char *chunk_data(ArenaChunk *c) {
    return (unsigned char *)c + CHUNK_HDR;
}

/* Allocates n bytes from the system or aborts. */
void *mem_xmalloc(size_t n) {
    void *p = malloc(n ? n : 1);
    if (!p) {
        fputs("mgc: out of memory\n", stderr);
        abort();
    }
    return p;
}

/* Resizes a block from mem_xmalloc or aborts. */
void *mem_xrealloc(void *p, size_t n) {
    void *q = realloc(p, n ? n : 1);
    if (!q) {
        fputs("mgc: out of memory\n", stderr);
        abort();
    }
    return q;
}

/* Returns a block from mem_xmalloc to the system. */
void mem_xfree(void *p) {
    free(p);
}

/* Initializes an empty region; chunk_size 0 picks the default. */
void arena_init(Arena *a, const char *name, size_t chunk_size) {
    memset(a, 0, sizeof *a);
    a->name = name;
    if (chunk_size == 0)
        chunk_size = ARENA_DEFAULT_CHUNK;
    if (chunk_size < ARENA_MIN_CHUNK)
        chunk_size = ARENA_MIN_CHUNK;
    a->chunk_size = chunk_size;
}

/* Capacity of a default-sized chunk's data. */
static size_t default_cap(const Arena *a) {
    return a->chunk_size - CHUNK_HDR;
}

/* Gets a chunk with cap bytes of data and accounts for it: the region's
 * spare chunk when it fits, else one from the system. */
static ArenaChunk *chunk_new(Arena *a, size_t cap) {
    if (cap > SIZE_MAX - CHUNK_HDR) {
        fputs("mgc: allocation too large\n", stderr);
        abort();
    }
    ArenaChunk *c;
    if (a->spare && a->spare->cap == cap) {
        c = a->spare;
        a->spare = NULL;
    } else {
        c = mem_xmalloc(CHUNK_HDR + cap);
        c->cap = cap;
    }
    c->prev = NULL;
    c->used = 0;
    POISON(chunk_data(c), cap);
    a->stats.reserved += CHUNK_HDR + cap;
    a->stats.chunks++;
    return c;
}

/* Removes chunk c from the accounting and keeps it as the region's spare
 * when it is default-sized and there is none (a region that grows and
 * shrinks by a chunk per function then never goes back to malloc), else
 * returns it to the system. */
static void chunk_free(Arena *a, ArenaChunk *c) {
    a->stats.reserved -= CHUNK_HDR + c->cap;
    a->stats.chunks--;
    UNPOISON(chunk_data(c), c->cap);
    if (a->poison)
        memset(chunk_data(c), POISON_BYTE, c->used);
    if (!a->spare && c->cap == default_cap(a)) {
        POISON(chunk_data(c), c->cap);
        a->spare = c;
        return;
    }
    mem_xfree(c);
}

/* Marks data bytes [from, to) of chunk c as released. */
static void chunk_release_tail(Arena *a, ArenaChunk *c, size_t from, size_t to) {
    if (to <= from)
        return;
    /* Alignment padding inside the range may already be poisoned: unpoison
     * before filling, then poison the whole range. */
    UNPOISON(chunk_data(c) + from, to - from);
    if (a->poison)
        memset(chunk_data(c) + from, POISON_BYTE, to - from);
    POISON(chunk_data(c) + from, to - from);
}

/* Returns the padding needed to align address p to align. */
static size_t pad_for(const unsigned char *p, size_t align) {
    return (size_t)(-(uintptr_t)p & (uintptr_t)(align - 1));
}

/* Updates live, peak and the shared running total after handing out n bytes. */
static void account_alloc(Arena *a, size_t n) {
    ArenaStats *s = &a->stats;
    s->requested += n;
    s->live += n;
    s->allocs++;
    if (s->live > s->peak)
        s->peak = s->live;
    if (a->total) {
        a->total->live += n;
        if (a->total->live > a->total->peak)
            a->total->peak = a->total->live;
    }
}

/* Lowers live (and the shared total) to `live`, after a release. */
static void account_release(Arena *a, uint64_t live) {
    if (a->total)
        a->total->live -= a->stats.live - live;
    a->stats.live = live;
}

/* Allocates a dedicated chunk for one large request and links it directly
 * behind the head, so the head keeps its free space. */
static void *alloc_large(Arena *a, size_t size, size_t align) {
    size_t extra = align > _Alignof(max_align_t) ? align - 1 : 0;
    if (size > SIZE_MAX - CHUNK_HDR - extra) {
        fputs("mgc: allocation too large\n", stderr);
        abort();
    }
    ArenaChunk *c = chunk_new(a, size + extra);
    unsigned char *p = chunk_data(c);
    p += pad_for(p, align);
    c->used = c->cap;
    if (a->head) {
        c->prev = a->head->prev;
        a->head->prev = c;
    } else {
        a->head = c;
    }
    return p;
}

/* arena_alloc (mem.h) when its fast path does not apply. */
void *arena_alloc_slow(Arena *a, size_t size, size_t align) {
    if (align == 0)
        align = 1;
    assert((align & (align - 1)) == 0);
    size_t n = size ? size : 1;
    ArenaChunk *c = a->head;
    if (c) {
        unsigned char *p = chunk_data(c) + c->used;
        size_t pad = pad_for(p, align);
        if (pad <= c->cap - c->used && n <= c->cap - c->used - pad) {
            c->used += pad + n;
            UNPOISON(p + pad, n);
            account_alloc(a, size);
            return p + pad;
        }
    }
    size_t cap = default_cap(a);
    void *r;
    if (n > cap / 4 || n + align - 1 > cap) {
        r = alloc_large(a, n, align);
    } else {
        c = chunk_new(a, cap);
        c->prev = a->head;
        a->head = c;
        unsigned char *p = chunk_data(c);
        size_t pad = pad_for(p, align);
        c->used = pad + n;
        r = p + pad;
    }
    UNPOISON(r, n);
    account_alloc(a, size);
    return r;
}

/* Copies the n bytes at s into the region and NUL-terminates them. */
char *arena_strndup(Arena *a, const char *s, size_t n) {
    char *p = arena_alloc(a, n + 1, 1);
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

/* Records the current position of the region for arena_release. */
ArenaMark arena_mark(Arena *a) {
    ArenaMark m = {0};
    m.chunk = a->head;
    m.live = a->stats.live;
    if (a->head) {
        m.used = a->head->used;
        m.behind = a->head->prev;
    }
    return m;
}

/* Frees everything allocated after mark m (marks are released LIFO).  The
 * statistics other than requested, peak and allocs return to m's values. */
void arena_release(Arena *a, ArenaMark m) {
    while (a->head && a->head != m.chunk) {
        ArenaChunk *c = a->head;
        a->head = c->prev;
        chunk_free(a, c);
    }
    if (m.chunk) {
        while (m.chunk->prev && m.chunk->prev != m.behind) {
            ArenaChunk *c = m.chunk->prev;
            m.chunk->prev = c->prev;
            chunk_free(a, c);
        }
        chunk_release_tail(a, m.chunk, m.used, m.chunk->used);
        m.chunk->used = m.used;
    }
    account_release(a, m.live);
}

/* Frees everything in the region but keeps one default-sized chunk. */
void arena_reset(Arena *a) {
    ArenaChunk *keep = NULL;
    ArenaChunk *c = a->head;
    while (c) {
        ArenaChunk *prev = c->prev;
        if (!keep && c->cap == default_cap(a)) {
            keep = c;
        } else {
            chunk_free(a, c);
        }
        c = prev;
    }
    if (keep) {
        chunk_release_tail(a, keep, 0, keep->used);
        keep->used = 0;
        keep->prev = NULL;
    }
    a->head = keep;
    account_release(a, 0);
}

/* Returns every chunk of the region to the system; the region stays usable. */
void arena_free(Arena *a) {
    while (a->head) {
        ArenaChunk *c = a->head;
        a->head = c->prev;
        chunk_free(a, c);
    }
    if (a->spare) {
        UNPOISON(chunk_data(a->spare), a->spare->cap);
        mem_xfree(a->spare);
        a->spare = NULL;
    }
    account_release(a, 0);
}

/* Reports whether p points into memory handed out by the region. */
bool arena_contains(const Arena *a, const void *p) {
    uintptr_t q = (uintptr_t)p;
    for (ArenaChunk *c = a->head; c; c = c->prev) {
        uintptr_t d = (uintptr_t)chunk_data(c);
        if (q >= d && q - d < c->used)
            return true;
    }
    return false;
}

/* Appends item to v, doubling its storage in arena a when full. */
void vec_push(Arena *a, Vec *v, void *item) {
    if (v->len == v->cap) {
        int cap = v->cap ? v->cap * 2 : 8;
        void **items = arena_alloc(a, sizeof(void *) * (size_t)cap, _Alignof(void *));
        if (v->len)
            memcpy(items, v->items, sizeof(void *) * (size_t)v->len);
        v->items = items;
        v->cap = cap;
    }
    v->items[v->len++] = item;
}
