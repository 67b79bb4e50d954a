/* esc.h — internals of escape analysis shared by its files, modelled on
 * gc's cmd/compile/internal/escape (Go 1.19); names follow gc's so that its
 * comments explain ours.
 *
 *   escape.c   escape_analyze: prepasses, the call graph's strongly connected
 *              components bottom-up (Tarjan), one batch per component,
 *              finishing (tags, marks, -m lines)              (gc: escape.go)
 *   graph.c    locations, edges, holes, notes, flows          (gc: graph.go)
 *   solve.c    the solver: walkAll/walkOne, outlives, leaks   (gc: solve.go)
 *   walk.c     statements and assignments of the typed AST    (gc: stmt.go, assign.go)
 *   expr.c     expressions                                    (gc: expr.go)
 *   call.c     calls, arguments, builtins, parameter tags     (gc: call.go)
 *   prepass.c  devirtualization and constant-false dead code  (gc: devirtualize, deadcode)
 *   init.c     the package's init function: dynamic package
 *              variable initializers, analyzed last           (gc: pkginit, staticinit)
 *   report.c   gc's words: -m lines, -m=2 flow explanations, and expressions
 *              printed as gc prints IR nodes (&T{...}, make([]int, n))
 *   wrapper.c  the method wrappers gc generates, in its order, analyzed
 *              alone at -m=2                     (gc: reflectdata.methodWrapper)
 *
 * Memory: everything here is in the scratch region (c->arena), released
 * when escape_analyze returns.  Nothing longer-lived may point into it: a
 * variable finds its location through Object.esc_slot, an index into the
 * batch's all_locs checked before use, never a pointer. */
#ifndef MGC_ESCAPE_ESC_H
#define MGC_ESCAPE_ESC_H

#include "escape/escape.h"
#include "types/types.h"

typedef struct EscLoc EscLoc;
typedef struct EscFunc EscFunc;

/* An array of n T in arena a, not zeroed: for arrays whose elements are
 * all written before they are read (grown lists, filled tables). */
#define ESC_ARRAY(a, T, n) ((T *)arena_alloc((a), sizeof(T) * (size_t)(n), _Alignof(T)))

/* Marks of the prepass (AstNode.flags, beside escape.h's AST_ESC_*). */
enum {
    /* on a FuncDecl or FuncLit: its body has a goto or a type switch that
     * binds a variable, so walk.c scans it for looping labels and clause
     * variables before walking it */
    AST_ESC_FN_SCAN = 1u << 16,
    /* on an expression: evaluating it into the blank hole (not for its
     * address) flows nothing anywhere, so the walk skips it (prepass.c's
     * walk_inner says which expressions are) */
    AST_ESC_INERT = 1u << 17,
    /* on a call with variadic arguments and no "...": the walk has met
     * it, and from then on gc prints it with its extra arguments packed,
     * f(... argument...) (FixVariadicCall rewrites the node then) */
    AST_ESC_PACKED = 1u << 18,
};

/* An explanation of one step of a flow, for -m=2 ("from &x (address-of) at x.go:10:9"). */
typedef struct EscNote {
    struct EscNote *next;
    Pos where;
    const AstNode *node;     /* the expression or statement, printed as gc does */
    const char *why;         /* "address-of", "assign", "call parameter", "return", "spill", ... */
    bool ddd;                /* node is a variadic call standing for its implicit slice:
                                printed "... argument" */
    const char *text;        /* if set, printed instead of node (nodes gc makes that the
                                AST has not: w.(T).F of a partial devirtualization) */
} EscNote;

/* src flows to the edge's owner with derefs dereferences (-1: &src). */
typedef struct EscEdge {
    EscLoc *src;
    int derefs;
    EscNote *notes;
} EscEdge;

/* A context for evaluating an expression: where its value flows.  derefs
 * -1 means the address is taken; dst NULL is the blank hole (discard).
 * Holes are passed by value through every step of the walk, so they are
 * kept to 16 bytes (two registers): the notes are an index. */
typedef struct EscHole {
    EscLoc *dst;
    int16_t derefs;
    bool addrtaken;          /* the value's address is taken (&x, method with pointer receiver) */
    uint32_t notes;          /* -m=2: the explanation so far, 1 + its index in the batch's
                                notes (esc_hole_notes); 0: none */
} EscHole;

/* An abstract memory location: a variable, an allocation, the heap, a
 * result parameter, or a temporary. */
