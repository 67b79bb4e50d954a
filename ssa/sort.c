/* sort.c — the passes' one sort: records ordered by a 64-bit key.
 *
 * Passes sort short arrays (a class of equal values, a block's checks)
 * many times per function, so the sort must cost little on a handful of
 * records: no call through a comparison function, no allocation.  A pass
 * packs what it orders by into the key (a hash, or a dominator-tree number
 * and a place in a block); ties keep their input order. */
#include "ssa/ssa.h"

#include <string.h>

/* Below this length insertion sort beats merging. */
enum { SORT_INSERTION_MAX = 16 };

/* Sorts a[0..n) by key with insertion sort (stable). */
static void insertion_sort(SsaKeyed *a, int n) {
    for (int i = 1; i < n; i++) {
        SsaKeyed x = a[i];
        int j = i;
        for (; j > 0 && a[j - 1].key > x.key; j--)
            a[j] = a[j - 1];
        a[j] = x;
    }
}

/* Merges the sorted runs src[lo..mid) and src[mid..hi) into dst[lo..hi). */
static void merge(const SsaKeyed *src, SsaKeyed *dst, int lo, int mid, int hi) {
    int i = lo, j = mid, k = lo;
    while (i < mid && j < hi)
        dst[k++] = src[j].key < src[i].key ? src[j++] : src[i++];
    while (i < mid)
        dst[k++] = src[i++];
    while (j < hi)
        dst[k++] = src[j++];
}

/* Sorts a[0..n) by key, stably; tmp holds n records for merging (it may
 * be NULL when n <= SORT_INSERTION_MAX).  Runs of SORT_INSERTION_MAX are
 * sorted in place, then merged bottom-up between a and tmp. */
void ssa_sort_keyed(SsaKeyed *a, int n, SsaKeyed *tmp) {
    if (n <= SORT_INSERTION_MAX) {
        insertion_sort(a, n);
        return;
    }
    for (int lo = 0; lo < n; lo += SORT_INSERTION_MAX)
        insertion_sort(a + lo, n - lo < SORT_INSERTION_MAX ? n - lo : SORT_INSERTION_MAX);
    SsaKeyed *src = a, *dst = tmp;
    for (int width = SORT_INSERTION_MAX; width < n; width *= 2) {
        for (int lo = 0; lo < n; lo += 2 * width) {
            int mid = lo + width < n ? lo + width : n;
            int hi = lo + 2 * width < n ? lo + 2 * width : n;
            merge(src, dst, lo, mid, hi);
        }
        SsaKeyed *t = src;
        src = dst;
        dst = t;
    }
    if (src != a)
        memcpy(a, src, sizeof *a * (size_t)n);
}
