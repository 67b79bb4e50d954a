/* solve.c — the solver (gc: escape/solve.go).
 *
 * From every location (the root) a walk finds, for each location whose
 * value reaches the root, the minimal number of dereferences on the way
 * (Bellman-Ford with dereference counts floored at 0 once an address is
 * taken, so negative cycles cannot run forever).  If an address reaches a
 * root that outlives it, the location escapes; if a parameter's value
 * reaches the heap or a result, the parameter leaks there.  A location is
 * walked again only when it starts escaping or stops being transient, which
 * each happen at most once: the number of walks is linear in the number of
 * locations. */
#include <string.h>

#include "escape/esc.h"

/* ---- leaks: 0 means no flow, else derefs + 1, saturated ------------------ */

/* Reads one encoded leak slot. */
static int leak_get(uint8_t v) { return (int)v - 1; }

/* Lowers one encoded leak slot to derefs if that is shorter. */
static void leak_add(uint8_t *slot, int derefs) {
    int old = leak_get(*slot);
    if (old < 0 || derefs < old) {
        int v = derefs + 1;
        *slot = (uint8_t)(v > 255 ? 255 : v);
    }
}

int esc_leaks_heap(const EscLeaks *l) { return leak_get(l->heap); }

int esc_leaks_result(const EscLeaks *l, int i) { return leak_get(l->result[i]); }

void esc_leaks_add_heap(EscLeaks *l, int derefs) { leak_add(&l->heap, derefs); }

void esc_leaks_add_result(EscLeaks *l, int i, int derefs) { leak_add(&l->result[i], derefs); }

void esc_leaks_optimize(EscLeaks *l) {
    int h = esc_leaks_heap(l);
    if (h < 0) return;
    for (int i = 0; i < ESC_NUM_RESULTS; i++)
        if (esc_leaks_result(l, i) >= h) l->result[i] = 0;
}

/* ---- lifetimes ----------------------------------------------------------- */

/* Is c a function literal nested (at any depth) inside f? */
static bool contains_closure(const EscFunc *f, const EscFunc *c) {
    if (!f || !c || f == c) return false;
    for (const EscFunc *p = c->outer; p; p = p->outer)
        if (p == f) return true;
    return false;
}

/* Might values stored in l survive beyond other's lifetime if other were
 * on the stack?  The heap and results (whose callers are unknown) outlive
 * everything, except that a literal called where it is written may return
 * its enclosing function's variables; a location declared outside a loop
 * outlives one allocated inside it; a variable outlives what a nested
 * literal allocates. */
static inline bool outlives(const EscLoc *l, const EscLoc *other) {
    if (l->escapes) return true;
    if (l->result_index > 0) {
        if (contains_closure(other->curfn, l->curfn) && l->curfn->closure_called) return false;
        return true;
    }
    if (l->curfn == other->curfn && l->loop_depth < other->loop_depth) return true;
    if (contains_closure(l->curfn, other->curfn)) return true;
    return false;
}

bool esc_outlives(const EscLoc *l, const EscLoc *other) {
    return outlives(l, other);
}

/* Records that parameter l leaks to sink with derefs dereferences: to the
 * result if sink is a non-escaping result of l's own function that fits
 * the tag, else to the heap (gc's leakTo). */
static void leak_to(EscLoc *l, const EscLoc *sink, int derefs) {
    if (!sink->escapes && sink->result_index > 0 && sink->curfn == l->curfn) {
        int ri = sink->result_index - 1;
        if (ri < ESC_NUM_RESULTS) {
            esc_leaks_add_result(&l->param_esc, ri, derefs);
            return;
        }
    }
    esc_leaks_add_heap(&l->param_esc, derefs);
}

/* A LIFO work list of locations in the scratch region. */
typedef struct LocStack {
    EscLoc **items;
    int n, cap;
} LocStack;

/* Doubles s's storage in arena a. */
static void stack_grow(Arena *a, LocStack *s) {
    int cap = s->cap ? s->cap * 2 : 16;
    /* not zeroed: only items[0, n) are read */
    EscLoc **items = arena_alloc(a, sizeof *items * (size_t)cap, _Alignof(EscLoc *));
    if (s->n) memcpy(items, s->items, sizeof *items * (size_t)s->n);
    s->items = items;
    s->cap = cap;
}

/* Pushes loc onto s, growing it in arena a. */
static inline void stack_push(Arena *a, LocStack *s, EscLoc *loc) {
    if (s->n == s->cap) stack_grow(a, s);
    s->items[s->n++] = loc;
}

