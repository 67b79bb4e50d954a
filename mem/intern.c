/* intern.c — interned names: one copy of each distinct string, in perm.
 *
 * The table is open addressing with linear probing.  Its storage is one
 * mem_xmalloc block holding `cap` string pointers followed by their `cap`
 * 32-bit hashes, so a probe compares hashes without touching the strings and
 * growth rehashes without recomputing them.  Growth frees the old block: the
 * table leaves nothing behind in perm.
 *
 * Each string is stored in perm as its 32-bit length, then its bytes and a
 * NUL; the slot points at the bytes. */
#include "mem/mem.h"

#include <stdlib.h>
#include <string.h>

enum { INTERN_INITIAL_CAP = 1024 };

/* Returns the hash array that follows the slot pointers. */
static uint32_t *slot_hashes(const Interner *in) {
    return (uint32_t *)(in->slots + in->cap);
}

/* Returns the stored length of an interned string. */
static uint32_t name_len(const char *name) {
    uint32_t n;
    memcpy(&n, name - sizeof n, sizeof n);
    return n;
}

/* Hashes n bytes with 32-bit FNV-1a. */
static uint32_t hash_bytes(const char *s, size_t n) {
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)s[i];
        h *= 16777619u;
    }
    return h;
}

/* Allocates an empty table of cap slots (a power of two). */
static void table_alloc(Interner *in, uint32_t cap) {
    size_t bytes = (sizeof(const char *) + sizeof(uint32_t)) * (size_t)cap;
    in->slots = mem_xmalloc(bytes);
    memset(in->slots, 0, bytes);
    in->cap = cap;
}

/* Initializes an empty interner whose strings go to perm. */
void interner_init(Interner *in, Arena *perm) {
    in->arena = perm;
    in->count = 0;
    table_alloc(in, INTERN_INITIAL_CAP);
}

/* Doubles the table and reinserts every name. */
static void table_grow(Interner *in) {
    const char **old = in->slots;
    uint32_t *old_hash = slot_hashes(in);
    uint32_t old_cap = in->cap;
    table_alloc(in, old_cap * 2);
    uint32_t mask = in->cap - 1;
    uint32_t *hashes = slot_hashes(in);
    for (uint32_t i = 0; i < old_cap; i++) {
        if (!old[i])
            continue;
        uint32_t j = old_hash[i] & mask;
        while (in->slots[j])
            j = (j + 1) & mask;
        in->slots[j] = old[i];
        hashes[j] = old_hash[i];
    }
    mem_xfree(old);
}

/* Returns the unique NUL-terminated copy of the n bytes at s. */
const char *intern(Interner *in, const char *s, size_t n) {
    if (n > UINT32_MAX) {
        fputs("mgc: name too long\n", stderr);
        abort();
    }
    uint32_t h = hash_bytes(s, n);
    uint32_t mask = in->cap - 1;
    uint32_t *hashes = slot_hashes(in);
    uint32_t i = h & mask;
    for (const char *name; (name = in->slots[i]) != NULL; i = (i + 1) & mask) {
        if (hashes[i] == h && name_len(name) == n && memcmp(name, s, n) == 0)
            return name;
    }

    uint32_t len = (uint32_t)n;
    char *p = arena_alloc(in->arena, sizeof len + n + 1, _Alignof(uint32_t));
    memcpy(p, &len, sizeof len);
    p += sizeof len;
    memcpy(p, s, n);
    p[n] = '\0';

    in->slots[i] = p;
    hashes[i] = h;
    in->count++;
    if ((uint64_t)in->count * 3 > (uint64_t)in->cap * 2)
        table_grow(in);
    return p;
}

/* Frees the table; the strings die with the perm region. */
void interner_free(Interner *in) {
    mem_xfree(in->slots);
    in->slots = NULL;
    in->cap = in->count = 0;
}
