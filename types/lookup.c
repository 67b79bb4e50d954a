/* lookup.c — field and method lookup through embedded fields, method sets,
 * interface method sets and interface satisfaction, as types2 does them
 * (lookup.go, typeset.go).
 *
 * Lookup is breadth-first: all embedded fields at depth d are searched
 * before any at depth d+1; two matches at the shallowest depth where the
 * name occurs make the selector ambiguous.  The search's worklists live in
 * a temporary arena released before returning; only the index path of the
 * result is kept. */
#include <string.h>
#include <strings.h>

#include "types/check.h"

/* One embedded type to search at the current depth. */
typedef struct Embedded {
    Type *type;            /* without the pointer, if it was *T */
    int *path;             /* field indices from the outer type (tmp) */
    int depth;
    bool indirect;         /* a pointer was followed to get here */
    bool multiples;        /* reached through several embeddings at this depth */
} Embedded;

/* A growable list of Embedded in the temporary arena. */
typedef struct EmbeddedList {
    Embedded *items;
    int n, cap;
} EmbeddedList;

/* The state of one lookup. */
typedef struct Lookup {
    Arena *tmp;
    const Package *pkg;
    const char *name;
    bool fold_case;        /* match names case-insensitively (for hints) */
} Lookup;

/* Appends e to l. */
static void list_push(Arena *tmp, EmbeddedList *l, Embedded e) {
    if (l->n == l->cap) {
        int cap = l->cap ? l->cap * 2 : 8;
        Embedded *items = ARENA_NEW_ARRAY(tmp, Embedded, cap);
        if (l->n) memcpy(items, l->items, (size_t)l->n * sizeof *items);
        l->items = items;
        l->cap = cap;
    }
    l->items[l->n++] = e;
}

/* Returns path + [i] as a new array in a. */
static int *path_append(Arena *a, const int *path, int depth, int i) {
    int *p = ARENA_NEW_ARRAY(a, int, depth + 1);
    if (depth) memcpy(p, path, (size_t)depth * sizeof *p);
    p[depth] = i;
    return p;
}

/* Returns t without one level of pointer, and whether there was one. */
static Type *deref(Type *t, bool *is_ptr) {
    *is_ptr = false;
    if (t && t->kind == TY_POINTER) {
        *is_ptr = true;
        return t->u.array.elem;
    }
    return t;
}

/* Reports whether the field or method name matches the lookup. */
static bool matches(const Lookup *lk, const char *name, const Package *pkg) {
    if (!name) return false;
    if (lk->fold_case) return strcasecmp(name, lk->name) == 0;
    if (name != lk->name && strcmp(name, lk->name) != 0) return false;
    return name_is_exported(name) || pkg == lk->pkg;
}

/* Returns the package of a method's function object. */
static const Package *method_pkg(const TypeMethod *m) { return m->func ? m->func->pkg : NULL; }

/* Reports whether a method object has a pointer receiver. */
static bool has_ptr_recv(const Object *f) {
    Type *sig = f ? f->type : NULL;
    if (!sig || sig->kind != TY_FUNC || !sig->u.func.recv) return false;
    return sig->u.func.recv->kind == TY_POINTER;
}

/* Merges entries of l with identical types: the first is kept and marked
 * as reached several times. */
static void consolidate(EmbeddedList *l) {
    int n = 0;
    for (int i = 0; i < l->n; i++) {
        int j;
        for (j = 0; j < n; j++)
            if (type_identical(l->items[j].type, l->items[i].type)) break;
        if (j < n) l->items[j].multiples = true;
        else l->items[n++] = l->items[i];
    }
    l->n = n;
}

/* Searches t (not a named pointer type) for the field or method; see
 * lookup_field_or_method.  The result's path is allocated in out_arena. */
