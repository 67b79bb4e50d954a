/*
 * heap.h: the allocator's structures (runtime/malloc.c).
 *
 * Objects live in spans: runs of 8 KiB pages carved from 64 MiB arenas that
 * are mmap'd on demand.  A small object (at most 32 KiB) is one slot of a
 * span of its size class (Go 1.19's classes, so cap() after append matches
 * Go); a large object has a span of its own.  Spans of pointer-free objects
 * (noscan) are kept apart from the others, so the noscan bit is a property
 * of the span, as in Go.
 *
 * All metadata (arena index, spans, their bitmaps) is in memory mapped
 * separately from the arenas, never in the heap itself, so a collector that
 * scans heap objects never sees it.  For the collector the heap offers:
 * mgc_heap_find (the object containing an interior pointer, in O(1)), a mark
 * bit per object, and mgc_heap_free (what the sweeper calls).
 */
#ifndef MGC_RUNTIME_HEAP_H
#define MGC_RUNTIME_HEAP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum {
    MGC_PAGE_SHIFT = 13,
    MGC_PAGE_SIZE = 1 << MGC_PAGE_SHIFT,
    MGC_ARENA_SHIFT = 26,                       /* 64 MiB arenas */
    MGC_ARENA_SIZE = 1 << MGC_ARENA_SHIFT,
    MGC_ARENA_PAGES = MGC_ARENA_SIZE / MGC_PAGE_SIZE,
    MGC_ADDR_BITS = 48,
    MGC_ARENA_INDEX = 1 << (MGC_ADDR_BITS - MGC_ARENA_SHIFT),
    MGC_NUM_CLASSES = 68,                       /* class 0: large objects */
    MGC_MAX_SMALL = 32768
};

/* A run of pages holding objects of one size (or one large object). */
typedef struct MgcSpan {
    uintptr_t base;
    uint32_t npages;
    uint8_t sizeclass;          /* 0: a large object */
    bool noscan;
    bool in_use;
    bool needzero;              /* slots may hold old bytes */
    uint64_t elemsize;
    uint32_t nelems;
    uint32_t freeindex;         /* no free slot below it */
    uint32_t nalloc;
    uint64_t *allocbits;        /* one bit per slot */
    uint64_t *markbits;         /* one bit per slot, for the collector */
    struct MgcSpan *next;       /* in a class list or the free list */
} MgcSpan;

/* An arena's metadata: the span of every page. */
typedef struct MgcArena {
    uintptr_t base;
    uint32_t next_page;         /* pages below it were handed out */
    MgcSpan *spans[MGC_ARENA_PAGES];
} MgcArena;

/* A chunk of metadata memory (bump allocated, never freed). */
typedef struct MgcMetaChunk {
    uint8_t *next, *end;
} MgcMetaChunk;

typedef struct MgcHeapStats {
    uint64_t mallocs, frees;
    uint64_t heap_alloc, total_alloc, peak_heap_alloc;
    uint64_t heap_sys, heap_inuse, sys_meta, num_gc;
} MgcHeapStats;

typedef struct MgcHeap {
    bool ready;
    MgcArena **arena_index;     /* indexed by address >> MGC_ARENA_SHIFT */
    MgcArena *cur_arena;
    MgcSpan *current[MGC_NUM_CLASSES * 2];   /* [class*2 + noscan] */
    MgcSpan *partial[MGC_NUM_CLASSES * 2];   /* spans with free slots */
    MgcSpan *free_spans;        /* released page runs */
    MgcSpan *free_span_structs; /* recycled MgcSpan records */
    MgcMetaChunk meta;
    uint8_t size_to_class8[1024 / 8 + 1];
    uint8_t size_to_class128[(MGC_MAX_SMALL - 1024) / 128 + 1];
    MgcHeapStats stats;
} MgcHeap;

extern const uint16_t mgc_class_size[MGC_NUM_CLASSES];
extern const uint8_t mgc_class_npages[MGC_NUM_CLASSES];

void mgc_heap_init(MgcHeap *h);
void *mgc_heap_alloc(MgcHeap *h, uint64_t size, bool noscan);
/* The object containing p, or NULL when p is not inside a live object;
 * *span_out (if not NULL) receives its span. */
void *mgc_heap_find(const MgcHeap *h, const void *p, MgcSpan **span_out);
/* Sets the mark bit of the object at base; returns whether it was clear. */
bool mgc_heap_mark(MgcHeap *h, const void *base);
bool mgc_heap_is_marked(const MgcHeap *h, const void *base);
void mgc_heap_free(MgcHeap *h, void *base);
/* The size-class rounding of an allocation of size bytes. */
uint64_t mgc_heap_roundup(const MgcHeap *h, uint64_t size);

#endif
