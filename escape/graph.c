/* graph.c — the escape graph: locations, holes, notes and flows
 * (gc: escape/graph.go).
 *
 * A hole is the context an expression is evaluated in: the location its
 * value flows to and how many dereferences (or, at -1, one address-of) lie
 * between.  esc_flow turns "value of src flows into hole k" into an edge
 * k.dst <- src.  Every location lives in the scratch region (b->ctx->arena)
 * and is listed in b->all_locs in creation order, the order in which the
 * decisions are reported. */
#include <string.h>

#include "escape/esc.h"
#include "types/const.h"

/* gc's ir.MaxStackVarSize and ir.MaxImplicitStackVarSize. */
enum {
    MAX_STACK_VAR_SIZE = 10 * 1024 * 1024,
    MAX_IMPLICIT_STACK_VAR_SIZE = 64 * 1024,
};

/* Appends loc to the batch's list of all locations. */
static void push_loc(EscBatch *b, EscLoc *loc) {
    if (b->nall == b->capall) {
        int cap = b->capall ? b->capall * 2 : 64;
        EscLoc **items = ESC_ARRAY(b->ctx->arena, EscLoc *, cap);
        if (b->nall) memcpy(items, b->all_locs, sizeof *items * (size_t)b->nall);
        b->all_locs = items;
        b->capall = cap;
    }
    b->all_locs[b->nall++] = loc;
}

/* Creates a location for site n (or variable var) in function fn, at fn's
 * current loop depth (gc's newLoc).  A variable's location is bound to its
 * Object (Object.esc_slot: its index in all_locs) so that esc_lookup finds
 * it without hashing. */
EscLoc *esc_new_loc(EscBatch *b, EscFunc *fn, const AstNode *n, Object *var, bool transient) {
    if (!b->loc_block_left) {
        b->loc_block = ESC_ARRAY(b->ctx->arena, EscLoc, ESC_LOC_BLOCK);
        b->loc_block_left = ESC_LOC_BLOCK;
    }
    /* written whole (the compiler zeroes the rest inline) rather than
     * zeroed by the arena and then filled in */
    EscLoc *loc = b->loc_block++;
    b->loc_block_left--;
    *loc = (EscLoc){
        .n = n,
        .var = var,
        .curfn = fn,
        .loop_depth = fn ? fn->loop_depth : 0,
        .transient = transient,
        .batch = b,
        .is_param = var && (var->flags & OBJ_PARAM),
    };
    if (var) var->esc_slot = (uint32_t)b->nall;
    push_loc(b, loc);
    return loc;
}

/* The position gc reports for a note's node: a Name denotes its variable,
 * whose one IR node sits at the declaration. */
static Pos note_pos(const AstNode *where) {
    if (where->kind == AST_NAME) {
        const Object *o = AST_AS(AstName, where)->obj;
        if (o && (o->kind == OBJ_VAR || o->kind == OBJ_FUNC) && o->pos) return o->pos;
    }
    return where->pos;
}

/* The notes of k: an index into the notes of the batch of k's location
 * (a hole with notes always has one). */
EscNote *esc_hole_notes(EscHole k) {
    return k.notes ? k.dst->batch->notes[k.notes - 1] : NULL;
}

/* A new note in front of k's, in k's batch; k names it. */
static EscNote *push_note(EscHole *k) {
    EscBatch *b = k->dst->batch;
    EscNote *note = ARENA_NEW(b->ctx->arena, EscNote);
    note->next = esc_hole_notes(*k);
    if (b->nnotes == b->capnotes) {
        uint32_t cap = b->capnotes ? b->capnotes * 2 : 64;
        EscNote **items = arena_alloc(b->ctx->arena, sizeof *items * cap, _Alignof(EscNote *));
        if (b->nnotes) memcpy(items, b->notes, sizeof *items * b->nnotes);
        b->notes = items;
        b->capnotes = cap;
    }
    b->notes[b->nnotes++] = note;
    k->notes = b->nnotes;
    return note;
}

/* esc_note's work when -m=2 keeps notes: a note in front of k's. */
EscHole esc_note_kept(EscHole k, const AstNode *where, const char *why) {
    EscBatch *b = k.dst ? k.dst->batch : NULL;
    if (!b || !where || !why || b->ctx->cfg->m < 2) return k;
    EscNote *note = push_note(&k);
    note->where = note_pos(where);
    note->node = where;
    note->why = why;
    return k;
}