static Selection lookup_impl(Lookup *lk, Arena *out_arena, Type *t, bool addressable) {
    Selection sel = { 0 };
    sel.kind = SEL_NONE;
    if (!lk->name || strcmp(lk->name, "_") == 0) return sel;
    bool is_ptr;
    Type *typ = deref(t, &is_ptr);
    /* *I for an interface I has no methods. */
    if (is_ptr && type_underlying(typ)->kind == TY_INTERFACE) return sel;

    EmbeddedList cur = { 0 }, seen = { 0 };
    list_push(lk->tmp, &cur, (Embedded){ typ, NULL, 0, is_ptr, false });
    while (cur.n > 0) {
        EmbeddedList next = { 0 };
        bool found = false;
        int *path = NULL;
        int depth = 0;
        for (int k = 0; k < cur.n; k++) {
            Embedded e = cur.items[k];
            typ = e.type;
            if (typ->kind == TY_NAMED) {
                bool dup = false;
                for (int s = 0; s < seen.n && !dup; s++) dup = seen.items[s].type == typ;
                if (dup) continue;
                list_push(lk->tmp, &seen, e);
                const TypeMethod *ms = typ->u.named.methods;
                int i, nm = typ->u.named.nmethods;
                for (i = 0; i < nm; i++)
                    if (matches(lk, ms[i].name, method_pkg(&ms[i]))) break;
                if (i < nm) {
                    if (found || e.multiples) {
                        sel.kind = SEL_AMBIGUOUS;
                        return sel;
                    }
                    found = true;
                    sel.kind = SEL_METHOD;
                    sel.method = ms[i].func;
                    sel.indirect = e.indirect;
                    path = path_append(lk->tmp, e.path, e.depth, i);
                    depth = e.depth;
                    continue; /* a named type's method hides its fields */
                }
            }
            Type *u = type_underlying(typ);
            if (u->kind == TY_STRUCT) {
                for (int i = 0; i < u->u.strct.n; i++) {
                    TypeField *f = &u->u.strct.fields[i];
                    if (matches(lk, f->name, f->pkg)) {
                        if (found || e.multiples) {
                            sel.kind = SEL_AMBIGUOUS;
                            return sel;
                        }
                        found = true;
                        sel.kind = SEL_FIELD;
                        sel.field = f;
                        sel.method = NULL;
                        sel.indirect = e.indirect;
                        path = path_append(lk->tmp, e.path, e.depth, i);
                        depth = e.depth;
                        continue;
                    }
                    if (!found && f->embedded) {
                        bool p;
                        Type *ft = deref(f->type, &p);
                        list_push(lk->tmp, &next,
                                  (Embedded){ ft, path_append(lk->tmp, e.path, e.depth, i), e.depth + 1,
                                              e.indirect || p, e.multiples });
                    }
                }
            } else if (u->kind == TY_INTERFACE) {
                int nall = u->u.iface.complete ? u->u.iface.nall : u->u.iface.nmethods;
                const TypeMethod *all = u->u.iface.complete ? u->u.iface.all : u->u.iface.methods;
                for (int i = 0; i < nall; i++) {
                    if (!matches(lk, all[i].name, method_pkg(&all[i]))) continue;
                    if (found || e.multiples) {
                        sel.kind = SEL_AMBIGUOUS;
                        return sel;
                    }
                    found = true;
                    sel.kind = SEL_METHOD;
                    sel.method = all[i].func;
                    sel.indirect = e.indirect;
                    path = path_append(lk->tmp, e.path, e.depth, i);
                    depth = e.depth;
                    break;
                }
            }
        }
        if (found) {
            sel.depth = depth;
            sel.path = ARENA_NEW_ARRAY(out_arena, int, depth + 1);
            memcpy(sel.path, path, (size_t)(depth + 1) * sizeof *path);
            /* A method with a pointer receiver needs &x: x must be a
             * pointer or addressable. */
            if (sel.kind == SEL_METHOD && has_ptr_recv(sel.method) && !sel.indirect && !addressable)
                sel.kind = SEL_NONE;
            return sel;
        }
        consolidate(&next);
        cur = next;
    }
    return sel;
}

/* Looks up a field or method of t, following a named pointer type's
 * underlying pointer for fields only (such types have no methods). */
static Selection lookup_top(Lookup *lk, Arena *out_arena, Type *t, bool addressable) {
    if (t && t->kind == TY_NAMED && type_underlying(t)->kind == TY_POINTER) {
        Selection sel = lookup_impl(lk, out_arena, type_underlying(t), false);
        if (sel.method) {
            Selection none = { 0 };
            none.kind = SEL_NONE;
            return none;
        }
        return sel;
    }
    return lookup_impl(lk, out_arena, t, addressable);
}

/* Finds field or method `name` of t as seen from package pkg (for
 * unexported names).  addressable: t is the type of an addressable value. */
Selection lookup_field_or_method(Checker *c, Type *t, bool addressable, Package *pkg, const char *name) {
    Arena *tmp = mem_scratch(c->mem);
    ArenaMark mark = arena_mark(tmp);
    Lookup lk = { tmp, pkg, name, false };
    Selection sel = lookup_top(&lk, c->ast, t, addressable);
    arena_release(tmp, mark);
    return sel;
}

/* ---- Interfaces ------------------------------------------------------- */

/* Orders methods as gc does: exported names first, then by name, then by
 * package path. */
