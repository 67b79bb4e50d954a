/* escape.c — the driver of escape analysis (gc: escape/escape.go and
 * ir/scc.go).
 *
 * After the prepasses (devirtualization, dead code), the functions of
 * package main are visited bottom-up over the call graph: Tarjan's
 * algorithm, with the functions in source order as roots and callees
 * visited before their callers, finds strongly connected components; a
 * function literal belongs to the component of its enclosing function.
 * Each component is one batch: its variables get locations, its bodies
 * are walked into the graph, the graph is solved, and the batch finishes
 * by tagging parameters and reporting each location's decision, in gc's
 * order.  The graph lives in the scratch region, released at the end; the
 * FuncInfo tags live in perm. */
#include <string.h>

#include "escape/esc.h"

/* A hash of a pointer, for open addressing. */
static uint32_t ptr_hash(const void *p) {
    uint64_t x = (uint64_t)(uintptr_t)p;
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdull;
    x ^= x >> 33;
    return (uint32_t)x;
}

/* ---- the call graph's nodes -------------------------------------------- */

/* What the visit knows about one function (FuncDecl or FuncLit). */
struct FnNode {
    AstNode *node;
    const Object *obj;       /* a declaration's function, when indexed by it (EscIndex.by_decl) */
    AstNode *outer;          /* enclosing function of a literal */
    uint32_t id;             /* Tarjan's visit number; ~0 when its component is done */
    EscFunc *ef;             /* its EscFunc while its batch is analyzed */
    EscBatch *batch;
    bool closure_called;
    bool toplevel;           /* a declaration, or a literal initializing a package variable */
    struct FnNode **refs;    /* what its body references, in gc's order (from the prepass) */
    int nrefs, caprefs;
    AstName **dcls;          /* the names its body declares, in gc's order of fn.Dcl */
    int ndcls, capdcls;
    bool dcls_known;         /* the prepass listed dcls (else init_func walks the body) */
    uint32_t span;           /* a declaration: the bytes of the ast region from its FuncDecl
                                to the next declaration of its file (0: not known) */
};

/* A map from function Objects and function nodes to FnNodes.  The
 * functions declared in package main are found by their Object's
 * decl_index in a plain array (every call and every reference looks one
 * up, so this is the hot path); literals and the rest by hashing. */
typedef struct EscIndex {
    const void **keys;
    FnNode **vals;
    uint32_t cap, count;
    FnNode **by_decl;        /* by Object.decl_index */
    uint32_t nby_decl;
    uint32_t nobj_keys;      /* Objects in the hash (not in by_decl) */
    EscCtx *c;               /* lazy: where declarations' FnNodes are made on first request */
    bool lazy;               /* FnNodes of declarations are made when first asked for
                                (else index_decls made them all) */
} EscIndex;

/* The FnNode bound to key (an Object or an AST node), or NULL. */
static FnNode *index_get(const EscIndex *ix, const void *key) {
    if (!ix->cap || !key) return NULL;
    uint32_t mask = ix->cap - 1;
    for (uint32_t h = ptr_hash(key) & mask;; h = (h + 1) & mask) {
        if (!ix->keys[h]) return NULL;
        if (ix->keys[h] == key) return ix->vals[h];
    }
}

/* Binds key to fnode. */
static void index_put(Arena *a, EscIndex *ix, const void *key, FnNode *fnode) {
    if ((ix->count + 1) * 2 > ix->cap) {
        uint32_t cap = ix->cap ? ix->cap * 2 : 256;
        const void **keys = ARENA_NEW_ARRAY(a, const void *, cap);
        FnNode **vals = ARENA_NEW_ARRAY(a, FnNode *, cap);
        for (uint32_t i = 0; i < ix->cap; i++) {
            if (!ix->keys[i]) continue;
            uint32_t h = ptr_hash(ix->keys[i]) & (cap - 1);
            while (keys[h]) h = (h + 1) & (cap - 1);
            keys[h] = ix->keys[i];
            vals[h] = ix->vals[i];
        }
        ix->keys = keys;
        ix->vals = vals;
        ix->cap = cap;
    }
    uint32_t mask = ix->cap - 1;
    uint32_t h = ptr_hash(key) & mask;
    while (ix->keys[h] && ix->keys[h] != key) h = (h + 1) & mask;
    if (!ix->keys[h]) ix->count++;
    ix->keys[h] = key;
    ix->vals[h] = fnode;
}

static FnNode *lazy_obj_fn(EscIndex *ix, const Object *o);

/* The FnNode of function object o, or NULL. */
static FnNode *obj_fn(EscIndex *ix, const Object *o) {
    if (!o) return NULL;
    if ((o->flags & OBJ_PKG_LEVEL) && o->decl_index < ix->nby_decl) {
        FnNode *f = ix->by_decl[o->decl_index];
        if (f && f->obj == o) return f;
        if (!f && ix->lazy) return lazy_obj_fn(ix, o);
    }
    return ix->nobj_keys ? index_get(ix, o) : NULL;
}

