/* scope.c — scopes: a hash table of Objects keyed by their interned name
 * (so keys compare by pointer), plus the objects in declaration order.
 * A scope's tables live in the arena it was created for (perm for the
 * universe and package scopes, ast for the others); they grow by copying
 * into a larger block of the same arena. */
#include <string.h>

#include "types/check.h"

/* Hashes an interned name by its address. */
static uint32_t name_hash(const char *name) {
    uint64_t h = (uint64_t)(uintptr_t)name;
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdULL;
    h ^= h >> 33;
    return (uint32_t)h;
}

/* Creates an empty scope nested in parent. */
Scope *scope_new(Arena *a, Scope *parent, const char *kind) {
    Scope *s = ARENA_NEW(a, Scope);
    s->parent = parent;
    s->kind = kind;
    s->is_func = kind && strcmp(kind, "func") == 0;
    return s;
}

/* Returns the slot of name in s's table: the object's, or an empty one. */
static Object **scope_slot(const Scope *s, const char *name) {
    uint32_t mask = s->cap - 1;
    for (uint32_t i = name_hash(name) & mask;; i = (i + 1) & mask)
        if (!s->objs[i] || s->objs[i]->name == name) return &s->objs[i];
}

/* Returns the object named name declared in s itself, or NULL. */
Object *scope_lookup_local(const Scope *s, const char *name) {
    if (!s || s->cap == 0 || !name) return NULL;
    return *scope_slot(s, name);
}

/* Returns the object named name in s or the nearest enclosing scope. */
Object *scope_lookup(const Scope *s, const char *name, const Scope **found) {
    for (; s; s = s->parent) {
        Object *obj = scope_lookup_local(s, name);
        if (obj) {
            if (found) *found = s;
            return obj;
        }
    }
    if (found) *found = NULL;
    return NULL;
}

/* Doubles the hash table (kept at most half full). */
static void scope_grow(Arena *a, Scope *s) {
    uint32_t old_cap = s->cap;
    Object **old = s->objs;
    s->cap = old_cap ? old_cap * 2 : 8;
    s->objs = ARENA_NEW_ARRAY(a, Object *, s->cap);
    for (uint32_t i = 0; i < old_cap; i++)
        if (old[i]) *scope_slot(s, old[i]->name) = old[i];
}

/* Declares obj in s; if the name is already declared in s, returns the
 * object already there and changes nothing.  Sets obj->parent to s if it
 * has no parent yet. */
Object *scope_insert(Arena *a, Scope *s, Object *obj) {
    Object *prev = scope_lookup_local(s, obj->name);
    if (prev) return prev;
    if ((s->count + 1) * 2 > s->cap) scope_grow(a, s);
    *scope_slot(s, obj->name) = obj;
    s->count++;
    if (s->norder == s->caporder) {
        uint32_t cap = s->caporder ? s->caporder * 2 : 8;
        Object **order = ARENA_NEW_ARRAY(a, Object *, cap);
        if (s->norder) memcpy(order, s->order, s->norder * sizeof *order);
        s->order = order;
        s->caporder = cap;
    }
    s->order[s->norder++] = obj;
    if (!obj->parent) obj->parent = s;
    return NULL;
}