struct EscLoc {
    const AstNode *n;        /* allocation site or declaring Name; NULL for heap/temporaries */
    Object *var;             /* the variable, if a variable's location */
    EscFunc *curfn;          /* owning function (NULL for the heap) */
    EscEdge *edges;
    int nedges, capedges;
    int loop_depth;          /* loop nesting where it is declared/allocated */
    int result_index;        /* 1 + result index for result parameters, else 0 */
    struct EscBatch *batch;  /* the batch it belongs to (notes are allocated there) */
    Pos pos;                 /* where -m reports the site, when not at n's position (0: n->pos) */
    bool is_heap;            /* the heap location */
    bool is_param;

    /* solver state (solve.c) */
    int derefs;
    uint32_t walkgen;
    EscLoc *dst;
    int dst_edge_idx;
    bool queued;
    bool escapes;
    bool transient;          /* may be allocated on the stack only for the statement */
    EscLeaks param_esc;      /* for parameters: where they leak */
    uint32_t explain_mark;   /* -m=2: visited while explaining a path */

    /* attributes */
    bool captured;           /* captured by a closure */
    bool reassigned;         /* assigned after its declaration */
    bool addrtaken;          /* its address is taken */

    /* what kind of site n is, when n alone does not say (walk.c/expr.c/call.c) */
    bool conv;               /* the implicit conversion of expression n to an interface:
                                printed as n; marks AST_ESC_CONV_SITE/CONV_HEAP on n */
    bool ddd;                /* the implicit slice of a variadic call n: printed
                                "... argument"; marks AST_ESC_DDD_SITE/DDD_HEAP on n */
    bool wrapper;            /* the closure gc wraps a go/defer call in (n NULL, pos the
                                statement's): explained as "func literal", never reported */
    int autotmp;             /* nonzero: a go/defer argument's copy, named .autotmp_<autotmp> */
    AstNode *defn;           /* for a variable: the value its declaration gives it
                                (for calls through a variable bound once, gc's StaticValue) */
};

/* How many locations esc_new_loc takes from the arena at once, and how
 * many edges esc_flow does (for arrays of up to a quarter of that). */
#define ESC_LOC_BLOCK 16
#define ESC_EDGE_BLOCK 64

/* A function (declaration or literal) being analyzed in the current batch. */
struct EscFunc {
    Object *obj;             /* NULL for a function literal */
    AstNode *node;           /* AstFuncDecl or AstFuncLit */
    Type *sig;
    EscFunc *outer;          /* enclosing function of a literal */
    EscLoc **params;         /* receiver first, then parameters (NULL for blank/unnamed) */
    int nparams;
    EscLoc **results;        /* result parameters (named or ~r0, ~r1...) */
    int nresults;
    int loop_depth;          /* current loop depth while walking */
    bool has_defer_in_loop;
    bool walked;             /* esc_walk_func has run on it */
    bool fresh;              /* made by esc_lit_func, not by escape.c: its locals get
                                their locations as it is walked */
    int ntemps;              /* go/defer argument copies made so far (gc's autotmps) */
    Pos conv_pos;            /* where an implicit conversion made now is reported (gc's
                                base.Pos when its front end inserted it); 0: at the operand */
    const AstNode **looping; /* labels that a later goto jumps back to (gc's looping labels) */
    int nlooping;
    /* set by escape.c */
    FuncInfo *info;          /* perm: allocated and attached before esc_param_tags fills it */
    bool closure_called;     /* a literal called where it is written: func(){...}() */
    bool toplevel;           /* a declaration, or a package variable's literal: walked
                                as a function of its own */
};

/* A function literal met while walking, with the hole for its closure
 * record; its captured variables flow there once the whole batch has been
 * walked (gc's batch.closures / flowClosure). */
typedef struct EscClosure {
    EscHole k;
    EscFunc *fn;             /* the literal's function (NULL: a go/defer wrapper) */
    EscFunc *outer;          /* the function the literal or wrapper appears in */
    Object **vars;           /* captured variables, in order of first use */
    AstNode **uses;          /* the first use of each inside the literal */
    int nvars;
    EscLoc **temps;          /* a go/defer wrapper: the copies of the call's arguments */
    Type **temp_types;
    int *temp_ids;           /* their gc names: .autotmp_<id> */
    int ntemps;
    Pos call_pos;            /* a go/defer wrapper: its call, where the copies are used */
} EscClosure;