/* The FnNode of function node n (FuncDecl or FuncLit), or NULL. */
static FnNode *node_fn(EscIndex *ix, const AstNode *n) {
    if (n && n->kind == AST_FUNC_DECL) {
        const AstFuncDecl *fd = (const AstFuncDecl *)n;
        FnNode *f = fd->name ? obj_fn(ix, fd->name->obj) : NULL;
        if (f && f->node == n) return f;
    }
    return index_get(ix, n);
}

/* The FnNode of a function node, created on first request. */
static FnNode *fn_node(EscCtx *c, EscIndex *ix, AstNode *n) {
    FnNode *f = node_fn(ix, n);
    if (f) return f;
    f = ARENA_NEW(c->arena, FnNode);
    f->node = n;
    index_put(c->arena, ix, n, f);
    return f;
}

AstFuncDecl *esc_func_decl(EscCtx *c, const Object *fn) {
    FnNode *f = c->index ? obj_fn(c->index, fn) : NULL;
    return f && f->node->kind == AST_FUNC_DECL ? AST_AS(AstFuncDecl, f->node) : NULL;
}

EscFunc *esc_batch_func(EscBatch *b, const Object *fn) {
    FnNode *f = b->ctx->index ? obj_fn(b->ctx->index, fn) : NULL;
    return f && f->batch == b ? f->ef : NULL;
}

EscFunc *esc_batch_func_of(EscBatch *b, const AstNode *fnnode) {
    FnNode *f = b->ctx->index ? node_fn(b->ctx->index, fnnode) : NULL;
    return f && f->batch == b ? f->ef : NULL;
}

/* The slot of call in the devirtualization table: the pointer to its
 * record, or an empty slot where it goes.  The table holds pointers so
 * that growing it moves and zeroes little (the records are large). */
static EscDevirt **devirt_slot(const EscCtx *c, const AstNode *call) {
    uint32_t mask = c->devirt_cap - 1;
    uint32_t h = ptr_hash(call) & mask;
    while (c->devirts[h] && c->devirts[h]->call != call) h = (h + 1) & mask;
    return &c->devirts[h];
}

EscDevirt *esc_set_devirt(EscCtx *c, const AstNode *call) {
    if ((c->devirt_count + 1) * 2 > c->devirt_cap) {
        EscDevirt **old = c->devirts;
        uint32_t oldcap = c->devirt_cap;
        c->devirt_cap = oldcap ? oldcap * 2 : 64;
        c->devirts = ARENA_NEW_ARRAY(c->arena, EscDevirt *, c->devirt_cap);
        for (uint32_t i = 0; i < oldcap; i++)
            if (old[i]) *devirt_slot(c, old[i]->call) = old[i];
    }
    EscDevirt **slot = devirt_slot(c, call);
    if (!*slot) {
        c->devirt_count++;
        *slot = ARENA_NEW(c->arena, EscDevirt);
        (*slot)->call = call;
    }
    return *slot;
}

const EscDevirt *esc_devirt(const EscCtx *c, const AstNode *call) {
    if (!c->devirt_cap || !(call->flags & AST_ESC_DEVIRT)) return NULL;
    return *devirt_slot(c, call);
}

Object *esc_devirt_method(EscCtx *c, const AstNode *call) {
    const EscDevirt *d = esc_devirt(c, call);
    return d ? d->method : NULL;
}

/* ---- Tarjan over the call graph (gc's VisitFuncsBottomUp) --------------- */

/* The state of the bottom-up visit. */
typedef struct Visitor {
    EscCtx *c;
    EscIndex *ix;
    uint32_t visitgen;
    FnNode **stack;
    int nstack, capstack;
    bool lazy;               /* the prepass runs on each declaration as it is reached */
} Visitor;

static uint32_t visit(Visitor *v, FnNode *f);
static void analyze_batch(EscCtx *c, FnNode **block, int n, bool recursive);

/* ---- the references of each body (collected by prepass.c) -------------- */

FnNode *esc_fn_node(EscCtx *c, AstNode *fn) {
    return fn_node(c, c->index, fn);
}

/* Appends to from's references the function o names, when it is a
 * function or method declared in package main. */
void esc_ref_obj(EscCtx *c, FnNode *from, const Object *o, int at) {
    if (!o || o->kind != OBJ_FUNC) return;
    FnNode *f = obj_fn(c->index, o);
    if (f) esc_ref_insert(c, from, at < 0 ? from->nrefs : at, f);
}

void esc_ref_insert(EscCtx *c, FnNode *from, int at, FnNode *f) {
    if (from->nrefs == from->caprefs) {
        int cap = from->caprefs ? from->caprefs * 2 : 8;
        FnNode **items = ESC_ARRAY(c->arena, FnNode *, cap);
        if (from->nrefs) memcpy(items, from->refs, sizeof *items * (size_t)from->nrefs);
        from->refs = items;
        from->caprefs = cap;
    }
    if (at < from->nrefs)    /* devirt_calls inserts; the walk appends */
        memmove(from->refs + at + 1, from->refs + at, sizeof *from->refs * (size_t)(from->nrefs - at));
    from->refs[at] = f;
    from->nrefs++;
}

int esc_ref_count(const FnNode *from) { return from->nrefs; }

