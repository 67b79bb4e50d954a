/*
 * map.c: Go's maps, as open-addressing hash tables (docs/runtime.md,
 * "Maps").
 *
 * A table of 2^k slots keeps a control byte per slot (empty, deleted, or
 * full with 7 bits of the key's hash) and the slots themselves, each the
 * key then the element.  Lookups probe triangularly from the hash's upper
 * bits until an empty slot.  Full and deleted slots together stay under
 * 3/4 of the table: past that the table is rebuilt, twice as large when
 * at least half of it is live, else the same size to drop the deleted.
 *
 * Entries never move within a table, so an iterator walking the table it
 * started on produces each entry once, skips entries deleted before it
 * reaches them, and may or may not produce entries added meanwhile — Go's
 * rules.  A rebuild allocates new arrays and leaves the old ones as they
 * were: an iterator still walks its old table, and for each key there
 * looks the key up in the map as it is now, producing the current entry or
 * nothing when it was deleted (NaN keys, which no lookup finds and nothing
 * deletes, are produced from the old table).  Every range starts at a
 * random slot, so iteration order changes from one loop to the next.
 */
#include <string.h>
#include <sys/mman.h>

#include "runtime/rt.h"
#include "runtime/typealg.h"

enum {
    CTRL_EMPTY = 0,
    CTRL_DELETED = 1,
    CTRL_FULL = 0x80,           /* | the hash's low 7 bits */
    MIN_SLOTS = 8,
    ZERO_SIZE = 1024
};

/* How keys of a map are hashed and compared. */
typedef enum KeyAlg {
    KEY_BYTES,                  /* integers, pointers, channels, booleans */
    KEY_STRING,
    KEY_WALK                    /* by the key's descriptor (typealg.c) */
} KeyAlg;

struct MgcMap {
    int64_t count;              /* live entries; first, so len could be inlined */
    const MgcType *mt;
    uint8_t *ctrl;              /* mask + 1 control bytes; NULL: no table yet */
    uint8_t *slots;             /* (mask + 1) * slotsize bytes */
    uint64_t mask;
    uint64_t used;              /* full and deleted slots */
    uint64_t seed;
    uint64_t keysize, elemoff, slotsize;
    KeyAlg alg;
    bool noscan;                /* neither keys nor elements hold pointers */
};

/* A range loop's private state, inside MgcMapIter.priv. */
typedef struct IterState {
    MgcMap *m;
    uint8_t *ctrl, *slots;      /* the table the loop started on */
    uint64_t mask;
    uint64_t start;             /* the random first slot */
    uint64_t done;              /* slots visited */
} IterState;

_Static_assert(sizeof(MgcMapIter) == 96, "MgcMapIter is 96 bytes (docs/abi.md)");
_Static_assert(sizeof(IterState) <= sizeof(((MgcMapIter *)0)->priv), "IterState fits in priv");

/* The zero value mgc_mapaccess1 returns for a missing key; larger elements
 * share one read-only mapping, kept (process-wide) at the largest size. */
static const uint8_t zero_value[ZERO_SIZE];

typedef struct BigZero {
    const void *p;
    uint64_t size;
} BigZero;

static BigZero big_zero;