EscHole esc_text_note(EscHole k, Pos pos, const char *why, const char *text) {
    EscBatch *b = k.dst ? k.dst->batch : NULL;
    if (!b || !why || !text || b->ctx->cfg->m < 2) return k;
    EscNote *note = push_note(&k);
    note->where = pos;
    note->why = why;
    note->text = arena_strndup(b->ctx->arena, text, strlen(text));
    return k;
}

EscHole esc_note_at(EscHole k, const AstNode *where, Pos pos, const char *why) {
    EscHole r = esc_note(k, where, why);
    if (r.notes && r.notes != k.notes) esc_hole_notes(r)->where = pos;
    return r;
}

/* Room for n edges in b's arena: small arrays are carved from a block,
 * as most locations have a few edges. */
static EscEdge *edge_array(EscBatch *b, int n) {
    if (n > ESC_EDGE_BLOCK / 4) return ESC_ARRAY(b->ctx->arena, EscEdge, n);
    if (n > b->edge_block_left) {
        b->edge_block = ESC_ARRAY(b->ctx->arena, EscEdge, ESC_EDGE_BLOCK);
        b->edge_block_left = ESC_EDGE_BLOCK;
    }
    EscEdge *e = b->edge_block;
    b->edge_block += n;
    b->edge_block_left -= n;
    return e;
}

/* Records that src's value flows into hole k (gc's flow): flows to the
 * blank hole are dropped, as are self-assignments that dereference; an
 * address flowing into an escaping location makes src escape at once. */
void esc_flow(EscBatch *b, EscHole k, EscLoc *src) {
    if (k.addrtaken) src->addrtaken = true;
    EscLoc *dst = k.dst;
    if (!dst || dst == &b->blank) return;
    if (dst == src && k.derefs >= 0) return;
    if (dst->escapes && k.derefs < 0) {
        if (b->ctx->cfg->m >= 2) {   /* each time, as gc does, even if src escapes already */
            char what[512];
            esc_loc_string(src, what, sizeof what);
            esc_warn(b->ctx, esc_loc_pos(src), "%s escapes to heap:", what);
            esc_explain_flow(b, dst, src, k.derefs, esc_hole_notes(k));
        }
        src->escapes = true;
        return;
    }
    if (dst->nedges == dst->capedges) {
        int cap = dst->capedges ? dst->capedges * 2 : 4;
        EscEdge *edges = edge_array(b, cap);
        if (dst->nedges) memcpy(edges, dst->edges, sizeof *edges * (size_t)dst->nedges);
        dst->edges = edges;
        dst->capedges = cap;
    }
    EscEdge *e = &dst->edges[dst->nedges++];
    e->src = src;
    e->derefs = k.derefs;
    e->notes = esc_hole_notes(k);
}

/* The function that owns temporaries made now: the one being walked. */
static EscFunc *current_fn(EscBatch *b, EscHole k) {
    if (b->curfn) return b->curfn;
    return k.dst ? k.dst->curfn : NULL;
}

/* A new temporary that flows into every hole of ks (gc's teeHole).  No
 * hole may take an address: "p = &tmp; tmp = q" is not "p = &q". */
EscHole esc_tee(EscBatch *b, EscHole *ks, int nks) {
    if (nks == 0) return esc_discard_hole(b);
    if (nks == 1) return ks[0];
    EscLoc *loc = esc_new_loc(b, current_fn(b, ks[0]), NULL, NULL, true);
    for (int i = 0; i < nks; i++) esc_flow(b, ks[i], loc);
    return esc_hole(loc);
}

/* A hole that flows into k "some time later": a non-transient temporary
 * (gc's later). */
EscHole esc_later(EscBatch *b, EscHole k) {
    EscLoc *loc = esc_new_loc(b, current_fn(b, k), NULL, NULL, false);
    esc_flow(b, k, loc);
    return esc_hole(loc);
}

/* Allocation site n whose address flows to k; returns the hole for what
 * is stored in the allocation (gc's spill). */
EscHole esc_spill(EscBatch *b, EscHole k, const AstNode *n) {
    EscLoc *loc = esc_new_loc(b, current_fn(b, k), n, NULL, true);
    esc_flow(b, esc_addr(k, n, "spill"), loc);
    return esc_hole(loc);
}