/* The most of each block esc_fn_prefetch asks for: enough for most
 * functions, not so much that the cache loses the analysis's own working
 * set; a longer body streams in as the walk goes. */
enum { PREFETCH_MAX = 8192 };

void esc_fn_prefetch(const EscCtx *c, const FnNode *f) {
    if (f->span) mem_prefetch(f->node, f->span < PREFETCH_MAX ? f->span : PREFETCH_MAX);
    size_t len;
    const void *block = f->obj ? types_body_block(c->prog, f->obj, &len) : NULL;
    if (block) mem_prefetch(block, len < PREFETCH_MAX ? len : PREFETCH_MAX);
}

void esc_refs_reset(FnNode *from) { from->nrefs = 0; }

void esc_dcls_reset(FnNode *f) {
    f->ndcls = 0;
    f->dcls_known = true;
}

void esc_dcls_unknown(FnNode *f) { f->dcls_known = false; }

void esc_dcl_add(EscCtx *c, FnNode *f, AstName *name) {
    if (!f->dcls_known) return;
    if (f->ndcls == f->capdcls) {
        int cap = f->capdcls ? f->capdcls * 2 : 8;
        AstName **items = ESC_ARRAY(c->arena, AstName *, cap);
        if (f->ndcls) memcpy(items, f->dcls, sizeof *items * (size_t)f->ndcls);
        f->dcls = items;
        f->capdcls = cap;
    }
    f->dcls[f->ndcls++] = name;
}

void esc_ref_lit(EscCtx *c, FnNode *from, FnNode *f, bool called) {
    f->outer = from->node;
    if (called) f->closure_called = true;
    esc_ref_insert(c, from, from->nrefs, f);
}

void esc_add_root(EscCtx *c, AstNode *fn) {
    esc_add_root_fn(c, fn_node(c, c->index, fn));
}

void esc_add_root_fn(EscCtx *c, FnNode *f) {
    f->toplevel = true;
    if (c->nroots == c->caproots) {
        int cap = c->caproots ? c->caproots * 2 : 64;
        FnNode **items = ESC_ARRAY(c->arena, FnNode *, cap);
        if (c->nroots) memcpy(items, c->roots, sizeof *items * (size_t)c->nroots);
        c->roots = items;
        c->caproots = cap;
    }
    c->roots[c->nroots++] = f;
}

AstNode *esc_root_node(const EscCtx *c, int i) { return c->roots[i]->node; }

/* The body of a function node (NULL if declared without one). */
static AstBlockStmt *fn_body(const AstNode *n) {
    return n->kind == AST_FUNC_DECL ? AST_AS(AstFuncDecl, n)->body : AST_AS(AstFuncLit, n)->body;
}

/* Tarjan's visit as gc's bottomUpVisitor.visit: returns the smallest
 * visit number reachable; a declared function whose number is that
 * minimum (or one more: no recursion) closes a component, which is
 * analyzed at once, callees' components having closed before. */
static uint32_t visit(Visitor *v, FnNode *f) {
    if (f->id > 0) return f->id;
    uint32_t id = ++v->visitgen;
    f->id = id;
    uint32_t min = ++v->visitgen;
    if (v->nstack == v->capstack) {
        int cap = v->capstack ? v->capstack * 2 : 64;
        FnNode **items = ESC_ARRAY(v->c->arena, FnNode *, cap);
        if (v->nstack) memcpy(items, v->stack, sizeof *items * (size_t)v->nstack);
        v->stack = items;
        v->capstack = cap;
    }
    v->stack[v->nstack++] = f;
    if (v->lazy && f->node->kind == AST_FUNC_DECL) esc_prepass_func(v->c, AST_AS(AstFuncDecl, f->node), f);
    for (int i = 0; i < f->nrefs; i++) {
        uint32_t m = visit(v, f->refs[i]);
        if (m < min) min = m;
    }
    if ((min == id || min == id + 1) && f->toplevel) {
        bool recursive = min == id;
        int i = v->nstack - 1;
        for (; i >= 0; i--) {
            v->stack[i]->id = ~(uint32_t)0;
            if (v->stack[i] == f) break;
        }
        int n = v->nstack - i;
        v->nstack = i;
        analyze_batch(v->c, v->stack + i, n, recursive);
    }
    return min;
}

/* ---- a batch ------------------------------------------------------------ */

/* Makes the location of a declared variable (gc's newLoc from fn.Dcl). */
static EscLoc *dcl_loc(EscBatch *b, EscFunc *fn, AstName *name) {
    Object *o = name->obj;
    if (!o || o->kind != OBJ_VAR || esc_lookup(b->ctx, o)) return o ? esc_lookup(b->ctx, o) : NULL;
    return esc_new_loc(b, fn, &name->expr.node, o, true);
}

/* Is name the declaring occurrence of a new variable (not a := reuse)? */
static bool declares(const AstNode *n) {
    if (!n || n->kind != AST_NAME) return false;
    const AstName *name = AST_AS(AstName, n);
    return name->obj && name->obj->kind == OBJ_VAR && name->obj->pos == n->pos && strcmp(name->value, "_") != 0;
}

