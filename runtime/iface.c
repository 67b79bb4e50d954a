/*
 * iface.c: interfaces at run time: itabs built from the descriptors'
 * method tables and cached, assertions and their panics, ==, print.
 *
 * The compiler emits the itab of every static conversion; an assertion
 * to an interface type asks mgc_assertI2, which looks up the pair
 * (interface, dynamic type) in a hash table and on a miss builds the itab
 * by matching the interface's methods against the type's by name (and
 * signature, when both descriptors give one).  A pair that does not match
 * is cached too, as an itab whose fun[0] is NULL.  Itabs live in memory
 * mapped apart from the heap, never collected, as Go's persistentalloc.
 */
#include <string.h>
#include <sys/mman.h>

#include "runtime/rt.h"
#include "runtime/typealg.h"

enum { CHUNK_SIZE = 64 * 1024, CACHE_MIN = 64 };

/* The itab cache: process-wide like MgcRuntime (itabs outlive any frame). */
typedef struct ItabCache {
    MgcItab **slots;            /* open addressing; NULL: empty */
    uint64_t mask;              /* slots - 1 */
    uint64_t count;
    uint8_t *next, *end;        /* the current persistent chunk */
} ItabCache;

static ItabCache itab_cache;

/* Maps n zeroed bytes outside the heap, or throws. */
static void *map_pages(uint64_t n) {
    void *p = mmap(NULL, (size_t)n, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED)
        mgc_throw("out of memory (itab cache)");
    return p;
}

/* n bytes of zeroed, never freed memory, 8-aligned. */
static void *persistent_alloc(ItabCache *c, uint64_t n) {
    n = (n + 7) & ~(uint64_t)7;
    if (n > CHUNK_SIZE / 4)
        return map_pages(n);
    if (!c->next || (uint64_t)(c->end - c->next) < n) {
        c->next = map_pages(CHUNK_SIZE);
        c->end = c->next + CHUNK_SIZE;
    }
    void *p = c->next;
    c->next += n;
    return p;
}

/* The slot index where the pair (inter, type) starts probing. */
static uint64_t pair_hash(const MgcType *inter, const MgcType *type) {
    uint64_t h = (uint64_t)(uintptr_t)inter * 0x9e3779b97f4a7c15ULL;
    h ^= (uint64_t)(uintptr_t)type * 0xc2b2ae3d27d4eb4fULL;
    return h ^ (h >> 29);
}

/* Puts itab into the table (which has room). */
static void cache_put(ItabCache *c, MgcItab *itab) {
    uint64_t i = pair_hash(itab->inter, itab->type) & c->mask;
    while (c->slots[i])
        i = (i + 1) & c->mask;
    c->slots[i] = itab;
    c->count++;
}

/* Doubles the table (or makes the first one). */
static void cache_grow(ItabCache *c) {
    MgcItab **old = c->slots;
    uint64_t oldn = old ? c->mask + 1 : 0;
    uint64_t n = oldn ? oldn * 2 : CACHE_MIN;
    c->slots = map_pages(n * sizeof *c->slots);
    c->mask = n - 1;
    c->count = 0;
    for (uint64_t i = 0; i < oldn; i++)
        if (old[i])
            cache_put(c, old[i]);
    if (old)
        munmap(old, (size_t)(oldn * sizeof *old));
}

/* Whether method signatures a and b are the same (unknown matches all). */
static bool same_signature(const MgcType *a, const MgcType *b) {
    if (!a || !b || a == b)
        return true;
    return a->name && b->name && strcmp(a->name, b->name) == 0;
}

/* The method of type named like want, with its signature, or NULL. */
static const MgcMethod *find_method(const MgcType *type, const MgcMethod *want) {
    for (uint32_t i = 0; i < type->nmethods; i++) {
        const MgcMethod *m = &type->methods[i];
        if (strcmp(m->name, want->name) == 0)
            return same_signature(m->type, want->type) ? m : NULL;
    }
    return NULL;
}

/* The name of the first method of inter that type lacks, or NULL. */
static const char *missing_method(const MgcType *inter, const MgcType *type) {
    for (uint32_t i = 0; i < inter->nmethods; i++)
        if (!find_method(type, &inter->methods[i]))
            return inter->methods[i].name;
    return NULL;
}

/* Builds the itab of type for inter; fun[0] NULL when a method is missing. */
static MgcItab *build_itab(ItabCache *c, const MgcType *inter, const MgcType *type) {
    MgcItab *itab = persistent_alloc(c, sizeof *itab + inter->nmethods * sizeof(void *));
    itab->type = type;
    itab->inter = inter;
    for (uint32_t i = 0; i < inter->nmethods; i++) {
        const MgcMethod *m = find_method(type, &inter->methods[i]);
        if (!m) {
            itab->fun[0] = NULL;
            break;
        }
        itab->fun[i] = m->ifn;
    }
    return itab;
}