/* One batch: the functions of one strongly connected component. */
typedef struct EscBatch {
    struct EscCtx *ctx;
    EscFunc **funcs;
    int nfuncs;
    bool recursive;          /* mutually recursive: tags are conservative */
    bool keep_notes;         /* -m=2: holes keep notes (esc_note) */
    EscLoc heap;             /* the heap location */
    EscLoc blank;            /* the blank location (discards) */
    EscLoc **all_locs;       /* every location, in creation order (gc's allLocs) */
    int nall, capall;
    EscLoc *loc_block;       /* locations are carved from blocks of ESC_LOC_BLOCK */
    int loc_block_left;
    EscEdge *edge_block;     /* and small edge arrays from blocks of ESC_EDGE_BLOCK */
    int edge_block_left;
    EscFunc *curfn;          /* the function being walked (kept current by walk.c): the
                                owner and loop depth of locations made by esc_tee,
                                esc_later and esc_spill */
    EscClosure *closures;    /* literals met while walking (expr.c) */
    int nclosures, capclosures;
    EscFunc **lits;          /* functions of literals made by esc_lit_func (walk.c) */
    int nlits, caplits;
    uint32_t explain_gen;    /* -m=2: generation of EscLoc.explain_mark */
    EscNote **notes;         /* -m=2: the note lists holes name (EscHole.notes) */
    uint32_t nnotes, capnotes;
} EscBatch;

/* The analysis of the whole program. */
typedef struct EscCtx {
    Program *prog;
    const EscapeConfig *cfg;
    Mem *mem;
    Arena *arena;            /* scratch: the graph */
    Arena *perm;             /* FuncInfo tags */
    Diag *diag;
    EscBatch *batch;         /* the batch being analyzed */
    /* the call graph node of every FuncDecl of package main, in source
     * order, bodyless ones included (escape.c's index_decls) */
    struct FnNode **fdecl_fns;
    int nfdecls;
    /* devirtualized calls (prepass.c), open addressing on the call node */
    struct EscDevirt **devirts;
    uint32_t devirt_cap, devirt_count;
    struct EscMethodSets *msets; /* prepass.c: method sets of the types devirtualized to */
    struct EscIndex *index;  /* escape.c: functions by Object and node, visit state */
    struct FnNode **roots;   /* the visit's roots (esc_add_root) */
    const char *blank_name;  /* "_", interned */
    int nroots, caproots;
    struct Wrappers *wrappers; /* wrapper.c: gc's method wrappers made so far */
} EscCtx;

/* ---- graph.c */
EscLoc *esc_new_loc(EscBatch *b, EscFunc *fn, const AstNode *n, Object *var, bool transient);
/* Records that src flows into k (an edge k.dst <- src with k.derefs). */
void esc_flow(EscBatch *b, EscHole k, EscLoc *src);
/* esc_note when -m=2 keeps notes. */
EscHole esc_note_kept(EscHole k, const AstNode *where, const char *why);
/* The notes of hole k, most recent first (NULL: none). */
EscNote *esc_hole_notes(EscHole k);

/* The helpers below run for nearly every node the walk visits, so they
 * are inline. */

/* The location of variable var in batch b, or NULL.  The slot an Object
 * keeps may be stale (another batch, another run): it counts only if it
 * names a location of this batch that is var's. */
static inline EscLoc *esc_batch_lookup(const EscBatch *b, const Object *var) {
    if (!var || !b || var->esc_slot >= (uint32_t)b->nall) return NULL;
    EscLoc *loc = b->all_locs[var->esc_slot];
    return loc->var == var ? loc : NULL;
}

/* The location of variable var in the batch being analyzed, or NULL. */
static inline EscLoc *esc_lookup(EscCtx *c, const Object *var) {
    return esc_batch_lookup(c->batch, var);
}

/* The location of a variable; created on first use (escape.c creates
 * every local's location before the walk, so creation here is for
 * variables it could not see). */
static inline EscLoc *esc_var_loc(EscBatch *b, EscFunc *fn, Object *var) {
    EscLoc *loc = esc_batch_lookup(b, var);
    return loc ? loc : esc_new_loc(b, fn, NULL, var, true);
}

/* The hole for location dst with no dereference. */
static inline EscHole esc_hole(EscLoc *dst) {
    EscHole k = {.dst = dst};
    return k;
}

/* The hole for values that flow to the heap. */
static inline EscHole esc_heap_hole(EscBatch *b) { return esc_hole(&b->heap); }