/* Declares the new names of a := or range left-hand side. */
static void dcl_lhs(EscBatch *b, EscFunc *fn, AstNode *lhs) {
    if (!lhs) return;
    if (lhs->kind == AST_LIST_EXPR) {
        AstListExpr *l = AST_AS(AstListExpr, lhs);
        for (int i = 0; i < l->elems.n; i++)
            if (declares(l->elems.items[i])) dcl_loc(b, fn, AST_AS(AstName, l->elems.items[i]));
    } else if (declares(lhs)) {
        dcl_loc(b, fn, AST_AS(AstName, lhs));
    }
}

/* Finds the variable a type switch clause declares: the first use in the
 * clause of an Object declared at the guard's name. */
static Object *clause_var(AstNode *n, Pos at) {
    if (!n) return NULL;
    switch (n->kind) {
    case AST_NAME: {
        Object *o = AST_AS(AstName, n)->obj;
        return o && o->kind == OBJ_VAR && o->pos == at ? o : NULL;
    }
    case AST_FUNC_LIT:
        return clause_var(&AST_AS(AstFuncLit, n)->body->node, at);
    case AST_PAREN_EXPR: return clause_var(AST_AS(AstParenExpr, n)->x, at);
    case AST_SELECTOR_EXPR: return clause_var(AST_AS(AstSelectorExpr, n)->x, at);
    case AST_INDEX_EXPR: {
        Object *o = clause_var(AST_AS(AstIndexExpr, n)->x, at);
        return o ? o : clause_var(AST_AS(AstIndexExpr, n)->index, at);
    }
    case AST_SLICE_EXPR: {
        AstSliceExpr *s = AST_AS(AstSliceExpr, n);
        Object *o = clause_var(s->x, at);
        for (int i = 0; i < 3 && !o; i++) o = clause_var(s->index[i], at);
        return o;
    }
    case AST_ASSERT_EXPR: return clause_var(AST_AS(AstAssertExpr, n)->x, at);
    case AST_OPERATION: {
        Object *o = clause_var(AST_AS(AstOperation, n)->x, at);
        return o ? o : clause_var(AST_AS(AstOperation, n)->y, at);
    }
    case AST_CALL_EXPR: {
        AstCallExpr *c = AST_AS(AstCallExpr, n);
        Object *o = clause_var(c->fun, at);
        for (int i = 0; i < c->args.n && !o; i++) o = clause_var(c->args.items[i], at);
        return o;
    }
    case AST_COMPOSITE_LIT: {
        AstCompositeLit *c = AST_AS(AstCompositeLit, n);
        Object *o = NULL;
        for (int i = 0; i < c->elems.n && !o; i++) o = clause_var(c->elems.items[i], at);
        return o;
    }
    case AST_KEY_VALUE_EXPR: {
        Object *o = clause_var(AST_AS(AstKeyValueExpr, n)->key, at);
        return o ? o : clause_var(AST_AS(AstKeyValueExpr, n)->value, at);
    }
    case AST_LIST_EXPR: {
        AstListExpr *l = AST_AS(AstListExpr, n);
        Object *o = NULL;
        for (int i = 0; i < l->elems.n && !o; i++) o = clause_var(l->elems.items[i], at);
        return o;
    }
    case AST_BLOCK_STMT: {
        AstBlockStmt *s = AST_AS(AstBlockStmt, n);
        Object *o = NULL;
        for (int i = 0; i < s->stmts.n && !o; i++) o = clause_var(s->stmts.items[i], at);
        return o;
    }
    case AST_LABELED_STMT: return clause_var(AST_AS(AstLabeledStmt, n)->stmt, at);
    case AST_EXPR_STMT: return clause_var(AST_AS(AstExprStmt, n)->x, at);
    case AST_SEND_STMT: {
        Object *o = clause_var(AST_AS(AstSendStmt, n)->chan, at);
        return o ? o : clause_var(AST_AS(AstSendStmt, n)->value, at);
    }
    case AST_DECL_STMT: {
        AstDeclStmt *d = AST_AS(AstDeclStmt, n);
        Object *o = NULL;
        for (int i = 0; i < d->decls.n && !o; i++)
            if (d->decls.items[i]->kind == AST_VAR_DECL) o = clause_var(AST_AS(AstVarDecl, d->decls.items[i])->values, at);
        return o;
    }
    case AST_ASSIGN_STMT: {
        Object *o = clause_var(AST_AS(AstAssignStmt, n)->lhs, at);
        return o ? o : clause_var(AST_AS(AstAssignStmt, n)->rhs, at);
    }
    case AST_CALL_STMT: return clause_var(&AST_AS(AstCallStmt, n)->call->expr.node, at);
    case AST_RETURN_STMT: return clause_var(AST_AS(AstReturnStmt, n)->results, at);
    case AST_IF_STMT: {
        AstIfStmt *s = AST_AS(AstIfStmt, n);
        Object *o = clause_var(s->init, at);
        if (!o) o = clause_var(s->cond, at);
        if (!o) o = clause_var(&s->then->node, at);
        return o ? o : clause_var(s->els, at);
    }
    case AST_FOR_STMT: {
        AstForStmt *s = AST_AS(AstForStmt, n);
        Object *o = clause_var(s->init, at);
        if (!o) o = clause_var(s->cond, at);
        if (!o) o = clause_var(s->post, at);
        return o ? o : clause_var(&s->body->node, at);
    }
    case AST_RANGE_CLAUSE: return clause_var(AST_AS(AstRangeClause, n)->x, at);
    case AST_SWITCH_STMT: {
        AstSwitchStmt *s = AST_AS(AstSwitchStmt, n);
        Object *o = clause_var(s->init, at);
        if (!o && s->tag && s->tag->kind != AST_TYPE_SWITCH_GUARD) o = clause_var(s->tag, at);
        else if (!o && s->tag) o = clause_var(AST_AS(AstTypeSwitchGuard, s->tag)->x, at);
        for (int i = 0; i < s->body.n && !o; i++) o = clause_var(s->body.items[i], at);
        return o;
    }
    case AST_SELECT_STMT: {
        AstSelectStmt *s = AST_AS(AstSelectStmt, n);
        Object *o = NULL;
        for (int i = 0; i < s->body.n && !o; i++) o = clause_var(s->body.items[i], at);
        return o;
    }
    case AST_CASE_CLAUSE: {
        AstCaseClause *cc = AST_AS(AstCaseClause, n);
        Object *o = NULL;
        for (int i = 0; i < cc->body.n && !o; i++) o = clause_var(cc->body.items[i], at);
        return o;
    }
    case AST_COMM_CLAUSE: {
        AstCommClause *cc = AST_AS(AstCommClause, n);
        Object *o = clause_var(cc->comm, at);
        for (int i = 0; i < cc->body.n && !o; i++) o = clause_var(cc->body.items[i], at);
        return o;
    }
    default:
        return NULL;
    }
}