static int method_cmp(const TypeMethod *a, const TypeMethod *b) {
    bool ea = name_is_exported(a->name), eb = name_is_exported(b->name);
    if (ea != eb) return ea ? -1 : 1;
    int d = strcmp(a->name, b->name);
    if (d) return d;
    const Package *pa = method_pkg(a), *pb = method_pkg(b);
    const char *sa = pa && pa->path ? pa->path : "", *sb = pb && pb->path ? pb->path : "";
    return strcmp(sa, sb);
}

/* Sorts methods in place (insertion sort: method sets are small). */
static void sort_methods(TypeMethod *m, int n) {
    for (int i = 1; i < n; i++) {
        TypeMethod x = m[i];
        int j = i;
        for (; j > 0 && method_cmp(&m[j - 1], &x) > 0; j--) m[j] = m[j - 1];
        m[j] = x;
    }
}

/* Returns the index in ms[0..n) of the method with the same identifier as
 * m, or -1. */
static int find_method(const TypeMethod *ms, int n, const TypeMethod *m) {
    for (int i = 0; i < n; i++) {
        if (strcmp(ms[i].name, m->name) != 0) continue;
        if (name_is_exported(m->name) || method_pkg(&ms[i]) == method_pkg(m)) return i;
    }
    return -1;
}

/* Reports "duplicate method M" at pos, with the other declaration. */
static void report_duplicate(Checker *c, Pos pos, const char *name, Pos other) {
    char where[256];
    diag_format_pos(c->diag, other, where, sizeof where);
    check_errorf(c, pos, "duplicate method %s\n\t%s: other declaration of %s", name, where, name);
}

/* Completes iface's method set: its own methods, then those of embedded
 * interfaces (identical duplicates through embedding are allowed since Go
 * 1.14; others are errors), sorted in gc's order. */
void interface_complete(Checker *c, Type *iface) {
    Type *t = type_underlying(iface);
    if (t->kind != TY_INTERFACE || t->u.iface.complete) return;
    /* An embedded type still being resolved (type I interface{ M() J };
     * type J interface{ I }): leave the set for a later call. */
    for (int i = 0; i < t->u.iface.nembeddeds; i++) {
        Type *e = t->u.iface.embeddeds[i];
        if (e && e->kind == TY_NAMED && !e->u.named.underlying) return;
    }
    /* Mark first, so that an invalid cycle of embeddings stops here. */
    t->u.iface.complete = true;
    t->u.iface.all = t->u.iface.methods;
    t->u.iface.nall = t->u.iface.nmethods;

    int cap = t->u.iface.nmethods;
    for (int i = 0; i < t->u.iface.nembeddeds; i++) {
        Type *e = type_underlying(t->u.iface.embeddeds[i]);
        if (e->kind != TY_INTERFACE) continue;
        interface_complete(c, e);
        cap += e->u.iface.nall;
    }
    TypeMethod *all = ARENA_NEW_ARRAY(c->perm, TypeMethod, cap > 0 ? cap : 1);
    Arena *tmp = mem_scratch(c->mem);
    ArenaMark mark = arena_mark(tmp);
    Pos *where = ARENA_NEW_ARRAY(tmp, Pos, cap > 0 ? cap : 1);
    int n = 0;
    for (int i = 0; i < t->u.iface.nmethods; i++) {
        TypeMethod *m = &t->u.iface.methods[i];
        Pos pos = m->func ? m->func->pos : POS_NONE;
        int j = find_method(all, n, m);
        if (j >= 0) {
            report_duplicate(c, pos, m->name, where[j]);
            continue;
        }
        where[n] = pos;
        all[n++] = *m;
    }
    for (int i = 0; i < t->u.iface.nembeddeds; i++) {
        Type *et = t->u.iface.embeddeds[i];
        Type *e = type_underlying(et);
        if (e->kind != TY_INTERFACE) continue;
        if (e->u.iface.is_comparable) t->u.iface.is_comparable = true;
        Pos pos = t->u.iface.embedpos ? t->u.iface.embedpos[i]
                  : et->kind == TY_NAMED && et->u.named.obj ? et->u.named.obj->pos : POS_NONE;
        for (int k = 0; k < e->u.iface.nall; k++) {
            const TypeMethod *m = &e->u.iface.all[k];
            int j = find_method(all, n, m);
            if (j >= 0) {
                Type *a = all[j].func ? all[j].func->type : NULL, *b = m->func ? m->func->type : NULL;
                if (!type_identical(a, b)) report_duplicate(c, pos, m->name, where[j]);
                continue;
            }
            where[n] = pos;
            all[n++] = *m;
        }
    }
    arena_release(tmp, mark);
    sort_methods(all, n);
    t->u.iface.all = all;
    t->u.iface.nall = n;
}

