/*
 * malloc.c: the heap allocator (see heap.h for its design).
 */
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "runtime/rt.h"

/* Go 1.19's size classes (runtime/sizeclasses.go): append's capacities
 * depend on them, so they are Go's exactly. */
const uint16_t mgc_class_size[MGC_NUM_CLASSES] = {
    0, 8, 16, 24, 32, 48, 64, 80, 96, 112, 128, 144, 160, 176, 192, 208, 224,
    240, 256, 288, 320, 352, 384, 416, 448, 480, 512, 576, 640, 704, 768, 896,
    1024, 1152, 1280, 1408, 1536, 1792, 2048, 2304, 2688, 3072, 3200, 3456,
    4096, 4864, 5376, 6144, 6528, 6784, 6912, 8192, 9472, 9728, 10240, 10880,
    12288, 13568, 14336, 16384, 18432, 19072, 20480, 21760, 24576, 27264,
    28672, 32768};

/* Pages per span of each class (the smallest run wasting at most 1/8). */
const uint8_t mgc_class_npages[MGC_NUM_CLASSES] = {
    0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 1, 2, 1, 2, 1, 3, 2, 3, 1, 3, 2, 3,
    4, 5, 6, 1, 7, 6, 5, 4, 3, 5, 7, 2, 9, 7, 5, 8, 3, 10, 7, 4};

enum { META_CHUNK = 1 << 20 };