static void dcl_stmts(EscBatch *b, EscFunc *fn, const AstList *l);

/* Creates the locations of the variables statement s declares, in source
 * order, not descending into function literals (gc's fn.Dcl). */
static void dcl_stmt(EscBatch *b, EscFunc *fn, AstNode *s) {
    if (!s) return;
    switch (s->kind) {
    case AST_LABELED_STMT:
        dcl_stmt(b, fn, AST_AS(AstLabeledStmt, s)->stmt);
        return;
    case AST_BLOCK_STMT:
        dcl_stmts(b, fn, &AST_AS(AstBlockStmt, s)->stmts);
        return;
    case AST_DECL_STMT: {
        AstDeclStmt *d = AST_AS(AstDeclStmt, s);
        for (int i = 0; i < d->decls.n; i++) {
            if (d->decls.items[i]->kind != AST_VAR_DECL) continue;
            AstVarDecl *v = AST_AS(AstVarDecl, d->decls.items[i]);
            for (int k = 0; k < v->names.n; k++)
                if (strcmp(v->names.items[k]->value, "_") != 0) dcl_loc(b, fn, v->names.items[k]);
        }
        return;
    }
    case AST_ASSIGN_STMT:
        if (AST_AS(AstAssignStmt, s)->op == OP_DEF) dcl_lhs(b, fn, AST_AS(AstAssignStmt, s)->lhs);
        return;
    case AST_IF_STMT: {
        AstIfStmt *i = AST_AS(AstIfStmt, s);
        dcl_stmt(b, fn, i->init);
        dcl_stmt(b, fn, &i->then->node);
        dcl_stmt(b, fn, i->els);
        return;
    }
    case AST_FOR_STMT: {
        AstForStmt *f = AST_AS(AstForStmt, s);
        dcl_stmt(b, fn, f->init);
        dcl_stmt(b, fn, f->post);
        dcl_stmt(b, fn, &f->body->node);
        return;
    }
    case AST_RANGE_CLAUSE:
        if (AST_AS(AstRangeClause, s)->def) dcl_lhs(b, fn, AST_AS(AstRangeClause, s)->lhs);
        return;
    case AST_SWITCH_STMT: {
        AstSwitchStmt *sw = AST_AS(AstSwitchStmt, s);
        dcl_stmt(b, fn, sw->init);
        AstName *lhs = sw->tag && sw->tag->kind == AST_TYPE_SWITCH_GUARD ? AST_AS(AstTypeSwitchGuard, sw->tag)->lhs : NULL;
        for (int i = 0; i < sw->body.n; i++) {
            AstCaseClause *cc = AST_AS(AstCaseClause, sw->body.items[i]);
            if (lhs) {
                Object *o = clause_var(&cc->node, lhs->expr.node.pos);
                if (o && !esc_lookup(b->ctx, o)) esc_new_loc(b, fn, &lhs->expr.node, o, true);
            }
            dcl_stmts(b, fn, &cc->body);
        }
        return;
    }
    case AST_SELECT_STMT: {
        AstSelectStmt *sel = AST_AS(AstSelectStmt, s);
        for (int i = 0; i < sel->body.n; i++) {
            AstCommClause *cc = AST_AS(AstCommClause, sel->body.items[i]);
            dcl_stmt(b, fn, cc->comm);
            dcl_stmts(b, fn, &cc->body);
        }
        return;
    }
    default:
        return;
    }
}