/* Writes "(<what>)\n\t\thave <have>\n\t\twant <want>" into reason. */
static void wrong_reason(char *reason, size_t size, const char *what, const Object *have, const TypeMethod *want) {
    char h[512], w[512];
    type_method_string(have->name, have->type, h, sizeof h);
    type_method_string(want->name, want->func ? want->func->type : NULL, w, sizeof w);
    snprintf(reason, size, "(%s)\n\t\thave %s\n\t\twant %s", what, h, w);
}

/* Reports whether t is a pointer to an interface, writing gc's reason. */
static bool interface_ptr_reason(Type *t, char *reason, size_t size) {
    if (!t || t->kind != TY_POINTER || !type_is_interface(t->u.array.elem)) return false;
    char ts[256];
    type_string(t, ts, sizeof ts);
    snprintf(reason, size, "(type %s is pointer to interface, not interface)", ts);
    return true;
}

/* Reports whether t implements the interface iface (its method set holds
 * every method of iface with an identical signature).  If not, writes
 * gc's parenthesized reason: "(missing M method)", "(M method has pointer
 * receiver)", "(wrong type for M method)\n\t\thave ...\n\t\twant ...". */
bool types_implements(Checker *c, Type *t, Type *iface, char *reason, size_t n) {
    if (reason && n) reason[0] = 0;
    char dummy[8];
    if (!reason) reason = dummy, n = sizeof dummy;
    Type *it = type_underlying(iface);
    if (it->kind != TY_INTERFACE) return false;
    interface_complete(c, it);
    if (type_underlying(t)->kind == TY_INVALID) return true;
    Type *vu = type_underlying(t);
    if (vu->kind == TY_INTERFACE) interface_complete(c, vu);
    Arena *tmp = mem_scratch(c->mem);
    ArenaMark mark = arena_mark(tmp);
    bool ok = true;
    for (int i = 0; i < it->u.iface.nall && ok; i++) {
        const TypeMethod *m = &it->u.iface.all[i];
        Type *mt = m->func ? m->func->type : NULL;
        Lookup lk = { tmp, method_pkg(m), m->name, false };
        if (vu->kind == TY_INTERFACE) {
            int j = find_method(vu->u.iface.all, vu->u.iface.nall, m);
            if (j < 0) {
                snprintf(reason, n, "(missing %s method)", m->name);
                ok = false;
            } else if (!type_identical(vu->u.iface.all[j].func->type, mt)) {
                char what[256];
                snprintf(what, sizeof what, "wrong type for %s method", m->name);
                wrong_reason(reason, n, what, vu->u.iface.all[j].func, m);
                ok = false;
            }
            continue;
        }
        Selection sel = lookup_top(&lk, tmp, t, false);
        if (sel.kind == SEL_METHOD) {
            if (!type_identical(sel.method->type, mt)) {
                char what[256];
                snprintf(what, sizeof what, "wrong type for %s method", m->name);
                wrong_reason(reason, n, what, sel.method, m);
                ok = false;
            }
            continue;
        }
        ok = false;
        if (sel.kind == SEL_NONE && !sel.method) {
            /* Perhaps *t has it (a pointer receiver), or a method whose
             * name differs only in case. */
            Type *pt = type_new_pointer(tmp, t);
            if (t->ptr_to == pt) t->ptr_to = NULL; /* never cache a tmp type */
            Selection ps = lookup_top(&lk, tmp, pt, false);
            if (ps.kind == SEL_METHOD) sel = ps;
            else {
                lk.fold_case = true;
                ps = lookup_top(&lk, tmp, t, false);
                if (ps.kind == SEL_METHOD || (ps.kind == SEL_NONE && ps.method)) sel.method = ps.method;
            }
        }
        if (sel.method && sel.kind != SEL_AMBIGUOUS) {
            const char *name = sel.method->name;
            bool same_name = strcmp(name, m->name) == 0;
            bool same_type = type_identical(sel.method->type, mt);
            char what[256];
            if (same_name && same_type) {
                snprintf(reason, n, "(%s method has pointer receiver)", m->name);
                continue;
            }
            snprintf(what, sizeof what, same_name ? "wrong type for %s method" : "missing %s method", m->name);
            wrong_reason(reason, n, what, sel.method, m);
            continue;
        }
        if (!interface_ptr_reason(t, reason, n) && !interface_ptr_reason(iface, reason, n))
            snprintf(reason, n, "(missing %s method)", m->name);
    }
    arena_release(tmp, mark);
    return ok;
}

/* ---- Method sets ------------------------------------------------------ */