/* The hole for values that are discarded (gc's blankLoc). */
static inline EscHole esc_discard_hole(EscBatch *b) { return esc_hole(&b->blank); }

/* Adds an explanation to k; notes are kept only when -m=2 asks for them. */
static inline EscHole esc_note(EscHole k, const AstNode *where, const char *why) {
    if (!k.dst || !k.dst->batch->keep_notes) return k;
    return esc_note_kept(k, where, why);
}

/* k with derefs shifted by delta (gc's hole.shift). */
static inline EscHole esc_shift(EscHole k, int delta) {
    k.derefs += delta;
    if (k.derefs < -1) k.derefs = -1;
    k.addrtaken = delta < 0;
    return k;
}

/* derefs + 1, and derefs - 1 (the address), each explained. */
static inline EscHole esc_deref(EscHole k, const AstNode *where, const char *why) {
    return esc_note(esc_shift(k, 1), where, why);
}
static inline EscHole esc_addr(EscHole k, const AstNode *where, const char *why) {
    return esc_note(esc_shift(k, -1), where, why);
}

/* x without its parentheses (ast_unparen, inline). */
static inline AstNode *esc_unparen(AstNode *x) {
    while (x && x->kind == AST_PAREN_EXPR) x = ((AstParenExpr *)x)->x;
    return x;
}

/* Whether node kind k carries an AstExpr header. */
static inline bool esc_is_expr_kind(AstKind k) {
    return (k >= AST_BAD_EXPR && k <= AST_LIST_EXPR) || (k >= AST_ARRAY_TYPE && k <= AST_CHAN_TYPE && k != AST_FIELD);
}

/* The checked type of expression e, or NULL. */
static inline Type *esc_type_of(const AstNode *e) {
    return e && esc_is_expr_kind(e->kind) ? ((const AstExpr *)e)->type : NULL;
}
/* esc_note reported at pos instead of where's position (implicit conversions). */
EscHole esc_note_at(EscHole k, const AstNode *where, Pos pos, const char *why);
/* A note at pos printing text, for nodes gc makes that the AST has not
 * (a go/defer wrapper's ".autotmp_1 = x", "func literal"). */
EscHole esc_text_note(EscHole k, Pos pos, const char *why, const char *text);
/* A fresh temporary location that flows to k (gc's teeHole / later). */
EscHole esc_tee(EscBatch *b, EscHole *ks, int nks);
EscHole esc_later(EscBatch *b, EscHole k);
/* An allocation site n that flows to k: creates its location and returns
 * the hole for the allocated object's contents (gc's spill). */
EscHole esc_spill(EscBatch *b, EscHole k, const AstNode *n);
/* The location of heap allocation for n, e.g. make with non-constant size. */
void esc_heap_alloc(EscBatch *b, EscLoc *loc, const char *why);
/* Why loc must be on the heap whatever flows there (gc's HeapAllocReason):
 * "non-constant size", "too large for stack", or NULL. */
const char *esc_heap_alloc_reason(const EscLoc *loc);

/* ---- solve.c */
void esc_solve(EscBatch *b);
/* Whether the solver walks from root: it has sources, or it is an
 * escaping parameter (which leaks to the heap through itself).  A walk
 * from any other root visits the root alone and changes nothing: a
 * location that is not escaping does not outlive itself.  A parameter
 * that starts escaping during the solve is queued again then. */
static inline bool esc_worth_walking(const EscLoc *root) {
    return root->nedges > 0 || (root->is_param && root->escapes);
}
/* Does location l outlive other (gc's outlives)? */
bool esc_outlives(const EscLoc *l, const EscLoc *other);
/* gc's leaks: -1 when there is no flow, else the minimal derefs. */
int esc_leaks_heap(const EscLeaks *l);
int esc_leaks_result(const EscLeaks *l, int i);
void esc_leaks_add_heap(EscLeaks *l, int derefs);
void esc_leaks_add_result(EscLeaks *l, int i, int derefs);
/* Drops result leaks no shorter than the heap leak (gc's leaks.Optimize). */
void esc_leaks_optimize(EscLeaks *l);

/* ---- escape.c */
/* The declaration of a function or method of package main (NULL for the
 * standard library and function values). */
AstFuncDecl *esc_func_decl(EscCtx *c, const Object *fn);
/* The EscFunc of fn (an OBJ_FUNC) or of a FuncDecl/FuncLit node when it
 * belongs to the batch being analyzed (gc's inMutualBatch), else NULL. */