static void dcl_stmts(EscBatch *b, EscFunc *fn, const AstList *l) {
    for (int i = 0; i < l->n; i++) dcl_stmt(b, fn, l->items[i]);
}

/* The location of a parameter or result field (NULL when unnamed). */
static EscLoc *param_loc(EscBatch *b, EscFunc *fn, AstField *f) {
    if (!f->name || !f->name->obj) return NULL;
    EscLoc *loc = esc_lookup(b->ctx, f->name->obj);
    if (!loc) loc = esc_new_loc(b, fn, &f->name->expr.node, f->name->obj, true);
    return loc;
}

/* Creates fn's EscFunc and the locations of its parameters, results and
 * local variables (gc's initFunc). */
static EscFunc *init_func(EscBatch *b, FnNode *f) {
    EscCtx *c = b->ctx;
    EscFunc *fn = ARENA_NEW(c->arena, EscFunc);
    fn->node = f->node;
    fn->loop_depth = 1;
    fn->closure_called = f->closure_called;
    fn->toplevel = f->toplevel;
    if (f->outer) {
        FnNode *o = node_fn(c->index, f->outer);
        fn->outer = o && o->batch == b ? o->ef : NULL;
    }
    f->ef = fn;
    f->batch = b;
    AstFuncType *ft;
    AstField *recv = NULL;
    if (f->node->kind == AST_FUNC_DECL) {
        AstFuncDecl *fd = AST_AS(AstFuncDecl, f->node);
        fn->obj = fd->name->obj;
        ft = fd->type;
        recv = fd->recv;
        fn->sig = fn->obj ? fn->obj->type : ft->expr.type;
    } else {
        AstFuncLit *lit = AST_AS(AstFuncLit, f->node);
        ft = lit->type;
        fn->sig = lit->expr.type;
    }
    b->curfn = fn;
    fn->nparams = ft->params.n + (recv ? 1 : 0);
    fn->nresults = ft->results.n;
    /* one array for both tables, each with a spare slot */
    fn->params = ESC_ARRAY(c->arena, EscLoc *, fn->nparams + fn->nresults + 2);
    fn->results = fn->params + fn->nparams + 1;
    int k = 0;
    if (recv) fn->params[k++] = param_loc(b, fn, recv);
    for (int i = 0; i < ft->params.n; i++) fn->params[k++] = param_loc(b, fn, ft->params.items[i]);
    for (int i = 0; i < ft->results.n; i++) {
        EscLoc *loc = param_loc(b, fn, ft->results.items[i]);
        if (!loc) loc = esc_new_loc(b, fn, NULL, NULL, true);
        loc->result_index = 1 + i;
        fn->results[i] = loc;
    }
    AstBlockStmt *body = fn_body(f->node);
    if (body && f->dcls_known) {
        for (int i = 0; i < f->ndcls; i++) dcl_loc(b, fn, f->dcls[i]);
    } else if (body) {
        dcl_stmts(b, fn, &body->stmts);
    }
    b->curfn = NULL;
    return fn;
}

/* Under -d escape=off: every allocation and every variable whose address
 * is taken goes to the heap, and every parameter leaks. */
static void escape_everything(EscBatch *b) {
    for (int i = 0; i < b->nall; i++) {
        EscLoc *l = b->all_locs[i];
        if (l->is_param) esc_leaks_add_heap(&l->param_esc, 0);
        if (l->var) {
            if (l->addrtaken || (l->var->flags & OBJ_ADDRTAKEN)) l->escapes = true;
        } else if (l->n) {
            l->escapes = true;
        }
    }
}

/* Allocates fn's FuncInfo in perm, its tags just after it, and attaches
 * it to its Object and node. */
static void attach_info(EscCtx *c, EscFunc *fn) {
    size_t head = (sizeof(FuncInfo) + _Alignof(EscLeaks) - 1) / _Alignof(EscLeaks) * _Alignof(EscLeaks);
    char *mem = arena_zalloc(c->perm, head + sizeof(EscLeaks) * (size_t)(fn->nparams + 1), _Alignof(FuncInfo));
    FuncInfo *info = (FuncInfo *)mem;
    info->nparams = fn->nparams;
    info->leaks = (EscLeaks *)(mem + head);
    if (fn->node->kind == AST_FUNC_DECL) {
        AstFuncDecl *fd = AST_AS(AstFuncDecl, fn->node);
        info->noescape = !fd->body && (fd->pragma & PRAGMA_NOESCAPE);
        fd->info = info;
    } else {
        AST_AS(AstFuncLit, fn->node)->info = info;
    }
    if (fn->obj) fn->obj->func = info;
    fn->info = info;
}

/* Whether esc_heap_alloc_reason can answer anything but NULL for l: not
 * for parameters and results, nor for variables of types that cannot be
 * large (only arrays and structs can, possibly named), nor for
 * temporaries, conversions and variadic slices. */