/* The cached itab of (inter, type), built on a miss. */
static MgcItab *get_itab(const MgcType *inter, const MgcType *type) {
    ItabCache *c = &itab_cache;
    if (c->slots) {
        uint64_t i = pair_hash(inter, type) & c->mask;
        for (MgcItab *t; (t = c->slots[i]) != NULL; i = (i + 1) & c->mask)
            if (t->inter == inter && t->type == type)
                return t;
    }
    if (!c->slots || (c->count + 1) * 4 > (c->mask + 1) * 3)
        cache_grow(c);
    MgcItab *itab = build_itab(c, inter, type);
    cache_put(c, itab);
    return itab;
}

/* The itab of have for inter, or NULL (have itself for an empty inter). */
const void *mgc_assertI2(const MgcType *inter, const MgcType *have) {
    if (!have)
        return NULL;
    if (inter->nmethods == 0)
        return have;
    MgcItab *itab = get_itab(inter, have);
    return itab->fun[0] ? itab : NULL;
}

/* Panics with the message built from up to six pieces (NULLs skipped). */
static MGC_NORETURN void panic_conversion(const char *a, const char *b, const char *c,
                                          const char *d, const char *e, const char *f) {
    const char *parts[] = {"interface conversion: ", a, b, c, d, e, f};
    size_t n = 1;
    for (size_t i = 0; i < sizeof parts / sizeof parts[0]; i++)
        n += parts[i] ? strlen(parts[i]) : 0;
    char *msg = mgc_alloc(n, NULL, MGC_ALLOC_NOSCAN);
    size_t at = 0;
    for (size_t i = 0; i < sizeof parts / sizeof parts[0]; i++) {
        if (!parts[i])
            continue;
        size_t k = strlen(parts[i]);
        memcpy(msg + at, parts[i], k);
        at += k;
    }
    msg[at] = '\0';
    mgc_panic_runtime_error(msg);
}

/* A method's name as Go's messages print it: "m", not "main.m". */
static const char *method_name(const char *name) {
    const char *dot = name ? strrchr(name, '.') : NULL;
    return dot ? dot + 1 : name;
}

/* A descriptor's name as messages print it. */
static const char *type_name(const MgcType *t) {
    return t && t->name ? t->name : "?";
}

/* x.(I) without comma-ok: the itab, or Go's panic. */
const void *mgc_assertI(const MgcType *inter, const MgcType *have, const MgcType *src) {
    (void)src;      /* Go names no interface type in these messages */
    if (!have)
        panic_conversion("interface is nil, not ", type_name(inter), NULL, NULL, NULL, NULL);
    const void *tab = mgc_assertI2(inter, have);
    if (!tab)
        panic_conversion(type_name(have), " is not ", type_name(inter), ": missing method ",
                         method_name(missing_method(inter, have)), NULL);
    return tab;
}

/* x.(T) failed: Go's TypeAssertionError messages. */
void mgc_panicdottype(const MgcType *have, const MgcType *want, const MgcType *src) {
    const char *srcname = src ? type_name(src) : "interface";
    if (!have)
        panic_conversion(srcname, " is nil, not ", type_name(want), NULL, NULL, NULL);
    if (want->kind == MGC_KIND_INTERFACE && want->nmethods > 0 && !mgc_assertI2(want, have))
        panic_conversion(type_name(have), " is not ", type_name(want), ": missing method ",
                         method_name(missing_method(want, have)), NULL);
    /* two distinct types of one name: local types of different functions */
    bool same = strcmp(type_name(have), type_name(want)) == 0;
    panic_conversion(srcname, " is ", type_name(have), ", not ", type_name(want),
                     same ? " (types from different scopes)" : NULL);
}

/* == of two interface{} values. */
bool mgc_efaceeq(const void *t1, void *d1, const void *t2, void *d2) {
    return mgc_dyn_equal(t1, d1, t2, d2);
}

/* == of two non-empty interface values. */
bool mgc_ifaceeq(const void *t1, void *d1, const void *t2, void *d2) {
    /* itabs of one pair may differ (static and built here): compare types */
    const MgcType *a = t1 ? ((const MgcItab *)t1)->type : NULL;
    const MgcType *b = t2 ? ((const MgcItab *)t2)->type : NULL;
    return mgc_dyn_equal(a, d1, b, d2);
}

/* (*[n]T)(s) with len(s) < n. */
void mgc_panicslicetoarray(int64_t len, int64_t n) {
    mgc_panic_slice(MGC_BOUNDS_CONVERT, n, len);
}

/* print(x) of an interface{}: (type,data). */
void mgc_printeface(const void *tab, void *data) {
    mgc_printiface((MgcIface){tab, data});
}