/* Forces loc to the heap, explained by why ("non-constant size"). */
void esc_heap_alloc(EscBatch *b, EscLoc *loc, const char *why) {
    esc_flow(b, esc_addr(esc_heap_hole(b), loc->n, why), loc);
}

/* Is e a constant integer that fits in an int32 (gc's IsSmallIntConst)? */
static bool small_int_const(const AstNode *e, int64_t *v) {
    const AstExpr *x = (const AstExpr *)e;
    if (!x->cval || x->cval->kind != CONST_INT) return false;
    if (!const_to_int64(x->cval, v)) return false;
    return *v >= INT32_MIN && *v <= INT32_MAX;
}

/* The type of expression node n, or NULL if n is not an expression. */
static Type *node_type(const AstNode *n) {
    switch (n->kind) {
    case AST_NAME: case AST_BASIC_LIT: case AST_COMPOSITE_LIT: case AST_FUNC_LIT:
    case AST_PAREN_EXPR: case AST_SELECTOR_EXPR: case AST_INDEX_EXPR: case AST_SLICE_EXPR:
    case AST_ASSERT_EXPR: case AST_OPERATION: case AST_CALL_EXPR: case AST_KEY_VALUE_EXPR:
        return ((const AstExpr *)n)->type;
    default:
        return NULL;
    }
}

/* The builtin a call calls, or BUILTIN_NONE. */
static Builtin call_builtin(const AstCallExpr *call) {
    AstNode *f = esc_unparen(call->fun);
    if (f->kind != AST_NAME) return BUILTIN_NONE;
    const Object *o = AST_AS(AstName, f)->obj;
    return o && o->kind == OBJ_BUILTIN ? o->u.builtin : BUILTIN_NONE;
}

/* Whether a value of type t takes more than max bytes; only arrays and
 * structs can (every other type is at most three words), so only they
 * are measured. */
static bool larger_than(Type *t, int64_t max) {
    TypeKind k = esc_underlying(t)->kind;
    return (k == TY_ARRAY || k == TY_STRUCT || k == TY_TUPLE) && type_size(t) > max;
}

/* gc's HeapAllocReason: a variable or allocation that cannot be on the
 * stack whatever flows where — over 10 MiB, an implicit allocation (new,
 * &T{}) over 64 KiB, or make of a slice with a non-constant or too large
 * size.  Parameters are always on the stack. */
const char *esc_heap_alloc_reason(const EscLoc *loc) {
    if (loc->var) {
        if (loc->var->flags & (OBJ_PARAM | OBJ_RESULT)) return NULL;
        if (loc->var->type && larger_than(loc->var->type, MAX_STACK_VAR_SIZE)) return "too large for stack";
        return NULL;
    }
    const AstNode *n = loc->n;
    if (!n || loc->conv || loc->ddd) return NULL;
    Type *t = node_type(n);
    if (!t) return NULL;
    if (larger_than(t, MAX_STACK_VAR_SIZE)) return "too large for stack";
    Type *u = esc_underlying(t);
    bool ptr_lit = n->kind == AST_OPERATION && AST_AS(AstOperation, n)->op == OP_AND && !AST_AS(AstOperation, n)->y;
    bool is_new = n->kind == AST_CALL_EXPR && call_builtin(AST_AS(AstCallExpr, n)) == BUILTIN_NEW;
    if ((ptr_lit || is_new) && u->kind == TY_POINTER && larger_than(u->u.array.elem, MAX_IMPLICIT_STACK_VAR_SIZE))
        return "too large for stack";
    if (n->kind == AST_CALL_EXPR && call_builtin(AST_AS(AstCallExpr, n)) == BUILTIN_MAKE && u->kind == TY_SLICE) {
        const AstCallExpr *call = AST_AS(AstCallExpr, n);
        if (call->args.n < 2) return NULL;
        const AstNode *r = call->args.items[call->args.n >= 3 ? 2 : 1];
        int64_t v;
        if (!small_int_const(r, &v)) return "non-constant size";
        int64_t w = type_size(u->u.array.elem);
        if (w != 0 && v > MAX_IMPLICIT_STACK_VAR_SIZE / w) return "too large for stack";
    }
    return NULL;
}