static bool may_have_heap_reason(const EscLoc *l) {
    if (l->var) {
        const Type *t = l->var->type;
        return !(l->var->flags & (OBJ_PARAM | OBJ_RESULT)) && t &&
               (t->kind == TY_NAMED || t->kind == TY_ARRAY || t->kind == TY_STRUCT || t->kind == TY_TUPLE);
    }
    return l->n && !l->conv && !l->ddd;
}

/* Analyzes one strongly connected component (gc's Batch and finish). */
static void analyze_batch(EscCtx *c, FnNode **block, int n, bool recursive) {
    /* Everything the batch makes in scratch dies with it: the analysis of
     * a program takes memory of its largest batch, not of its size. */
    ArenaMark mark = arena_mark(c->arena);
    EscBatch *b = ARENA_NEW(c->arena, EscBatch);
    b->ctx = c;
    b->recursive = recursive;
    b->keep_notes = c->cfg->m >= 2;
    b->heap.is_heap = true;
    b->heap.escapes = true;
    b->heap.batch = b;
    b->blank.batch = b;
    b->nfuncs = n;
    b->funcs = ESC_ARRAY(c->arena, EscFunc *, n);
    EscBatch *saved = c->batch;
    c->batch = b;
    for (int i = 0; i < n; i++) b->funcs[i] = init_func(b, block[i]);
    for (int i = 0; i < n; i++) {
        EscFunc *fn = b->funcs[i];
        if (!fn->toplevel || !fn_body(fn->node)) continue;
        b->curfn = fn;
        fn->loop_depth = 1;
        esc_walk_func(b, fn);
    }
    b->curfn = NULL;
    if (b->nclosures) esc_flow_closures(b);
    int nall = b->nall;
    for (int i = 0; i < nall; i++) {
        EscLoc *l = b->all_locs[i];
        const char *why = may_have_heap_reason(l) ? esc_heap_alloc_reason(l) : NULL;
        if (why) esc_heap_alloc(b, l, why);
    }
    if (c->cfg->off) escape_everything(b);
    else esc_solve(b);
    for (int i = 0; i < n; i++) {
        attach_info(c, b->funcs[i]);
        esc_param_tags(b, b->funcs[i]);
    }
    esc_report_batch(b);
    for (int i = 0; i < n; i++) block[i]->batch = NULL, block[i]->ef = NULL;
    c->batch = saved;
    arena_release(c->arena, mark);
}

/* Whether declaration fd's function is indexed by its Object. */
static bool indexed_by_obj(const AstFuncDecl *fd) {
    return fd->name && fd->name->obj && fd->tparams.n == 0;
}

/* Makes room in ix->by_decl for decl_index i; the new slots are empty. */
static void by_decl_reserve(EscCtx *c, EscIndex *ix, uint32_t i) {
    if (i < ix->nby_decl) return;
    uint32_t cap = ix->nby_decl ? ix->nby_decl * 2 : 256;
    while (cap <= i) cap *= 2;
    FnNode **items = ESC_ARRAY(c->arena, FnNode *, cap);
    if (ix->nby_decl) memcpy(items, ix->by_decl, sizeof *items * ix->nby_decl);
    memset(items + ix->nby_decl, 0, sizeof *items * (cap - ix->nby_decl));
    ix->by_decl = items;
    ix->nby_decl = cap;
}

/* The bytes of the ast region that declaration fd's nodes take: up to
 * next, the declaration after it in its file, when known; else up to the
 * end of its body's statement list, which the parser allocates last.
 * 0 when the two are not in one block of the region. */
static uint32_t decl_span(const AstFuncDecl *fd, const AstNode *next) {
    uintptr_t from = (uintptr_t)fd, to = 0;
    if (next) to = (uintptr_t)next;
    else if (fd->body && fd->body->stmts.n) to = (uintptr_t)(fd->body->stmts.items + fd->body->stmts.n);
    return to > from && to - from < (1u << 20) ? (uint32_t)(to - from) : 0;
}

/* The FnNode of declaration fd, made on first request; next is the
 * declaration after it in its file, if known (for its span). */
static FnNode *decl_fn(EscCtx *c, EscIndex *ix, AstFuncDecl *fd, const AstNode *next) {
    Object *o = indexed_by_obj(fd) ? fd->name->obj : NULL;
    FnNode *f;
    if (o && (o->flags & OBJ_PKG_LEVEL)) {
        by_decl_reserve(c, ix, o->decl_index);
        f = ix->by_decl[o->decl_index];
        if (f && f->node == &fd->node) return f;
    }
    if (o && (o->flags & OBJ_PKG_LEVEL) && !ix->by_decl[o->decl_index]) {
        f = ARENA_NEW(c->arena, FnNode);
        f->node = &fd->node;
        f->obj = o;
        ix->by_decl[o->decl_index] = f;
    } else {
        /* by the node: a generic function, or one without an Object */
        f = index_get(ix, &fd->node);
        if (f) return f;
        f = ARENA_NEW(c->arena, FnNode);
        f->node = &fd->node;
        index_put(c->arena, ix, &fd->node, f);
        if (o) {
            index_put(c->arena, ix, o, f);
            ix->nobj_keys++;
        }
    }
    f->toplevel = true;
    f->span = decl_span(fd, next);
    return f;
}