EscFunc *esc_batch_func(EscBatch *b, const Object *fn);
EscFunc *esc_batch_func_of(EscBatch *b, const AstNode *fnnode);
/* A devirtualized interface method call i.M(args): gc rewrites it into
 * i.(T).M(args), or, when M is promoted from an embedded interface field
 * (partial devirtualization), into i.(T).F.M(args), still an interface
 * call. */
typedef struct EscDevirt {
    const AstNode *call;
    Object *method;          /* the concrete method (NULL when partial) */
    Type *type;              /* T or *T, the type asserted */
    TypeField *path[8];      /* partial: the embedded fields from T to the interface */
    int npath;
} EscDevirt;
/* Records a devirtualized call; returns its record for the caller to fill. */
EscDevirt *esc_set_devirt(EscCtx *c, const AstNode *call);
/* The record of a devirtualized call, or NULL. */
const EscDevirt *esc_devirt(const EscCtx *c, const AstNode *call);
/* The concrete method of a (fully) devirtualized call, or NULL. */
Object *esc_devirt_method(EscCtx *c, const AstNode *call);

/* The call graph's node of a function (escape.c): a FuncDecl, or a
 * FuncLit; created on first request.  The prepass lists, per function,
 * the functions its live code references, in gc's order (each name of a
 * function or method of package main, each literal, each devirtualized
 * method), and the bottom-up visit follows those lists. */
typedef struct FnNode FnNode;
FnNode *esc_fn_node(EscCtx *c, AstNode *fn);
/* at: the index to insert at, -1 to append. */
void esc_ref_obj(EscCtx *c, FnNode *from, const Object *o, int at);
void esc_ref_insert(EscCtx *c, FnNode *from, int at, FnNode *f);
int esc_ref_count(const FnNode *from);
/* Starts loading the nodes of f's declaration, and what the checker
 * made for its body, into the cache (before its prepass, the first walk
 * over them after type checking). */
void esc_fn_prefetch(const EscCtx *c, const FnNode *f);
void esc_refs_reset(FnNode *from);
/* The prepass lists the variables a body declares as it meets them (in
 * the order of gc's fn.Dcl, which escape.c's own walk of the body would
 * find), so that the batch makes their locations without walking the
 * body again: esc_dcls_reset before its walk, esc_dcl_add for each
 * declaring name (not blank), esc_dcls_unknown when the list cannot be
 * trusted (dead code, whose variables gc still declares; type switch
 * clause variables), and escape.c walks the body itself. */
void esc_dcls_reset(FnNode *f);
void esc_dcl_add(EscCtx *c, FnNode *f, AstName *name);
void esc_dcls_unknown(FnNode *f);
/* A literal in from's body (f: its node, esc_fn_node); called: written
 * where it is called, func(){...}(). */
void esc_ref_lit(EscCtx *c, FnNode *from, FnNode *f, bool called);
/* Appends a root of the bottom-up visit, in gc's order of Target.Decls:
 * the declarations in source order, with each literal of a package
 * variable's initializer a function of its own (gc's glob..funcN).
 * esc_add_root_fn: the same for a node already found (esc_fn_node). */
void esc_add_root(EscCtx *c, AstNode *fn);
void esc_add_root_fn(EscCtx *c, FnNode *f);
/* The function of root i (0 <= i < nroots), in gc's order of Target.Decls. */
AstNode *esc_root_node(const EscCtx *c, int i);

/* ---- walk.c, expr.c */
void esc_walk_func(EscBatch *b, EscFunc *fn);
void esc_stmt(EscBatch *b, EscFunc *fn, AstNode *s);
void esc_stmts(EscBatch *b, EscFunc *fn, AstList *l);
/* esc_expr on an expression that is there, live and not a constant. */
void esc_expr_node(EscBatch *b, EscFunc *fn, EscHole k, AstNode *e);
/* Whether a value of type t holds pointers (gc's HasPointers); the basic
 * types are answered inline. */
