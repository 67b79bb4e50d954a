/*
 * slice.c: append's growth, make, copy.
 */
#include <string.h>

#include "runtime/rt.h"

enum { MAX_ALLOC_SHIFT = 48 };
#define MAX_ALLOC ((uint64_t)1 << MAX_ALLOC_SHIFT)

/* Whether values of type t can be allocated without pointer scanning. */
static bool type_noscan(const MgcType *t) {
    return t == NULL || (t->flags & MGC_TYPE_NOSCAN);
}

/* Grows the slice (ptr, len, cap) of elem to hold at least newlen elements,
 * with Go 1.19's rule: double below 256 elements, then grow by a quarter
 * plus 192 until large enough, then round the bytes up to the allocator's
 * size class.  Copies the first len elements; the result has length
 * newlen and the elements from len on are zero. */
MgcSlice mgc_growslice(const MgcType *elem, void *ptr, int64_t len,
                       int64_t cap, int64_t newlen) {
    if (newlen < cap || newlen < 0)
        mgc_panic_runtime_error("runtime error: growslice: cap out of range");
    uint64_t size = elem->size;
    if (size == 0)
        return (MgcSlice){mgc_alloc(0, NULL, MGC_ALLOC_NOSCAN), newlen, newlen};
    int64_t newcap = cap;
    int64_t doublecap = newcap + newcap;
    if (newlen > doublecap) {
        newcap = newlen;
    } else {
        const int64_t threshold = 256;
        if (cap < threshold) {
            newcap = doublecap;
        } else {
            while (0 < newcap && newcap < newlen)
                newcap += (newcap + 3 * threshold) / 4;
            if (newcap <= 0)
                newcap = newlen;
        }
    }
    if ((uint64_t)newcap > MAX_ALLOC / size)
        mgc_panic_runtime_error("runtime error: growslice: cap out of range");
    uint64_t capmem = mgc_roundupsize((uint64_t)newcap * size);
    if (capmem > MAX_ALLOC)
        mgc_panic_runtime_error("runtime error: growslice: cap out of range");
    newcap = (int64_t)(capmem / size);
    void *p = mgc_alloc(capmem, elem, type_noscan(elem) ? MGC_ALLOC_NOSCAN : 0);
    if (len > 0)
        memmove(p, ptr, (size_t)len * size);
    return (MgcSlice){p, newlen, newcap};
}

/* make([]T, len, cap), with Go's panics for bad sizes. */
MgcSlice mgc_makeslice(const MgcType *elem, int64_t len, int64_t cap) {
    uint64_t size = elem->size;
    bool cap_bad = cap < 0 || (size > 0 && (uint64_t)cap > MAX_ALLOC / size);
    if (cap_bad || len > cap) {
        bool len_bad = len < 0 || (size > 0 && (uint64_t)len > MAX_ALLOC / size);
        if (len_bad)
            mgc_panic_runtime_error("runtime error: makeslice: len out of range");
        mgc_panic_runtime_error("runtime error: makeslice: cap out of range");
    }
    if (len < 0)
        mgc_panic_runtime_error("runtime error: makeslice: len out of range");
    void *p = mgc_alloc((uint64_t)cap * size, elem,
                        type_noscan(elem) ? MGC_ALLOC_NOSCAN : 0);
    return (MgcSlice){p, len, cap};
}

/* copy(dst, src): copies min(len) elements, overlapping allowed; returns
 * the count. */
int64_t mgc_slicecopy(void *dst, int64_t dstlen, const void *src,
                      int64_t srclen, uint64_t elemsize) {
    int64_t n = dstlen < srclen ? dstlen : srclen;
    if (n > 0 && elemsize > 0 && dst != src)
        memmove(dst, src, (size_t)n * elemsize);
    return n;
}

void mgc_memmove(void *dst, const void *src, uint64_t n) {
    if (n > 0 && dst != src)
        memmove(dst, src, (size_t)n);
}

void mgc_memclr(void *p, uint64_t n) {
    if (n > 0)
        memset(p, 0, (size_t)n);
}