/* obj_fn in a lazy index when o's slot is empty: the FnNode of the
 * declaration of o, if o is a function declared in package main. */
static __attribute__((noinline)) FnNode *lazy_obj_fn(EscIndex *ix, const Object *o) {
    if (ix->nobj_keys) {
        FnNode *f = index_get(ix, o);
        if (f) return f;
    }
    EscCtx *c = ix->c;
    if (o->kind != OBJ_FUNC || o->pkg != c->prog->main) return NULL;
    AstNode *d = types_decl_node(c->prog, o);
    if (!d || d->kind != AST_FUNC_DECL || AST_AS(AstFuncDecl, d)->name->obj != o) return NULL;
    return decl_fn(c, ix, AST_AS(AstFuncDecl, d), NULL);
}

/* Indexes every function declaration of the files by its Object (when
 * the prepass runs over all of them before the visit). */
static void index_decls(EscCtx *c, EscIndex *ix) {
    const EscapeConfig *cfg = c->cfg;
    int n = 0;
    for (int i = 0; i < cfg->nfiles; i++) n += cfg->files[i]->decls.n;
    c->fdecl_fns = ESC_ARRAY(c->arena, FnNode *, n + 1);
    for (int i = 0; i < cfg->nfiles; i++) {
        const AstFile *f = cfg->files[i];
        for (int k = 0; k < f->decls.n; k++) {
            AstNode *d = f->decls.items[k];
            if (d->kind != AST_FUNC_DECL) continue;
            const AstNode *next = k + 1 < f->decls.n ? f->decls.items[k + 1] : NULL;
            c->fdecl_fns[c->nfdecls++] = decl_fn(c, ix, AST_AS(AstFuncDecl, d), next);
        }
    }
}

/* Whether declaration fd is a root of the visit: named (not blank), not
 * generic. */
bool esc_is_root_decl(const EscCtx *c, const AstFuncDecl *fd) {
    return fd->name && fd->name->obj && fd->tparams.n == 0 && fd->name->value != c->blank_name;
}

/* The visit without -m: one pass over the declarations in source order,
 * each function visited (and so prepassed and analyzed) as it is met, so
 * its nodes are walked while they are in the cache; a function met first
 * as a callee gets its FnNode then (lazy_obj_fn). */
static void visit_decls(EscCtx *c, Visitor *v) {
    const EscapeConfig *cfg = c->cfg;
    for (int i = 0; i < cfg->nfiles; i++) {
        const AstFile *file = cfg->files[i];
        for (int k = 0; k < file->decls.n; k++) {
            AstNode *d = file->decls.items[k];
            if (d->kind == AST_FUNC_DECL) {
                AstFuncDecl *fd = AST_AS(AstFuncDecl, d);
                if (!esc_is_root_decl(c, fd)) continue;
                const AstNode *next = k + 1 < file->decls.n ? file->decls.items[k + 1] : NULL;
                visit(v, decl_fn(c, v->ix, fd, next));   /* a root, toplevel already */
            } else if (d->kind == AST_VAR_DECL) {
                int from = c->nroots;
                esc_prepass_var_lits(c, AST_AS(AstVarDecl, d));
                for (int r = from; r < c->nroots; r++) visit(v, c->roots[r]);
            }
        }
    }
    int from = c->nroots;
    esc_init_func(c, true);
    for (int r = from; r < c->nroots; r++) visit(v, c->roots[r]);
}

void escape_analyze(Program *prog, const EscapeConfig *cfg, Mem *mem, Diag *diag) {
    Arena *scratch = mem_scratch(mem);
    ArenaMark mark = arena_mark(scratch);
    EscCtx ctx = {
        .prog = prog,
        .cfg = cfg,
        .mem = mem,
        .arena = scratch,
        .perm = mem_perm(mem),
        .diag = diag,
    };
    EscCtx *c = &ctx;
    c->blank_name = intern(&mem->names, "_", 1);
    EscIndex *ix = ARENA_NEW(c->arena, EscIndex);
    c->index = ix;
    /* without -m nothing needs the prepass over every function before
     * the visit: see esc_prepass */
    bool lazy = cfg->m == 0;
    ix->c = c;
    ix->lazy = lazy;
    if (prog->ndecls) by_decl_reserve(c, ix, prog->ndecls - 1);
    Visitor v = {.c = c, .ix = ix, .lazy = lazy};
    if (lazy) {
        visit_decls(c, &v);
    } else {
        index_decls(c, ix);
        esc_prepass(c);
        bool wrappers = cfg->m >= 2 && !cfg->off;
        for (int i = 0; i < c->nroots; i++) {
            /* gc analyzes the wrappers its static initialization makes just
             * before the package's init function (the last root, if any) */
            if (wrappers && i == c->nroots - 1 && esc_is_pkg_init(c->roots[i]->node)) esc_static_wrappers(c);
            visit(&v, c->roots[i]);
        }
        if (wrappers) esc_method_wrappers(c);
    }
    if (cfg->out) fflush(cfg->out);
    arena_release(scratch, mark);
}