/* A pointer to size zero bytes that nobody writes. */
static const void *zero_of(uint64_t size) {
    if (size <= ZERO_SIZE)
        return zero_value;
    BigZero *z = &big_zero;
    if (size > z->size) {
        void *p = mmap(NULL, (size_t)size, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        if (p == MAP_FAILED)
            mgc_throw("out of memory (map zero value)");
        z->p = p;
        z->size = size;
    }
    return z->p;
}

/* n rounded up to a multiple of align. */
static uint64_t round_up(uint64_t n, uint64_t align) {
    return align > 1 ? (n + align - 1) / align * align : n;
}

/* The hashing and comparison a key type needs. */
static KeyAlg key_alg(const MgcType *k) {
    switch (k->kind) {
    case MGC_KIND_STRING: return KEY_STRING;
    case MGC_KIND_FLOAT32: case MGC_KIND_FLOAT64: case MGC_KIND_COMPLEX64:
    case MGC_KIND_COMPLEX128: case MGC_KIND_INTERFACE: case MGC_KIND_ARRAY:
    case MGC_KIND_STRUCT:
        return KEY_WALK;
    default:
        return k->equal ? KEY_WALK : KEY_BYTES;
    }
}

/* Whether hashing a key of type t may panic (it holds an interface). */
static bool hash_may_panic(const MgcType *t) {
    switch (t->kind) {
    case MGC_KIND_INTERFACE: return true;
    case MGC_KIND_ARRAY: return t->len > 0 && hash_may_panic(t->elem);
    case MGC_KIND_STRUCT:
        for (uint32_t i = 0; i < t->nfields; i++)
            if (hash_may_panic(t->fields[i].type))
                return true;
        return false;
    default: return false;
    }
}

/* The hash of key in m (m's seed). */
static uint64_t key_hash(const MgcMap *m, const void *key) {
    switch (m->alg) {
    case KEY_BYTES: return mgc_memhash(key, m->keysize, m->seed);
    case KEY_STRING: {
        const MgcString *s = key;
        return mgc_memhash(s->ptr, (uint64_t)s->len, m->seed);
    }
    default: return mgc_type_hash(m->mt->key, key, m->seed);
    }
}

/* Whether keys a and b of m are equal (Go's ==). */
static bool key_equal(const MgcMap *m, const void *a, const void *b) {
    switch (m->alg) {
    case KEY_BYTES: return memcmp(a, b, (size_t)m->keysize) == 0;
    case KEY_STRING: {
        const MgcString *s = a, *t = b;
        return s->len == t->len && (s->ptr == t->ptr || memcmp(s->ptr, t->ptr, (size_t)s->len) == 0);
    }
    default: return mgc_type_equal(m->mt->key, a, b);
    }
}

/* Slot i of the slot array slots: its key, the element at elemoff. */
static uint8_t *slot_key(const MgcMap *m, uint8_t *slots, uint64_t i) {
    return slots + i * m->slotsize;
}

/* The slot of key (with hash h) in m's table, or -1. */
static int64_t find_slot(const MgcMap *m, const void *key, uint64_t h) {
    if (!m->ctrl)
        return -1;
    uint8_t tag = (uint8_t)(CTRL_FULL | (h & 0x7f));
    uint64_t i = (h >> 7) & m->mask;
    for (uint64_t step = 1; step <= m->mask + 1; step++) {
        uint8_t c = m->ctrl[i];
        if (c == CTRL_EMPTY)
            return -1;
        if (c == tag && key_equal(m, slot_key(m, m->slots, i), key))
            return (int64_t)i;
        i = (i + step) & m->mask;
    }
    return -1;
}

/* The first empty or deleted slot on h's probe sequence. */
static uint64_t free_slot(const MgcMap *m, uint64_t h) {
    uint64_t i = (h >> 7) & m->mask;
    for (uint64_t step = 1; m->ctrl[i] >= CTRL_FULL; step++)
        i = (i + step) & m->mask;
    return i;
}

/* Gives m a fresh table of n slots holding its live entries.  The old
 * arrays are left untouched for iterators still walking them. */
static void rebuild(MgcMap *m, uint64_t n) {
    uint8_t *oldctrl = m->ctrl, *oldslots = m->slots;
    uint64_t oldn = oldctrl ? m->mask + 1 : 0;
    m->ctrl = mgc_alloc(n, NULL, MGC_ALLOC_NOSCAN);
    m->slots = mgc_alloc(n * m->slotsize, NULL, m->noscan ? MGC_ALLOC_NOSCAN : 0);
    m->mask = n - 1;
    m->used = 0;
    for (uint64_t i = 0; i < oldn; i++) {
        if (oldctrl[i] < CTRL_FULL)
            continue;
        uint8_t *k = slot_key(m, oldslots, i);
        uint64_t h = key_hash(m, k);
        uint64_t j = free_slot(m, h);
        m->ctrl[j] = (uint8_t)(CTRL_FULL | (h & 0x7f));
        memcpy(slot_key(m, m->slots, j), k, (size_t)m->slotsize);
        m->used++;
    }
}

/* The number of slots a table needs for n entries. */
static uint64_t slots_for(uint64_t n) {
    uint64_t s = MIN_SLOTS;
    while (s / 4 * 3 < n)
        s *= 2;
    return s;
}

/* make(map[K]V, hint): the table is allocated now when hint > 0. */
MgcMap *mgc_makemap(const MgcType *mt, int64_t hint) {
    const MgcType *k = mt->key, *e = mt->elem;
    MgcMap *m = mgc_alloc(sizeof *m, NULL, 0);
    m->mt = mt;
    m->seed = mgc_fastrand();
    m->keysize = k->size;
    m->elemoff = round_up(k->size, e->align);
    uint64_t align = k->align > e->align ? k->align : e->align;
    m->slotsize = round_up(m->elemoff + e->size, align);
    m->alg = key_alg(k);
    m->noscan = (k->flags & MGC_TYPE_NOSCAN) && (e->flags & MGC_TYPE_NOSCAN);
    /* Go ignores a hint that is negative or too large to allocate */
    if (hint > 0 && (uint64_t)hint < ((uint64_t)1 << 40) / (m->slotsize + 1))
        rebuild(m, slots_for((uint64_t)hint));
    return m;
}

/* &m[key] if present, else NULL; hashes even an empty map's key when that
 * can panic, as Go does. */
static void *lookup(const MgcType *mt, MgcMap *m, const void *key) {
    if (!m || m->count == 0) {
        if (hash_may_panic(mt->key))
            mgc_type_hash(mt->key, key, 0);
        return NULL;
    }
    int64_t i = find_slot(m, key, key_hash(m, key));
    return i < 0 ? NULL : slot_key(m, m->slots, (uint64_t)i) + m->elemoff;
}

/* m[key]: the element, or the shared zero value. */
void *mgc_mapaccess1(const MgcType *mt, MgcMap *m, const void *key) {
    void *e = lookup(mt, m, key);
    return e ? e : (void *)zero_of(mt->elem->size);
}

/* v, ok := m[key]. */
MgcMapAccess2 mgc_mapaccess2(const MgcType *mt, MgcMap *m, const void *key) {
    void *e = lookup(mt, m, key);
    return (MgcMapAccess2){e ? e : (void *)zero_of(mt->elem->size), e != NULL};
}

/* m[key] = ...: the element's slot, the entry inserted if absent. */
void *mgc_mapassign(const MgcType *mt, MgcMap *m, const void *key) {
    (void)mt;
    if (!m)
        mgc_panic_runtime_error("assignment to entry in nil map");
    uint64_t h = key_hash(m, key);
    int64_t found = find_slot(m, key, h);
    if (found >= 0) {
        /* the key is stored again: -0 replaces +0, as in Go */
        uint8_t *k = slot_key(m, m->slots, (uint64_t)found);
        memmove(k, key, (size_t)m->keysize);
        return k + m->elemoff;
    }
    if (!m->ctrl) {
        rebuild(m, MIN_SLOTS);
    } else if ((m->used + 1) * 4 > (m->mask + 1) * 3) {
        uint64_t n = m->mask + 1;
        rebuild(m, ((uint64_t)m->count + 1) * 2 > n ? n * 2 : n);
    }
    uint64_t i = free_slot(m, h);
    if (m->ctrl[i] == CTRL_EMPTY)
        m->used++;
    m->ctrl[i] = (uint8_t)(CTRL_FULL | (h & 0x7f));
    m->count++;
    uint8_t *k = slot_key(m, m->slots, i);
    memmove(k, key, (size_t)m->keysize);
    memset(k + m->keysize, 0, (size_t)(m->slotsize - m->keysize));
    return k + m->elemoff;
}

/* delete(m, key). */
void mgc_mapdelete(const MgcType *mt, MgcMap *m, const void *key) {
    if (!m || m->count == 0) {
        if (hash_may_panic(mt->key))
            mgc_type_hash(mt->key, key, 0);
        return;
    }
    int64_t i = find_slot(m, key, key_hash(m, key));
    if (i < 0)
        return;
    m->ctrl[i] = CTRL_DELETED;
    memset(slot_key(m, m->slots, (uint64_t)i), 0, (size_t)m->slotsize);
    if (--m->count == 0) {
        /* nothing left: every slot is free again (iterators on this table
         * skip empty and deleted slots alike) */
        memset(m->ctrl, CTRL_EMPTY, (size_t)(m->mask + 1));
        m->used = 0;
        m->seed = mgc_fastrand();
    }
}

/* len(m). */
int64_t mgc_maplen(MgcMap *m) {
    return m ? m->count : 0;
}

/* Starts a range over m at a random slot and moves to its first entry. */
void mgc_mapiterinit(const MgcType *mt, MgcMap *m, MgcMapIter *it) {
    (void)mt;
    IterState *s = (IterState *)it->priv;
    it->key = it->elem = NULL;
    if (!m || m->count == 0)
        return;
    *s = (IterState){.m = m, .ctrl = m->ctrl, .slots = m->slots, .mask = m->mask,
                     .start = mgc_fastrand() & m->mask};
    mgc_mapiternext(it);
}

/* Moves it to the next entry, or sets it->key NULL at the end. */
void mgc_mapiternext(MgcMapIter *it) {
    IterState *s = (IterState *)it->priv;
    MgcMap *m = s->m;
    while (m && s->done <= s->mask) {
        uint64_t i = (s->start + s->done) & s->mask;
        s->done++;
        if (s->ctrl[i] < CTRL_FULL)
            continue;
        uint8_t *k = slot_key(m, s->slots, i);
        if (s->ctrl != m->ctrl && key_equal(m, k, k)) {
            /* the table was rebuilt: the entry as the map has it now */
            int64_t j = find_slot(m, k, key_hash(m, k));
            if (j < 0)
                continue;
            k = slot_key(m, m->slots, (uint64_t)j);
        }
        it->key = k;
        it->elem = k + m->elemoff;
        return;
    }
    it->key = it->elem = NULL;
}
