/* pool.c — free lists of fixed-size objects that outlive a function.
 *
 * Objects are carved from the pool's own backing region and never returned
 * to it; a put object goes on the free list, zeroed, and the next get takes
 * it back.  Only the first word of a free object is used (the list link), and
 * it is zeroed again on get, so every get returns an all-zero object.
 *
 * With clear_on_put false (the `-d retain=pool` mode) a put object is neither
 * cleared nor reused: it keeps whatever it pointed at, and the pool grows with
 * every function instead of the largest one. */
#include "mem/mem.h"

#include <string.h>

#include "mem/poison.h"

enum { POOL_ALIGN = 16, POOL_CHUNK = 64 * 1024 };

/* Initializes an empty pool of objects of obj_size bytes. */
void pool_init(Pool *p, const char *name, size_t obj_size) {
    memset(p, 0, sizeof *p);
    p->name = name;
    if (obj_size < sizeof(void *))
        obj_size = sizeof(void *);
    p->obj_size = (obj_size + POOL_ALIGN - 1) & ~(size_t)(POOL_ALIGN - 1);
    arena_init(&p->backing, name, POOL_CHUNK);
    p->clear_on_put = true;
}

/* Returns a zeroed object, from the free list when it has one. */
void *pool_get(Pool *p) {
    void *obj;
    if (p->free_list) {
        obj = p->free_list;
        UNPOISON(obj, p->obj_size);
        memcpy(&p->free_list, obj, sizeof(void *));
        memset(obj, 0, sizeof(void *));
        p->stats.hits++;
    } else {
        obj = arena_zalloc(&p->backing, p->obj_size, POOL_ALIGN);
        p->stats.misses++;
        p->stats.bytes += p->obj_size;
    }
    p->stats.live++;
    if (p->stats.live > p->stats.high_water)
        p->stats.high_water = p->stats.live;
    return obj;
}

/* Gives obj back to the pool: cleared and queued for reuse, unless the pool
 * is in retain mode. */
void pool_put(Pool *p, void *obj) {
    if (!obj)
        return;
    p->stats.live--;
    if (!p->clear_on_put)
        return;
    memset(obj, 0, p->obj_size);
    memcpy(obj, &p->free_list, sizeof(void *));
    p->free_list = obj;
    POISON(obj, p->obj_size);
}

/* Returns all of the pool's memory to the system; the pool stays usable. */
void pool_free(Pool *p) {
    p->free_list = NULL;
    arena_free(&p->backing);
    p->stats.live = 0;
    p->stats.bytes = 0;
}
