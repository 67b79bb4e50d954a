/*
 * typealg.c: Go's == and map hashing for a value known only by its type
 * descriptor (docs/runtime.md, "Interfaces and maps").
 *
 * A descriptor's equal function is used when the compiler provides one;
 * otherwise, and always for hashing, the value is walked by kind: arrays
 * through elem and len, structs through their fields (blank fields
 * skipped, padding never read), interfaces through their dynamic type.
 */
#include <string.h>
#include <sys/auxv.h>

#include "runtime/rt.h"
#include "runtime/typealg.h"

/* The pseudo-random generator's state: process-wide like MgcRuntime, and
 * seeded from the kernel's AT_RANDOM bytes on first use. */
typedef struct FastRand {
    bool seeded;
    uint64_t state;
} FastRand;

static FastRand fast_rand;

/* Scrambles the bits of x (splitmix64's finalizer). */
static uint64_t mix64(uint64_t x) {
    x ^= x >> 30;
    x *= 0xbf58476d1ce4e5b9ULL;
    x ^= x >> 27;
    x *= 0x94d049bb133111ebULL;
    x ^= x >> 31;
    return x;
}

/* The next value of the splitmix64 sequence. */
uint64_t mgc_fastrand(void) {
    FastRand *r = &fast_rand;
    if (!r->seeded) {
        uint64_t seed = 0;
        const void *bytes = (const void *)getauxval(AT_RANDOM);
        if (bytes)
            memcpy(&seed, bytes, sizeof seed);
        r->state = seed ^ (uint64_t)(uintptr_t)&seed;
        r->seeded = true;
    }
    r->state += 0x9e3779b97f4a7c15ULL;
    return mix64(r->state);
}

/* Mixes p's bytes 8 at a time, then the tail with its length. */
uint64_t mgc_memhash(const void *p, uint64_t n, uint64_t seed) {
    const uint8_t *b = p;
    uint64_t h = seed ^ (n * 0x9e3779b97f4a7c15ULL);
    while (n >= 8) {
        uint64_t w;
        memcpy(&w, b, 8);
        h = (h ^ mix64(w)) * 0xff51afd7ed558ccdULL;
        h = (h << 31) | (h >> 33);
        b += 8;
        n -= 8;
    }
    if (n > 0) {
        uint64_t w = 0;
        memcpy(&w, b, (size_t)n);
        h = (h ^ mix64(w ^ (n << 56))) * 0xff51afd7ed558ccdULL;
    }
    return mix64(h);
}

/* Panics with the run-time error prefix + t's name. */
void mgc_panic_type_error(const char *prefix, const MgcType *t) {
    const char *name = t->name ? t->name : "?";
    size_t a = strlen(prefix), b = strlen(name);
    char *msg = mgc_alloc(a + b + 1, NULL, MGC_ALLOC_NOSCAN);
    memcpy(msg, prefix, a);
    memcpy(msg + a, name, b + 1);
    mgc_panic_runtime_error(msg);
}

/* Whether t is pointer-shaped (docs/abi.md, "Interfaces"). */
bool mgc_type_direct_iface(const MgcType *t) {
    switch (t->kind) {
    case MGC_KIND_POINTER: case MGC_KIND_MAP: case MGC_KIND_CHAN:
    case MGC_KIND_FUNC: case MGC_KIND_UNSAFE_POINTER:
        return true;
    case MGC_KIND_STRUCT:
        return t->nfields == 1 && mgc_type_direct_iface(t->fields[0].type);
    case MGC_KIND_ARRAY:
        return t->len == 1 && t->elem && mgc_type_direct_iface(t->elem);
    default:
        return false;
    }
}

/* Whether == is defined on t. */
bool mgc_type_comparable(const MgcType *t) {
    return t->equal != NULL || (t->flags & MGC_TYPE_COMPARABLE);
}

/* Whether t is interface{} (no methods). */
bool mgc_type_is_eface(const MgcType *t) {
    return t->kind == MGC_KIND_INTERFACE && t->nmethods == 0;
}

/* The dynamic type an interface of type t with word tab holds. */
const MgcType *mgc_iface_dyntype(const MgcType *t, const void *tab) {
    if (mgc_type_is_eface(t) || !tab)
        return tab;
    return ((const MgcItab *)tab)->type;
}

/* Whether a field takes part in == and hashing (blank fields do not). */
static bool field_counts(const MgcField *f) {
    return !(f->name && f->name[0] == '_' && f->name[1] == '\0');
}

/* == of two interface values by dynamic type and data word. */
bool mgc_dyn_equal(const MgcType *t1, void *d1, const MgcType *t2, void *d2) {
    if (t1 != t2)
        return false;
    if (!t1)
        return true;
    if (!mgc_type_comparable(t1))
        mgc_panic_type_error("runtime error: comparing uncomparable type ", t1);
    if (mgc_type_direct_iface(t1))
        return d1 == d2;
    return mgc_type_equal(t1, d1, d2);
}