bool esc_has_pointers_slow(Type *t);
static inline bool esc_has_pointers(Type *t) {
    if (t && t->kind >= TY_BOOL && t->kind <= TY_COMPLEX128) return false;
    if (t && (t->kind == TY_POINTER || t->kind == TY_SLICE || t->kind == TY_STRING)) return true;
    return esc_has_pointers_slow(t);
}
/* The local variable e names (not a package-level one, not blank), or NULL. */
static inline Object *esc_local_var(const AstNode *e) {
    e = esc_unparen((AstNode *)e);
    if (!e || e->kind != AST_NAME) return NULL;
    Object *o = ((const AstName *)e)->obj;
    if (!o || o->kind != OBJ_VAR || (o->flags & (OBJ_PKG_LEVEL | OBJ_FIELD)) || !o->name ||
        (o->name[0] == '_' && o->name[1] == 0))
        return NULL;
    return o->pkg && o->pkg->fake ? NULL : o;
}
/* The location of the local variable that Name e denotes, made if it has
 * none yet (as esc_var_loc), or NULL if e denotes none (esc_local_var).
 * Only local variables have locations, so one found needs no other test;
 * e is not the blank name. */
static inline EscLoc *esc_name_loc(EscBatch *b, EscFunc *fn, const AstNode *e) {
    EscLoc *loc = esc_batch_lookup(b, ((const AstName *)e)->obj);
    if (loc) return loc;
    Object *o = esc_local_var(e);
    return o ? esc_new_loc(b, fn, NULL, o, true) : NULL;
}
/* Whether evaluating e into k flows nothing: e is inert (AST_ESC_INERT,
 * or a name whose variable, if local, has its location already: else
 * esc_expr_node makes it), its address is not wanted, and k discards it
 * or e's value holds no pointers (esc_expr_node's first test, which it
 * repeats). */
static inline bool esc_flows_nothing(const EscBatch *b, EscHole k, const AstNode *e) {
    if (k.addrtaken) return false;
    if (e->kind == AST_NAME) {
        /* a variable with a location needs no other test */
        if (!esc_batch_lookup(b, ((const AstName *)e)->obj) && esc_local_var(e)) return false;
    } else if (!(e->flags & AST_ESC_INERT)) {
        return false;
    }
    if (k.dst == &b->blank) return true;
    Type *t = esc_type_of(e);
    return k.derefs >= 0 && t && !(t->kind >= TY_UNTYPED_BOOL && t->kind <= TY_UNTYPED_NIL) && !esc_has_pointers(t);
}
/* Evaluates expression e, flowing its value to k (gc's expr / exprSkipInit);
 * absent, dead and constant expressions, the most common, stop here, and
 * so do inert ones that flow nothing. */
static inline void esc_expr(EscBatch *b, EscFunc *fn, EscHole k, AstNode *e) {
    if (!e || (e->flags & AST_ESC_DEAD) || (esc_is_expr_kind(e->kind) && ((AstExpr *)e)->cval))
        return;
    if (esc_flows_nothing(b, k, e)) return;
    esc_expr_node(b, fn, k, e);
}
/* e is evaluated for side effects only. */
static inline void esc_discard(EscBatch *b, EscFunc *fn, AstNode *e) {
    esc_expr(b, fn, esc_discard_hole(b), e);
}
/* After every function of the batch is walked: each closure's captured
 * variables flow into its closure record, by value (never address-taken,
 * never reassigned, at most 128 bytes) or by reference (gc's flowClosure).
 * esc_walk_func calls it itself once the batch's last declared function
 * has been walked; calling it again does nothing. */
void esc_flow_closures(EscBatch *b);
/* The hole for assigning to lhs (gc's addr): variables, fields, index, deref. */
EscHole esc_addr_of(EscBatch *b, EscFunc *fn, AstNode *lhs);
/* Assigns src (possibly NULL) to dst, with the statement for notes; handles
 * implicit interface conversions when dst's type is an interface and
 * src's is not. */
void esc_assign(EscBatch *b, EscFunc *fn, AstNode *dst, AstNode *src, const char *why, const AstNode *where);
/* A value of type from flowing into type to: if to is an interface and from
 * is not, the conversion allocates: returns the hole to use for the value;
 * between distinct interface types it only notes "interface-converted". */
EscHole esc_conv_iface(EscBatch *b, EscFunc *fn, EscHole k, AstNode *e, Type *to);

/* The path of a selection x.name: the embedded fields taken (steps_ptr[i]:
 * the value selected from at step i is a pointer, an implicit ODOTPTR) and
 * the field or method found; holder_ptr: the final selection is from a
 * pointer; iface: a method of an interface. */
#define ESC_MAX_EMBED 8
typedef struct EscSelPath {
    TypeField *field;
    Object *method;
    Type *holder;
    bool iface;
    bool holder_ptr;
    int nsteps;
    bool steps_ptr[ESC_MAX_EMBED];
    Type *step_types[ESC_MAX_EMBED];
} EscSelPath;