/* Maps n bytes of zeroed memory (NORESERVE: untouched pages cost nothing). */
static void *sys_map(size_t n) {
    void *p = mmap(NULL, n, PROT_READ | PROT_WRITE,
                   MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (p == MAP_FAILED)
        mgc_throw("out of memory");
    return p;
}

/* Allocates zeroed metadata, outside the arenas. */
static void *meta_alloc(MgcHeap *h, size_t n) {
    n = (n + 15) & ~(size_t)15;
    if ((size_t)(h->meta.end - h->meta.next) < n) {
        size_t sz = n > META_CHUNK ? n : META_CHUNK;
        h->meta.next = sys_map(sz);
        h->meta.end = h->meta.next + sz;
        h->stats.sys_meta += sz;
    }
    void *p = h->meta.next;
    h->meta.next += n;
    return p;
}

/* Builds the size-to-class tables and maps the arena index. */
void mgc_heap_init(MgcHeap *h) {
    if (h->ready)
        return;
    int c = 1;
    for (size_t i = 0; i < sizeof h->size_to_class8; i++) {
        while (mgc_class_size[c] < i * 8)
            c++;
        h->size_to_class8[i] = (uint8_t)c;
    }
    for (size_t i = 0; i < sizeof h->size_to_class128; i++) {
        while (mgc_class_size[c] < 1024 + i * 128)
            c++;
        h->size_to_class128[i] = (uint8_t)c;
    }
    size_t index_bytes = sizeof(MgcArena *) * (size_t)MGC_ARENA_INDEX;
    h->arena_index = sys_map(index_bytes);
    h->stats.sys_meta += index_bytes;
    h->ready = true;
}

/* The size class of a small allocation of size bytes (size <= 32 KiB). */
static int size_class(const MgcHeap *h, uint64_t size) {
    if (size <= 1024 - 8)
        return h->size_to_class8[(size + 7) / 8];
    return h->size_to_class128[(size - 1024 + 127) / 128];
}

/* Rounds size up to what the allocator hands out (Go's roundupsize). */
uint64_t mgc_heap_roundup(const MgcHeap *h, uint64_t size) {
    if (size < MGC_MAX_SMALL)
        return mgc_class_size[size_class(h, size)];
    if (size + MGC_PAGE_SIZE < size)
        return size;
    return (size + MGC_PAGE_SIZE - 1) & ~(uint64_t)(MGC_PAGE_SIZE - 1);
}

/* Maps a new arena, aligned to its size so that the index is exact. */
static MgcArena *arena_new(MgcHeap *h) {
    uint8_t *raw = sys_map(2 * (size_t)MGC_ARENA_SIZE);
    uintptr_t base = ((uintptr_t)raw + MGC_ARENA_SIZE - 1) &
                     ~(uintptr_t)(MGC_ARENA_SIZE - 1);
    if (base > (uintptr_t)raw)
        munmap(raw, base - (uintptr_t)raw);
    uintptr_t tail = base + MGC_ARENA_SIZE;
    uintptr_t raw_end = (uintptr_t)raw + 2 * (size_t)MGC_ARENA_SIZE;
    if (raw_end > tail)
        munmap((void *)tail, raw_end - tail);
    MgcArena *a = meta_alloc(h, sizeof *a);
    a->base = base;
    h->arena_index[base >> MGC_ARENA_SHIFT] = a;
    h->stats.heap_sys += MGC_ARENA_SIZE;
    return a;
}

/* A span record, recycled if possible. */
static MgcSpan *span_record(MgcHeap *h) {
    MgcSpan *s = h->free_span_structs;
    if (s) {
        h->free_span_structs = s->next;
        memset(s, 0, sizeof *s);
        return s;
    }
    return meta_alloc(h, sizeof *s);
}

/* Records s as the owner of each of its pages. */
static void span_set_pages(MgcHeap *h, MgcSpan *s, MgcSpan *owner) {
    MgcArena *a = h->arena_index[s->base >> MGC_ARENA_SHIFT];
    uint32_t first = (uint32_t)((s->base - a->base) >> MGC_PAGE_SHIFT);
    for (uint32_t i = 0; i < s->npages; i++)
        a->spans[first + i] = owner;
}

/* Takes npages pages: first fit among released runs, else fresh pages. */
static MgcSpan *pages_alloc(MgcHeap *h, uint32_t npages) {
    for (MgcSpan **pp = &h->free_spans; *pp; pp = &(*pp)->next) {
        MgcSpan *f = *pp;
        if (f->npages < npages)
            continue;
        MgcSpan *s = span_record(h);
        s->base = f->base;
        s->npages = npages;
        s->needzero = true;
        f->base += (uintptr_t)npages << MGC_PAGE_SHIFT;
        f->npages -= npages;
        if (f->npages == 0) {
            *pp = f->next;
            f->next = h->free_span_structs;
            h->free_span_structs = f;
        }
        return s;
    }
    if ((uint64_t)npages > MGC_ARENA_PAGES)
        mgc_throw("out of memory: allocation larger than an arena");
    MgcArena *a = h->cur_arena;
    if (!a || a->next_page + npages > MGC_ARENA_PAGES)
        a = h->cur_arena = arena_new(h);
    MgcSpan *s = span_record(h);
    s->base = a->base + ((uintptr_t)a->next_page << MGC_PAGE_SHIFT);
    s->npages = npages;
    a->next_page += npages;
    return s;
}

/* Makes a span of npages in use, for slots of elemsize bytes. */
static MgcSpan *span_alloc(MgcHeap *h, uint32_t npages, int sizeclass,
                           uint64_t elemsize, bool noscan) {
    MgcSpan *s = pages_alloc(h, npages);
    s->sizeclass = (uint8_t)sizeclass;
    s->noscan = noscan;
    s->in_use = true;
    s->elemsize = elemsize;
    s->nelems = (uint32_t)(((uint64_t)npages << MGC_PAGE_SHIFT) / elemsize);
    size_t words = (s->nelems + 63) / 64;
    s->allocbits = meta_alloc(h, words * sizeof(uint64_t));
    s->markbits = meta_alloc(h, words * sizeof(uint64_t));
    span_set_pages(h, s, s);
    h->stats.heap_inuse += (uint64_t)npages << MGC_PAGE_SHIFT;
    return s;
}

/* Index of the first clear bit at or above from in s's alloc bits, or
 * nelems. */
static uint32_t next_free(const MgcSpan *s, uint32_t from) {
    for (uint32_t i = from; i < s->nelems;) {
        uint64_t w = ~s->allocbits[i / 64] >> (i % 64);
        if (w) {
            uint32_t j = i + (uint32_t)__builtin_ctzll(w);
            return j < s->nelems ? j : s->nelems;
        }
        i = (i / 64 + 1) * 64;
    }
    return s->nelems;
}

/* Counts an allocation of n bytes in the statistics. */
static void count_alloc(MgcHeap *h, uint64_t n) {
    h->stats.mallocs++;
    h->stats.total_alloc += n;
    h->stats.heap_alloc += n;
    if (h->stats.heap_alloc > h->stats.peak_heap_alloc)
        h->stats.peak_heap_alloc = h->stats.heap_alloc;
}

/* Allocates a zeroed object from its size class's current span. */
static void *alloc_small(MgcHeap *h, uint64_t size, bool noscan) {
    int c = size_class(h, size);
    int sc = c * 2 + (noscan ? 1 : 0);
    MgcSpan *s = h->current[sc];
    uint32_t i = s ? next_free(s, s->freeindex) : 0;
    if (!s || i >= s->nelems) {
        s = h->partial[sc];
        if (s) {
            h->partial[sc] = s->next;
            s->next = NULL;
        } else {
            s = span_alloc(h, mgc_class_npages[c], c, mgc_class_size[c], noscan);
        }
        h->current[sc] = s;
        i = next_free(s, s->freeindex);
    }
    s->allocbits[i / 64] |= (uint64_t)1 << (i % 64);
    s->freeindex = i + 1;
    s->nalloc++;
    void *p = (void *)(s->base + (uintptr_t)i * s->elemsize);
    if (s->needzero)
        memset(p, 0, s->elemsize);
    count_alloc(h, s->elemsize);
    return p;
}

/* Allocates a zeroed large object in a span of its own. */
static void *alloc_large(MgcHeap *h, uint64_t size, bool noscan) {
    uint64_t npages = (size + MGC_PAGE_SIZE - 1) >> MGC_PAGE_SHIFT;
    if (npages > MGC_ARENA_PAGES)
        mgc_throw("out of memory");
    uint64_t bytes = npages << MGC_PAGE_SHIFT;
    MgcSpan *s = span_alloc(h, (uint32_t)npages, 0, bytes, noscan);
    s->allocbits[0] = 1;
    s->nalloc = 1;
    s->freeindex = 1;
    if (s->needzero)
        memset((void *)s->base, 0, bytes);
    count_alloc(h, bytes);
    return (void *)s->base;
}

/* Allocates size zeroed bytes; zero-size objects share one address. */
void *mgc_heap_alloc(MgcHeap *h, uint64_t size, bool noscan) {
    static uint64_t zerobase;
    if (!h->ready)
        mgc_heap_init(h);
    if (size == 0)
        return &zerobase;
    if (size <= MGC_MAX_SMALL)
        return alloc_small(h, size, noscan);
    return alloc_large(h, size, noscan);
}

/* The span owning address p, or NULL. */
static MgcSpan *span_of(const MgcHeap *h, uintptr_t p) {
    if (!h->ready || (p >> MGC_ADDR_BITS) != 0)
        return NULL;
    MgcArena *a = h->arena_index[p >> MGC_ARENA_SHIFT];
    if (!a)
        return NULL;
    MgcSpan *s = a->spans[(p - a->base) >> MGC_PAGE_SHIFT];
    return s && s->in_use ? s : NULL;
}

/* The slot index of address p in s, or -1 past the last slot. */
static int64_t slot_of(const MgcSpan *s, uintptr_t p) {
    uint64_t i = (p - s->base) / s->elemsize;
    return i < s->nelems ? (int64_t)i : -1;
}

void *mgc_heap_find(const MgcHeap *h, const void *p, MgcSpan **span_out) {
    MgcSpan *s = span_of(h, (uintptr_t)p);
    if (!s)
        return NULL;
    int64_t i = slot_of(s, (uintptr_t)p);
    if (i < 0 || !(s->allocbits[i / 64] >> (i % 64) & 1))
        return NULL;
    if (span_out)
        *span_out = s;
    return (void *)(s->base + (uintptr_t)i * s->elemsize);
}

bool mgc_heap_mark(MgcHeap *h, const void *base) {
    MgcSpan *s = span_of(h, (uintptr_t)base);
    if (!s)
        return false;
    int64_t i = slot_of(s, (uintptr_t)base);
    if (i < 0)
        return false;
    uint64_t bit = (uint64_t)1 << (i % 64);
    bool was_clear = !(s->markbits[i / 64] & bit);
    s->markbits[i / 64] |= bit;
    return was_clear;
}

bool mgc_heap_is_marked(const MgcHeap *h, const void *base) {
    MgcSpan *s = span_of(h, (uintptr_t)base);
    if (!s)
        return false;
    int64_t i = slot_of(s, (uintptr_t)base);
    return i >= 0 && (s->markbits[i / 64] >> (i % 64) & 1);
}

/* Returns a span's pages to the free runs. */
static void span_release(MgcHeap *h, MgcSpan *s) {
    span_set_pages(h, s, NULL);
    h->stats.heap_inuse -= (uint64_t)s->npages << MGC_PAGE_SHIFT;
    s->in_use = false;
    s->next = h->free_spans;
    h->free_spans = s;
}

/* Frees the object at base (the sweeper's operation). */
void mgc_heap_free(MgcHeap *h, void *base) {
    MgcSpan *s;
    if (mgc_heap_find(h, base, &s) != base)
        mgc_throw("mgc_heap_free: not an object's base");
    int64_t i = slot_of(s, (uintptr_t)base);
    s->allocbits[i / 64] &= ~((uint64_t)1 << (i % 64));
    s->markbits[i / 64] &= ~((uint64_t)1 << (i % 64));
    s->needzero = true;
    h->stats.frees++;
    h->stats.heap_alloc -= s->elemsize;
    if (s->sizeclass == 0) {
        span_release(h, s);
        return;
    }
    bool was_full = s->nalloc == s->nelems;
    s->nalloc--;
    if ((uint32_t)i < s->freeindex)
        s->freeindex = (uint32_t)i;
    int sc = s->sizeclass * 2 + (s->noscan ? 1 : 0);
    if (was_full && h->current[sc] != s) {
        s->next = h->partial[sc];
        h->partial[sc] = s;
    }
}

void *mgc_alloc(uint64_t size, const MgcType *t, uint32_t flags) {
    bool noscan = (flags & MGC_ALLOC_NOSCAN) || (t && (t->flags & MGC_TYPE_NOSCAN));
    return mgc_heap_alloc(&mgc_rt()->heap, size, noscan);
}

uint64_t mgc_roundupsize(uint64_t size) {
    MgcHeap *h = &mgc_rt()->heap;
    if (!h->ready)
        mgc_heap_init(h);
    return mgc_heap_roundup(h, size);
}

void mgc_read_memstats(MgcMemStats *out) {
    const MgcHeapStats *st = &mgc_rt()->heap.stats;
    out->mallocs = st->mallocs;
    out->frees = st->frees;
    out->heap_alloc = st->heap_alloc;
    out->total_alloc = st->total_alloc;
    out->peak_heap_alloc = st->peak_heap_alloc;
    out->heap_sys = st->heap_sys;
    out->heap_inuse = st->heap_inuse;
    out->num_gc = st->num_gc;
    out->sys_meta = st->sys_meta;
}