/* Adds name to the list of candidate method names if it is not there. */
static void add_name(Arena *tmp, const char ***names, const Package ***pkgs, int *n, int *cap, const char *name,
                     const Package *pkg) {
    for (int i = 0; i < *n; i++)
        if (strcmp((*names)[i], name) == 0 && (*pkgs)[i] == pkg) return;
    if (*n == *cap) {
        int nc = *cap ? *cap * 2 : 16;
        const char **nn = ARENA_NEW_ARRAY(tmp, const char *, nc);
        const Package **np = ARENA_NEW_ARRAY(tmp, const Package *, nc);
        if (*n) {
            memcpy(nn, *names, (size_t)*n * sizeof *nn);
            memcpy(np, *pkgs, (size_t)*n * sizeof *np);
        }
        *names = nn, *pkgs = np, *cap = nc;
    }
    (*names)[*n] = name;
    (*pkgs)[*n] = pkg;
    (*n)++;
}

/* Returns the method set of t in a (see types.h). */
int type_method_set(Arena *a, Arena *tmp, Type *t, Selection **out) {
    *out = NULL;
    ArenaMark mark = arena_mark(tmp);
    Type *u = type_underlying(t);
    if (u->kind == TY_INTERFACE) {
        int n = u->u.iface.complete ? u->u.iface.nall : u->u.iface.nmethods;
        const TypeMethod *ms = u->u.iface.complete ? u->u.iface.all : u->u.iface.methods;
        Selection *sels = ARENA_NEW_ARRAY(a, Selection, n > 0 ? n : 1);
        for (int i = 0; i < n; i++) {
            sels[i].kind = SEL_METHOD;
            sels[i].method = ms[i].func;
            sels[i].path = ARENA_NEW(a, int);
            sels[i].path[0] = i;
        }
        *out = sels;
        return n;
    }
    /* Collect every method name reachable through embedding, then keep
     * those that a lookup on t finds as methods of its method set. */
    const char **names = NULL;
    const Package **pkgs = NULL;
    int nnames = 0, capnames = 0;
    bool is_ptr;
    Type *base = deref(t, &is_ptr);
    if (t->kind == TY_NAMED && u->kind == TY_POINTER) base = NULL; /* named pointers have none */
    EmbeddedList work = { 0 };
    if (base) list_push(tmp, &work, (Embedded){ base, NULL, 0, false, false });
    for (int k = 0; k < work.n && k < 10000; k++) {
        Type *et = work.items[k].type;
        bool dup = false;
        for (int s = 0; s < k && !dup; s++) dup = work.items[s].type == et;
        if (dup) continue;
        if (et->kind == TY_NAMED)
            for (int i = 0; i < et->u.named.nmethods; i++)
                add_name(tmp, &names, &pkgs, &nnames, &capnames, et->u.named.methods[i].name,
                         method_pkg(&et->u.named.methods[i]));
        Type *eu = type_underlying(et);
        if (eu->kind == TY_STRUCT) {
            for (int i = 0; i < eu->u.strct.n; i++) {
                if (!eu->u.strct.fields[i].embedded) continue;
                bool p;
                list_push(tmp, &work, (Embedded){ deref(eu->u.strct.fields[i].type, &p), NULL, 0, false, false });
            }
        } else if (eu->kind == TY_INTERFACE && k > 0) {
            for (int i = 0; i < eu->u.iface.nall; i++)
                add_name(tmp, &names, &pkgs, &nnames, &capnames, eu->u.iface.all[i].name,
                         method_pkg(&eu->u.iface.all[i]));
        }
    }
    Selection *sels = ARENA_NEW_ARRAY(a, Selection, nnames > 0 ? nnames : 1);
    TypeMethod *order = ARENA_NEW_ARRAY(tmp, TypeMethod, nnames > 0 ? nnames : 1);
    int n = 0;
    for (int i = 0; i < nnames; i++) {
        Lookup lk = { tmp, pkgs[i], names[i], false };
        Selection sel = lookup_top(&lk, a, t, false);
        if (sel.kind != SEL_METHOD) continue;
        order[n].name = names[i];
        order[n].func = sel.method;
        sels[n++] = sel;
    }
    /* Sort the selections in gc's order (insertion sort on both arrays). */
    for (int i = 1; i < n; i++) {
        TypeMethod x = order[i];
        Selection s = sels[i];
        int j = i;
        for (; j > 0 && method_cmp(&order[j - 1], &x) > 0; j--) order[j] = order[j - 1], sels[j] = sels[j - 1];
        order[j] = x, sels[j] = s;
    }
    arena_release(tmp, mark);
    *out = sels;
    return n;
}