/* t's underlying type (type_underlying, with the common case of a type
 * that is not named inline). */
static inline Type *esc_underlying(Type *t) {
    return t && t->kind != TY_NAMED ? t : type_underlying(t);
}
/* Whether t is an interface type (type_is_interface, inline). */
static inline bool esc_is_interface(const Type *t) {
    return t && (t->kind == TY_INTERFACE || (t->kind == TY_NAMED && type_is_interface(t)));
}
/* Helpers shared by walk.c, expr.c and call.c (expr.c). */
bool esc_is_direct_iface(Type *t);            /* stored directly in an interface's data word */
bool esc_is_type_expr(const AstNode *e);
bool esc_selection(Type *xt, const char *name, EscSelPath *p);
/* The position gc's front end leaves as current after building e (the
 * last expression of e in pre-order; 0 when e changes nothing: constants,
 * types, blank); and whether an argument e moves it (gc's HasUniquePos). */
Pos esc_last_pos(const AstNode *e);
/* gc's base.Pos after building e as a value then converted (expr.c). */
Pos esc_value_pos(AstNode *e);
bool esc_unique_pos(const AstNode *e);
/* k.addr(n, "spill") with the note at pos (for sites reported away from n). */
EscHole esc_spill_hole(EscHole k, const AstNode *n, Pos pos);
/* Evaluates e into k as a value of type to (an implicit conversion to an
 * interface when to is one and e's type is not); esc_expr_to_iface when to
 * is an interface. */
void esc_expr_to_iface(EscBatch *b, EscFunc *fn, EscHole k, AstNode *e, Type *to);
static inline void esc_expr_to(EscBatch *b, EscFunc *fn, EscHole k, AstNode *e, Type *to) {
    if (e && to && esc_is_interface(to)) esc_expr_to_iface(b, fn, k, e, to);
    else esc_expr(b, fn, k, e);
}
void esc_assign_heap(EscBatch *b, EscFunc *fn, AstNode *src, Type *to, const char *why, const AstNode *where);
/* Evaluates the receiver x of x.M (path p) into k, with the implicit &x or *x. */
void esc_recv_expr(EscBatch *b, EscFunc *fn, EscHole k, AstSelectorExpr *sel, const EscSelPath *p);
/* walk.c: the EscFunc of a literal (found in the batch or made); walks a
 * literal's body from its enclosing function. */
EscFunc *esc_lit_func(EscBatch *b, EscFunc *outer, AstFuncLit *lit);
void esc_walk_lit(EscBatch *b, EscFunc *fn);
/* fn's name as gc prints it in messages: f, (*T).M, T.M, f.func1, f.func1.1. */
void esc_func_name(const EscFunc *fn, char *buf, size_t size);
/* Adds a closure record to the batch's list (expr.c). */
EscClosure *esc_add_closure(EscBatch *b);
/* Calls fn on every Name below n in gc's order of building (source order,
 * an assignment's right side first); function literals are entered when
 * lits is set, else passed to fn themselves. */
void esc_visit_names(AstNode *n, void (*fn)(void *ctx, AstNode *name), void *ctx, bool lits);
/* A go or defer statement (call.c). */
void esc_go_defer(EscBatch *b, EscFunc *fn, AstCallStmt *s);
/* call.c: the hole for the receiver of method m in a call whose results flow to ks. */
EscHole esc_method_recv_hole(EscBatch *b, EscHole *ks, int nks, Object *m);

/* ---- call.c */
/* A call; ks are the holes for its results (nks may be 0). */
void esc_call(EscBatch *b, EscFunc *fn, EscHole *ks, int nks, AstCallExpr *call);
/* The hole for argument i of a call to a tagged function. */
EscHole esc_tag_hole(EscBatch *b, EscHole *ks, int nks, const FuncInfo *callee, int i);
/* Computes and stores the FuncInfo tags of fn after solving (gc's paramTag),
 * printing the leaking param lines. */
void esc_param_tags(EscBatch *b, EscFunc *fn);
/* The FuncInfo of a function object, or NULL if not analyzed (unknown callee). */
const FuncInfo *esc_func_info(EscCtx *c, Object *fn);

/* Whether declaration fd is a root of the visit (escape.c). */
bool esc_is_root_decl(const EscCtx *c, const AstFuncDecl *fd);