/* The walk queue of esc_solve. */
typedef struct Solver {
    EscBatch *b;
    LocStack todo;      /* roots still to walk */
    LocStack walk;      /* walkOne's own work list, reused */
    uint32_t walkgen;
} Solver;

/* Queues loc as a root unless it is already queued. */
static void enqueue(Solver *s, EscLoc *loc) {
    if (loc->queued) return;
    loc->queued = true;
    stack_push(s->b->ctx->arena, &s->todo, loc);
}

/* Prints, at -m=2, each step of the path by which src reached root (gc's
 * explainPath); a cycle in the recorded path truncates the explanation. */
static void explain_path(EscBatch *b, EscLoc *root, EscLoc *src) {
    Pos pos = esc_loc_pos(src);
    uint32_t mark = ++b->explain_gen;
    for (;;) {
        if (src->explain_mark == mark) {
            esc_warn(b->ctx, pos, "  warning: truncated explanation due to assignment cycle; see golang.org/issue/35518");
            break;
        }
        src->explain_mark = mark;
        EscLoc *dst = src->dst;
        if (!dst) break;
        EscEdge *edge = &dst->edges[src->dst_edge_idx];
        esc_explain_path_step(b, pos, dst, src, edge->derefs, edge->notes);
        if (dst == root) break;
        src = dst;
    }
}

/* Computes the minimal dereferences from root to every location that
 * flows to it, recording escapes and parameter leaks (gc's walkOne). */
static void walk_one(Solver *s, EscLoc *root) {
    EscBatch *b = s->b;
    uint32_t walkgen = ++s->walkgen;
    root->walkgen = walkgen;
    root->derefs = 0;
    root->dst = NULL;
    s->walk.n = 0;
    stack_push(b->ctx->arena, &s->walk, root);
    while (s->walk.n > 0) {
        EscLoc *l = s->walk.items[--s->walk.n];
        int derefs = l->derefs;
        /* "root = &l; l = x": l's address flows to root, x's does not */
        bool address_of = derefs < 0;
        if (address_of) {
            derefs = 0;
            if (!root->transient && l->transient) {
                l->transient = false;
                enqueue(s, l);
            }
        }
        if (outlives(root, l)) {
            if (l->is_param) {
                if (b->ctx->cfg->m >= 2 && !l->escapes) {
                    char what[256], where[256];
                    esc_loc_string(l, what, sizeof what);
                    esc_explain_loc(b, root, where, sizeof where);
                    esc_warn(b->ctx, esc_loc_pos(l), "parameter %s leaks to %s with derefs=%d:", what, where, derefs);
                    explain_path(b, root, l);
                }
                leak_to(l, root, derefs);
            }
            if (address_of && !l->escapes) {
                if (b->ctx->cfg->m >= 2) {
                    char what[512];
                    esc_loc_string(l, what, sizeof what);
                    esc_warn(b->ctx, esc_loc_pos(l), "%s escapes to heap:", what);
                    explain_path(b, root, l);
                }
                l->escapes = true;
                enqueue(s, l);
                continue;
            }
        }
        for (int i = 0; i < l->nedges; i++) {
            EscEdge *edge = &l->edges[i];
            EscLoc *src = edge->src;
            if (src->escapes) continue;
            int d = derefs + edge->derefs;
            if (src->walkgen != walkgen || src->derefs > d) {
                src->walkgen = walkgen;
                src->derefs = d;
                src->dst = l;
                src->dst_edge_idx = i;
                stack_push(b->ctx->arena, &s->walk, src);
            }
        }
    }
}

/* How many roots and walk entries the solver keeps on the C stack before
 * it takes room from the arena (most batches are one small function). */
enum { SOLVE_INLINE = 32 };

/* Walks from every location, and from the heap last-in first-out as gc
 * does, until no location changes (gc's walkAll). */
void esc_solve(EscBatch *b) {
    EscLoc *todo[SOLVE_INLINE], *walk[SOLVE_INLINE];
    Solver s = {.b = b, .todo = {todo, 0, SOLVE_INLINE}, .walk = {walk, 0, SOLVE_INLINE}};
    for (int i = 0; i < b->nall; i++)
        if (esc_worth_walking(b->all_locs[i])) enqueue(&s, b->all_locs[i]);
    enqueue(&s, &b->heap);
    while (s.todo.n > 0) {
        EscLoc *root = s.todo.items[--s.todo.n];
        root->queued = false;
        if (esc_worth_walking(root)) walk_one(&s, root);
    }
}