/* Go's == on two values of type t. */
bool mgc_type_equal(const MgcType *t, const void *p, const void *q) {
    if (t->equal)
        return t->equal(p, q);
    switch (t->kind) {
    case MGC_KIND_FLOAT32: return *(const float *)p == *(const float *)q;
    case MGC_KIND_FLOAT64: return *(const double *)p == *(const double *)q;
    case MGC_KIND_COMPLEX64:
        return ((const float *)p)[0] == ((const float *)q)[0] &&
               ((const float *)p)[1] == ((const float *)q)[1];
    case MGC_KIND_COMPLEX128:
        return ((const double *)p)[0] == ((const double *)q)[0] &&
               ((const double *)p)[1] == ((const double *)q)[1];
    case MGC_KIND_STRING: {
        const MgcString *a = p, *b = q;
        return a->len == b->len && (a->ptr == b->ptr || memcmp(a->ptr, b->ptr, (size_t)a->len) == 0);
    }
    case MGC_KIND_INTERFACE: {
        const MgcIface *a = p, *b = q;
        return mgc_dyn_equal(mgc_iface_dyntype(t, a->tab), a->data,
                             mgc_iface_dyntype(t, b->tab), b->data);
    }
    case MGC_KIND_ARRAY:
        for (uint64_t i = 0; i < t->len; i++) {
            uint64_t off = i * t->elem->size;
            if (!mgc_type_equal(t->elem, (const uint8_t *)p + off, (const uint8_t *)q + off))
                return false;
        }
        return true;
    case MGC_KIND_STRUCT:
        if (t->nfields == 0)   /* no layout given: the bytes */
            return memcmp(p, q, (size_t)t->size) == 0;
        for (uint32_t i = 0; i < t->nfields; i++) {
            const MgcField *f = &t->fields[i];
            if (field_counts(f) &&
                !mgc_type_equal(f->type, (const uint8_t *)p + f->offset, (const uint8_t *)q + f->offset))
                return false;
        }
        return true;
    case MGC_KIND_SLICE: case MGC_KIND_MAP: case MGC_KIND_FUNC:
        mgc_panic_type_error("runtime error: comparing uncomparable type ", t);
    default:    /* booleans, integers, pointers, channels */
        return memcmp(p, q, (size_t)t->size) == 0;
    }
}

/* The hash of a float: +0 and -0 alike, NaN at random. */
static uint64_t float_hash(double f, uint64_t seed) {
    if (f == 0)
        return mgc_memhash("\0\0\0\0\0\0\0\0", 8, seed);
    if (f != f)
        return mix64(seed ^ mgc_fastrand());
    return mgc_memhash(&f, sizeof f, seed);
}

/* The map hash of the value of type t at p. */
uint64_t mgc_type_hash(const MgcType *t, const void *p, uint64_t seed) {
    switch (t->kind) {
    case MGC_KIND_FLOAT32: return float_hash(*(const float *)p, seed);
    case MGC_KIND_FLOAT64: return float_hash(*(const double *)p, seed);
    case MGC_KIND_COMPLEX64:
        return float_hash(((const float *)p)[1], float_hash(((const float *)p)[0], seed));
    case MGC_KIND_COMPLEX128:
        return float_hash(((const double *)p)[1], float_hash(((const double *)p)[0], seed));
    case MGC_KIND_STRING: {
        const MgcString *s = p;
        return mgc_memhash(s->ptr, (uint64_t)s->len, seed);
    }
    case MGC_KIND_INTERFACE: {
        const MgcIface *v = p;
        const MgcType *dt = mgc_iface_dyntype(t, v->tab);
        if (!dt)
            return mix64(seed);
        if (!mgc_type_comparable(dt))
            mgc_panic_type_error("runtime error: hash of unhashable type ", dt);
        if (mgc_type_direct_iface(dt))
            return mgc_type_hash(dt, &v->data, seed);
        return mgc_type_hash(dt, v->data, seed);
    }
    case MGC_KIND_ARRAY:
        for (uint64_t i = 0; i < t->len; i++)
            seed = mgc_type_hash(t->elem, (const uint8_t *)p + i * t->elem->size, seed);
        return seed;
    case MGC_KIND_STRUCT:
        if (t->nfields == 0)
            return mgc_memhash(p, t->size, seed);
        for (uint32_t i = 0; i < t->nfields; i++) {
            const MgcField *f = &t->fields[i];
            if (field_counts(f))
                seed = mgc_type_hash(f->type, (const uint8_t *)p + f->offset, seed);
        }
        return seed;
    case MGC_KIND_SLICE: case MGC_KIND_MAP: case MGC_KIND_FUNC:
        mgc_panic_type_error("runtime error: hash of unhashable type ", t);
    default:
        return mgc_memhash(p, t->size, seed);
    }
}