/* ---- prepass.c */
/* Devirtualizes interface method calls whose receiver's concrete type is
 * statically known, printing "devirtualizing i.M to *T"; marks statements
 * under constant-false conditions dead; lists each function's references
 * (esc_ref_obj) and the visit's roots (esc_add_root).  This is the -m
 * order, where every devirtualization line comes before the analysis.
 * Without -m, the visit runs esc_prepass_func on each declared function
 * as it reaches it, and esc_prepass_var_lits on each package variable
 * declaration in turn: a function's AST is then walked by the prepass
 * and the analysis while it is in the cache. */
void esc_prepass(EscCtx *c);
/* The prepass of the function literals in the values of package variable
 * declaration v, each made a root (esc_add_root). */
void esc_prepass_var_lits(EscCtx *c, AstVarDecl *v);
/* self: fd's call graph node, or NULL to look it up (esc_fn_node). */
void esc_prepass_func(EscCtx *c, AstFuncDecl *fd, FnNode *self);
/* The concrete type T or *T a devirtualized call's receiver holds (gc
 * rewrites i.M(args) into i.(T).M(args)), or NULL.  call.c evaluates the
 * receiver i through gc's dotType: k.shift(1) unless T is pointer-shaped,
 * note "dot"; then, when M has a value receiver and T is *T, an implicit
 * dereference (note "indirection").
 *
 * AST_ESC_DEAD (set here) marks what gc's deadcode removes: statements,
 * blocks, else branches, case clauses and case expressions, and also the
 * dropped operand y of `false && y` / `true || y` in an if condition.  The
 * walkers must skip every node so marked, expressions included.  A
 * function literal inside dead code is never analyzed. */
Type *esc_devirt_type(EscCtx *c, const AstNode *call);

/* ---- init.c */
/* Builds gc's init function from the package variables' initializers that
 * are not static, in initialization order, and appends it as the last root
 * of the visit (prepassed now unless lazy). */
void esc_init_func(EscCtx *c, bool lazy);

/* ---- wrapper.c */
/* The position gc gives the method wrappers it generates, printed
 * "<autogenerated>:1" (no file of the program has this index). */
#define ESC_POS_AUTOGEN pos_make(0xFFFF, 1, 0)
/* After every function and init: the method wrappers gc writes
 * (reflectdata.methodWrapper), in gc's order, each analyzed alone and
 * explained at -m=2 (they print nothing at -m=1). */
void esc_method_wrappers(EscCtx *c);
/* The wrappers of the itabs gc's static initialization of package
 * variables writes (before its init function is analyzed). */
void esc_static_wrappers(EscCtx *c);
/* Is fn the init function init.c builds for package variables? */
bool esc_is_pkg_init(const AstNode *fn);

/* ---- report.c */
/* Prints "file:line:col: " + formatted message to cfg->out. */
void esc_warn(EscCtx *c, Pos pos, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
/* Writes n as gc formats IR nodes in -m messages: "&T{...}", "make([]int, n)",
 * "func literal", "new(int)", "([]byte)(s)", "x + y", "... argument". */
char *esc_node_string(const AstNode *n, char *buf, size_t size);
/* The node of a location as -m prints it: a variable's name, "... argument"
 * for a variadic slice, else esc_node_string; and where it is reported. */
char *esc_loc_string(const EscLoc *l, char *buf, size_t size);
Pos esc_loc_pos(const EscLoc *l);
/* The -m=2 explanation of how loc reached root ("flow: ..." lines). */
void esc_explain_flow(EscBatch *b, EscLoc *root, EscLoc *src, int derefs, EscNote *notes);
/* One step of a path explained at pos, the position of the path's origin:
 * "  flow: dst = &src:" and its "    from ..." notes (gc's explainFlow). */
void esc_explain_path_step(EscBatch *b, Pos pos, EscLoc *dst, EscLoc *src, int derefs, EscNote *notes);
/* A location as -m=2 names it in flows: "{heap}", "{temp}", a variable's
 * name, or "{storage for X}" (gc's explainLoc). */
char *esc_explain_loc(EscBatch *b, const EscLoc *l, char *buf, size_t size);
/* Prints the decisions for every location of the batch, in gc's order. */
void esc_report_batch(EscBatch *b);
/* t as gc writes types in -m messages ("*T", "[]int", "struct { B }"). */
char *esc_type_string(Type *t, char *buf, size_t size);

#endif
