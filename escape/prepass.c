/* prepass.c — the two steps gc runs before escape analysis, even with -l,
 * because they change its decisions (gc: cmd/compile/internal/deadcode and
 * devirtualize, Go 1.19):
 *
 *   dead code      statements under constant conditions are removed:
 *                  `if false {...}` (and the else of `if true`), the tail
 *                  of a list after `if true { ...; return }`, the cases a
 *                  constant switch never takes, the operand of `false &&
 *                  x` / `true || x` in an if condition, and a body made of
 *                  nothing but constant-condition ifs and `for false`
 *                  loops.  `for false { ... }` elsewhere is kept, as gc
 *                  keeps it.  Removed nodes get AST_ESC_DEAD.
 *   devirtualize   an interface method call i.M() whose receiver's static
 *                  value (gc's ir.StaticValue: a local variable defined
 *                  once by a single-value assignment, never reassigned and
 *                  never address-taken, followed through such variables)
 *                  is a conversion of a concrete type T to an interface
 *                  becomes a direct call of T's method: "devirtualizing
 *                  i.M to T".  A method promoted from an embedded
 *                  interface field is only reported ("partially
 *                  devirtualizing") and stays an interface call.
 *
 * Functions are visited as gc lists them (typecheck.Target.Decls): in
 * source order, each function literal before the function that contains
 * it, so all devirtualization lines come first in the output, in that
 * order.  A function literal inside dead code is still devirtualized (gc
 * keeps its declaration) but never analyzed.
 *
 * It also marks, for walk.c, the functions it must scan for looping labels
 * and clause variables (AST_ESC_FN_SCAN) and the expressions it may skip
 * (AST_ESC_INERT).
 *
 * Memory: the per-function tables live in the func region and are
 * released after each function; nothing here outlives the prepass except
 * the AST marks, the devirtualization records (esc_set_devirt) and the
 * method sets of the types devirtualized to (scratch). */
#include <string.h>

#include "escape/esc.h"
#include "types/const.h"

/* A local variable of the function being devirtualized. */
typedef struct VarDef {
    Object *var;             /* NULL: empty slot */
    const AstNode *owner;    /* the FuncDecl or FuncLit that declares it */
    AstNode *rhs;            /* the value of its defining assignment (gc's Defn), or NULL */
    bool reassigned;         /* assigned again, or its address taken (gc's reassigned) */
} VarDef;

/* State of the prepass over one function. */
typedef struct Prepass {
    EscCtx *c;
    Arena *arena;            /* the func region: per-function tables, released after each */
    VarDef *defs;            /* open addressing on the Object pointer */
    uint32_t cap, count;
} Prepass;

/* What a walk over a function body is for. */
typedef enum WalkMode {
    WALK_LITS,               /* find nested function literals (dead ones too) */
    WALK_SCAN,               /* record definitions and reassignments */
    WALK_FIRST,              /* WALK_LITS and the references in one pass; what WALK_SCAN
                                would record is listed (Walk.pending) and recorded only
                                if the function has an interface method call */
} WalkMode;

/* An interface method call met by WALK_FIRST, at the start of its
 * arguments or at its end (calls nest like parentheses).  Devirtualizing
 * needs every definition of the function first, so the calls are taken up
 * after the walk, in this order. */
typedef struct CallEvent {
    AstCallExpr *call;
    int refs;                /* start: the references listed before its arguments;
                                end: the index of its start event */
    bool end;
} CallEvent;

typedef struct Walk {
    Prepass *p;
    WalkMode mode;
    const AstNode *unit;     /* the function (FuncDecl or FuncLit) the nodes belong to */
    FnNode *self;            /* its call graph node: WALK_FIRST lists its references
                                there (NULL at package level) */
    const AstNode *called;   /* the literal being called in place, func(){...}() */
    bool dc;                 /* WALK_FIRST does dead code as it goes (dc_list) */
    CallEvent *events;       /* WALK_FIRST: its interface method calls (in p->arena) */
    int nevents, capevents;
    AstNode **pending;       /* WALK_FIRST: the nodes that define, reassign or take the
                                address of variables, and the literals (whose bodies
                                do too), in walk order (in p->arena) */
    int npending, cappending;
} Walk;

static void prepass_unit(Prepass *p, const AstNode *unit, AstBlockStmt *body, FnNode *self);
static bool walk_inner(Walk *w, AstNode *n);
static bool first_inner(Walk *w, AstNode *n);

/* ---- helpers ----------------------------------------------------------- */

/* Marks n removed by dead-code elimination. */
static void mark_dead(AstNode *n) {
    if (n) n->flags |= AST_ESC_DEAD;
}

/* Whether n was removed by dead-code elimination. */
static bool is_dead(const AstNode *n) {
    return n && (n->flags & AST_ESC_DEAD) != 0;
}

/* Marks every statement of l dead from index from on. */
static void mark_list_dead(AstList *l, int from) {
    for (int i = from; i < l->n; i++) mark_dead(l->items[i]);
}

/* Whether n is a boolean constant; *val receives its value. */
static bool bool_const(const AstNode *n, bool *val) {
    if (!n || n->kind == AST_BAD_EXPR || n->kind < AST_BAD_EXPR || n->kind > AST_LIST_EXPR) return false;
    const struct Const *cv = ((const AstExpr *)n)->cval;
    if (!cv || cv->kind != CONST_BOOL) return false;
    *val = cv->u.b;
    return true;
}

/* Whether n denotes a type (the callee of a conversion, the operand of a
 * method expression). */
static bool is_type_expr(const AstNode *n) {
    n = esc_unparen((AstNode *)n);
    if (!n) return false;
    if (n->kind >= AST_ARRAY_TYPE && n->kind <= AST_CHAN_TYPE) return true;
    if (n->kind == AST_NAME) {
        const Object *o = ((const AstName *)n)->obj;
        return o && o->kind == OBJ_TYPE;
    }
    if (n->kind == AST_SELECTOR_EXPR) {
        const Object *o = ((const AstSelectorExpr *)n)->sel->obj;
        return o && o->kind == OBJ_TYPE;
    }
    if (n->kind == AST_OPERATION) {
        const AstOperation *op = (const AstOperation *)n;
        return op->op == OP_MUL && !op->y && is_type_expr(op->x);
    }
    return false;
}

/* The expressions in *slot: the elements of a ListExpr, or the one
 * expression itself. */
static AstNode **expr_list(AstNode **slot, int *n) {
    AstNode *e = *slot;
    if (!e) {
        *n = 0;
        return NULL;
    }
    if (e->kind == AST_LIST_EXPR) {
        AstListExpr *l = AST_AS(AstListExpr, e);
        *n = l->elems.n;
        return l->elems.items;
    }
    *n = 1;
    return slot;
}

/* ---- dead code (gc: deadcode.Func) ------------------------------------ */

/* A statement list as gc's IR has it: nested blocks are spliced in, empty
 * statements dropped, const and type declarations dropped, and a labeled
 * statement is its label (the LabeledStmt itself, a marker) followed by
 * the statement. */
typedef struct StmtVec {
    AstNode **items;
    int n, cap;
} StmtVec;

/* Appends s to v, growing it in a. */
static void stmt_vec_push(Arena *a, StmtVec *v, AstNode *s) {
    if (v->n == v->cap) {
        int ncap = v->cap ? v->cap * 2 : 16;
        AstNode **items = ESC_ARRAY(a, AstNode *, ncap);
        if (v->n) memcpy(items, v->items, sizeof *items * (size_t)v->n);
        v->items = items;
        v->cap = ncap;
    }
    v->items[v->n++] = s;
}

/* Whether a declaration statement declares variables (else gc's IR has
 * nothing for it). */
static bool declares_vars(const AstNode *s) {
    const AstDeclStmt *d = (const AstDeclStmt *)s;
    for (int i = 0; i < d->decls.n; i++)
        if (d->decls.items[i]->kind == AST_VAR_DECL) return true;
    return false;
}

/* Appends statement s to v as gc's IR lists it (see StmtVec). */
static void flatten_stmt(Arena *a, StmtVec *v, AstNode *s) {
    if (!s) return;
    switch (s->kind) {
    case AST_EMPTY_STMT:
        return;
    case AST_BLOCK_STMT: {
        AstList *l = &AST_AS(AstBlockStmt, s)->stmts;
        for (int i = 0; i < l->n; i++) flatten_stmt(a, v, l->items[i]);
        return;
    }
    case AST_LABELED_STMT:
        stmt_vec_push(a, v, s);
        flatten_stmt(a, v, AST_AS(AstLabeledStmt, s)->stmt);
        return;
    case AST_DECL_STMT:
        if (declares_vars(s)) stmt_vec_push(a, v, s);
        return;
    default:
        stmt_vec_push(a, v, s);
    }
}

/* Whether statement s is listed as itself (flatten_stmt would push just s). */
static bool flat_already(const AstNode *s) {
    return s && s->kind != AST_EMPTY_STMT && s->kind != AST_BLOCK_STMT && s->kind != AST_LABELED_STMT &&
           s->kind != AST_DECL_STMT;
}

/* The statements of l as gc's IR lists them (in a).  A list with nothing
 * to splice or drop, the common case, is returned as it is, uncopied:
 * callers only read the vector. */
static StmtVec flatten(Arena *a, AstList *l) {
    int i = 0;
    while (i < l->n && flat_already(l->items[i])) i++;
    if (i == l->n) {
        StmtVec same = { l->items, l->n, l->n };
        return same;
    }
    StmtVec v = { 0 };
    for (i = 0; i < l->n; i++) flatten_stmt(a, &v, l->items[i]);
    return v;
}

/* The number of statements of l, as gc lists them, that are not dead. */
static int live_count(Arena *a, AstList *l) {
    StmtVec v = flatten(a, l);
    int n = 0;
    for (int i = 0; i < v.n; i++)
        if (!is_dead(v.items[i])) n++;
    return n;
}

static void dc_stmts(Arena *a, AstList *l);

/* Folds an if condition as gc's deadcode.expr does: `true && x` is x,
 * `false && x` is false, `true || x` is true, `false || x` is x; the
 * operand dropped with its constant partner is marked dead.  Returns 1 or
 * 0 for a constant result, -1 otherwise. */
static int dc_fold(AstNode *n) {
    bool v;
    if (bool_const(n, &v)) return v;
    if (!n || n->kind != AST_OPERATION) return -1;
    AstOperation *op = AST_AS(AstOperation, n);
    if (!op->y || (op->op != OP_ANDAND && op->op != OP_OROR)) return -1;
    int x = dc_fold(op->x);
    int y = dc_fold(op->y);
    if (x < 0) return -1;
    if ((op->op == OP_ANDAND) == (x == 1)) return y;   /* true && y, false || y */
    mark_dead(op->y);                                   /* false && y, true || y */
    return x;
}

/* Whether the last statement of l, as gc lists them, is a return or a
 * panic call. */
static bool ends_in_exit(Arena *a, AstList *l) {
    StmtVec v = flatten(a, l);
    for (int i = v.n - 1; i >= 0; i--) {
        const AstNode *s = v.items[i];
        if (is_dead(s)) continue;
        if (s->kind == AST_RETURN_STMT) return true;
        if (s->kind != AST_EXPR_STMT) return false;
        const AstNode *x = esc_unparen(((const AstExprStmt *)s)->x);
        if (!x || x->kind != AST_CALL_EXPR) return false;
        const AstNode *f = esc_unparen(((const AstCallExpr *)x)->fun);
        if (!f || f->kind != AST_NAME) return false;
        const Object *o = ((const AstName *)f)->obj;
        return o && o->kind == OBJ_BUILTIN && o->u.builtin == BUILTIN_PANIC;
    }
    return false;
}

/* Marks an else branch and its statements dead. */
static void kill_else(AstNode *els) {
    mark_dead(els);
    if (els->kind == AST_BLOCK_STMT) mark_list_dead(&AST_AS(AstBlockStmt, els)->stmts, 0);
}

/* A constant if: removes the branch never taken; returns whether the
 * branch always taken ends in a return or panic (an `else if` does not). */
static bool dc_if(Arena *a, AstIfStmt *s) {
    int c = dc_fold(s->cond);
    if (c < 0) return false;
    if (c) {
        if (s->els) kill_else(s->els);
        return ends_in_exit(a, &s->then->stmts);
    }
    mark_dead(&s->then->node);
    mark_list_dead(&s->then->stmts, 0);
    if (!s->els || s->els->kind != AST_BLOCK_STMT) return false;
    return ends_in_exit(a, &AST_AS(AstBlockStmt, s->els)->stmts);
}

/* Whether a case expression equals the switch's constant tag; *known is
 * false when the case is not a constant. */
static bool dc_case_matches(const struct Const *tag, const AstNode *c, bool *known) {
    const struct Const *cv = (c && c->kind > AST_BAD_EXPR && c->kind <= AST_LIST_EXPR) ? ((const AstExpr *)c)->cval : NULL;
    bool eq = false;
    *known = cv && cv->kind != CONST_UNKNOWN && const_compare(TOK_EQL, tag, cv, &eq) == CONST_OK;
    return *known && eq;
}

/* Whether a case body has a fallthrough statement (gc looks at the
 * clause's statements only). */
static bool has_fallthrough(Arena *a, AstList *body) {
    StmtVec v = flatten(a, body);
    for (int i = 0; i < v.n; i++) {
        const AstNode *s = v.items[i];
        if (s->kind == AST_BRANCH_STMT && ((const AstBranchStmt *)s)->tok == TOK_FALLTHROUGH) return true;
    }
    return false;
}

/* Marks a case clause's expressions dead but keep, and unless keep is
 * given (the case taken) the clause and its body. */
static void dc_kill_clause(AstCaseClause *cc, const AstNode *keep) {
    int n;
    AstNode **cases = expr_list(&cc->cases, &n);
    for (int i = 0; i < n; i++)
        if (cases[i] != keep) mark_dead(cases[i]);
    if (!keep) {
        mark_dead(&cc->node);
        mark_list_dead(&cc->body, 0);
    }
}

/* A switch on a constant (or tagless, switching on true) whose cases are
 * constant up to the one taken keeps only that case; with no case taken,
 * only the default (gc's deadcode). */
static void dc_switch(Arena *a, AstSwitchStmt *s) {
    if (s->tag && s->tag->kind == AST_TYPE_SWITCH_GUARD) return;
    struct Const truth = { .kind = CONST_BOOL, .u.b = true };
    const struct Const *tag = &truth;
    if (s->tag) {
        tag = s->tag->kind > AST_BAD_EXPR && s->tag->kind <= AST_LIST_EXPR ? ((AstExpr *)s->tag)->cval : NULL;
        if (!tag || tag->kind == CONST_UNKNOWN) return;
    }
    AstCaseClause *def = NULL;
    for (int i = 0; i < s->body.n; i++) {
        AstCaseClause *cc = AST_AS(AstCaseClause, s->body.items[i]);
        if (!cc->cases) {
            def = cc;
            continue;
        }
        int n;
        AstNode **cases = expr_list(&cc->cases, &n);
        for (int k = 0; k < n; k++) {
            bool known;
            bool eq = dc_case_matches(tag, cases[k], &known);
            if (!known) return;
            if (!eq) continue;
            if (has_fallthrough(a, &cc->body)) return;
            for (int j = 0; j < s->body.n; j++) {
                AstCaseClause *other = AST_AS(AstCaseClause, s->body.items[j]);
                dc_kill_clause(other, other == cc ? cases[k] : NULL);
            }
            return;
        }
    }
    if (def) {
        if (has_fallthrough(a, &def->body)) return;
        for (int j = 0; j < s->body.n; j++) {
            AstCaseClause *other = AST_AS(AstCaseClause, s->body.items[j]);
            if (other != def) dc_kill_clause(other, NULL);
        }
        return;
    }
    for (int j = 0; j < s->body.n; j++) dc_kill_clause(AST_AS(AstCaseClause, s->body.items[j]), NULL);
}

/* gc's deadcode.stmts on one statement; returns whether the statements
 * after it are unreachable (an if whose taken branch ends in return or
 * panic). */
static bool dc_stmt(Arena *a, AstNode *n) {
    bool cut = false;
    switch (n->kind) {
    case AST_IF_STMT: {
        AstIfStmt *s = AST_AS(AstIfStmt, n);
        cut = dc_if(a, s);
        if (!is_dead(&s->then->node)) dc_stmts(a, &s->then->stmts);
        if (s->els && !is_dead(s->els)) {
            if (s->els->kind == AST_BLOCK_STMT) dc_stmts(a, &AST_AS(AstBlockStmt, s->els)->stmts);
            else dc_stmt(a, s->els);
        }
        break;
    }
    case AST_FOR_STMT:
        dc_stmts(a, &AST_AS(AstForStmt, n)->body->stmts);
        break;
    case AST_SWITCH_STMT: {
        AstSwitchStmt *s = AST_AS(AstSwitchStmt, n);
        dc_switch(a, s);
        for (int i = 0; i < s->body.n; i++) {
            AstCaseClause *cc = AST_AS(AstCaseClause, s->body.items[i]);
            if (!is_dead(&cc->node)) dc_stmts(a, &cc->body);
        }
        break;
    }
    case AST_SELECT_STMT: {
        AstSelectStmt *s = AST_AS(AstSelectStmt, n);
        for (int i = 0; i < s->body.n; i++) dc_stmts(a, &AST_AS(AstCommClause, s->body.items[i])->body);
        break;
    }
    default:
        break;
    }
    return cut;
}

/* gc's deadcode.stmts: a statement list.  Statements after an if that
 * always returns are cut, unless a label follows (a goto may reach it). */
static void dc_stmts(Arena *a, AstList *l) {
    StmtVec v = flatten(a, l);
    int last_label = -1;
    for (int i = 0; i < v.n; i++)
        if (v.items[i]->kind == AST_LABELED_STMT) last_label = i;
    for (int i = 0; i < v.n; i++) {
        AstNode *n = v.items[i];
        if (is_dead(n) || n->kind == AST_LABELED_STMT) continue;
        if (dc_stmt(a, n) && i > last_label) {
            for (int j = i + 1; j < v.n; j++) mark_dead(v.items[j]);
            return;
        }
    }
}

/* gc's deadcode.Func: the body, then the whole body removed when all its
 * statements are constant ifs with nothing left in them or `for false`
 * loops. */
static void dc_func(Arena *a, AstBlockStmt *body) {
    dc_stmts(a, &body->stmts);
    StmtVec v = flatten(a, &body->stmts);
    int live = 0;
    for (int i = 0; i < v.n; i++) {
        AstNode *n = v.items[i];
        bool c;
        if (is_dead(n)) continue;
        live++;
        if (n->kind == AST_IF_STMT) {
            AstIfStmt *s = AST_AS(AstIfStmt, n);
            if (s->init || dc_fold(s->cond) < 0) return;
            if (!is_dead(&s->then->node) && live_count(a, &s->then->stmts) > 0) return;
            if (s->els && !is_dead(s->els)) {
                if (s->els->kind != AST_BLOCK_STMT || live_count(a, &AST_AS(AstBlockStmt, s->els)->stmts) > 0)
                    return;
            }
        } else if (n->kind == AST_FOR_STMT) {
            AstForStmt *s = AST_AS(AstForStmt, n);
            if (s->init || !bool_const(s->cond, &c) || c) return;
        } else {
            return;
        }
    }
    if (live == 0) return;
    for (int i = 0; i < v.n; i++) mark_dead(v.items[i]);
}

/* Whether dc_list could mark anything in l: only an if or a switch can
 * (a block or a label may hide one). */
static bool dc_may_change(const AstList *l) {
    for (int i = 0; i < l->n; i++) {
        AstKind k = l->items[i]->kind;
        if (k == AST_IF_STMT || k == AST_SWITCH_STMT || k == AST_BLOCK_STMT || k == AST_LABELED_STMT) return true;
    }
    return false;
}

/* dc_stmts on the statements of l alone, for the walk that does dead code
 * as it goes (Walk.dc): the lists inside them are done when the walk
 * enters them, before it looks at anything there.  dc_stmts decides each
 * statement from its own condition and the statements of its branches as
 * they are before their own dead code, so the marks are the same. */
static void dc_list(Arena *a, AstList *l) {
    if (!dc_may_change(l)) return;
    StmtVec v = flatten(a, l);
    int last_label = -1;
    for (int i = 0; i < v.n; i++)
        if (v.items[i]->kind == AST_LABELED_STMT) last_label = i;
    for (int i = 0; i < v.n; i++) {
        AstNode *n = v.items[i];
        if (is_dead(n) || n->kind == AST_LABELED_STMT) continue;
        bool cut = false;
        if (n->kind == AST_IF_STMT) cut = dc_if(a, AST_AS(AstIfStmt, n));
        else if (n->kind == AST_SWITCH_STMT) dc_switch(a, AST_AS(AstSwitchStmt, n));
        if (cut && i > last_label) {
            for (int j = i + 1; j < v.n; j++) mark_dead(v.items[j]);
            return;
        }
    }
}

/* Whether dc_func could remove the whole body: only when every statement
 * is an if or a for without init (see dc_func).  When not, the walk does
 * the dead code itself. */
static bool dc_may_remove_body(Arena *a, AstBlockStmt *body) {
    /* a statement listed as itself that is neither decides at once */
    for (int i = 0; i < body->stmts.n; i++) {
        const AstNode *n = body->stmts.items[i];
        if (n->kind == AST_IF_STMT && !((const AstIfStmt *)n)->init) continue;
        if (n->kind == AST_FOR_STMT && !((const AstForStmt *)n)->init) continue;
        if (flat_already(n)) return false;
    }
    StmtVec v = flatten(a, &body->stmts);
    if (v.n == 0) return false;
    for (int i = 0; i < v.n; i++) {
        const AstNode *n = v.items[i];
        if (n->kind == AST_IF_STMT && !((const AstIfStmt *)n)->init) continue;
        if (n->kind == AST_FOR_STMT && !((const AstForStmt *)n)->init) continue;
        return false;
    }
    return true;
}

/* ---- variables and their definitions (gc: ir.StaticValue, reassigned) -- */

/* The table entry of var, inserted if absent. */
static VarDef *def_entry(Prepass *p, Object *var) {
    if (p->count * 2 >= p->cap) {
        uint32_t ncap = p->cap ? p->cap * 2 : 16;
        VarDef *nd = ARENA_NEW_ARRAY(p->arena, VarDef, ncap);
        for (uint32_t i = 0; i < p->cap; i++) {
            if (!p->defs[i].var) continue;
            uint32_t h = (uint32_t)(((uintptr_t)p->defs[i].var >> 4) * 2654435761u) & (ncap - 1);
            while (nd[h].var) h = (h + 1) & (ncap - 1);
            nd[h] = p->defs[i];
        }
        p->defs = nd;
        p->cap = ncap;
    }
    uint32_t h = (uint32_t)(((uintptr_t)var >> 4) * 2654435761u) & (p->cap - 1);
    while (p->defs[h].var && p->defs[h].var != var) h = (h + 1) & (p->cap - 1);
    if (!p->defs[h].var) {
        p->defs[h].var = var;
        p->count++;
    }
    return &p->defs[h];
}

/* The table entry of var, or NULL. */
static VarDef *def_find(Prepass *p, const Object *var) {
    if (!p->cap) return NULL;
    uint32_t h = (uint32_t)(((uintptr_t)var >> 4) * 2654435761u) & (p->cap - 1);
    while (p->defs[h].var) {
        if (p->defs[h].var == var) return &p->defs[h];
        h = (h + 1) & (p->cap - 1);
    }
    return NULL;
}

/* The local variable a Name refers to, or NULL. */
static Object *local_var(AstNode *n) {
    n = esc_unparen(n);
    if (!n || n->kind != AST_NAME) return NULL;
    Object *o = AST_AS(AstName, n)->obj;
    if (!o || o->kind != OBJ_VAR || (o->flags & (OBJ_PKG_LEVEL | OBJ_FIELD))) return NULL;
    return o;
}

/* Records the variables declared by names (gc's Defn): with values, one
 * value per name, each defines its name; otherwise (no values, a call
 * with several results, a comma-ok form) none is statically known. */
static void scan_define(Walk *w, AstNode **names, int nnames, AstNode *values) {
    int nv;
    AstNode **vals = expr_list(&values, &nv);
    for (int i = 0; i < nnames; i++) {
        Object *o = local_var(names[i]);
        if (!o) continue;
        VarDef *d = def_entry(w->p, o);
        d->owner = w->unit;
        d->rhs = nv == nnames ? vals[i] : NULL;
    }
}

/* An assignment statement: definitions (the declaring occurrences of :=)
 * and reassignments (every other variable on the left). */
static void scan_assign(Walk *w, AstAssignStmt *s) {
    if (!s->rhs) return;                                    /* x++, x-- */
    if (s->op != OP_NONE && s->op != OP_DEF) return;        /* x op= y: not counted, as gc */
    int nl;
    AstNode **lhs = expr_list(&s->lhs, &nl);
    for (int i = 0; i < nl; i++) {
        Object *o = local_var(lhs[i]);
        if (!o) continue;
        if (s->op == OP_DEF && esc_unparen(lhs[i])->pos == o->pos) {
            int nr;
            AstNode **rhs = expr_list(&s->rhs, &nr);
            VarDef *d = def_entry(w->p, o);
            d->owner = w->unit;
            d->rhs = nr == nl ? rhs[i] : NULL;
        } else {
            def_entry(w->p, o)->reassigned = true;
        }
    }
}

/* &x (also &x.f, &x[i] of an array): x's address is taken (gc's
 * reassigned counts it as an assignment). */
static void scan_addr(Walk *w, AstNode *x) {
    for (;;) {
        x = esc_unparen(x);
        if (!x) return;
        if (x->kind == AST_SELECTOR_EXPR) {
            AstSelectorExpr *sel = AST_AS(AstSelectorExpr, x);
            Type *t = ((AstExpr *)sel->x)->type;
            if (!t || esc_underlying(t)->kind == TY_POINTER) return;
            x = sel->x;
        } else if (x->kind == AST_INDEX_EXPR) {
            AstIndexExpr *ix = AST_AS(AstIndexExpr, x);
            Type *t = ((AstExpr *)ix->x)->type;
            if (!t || esc_underlying(t)->kind != TY_ARRAY) return;
            x = ix->x;
        } else {
            break;
        }
    }
    Object *o = local_var(x);
    if (o) def_entry(w->p, o)->reassigned = true;
}

/* Whether converting an interface of type from to interface type to is a
 * no-op that StaticValue looks through (gc's OCONVNOP): identical types,
 * or two empty interfaces. */
static bool iface_conv_nop(Type *from, Type *to) {
    if (type_identical(from, to)) return true;
    Type *fu = esc_underlying(from), *tu = esc_underlying(to);
    return fu->kind == TY_INTERFACE && tu->kind == TY_INTERFACE && fu->u.iface.nall == 0 &&
           tu->u.iface.nall == 0;
}

/* The concrete type of the value of receiver x in function unit, when its
 * static value (gc's ir.StaticValue) is a conversion of a non-interface
 * value to an interface; NULL otherwise. */
static Type *static_concrete_type(Prepass *p, const AstNode *unit, AstNode *x) {
    for (int depth = 0; depth < 1000; depth++) {
        x = esc_unparen(x);
        if (!x) return NULL;
        if (x->kind == AST_CALL_EXPR) {
            AstCallExpr *call = AST_AS(AstCallExpr, x);
            if (!is_type_expr(call->fun) || call->args.n != 1) return NULL;
            Type *to = call->expr.type, *from = ((AstExpr *)call->args.items[0])->type;
            if (!to || !from || !esc_is_interface(to)) return NULL;
            if (!esc_is_interface(from)) return from->kind == TY_UNTYPED_NIL ? NULL : from;
            if (!iface_conv_nop(from, to)) return NULL;
            x = call->args.items[0];
            continue;
        }
        Object *o = local_var(x);
        if (!o) return NULL;
        VarDef *d = def_find(p, o);
        if (!d || d->owner != unit || !d->rhs || d->reassigned) return NULL;
        Type *from = ((AstExpr *)d->rhs)->type;
        if (!from || from->kind == TY_UNTYPED_NIL) return NULL;
        if (!esc_is_interface(from)) return esc_is_interface(o->type) ? from : NULL;
        if (!iface_conv_nop(from, o->type)) return NULL;
        x = d->rhs;
    }
    return NULL;
}

/* The method sets computed so far, by type (open addressing on the
 * pointer, in the scratch region for the whole analysis): a program
 * devirtualizes to few types, many times each. */
typedef struct EscMethodSets {
    Type **types;            /* NULL: empty slot */
    Selection **sels;
    int *counts;
    uint32_t cap, count;
} EscMethodSets;

/* The slot of t in the table (its entry, or the empty slot for it). */
static uint32_t mset_slot(const EscMethodSets *m, const Type *t) {
    uint32_t h = (uint32_t)(((uintptr_t)t >> 4) * 2654435761u) & (m->cap - 1);
    while (m->types[h] && m->types[h] != t) h = (h + 1) & (m->cap - 1);
    return h;
}

/* The method set of t (type_method_set), computed once per type. */
static int method_set(Prepass *p, Type *t, Selection **out) {
    EscCtx *c = p->c;
    EscMethodSets *m = c->msets;
    if (!m) m = c->msets = ARENA_NEW(c->arena, EscMethodSets);
    if ((m->count + 1) * 2 > m->cap) {
        EscMethodSets old = *m;
        m->cap = old.cap ? old.cap * 2 : 16;
        m->types = ARENA_NEW_ARRAY(c->arena, Type *, m->cap);
        m->sels = ARENA_NEW_ARRAY(c->arena, Selection *, m->cap);
        m->counts = ARENA_NEW_ARRAY(c->arena, int, m->cap);
        for (uint32_t i = 0; i < old.cap; i++) {
            if (!old.types[i]) continue;
            uint32_t h = mset_slot(m, old.types[i]);
            m->types[h] = old.types[i], m->sels[h] = old.sels[i], m->counts[h] = old.counts[i];
        }
    }
    uint32_t h = mset_slot(m, t);
    if (!m->types[h]) {
        m->types[h] = t;
        m->counts[h] = type_method_set(c->arena, p->arena, t, &m->sels[h]);
        m->count++;
    }
    *out = m->sels[h];
    return m->counts[h];
}

/* The method name of type t as its method set has it, or a zero selection. */
static Selection find_method(Prepass *p, Type *t, const char *name) {
    Selection none = { 0 };
    Selection *sels;
    int n = method_set(p, t, &sels);
    for (int i = 0; i < n; i++)
        if (sels[i].method && sels[i].method->name == name) return sels[i];
    return none;
}

/* Records, for a partially devirtualized call, the embedded fields its
 * selection s takes from t down to the interface field (all but the
 * method's own index); false if they cannot be recorded. */
static bool record_path(EscDevirt *d, Type *t, const Selection *s) {
    if (s->depth > (int)(sizeof d->path / sizeof d->path[0])) return false;
    for (int i = 0; i < s->depth; i++) {
        Type *u = esc_underlying(t);
        if (u->kind == TY_POINTER) u = esc_underlying(u->u.array.elem);
        if (u->kind != TY_STRUCT || s->path[i] < 0 || s->path[i] >= u->u.strct.n) return false;
        d->path[i] = &u->u.strct.fields[s->path[i]];
        t = d->path[i]->type;
    }
    d->npath = s->depth;
    return true;
}

/* The concrete receiver type of a devirtualized call (see esc.h). */
Type *esc_devirt_type(EscCtx *c, const AstNode *call) {
    const EscDevirt *d = esc_devirt(c, call);
    return d ? d->type : NULL;
}

/* gc's devirtualize.Call on one call of the function unit. */
static void devirt_call(Walk *w, AstCallExpr *call) {
    AstNode *f = esc_unparen(call->fun);
    if (!f || f->kind != AST_SELECTOR_EXPR) return;
    AstSelectorExpr *sel = AST_AS(AstSelectorExpr, f);
    Type *xt = ((AstExpr *)sel->x)->type;
    Object *m = sel->sel->obj;
    if (!xt || !esc_is_interface(xt) || is_type_expr(sel->x) || !m || m->kind != OBJ_FUNC) return;
    Type *t = static_concrete_type(w->p, w->unit, sel->x);
    if (!t || esc_is_interface(t)) return;
    Selection s = find_method(w->p, t, sel->sel->value);
    if (s.kind != SEL_METHOD || !s.method) return;
    Type *recv = s.method->type ? s.method->type->u.func.recv : NULL;
    bool partial = recv && esc_underlying(recv)->kind == TY_INTERFACE;
    EscCtx *c = w->p->c;
    if (c->cfg->m > 0) {
        char xs[256], ts[256];
        esc_node_string(sel->x, xs, sizeof xs);
        type_string(t, ts, sizeof ts);
        esc_warn(c, call->expr.node.pos, "%sdevirtualizing %s.%s to %s", partial ? "partially " : "", xs,
                 sel->sel->value, ts);
    }
    EscDevirt *d = esc_set_devirt(c, &call->expr.node);
    d->type = t;
    d->method = partial ? NULL : s.method;
    if (partial && !record_path(d, t, &s)) d->type = NULL;
    if (d->type) call->expr.node.flags |= AST_ESC_DEVIRT;
}

/* ---- walking a function body ------------------------------------------ */

/* Lists the function or method o names among the references of the
 * function being walked (escape.c keeps those declared in package main). */
static inline void ref_obj(Walk *w, const Object *o) {
    if (o && o->kind == OBJ_FUNC) esc_ref_obj(w->p->c, w->self, o, -1);
}

/* Visits n and its children in source order for WALK_LITS or WALK_SCAN
 * (walk_inner); names and literals, most of the nodes, are done here
 * without a call.  Returns whether n is inert (see AST_ESC_INERT);
 * nothing is. */
static inline bool walk_node(Walk *w, AstNode *n) {
    if (!n) return true;
    return n->kind == AST_NAME || n->kind == AST_BASIC_LIT || walk_inner(w, n);
}

/* Whether a call is len(x) or cap(x), which evaluate nothing but x. */
static bool is_len_cap(const AstCallExpr *call) {
    const AstNode *f = esc_unparen(call->fun);
    if (f->kind != AST_NAME) return false;
    const Object *o = ((const AstName *)f)->obj;
    return o && o->kind == OBJ_BUILTIN && (o->u.builtin == BUILTIN_LEN || o->u.builtin == BUILTIN_CAP);
}

/* Visits the nodes of l in order. */
static void walk_list(Walk *w, AstList *l) {
    for (int i = 0; i < l->n; i++) walk_node(w, l->items[i]);
}

/* Doubles the room of w->pending (defer_scan). */
static void grow_pending(Walk *w) {
    int cap = w->cappending ? w->cappending * 2 : 16;
    AstNode **items = arena_alloc(w->p->arena, sizeof *items * (size_t)cap, _Alignof(AstNode *));
    if (w->npending) memcpy(items, w->pending, sizeof *items * (size_t)w->npending);
    w->pending = items;
    w->cappending = cap;
}

/* Lists n for scan_pending (WALK_FIRST): the definitions table is needed
 * only to devirtualize, and most functions have no interface method call. */
static inline void defer_scan(Walk *w, AstNode *n) {
    if (w->npending == w->cappending) grow_pending(w);
    w->pending[w->npending++] = n;
}

/* Records the definitions and reassignments of the nodes WALK_FIRST
 * listed, in walk order, as WALK_SCAN would have met them. */
static void scan_pending(Walk *w) {
    Walk scan = { .p = w->p, .mode = WALK_SCAN, .unit = w->unit };
    for (int i = 0; i < w->npending; i++) {
        AstNode *n = w->pending[i];
        switch (n->kind) {
        case AST_OPERATION:
            scan_addr(&scan, AST_AS(AstOperation, n)->x);
            break;
        case AST_VAR_DECL: {
            AstVarDecl *v = AST_AS(AstVarDecl, n);
            scan_define(&scan, (AstNode **)v->names.items, v->names.n, v->values);
            break;
        }
        case AST_ASSIGN_STMT:
            scan_assign(&scan, AST_AS(AstAssignStmt, n));
            break;
        case AST_RANGE_CLAUSE: {
            AstRangeClause *r = AST_AS(AstRangeClause, n);
            int nl;
            AstNode **lhs = expr_list(&r->lhs, &nl);
            scan_define(&scan, lhs, nl, NULL);
            break;
        }
        case AST_FUNC_LIT: {
            Walk lit = { .p = w->p, .mode = WALK_SCAN, .unit = n };
            walk_list(&lit, &AST_AS(AstFuncLit, n)->body->stmts);
            break;
        }
        default:
            break;
        }
    }
}

/* A function literal met by WALK_LITS (a unit of its own) or WALK_SCAN
 * (part of the enclosing function's body: gc's reassigned looks into
 * closures). */
static void walk_func_lit(Walk *w, AstFuncLit *lit) {
    if (!lit->body) return;
    AstNode *n = &lit->expr.node;
    if (w->mode == WALK_LITS) {
        if (!w->self) esc_add_root(w->p->c, n);
        prepass_unit(w->p, n, lit->body, esc_fn_node(w->p->c, n));
    } else {
        Walk scan = { .p = w->p, .mode = WALK_SCAN, .unit = n };
        walk_list(&scan, &lit->body->stmts);
    }
}

/* Records an interface method call's start or end (see CallEvent);
 * returns the event's index. */
static int add_event(Walk *w, AstCallExpr *call, int refs, bool end) {
    if (w->nevents == w->capevents) {
        int cap = w->capevents ? w->capevents * 2 : 8;
        CallEvent *items = arena_alloc(w->p->arena, sizeof *items * (size_t)cap, _Alignof(CallEvent));
        if (w->nevents) memcpy(items, w->events, sizeof *items * (size_t)w->nevents);
        w->events = items;
        w->capevents = cap;
    }
    CallEvent *e = &w->events[w->nevents];
    e->call = call;
    e->refs = refs;
    e->end = end;
    return w->nevents++;
}

/* Devirtualizes the interface method calls WALK_FIRST met, in the order
 * gc does (each at the end of its arguments), listing each concrete
 * method among the references where the call's arguments start, as if
 * the walk had found it there. */
static void devirt_calls(Walk *w) {
    EscCtx *c = w->p->c;
    int inserted = 0;        /* methods listed so far */
    for (int i = 0; i < w->nevents; i++) {
        CallEvent *e = &w->events[i];
        if (!e->end) {
            e->refs += inserted;
            continue;
        }
        devirt_call(w, e->call);
        Object *m = esc_devirt_method(c, &e->call->expr.node);
        int before = esc_ref_count(w->self);
        esc_ref_obj(c, w->self, m, w->events[e->refs].refs);
        inserted += esc_ref_count(w->self) - before;
    }
}

/* Whether a call, not yet devirtualized, may be (what devirt_call tries). */
static bool iface_call(const AstCallExpr *call) {
    AstNode *f = esc_unparen(call->fun);
    if (!f || f->kind != AST_SELECTOR_EXPR) return false;
    AstSelectorExpr *sel = AST_AS(AstSelectorExpr, f);
    Type *xt = ((AstExpr *)sel->x)->type;
    return xt && esc_is_interface(xt);
}

/* Lists among the declarations of the function WALK_FIRST walks the
 * names that declare a variable (escape.c's dcl_stmt takes the same):
 * each name but blank; with defines, only the names a := or a range
 * declares anew (the variable's position is the name's). */
static void add_dcls(Walk *w, AstNode **names, int n, bool defines) {
    for (int i = 0; i < n; i++) {
        AstNode *x = names[i];
        if (!x || x->kind != AST_NAME) continue;
        AstName *name = AST_AS(AstName, x);
        if (name->value == w->p->c->blank_name) continue;   /* interned: no need to read it */
        if (defines && !(name->obj && name->obj->kind == OBJ_VAR && name->obj->pos == x->pos)) continue;
        esc_dcl_add(w->p->c, w->self, name);
    }
}

/* Marks the function being walked for walk.c's scan (AST_ESC_FN_SCAN). */
static void flag_scan(Walk *w) {
    if (w->unit && (w->unit->kind == AST_FUNC_DECL || w->unit->kind == AST_FUNC_LIT))
        ((AstNode *)w->unit)->flags |= AST_ESC_FN_SCAN;
}

/* Whether an operation is inert given that its operands are: not an
 * address, a receive or a string concatenation (see walk_inner). */
static inline bool op_inert(const AstOperation *op) {
    Type *t = op->expr.type;
    return !(op->op == OP_AND && !op->y) && op->op != OP_RECV && !(op->op == OP_ADD && t && type_is_string(t));
}

/* Whether indexing x may be inert: x is not a map. */
static inline bool index_inert(const AstIndexExpr *ix) {
    Type *xt = ((AstExpr *)ix->x)->type;
    return xt && esc_underlying(xt)->kind != TY_MAP;
}

/* The walks below are one function body, inner(), instantiated twice:
 * with first a constant true for WALK_FIRST, the walk every function
 * gets (so its tests of the mode fold away), and false for WALK_LITS and
 * WALK_SCAN, which read w->mode. */
#define WALK_INLINE inline __attribute__((always_inline))

/* Visits n: a name (listing, for WALK_FIRST, the function it refers to)
 * or a literal here, without a call; anything else through the walk of
 * its mode.  Returns whether n is inert (see inner()). */
static WALK_INLINE bool node_in(Walk *w, AstNode *n, bool first) {
    if (!n) return true;
    if (n->kind == AST_NAME) {
        if (first && !is_dead(n)) ref_obj(w, AST_AS(AstName, n)->obj);
        return true;
    }
    return n->kind == AST_BASIC_LIT || (first ? first_inner(w, n) : walk_inner(w, n));
}

/* node_in over the nodes of l; whether all of them are inert. */
static WALK_INLINE bool inert_list_in(Walk *w, AstList *l, bool first) {
    bool inert = true;
    for (int i = 0; i < l->n; i++) inert &= node_in(w, l->items[i], first);
    return inert;
}

/* node_in over the nodes of l. */
static WALK_INLINE void list_in(Walk *w, AstList *l, bool first) {
    for (int i = 0; i < l->n; i++) node_in(w, l->items[i], first);
}

/* A function literal met by WALK_FIRST: a unit of its own, referred to
 * by the function being walked, whose definitions scan_pending records
 * as part of it if need be. */
static void first_func_lit(Walk *w, AstFuncLit *lit) {
    if (!lit->body) return;
    AstNode *n = &lit->expr.node;
    FnNode *f = esc_fn_node(w->p->c, n);
    prepass_unit(w->p, n, lit->body, f);
    esc_ref_lit(w->p->c, w->self, f, w->called == n);
    defer_scan(w, n);
}

/* Visits n (neither a name nor a literal) and its children in source
 * order.  Type expressions hold nothing of interest and are skipped.
 * WALK_LITS visits every node, dead or not; WALK_SCAN skips dead nodes
 * (gc has removed them); WALK_FIRST (first) walks a dead node as
 * WALK_LITS, for its literals only, and otherwise also does dead code as
 * it goes (with w->dc), lists the references (w->self is never NULL),
 * the declarations (add_dcls), the nodes scan_pending may record and the
 * interface method calls.  Marks the expressions that are inert and
 * returns whether n is: names, constants, arithmetic, comparisons, field
 * selections, indexing of anything but a map, and len and cap, of inert
 * operands (a dead operand is taken as not inert).  Evaluated into the
 * blank hole, an inert expression flows nothing anywhere, and the walk
 * skips it. */
static WALK_INLINE bool inner(Walk *w, AstNode *n, bool first) {
    if (first && is_dead(n)) {
        esc_dcls_unknown(w->self);
        w->mode = WALK_LITS;     /* which reads none of WALK_FIRST's fields */
        walk_inner(w, n);
        w->mode = WALK_FIRST;
        return false;
    }
    bool scan = !first && w->mode == WALK_SCAN;
    if (scan && is_dead(n)) return false;
    bool dc = first && w->dc;
    bool inert = false;
    switch (n->kind) {
    case AST_BRANCH_STMT:
        if (AST_AS(AstBranchStmt, n)->tok == TOK_GOTO) flag_scan(w);
        break;
    case AST_COMPOSITE_LIT:
        list_in(w, &AST_AS(AstCompositeLit, n)->elems, first);
        break;
    case AST_KEY_VALUE_EXPR:
        node_in(w, AST_AS(AstKeyValueExpr, n)->key, first);
        node_in(w, AST_AS(AstKeyValueExpr, n)->value, first);
        break;
    case AST_FUNC_LIT:
        if (first) first_func_lit(w, AST_AS(AstFuncLit, n));
        else walk_func_lit(w, AST_AS(AstFuncLit, n));
        break;
    case AST_PAREN_EXPR:
        inert = node_in(w, AST_AS(AstParenExpr, n)->x, first);
        break;
    case AST_SELECTOR_EXPR: {
        AstSelectorExpr *sel = AST_AS(AstSelectorExpr, n);
        /* the checker names methods and package members, not fields */
        inert = node_in(w, sel->x, first) && !sel->sel->obj;
        if (first) ref_obj(w, sel->sel->obj);
        break;
    }
    case AST_INDEX_EXPR: {
        AstIndexExpr *ix = AST_AS(AstIndexExpr, n);
        inert = node_in(w, ix->x, first);
        inert &= node_in(w, ix->index, first);
        inert &= index_inert(ix);
        break;
    }
    case AST_SLICE_EXPR: {
        AstSliceExpr *s = AST_AS(AstSliceExpr, n);
        node_in(w, s->x, first);
        for (int i = 0; i < 3; i++) node_in(w, s->index[i], first);
        break;
    }
    case AST_ASSERT_EXPR:
        node_in(w, AST_AS(AstAssertExpr, n)->x, first);
        break;
    case AST_TYPE_SWITCH_GUARD:
        node_in(w, AST_AS(AstTypeSwitchGuard, n)->x, first);
        break;
    case AST_OPERATION: {
        AstOperation *op = AST_AS(AstOperation, n);
        if (op->op == OP_AND && !op->y) {
            if (scan) scan_addr(w, op->x);
            else if (first) defer_scan(w, n);
        }
        inert = node_in(w, op->x, first);
        inert &= node_in(w, op->y, first);
        inert &= op_inert(op);
        break;
    }
    case AST_CALL_EXPR: {
        AstCallExpr *call = AST_AS(AstCallExpr, n);
        const AstNode *called = w->called;
        if (first) w->called = esc_unparen(call->fun);
        if (!is_type_expr(call->fun)) node_in(w, call->fun, first);
        w->called = called;
        int start = first && iface_call(call) ? add_event(w, call, esc_ref_count(w->self), false) : -1;
        inert = inert_list_in(w, &call->args, first) && is_len_cap(call);
        if (start >= 0) add_event(w, call, start, true);
        break;
    }
    case AST_LIST_EXPR:
        list_in(w, &AST_AS(AstListExpr, n)->elems, first);
        break;
    case AST_LABELED_STMT:
        node_in(w, AST_AS(AstLabeledStmt, n)->stmt, first);
        break;
    case AST_BLOCK_STMT:
        list_in(w, &AST_AS(AstBlockStmt, n)->stmts, first);
        break;
    case AST_EXPR_STMT:
        node_in(w, AST_AS(AstExprStmt, n)->x, first);
        break;
    case AST_SEND_STMT:
        node_in(w, AST_AS(AstSendStmt, n)->chan, first);
        node_in(w, AST_AS(AstSendStmt, n)->value, first);
        break;
    case AST_DECL_STMT: {
        AstDeclStmt *d = AST_AS(AstDeclStmt, n);
        for (int i = 0; i < d->decls.n; i++) {
            if (d->decls.items[i]->kind != AST_VAR_DECL) continue;
            AstVarDecl *v = AST_AS(AstVarDecl, d->decls.items[i]);
            if (scan) scan_define(w, (AstNode **)v->names.items, v->names.n, v->values);
            if (first) {
                defer_scan(w, &v->node);
                add_dcls(w, (AstNode **)v->names.items, v->names.n, false);
            }
            node_in(w, v->values, first);
        }
        break;
    }
    case AST_ASSIGN_STMT: {
        AstAssignStmt *s = AST_AS(AstAssignStmt, n);
        if (scan) scan_assign(w, s);
        if (first && s->rhs && (s->op == OP_NONE || s->op == OP_DEF)) defer_scan(w, n);
        if (first && s->op == OP_DEF && s->lhs) {
            int nl;
            AstNode **lhs = expr_list(&s->lhs, &nl);
            add_dcls(w, lhs, nl, true);
        }
        node_in(w, s->lhs, first);
        node_in(w, s->rhs, first);
        break;
    }
    case AST_CALL_STMT:
        node_in(w, &AST_AS(AstCallStmt, n)->call->expr.node, first);
        break;
    case AST_RETURN_STMT:
        node_in(w, AST_AS(AstReturnStmt, n)->results, first);
        break;
    case AST_IF_STMT: {
        AstIfStmt *s = AST_AS(AstIfStmt, n);
        node_in(w, s->init, first);
        node_in(w, s->cond, first);
        if (dc && !is_dead(&s->then->node)) dc_list(w->p->arena, &s->then->stmts);
        node_in(w, &s->then->node, first);
        if (dc && s->els && !is_dead(s->els)) {
            if (s->els->kind == AST_BLOCK_STMT) dc_list(w->p->arena, &AST_AS(AstBlockStmt, s->els)->stmts);
            else if (s->els->kind == AST_IF_STMT) dc_if(w->p->arena, AST_AS(AstIfStmt, s->els));
        }
        node_in(w, s->els, first);
        break;
    }
    case AST_FOR_STMT: {
        AstForStmt *s = AST_AS(AstForStmt, n);
        node_in(w, s->init, first);
        node_in(w, s->cond, first);
        node_in(w, s->post, first);
        if (dc) dc_list(w->p->arena, &s->body->stmts);
        node_in(w, &s->body->node, first);
        break;
    }
    case AST_RANGE_CLAUSE: {
        AstRangeClause *r = AST_AS(AstRangeClause, n);
        if (r->def && r->lhs && (scan || first)) {
            int nl;
            AstNode **lhs = expr_list(&r->lhs, &nl);
            if (scan) scan_define(w, lhs, nl, NULL);
            if (first) {
                defer_scan(w, n);
                add_dcls(w, lhs, nl, true);
            }
        }
        if (first) {         /* gc's order: the operand, then the variables */
            node_in(w, r->x, first);
            node_in(w, r->lhs, first);
        } else {
            node_in(w, r->lhs, first);
            node_in(w, r->x, first);
        }
        break;
    }
    case AST_SWITCH_STMT: {
        AstSwitchStmt *s = AST_AS(AstSwitchStmt, n);
        if (s->tag && s->tag->kind == AST_TYPE_SWITCH_GUARD && AST_AS(AstTypeSwitchGuard, s->tag)->lhs) {
            flag_scan(w);
            if (first) esc_dcls_unknown(w->self);
        }
        node_in(w, s->init, first);
        node_in(w, s->tag, first);
        list_in(w, &s->body, first);
        break;
    }
    case AST_SELECT_STMT:
        list_in(w, &AST_AS(AstSelectStmt, n)->body, first);
        break;
    case AST_CASE_CLAUSE:
        node_in(w, AST_AS(AstCaseClause, n)->cases, first);
        if (dc) dc_list(w->p->arena, &AST_AS(AstCaseClause, n)->body);
        list_in(w, &AST_AS(AstCaseClause, n)->body, first);
        break;
    case AST_COMM_CLAUSE:
        node_in(w, AST_AS(AstCommClause, n)->comm, first);
        if (dc) dc_list(w->p->arena, &AST_AS(AstCommClause, n)->body);
        list_in(w, &AST_AS(AstCommClause, n)->body, first);
        break;
    default:
        break;   /* names, literals, types, empty and branch statements */
    }
    if (inert) n->flags |= AST_ESC_INERT;
    return inert;
}

/* inner() for WALK_LITS and WALK_SCAN. */
static bool walk_inner(Walk *w, AstNode *n) {
    return inner(w, n, false);
}

/* inner() for WALK_FIRST. */
static bool first_inner(Walk *w, AstNode *n) {
    return inner(w, n, true);
}

/* One function (a FuncDecl or FuncLit) as gc's Target.Decls has it: dead
 * code, its function literals, its definitions and its references in one
 * walk (dead code is done first on its own only when it might remove the
 * whole body), then devirtualization of the interface method calls the
 * walk recorded (it needs every definition and reassignment first).  One
 * walk matters: the AST is cold in the cache by now, and each walk pays
 * for it. */
static void prepass_unit(Prepass *p, const AstNode *unit, AstBlockStmt *body, FnNode *self) {
    ArenaMark mark = arena_mark(p->arena);
    bool whole = dc_may_remove_body(p->arena, body);
    if (whole) dc_func(p->arena, body);
    VarDef *saved = p->defs;
    uint32_t saved_cap = p->cap, saved_count = p->count;
    p->defs = NULL, p->cap = 0, p->count = 0;
    if (!self) self = esc_fn_node(p->c, (AstNode *)unit);
    esc_refs_reset(self);
    esc_dcls_reset(self);
    Walk first = { .p = p, .mode = WALK_FIRST, .unit = unit, .self = self, .dc = !whole };
    if (first.dc) dc_list(p->arena, &body->stmts);
    list_in(&first, &body->stmts, true);
    if (first.nevents) {
        scan_pending(&first);
        devirt_calls(&first);
    }
    p->defs = saved, p->cap = saved_cap, p->count = saved_count;
    arena_release(p->arena, mark);
}

/* Lists the roots of the bottom-up visit and runs the prepasses over
 * every function of package main in gc's order (see the top of this
 * file). */
void esc_prepass(EscCtx *c) {
    Prepass p = { c, mem_func(c->mem), NULL, 0, 0 };
    int k = 0;               /* index of the next FuncDecl in c->fdecl_fns */
    for (int f = 0; f < c->cfg->nfiles; f++) {
        AstFile *file = c->cfg->files[f];
        for (int i = 0; i < file->decls.n; i++) {
            AstNode *d = file->decls.items[i];
            if (d->kind == AST_FUNC_DECL) {
                AstFuncDecl *fd = AST_AS(AstFuncDecl, d);
                FnNode *self = c->fdecl_fns[k++];
                if (esc_is_root_decl(c, fd)) esc_add_root_fn(c, self);
                if (fd->body) {
                    esc_fn_prefetch(c, self);
                    prepass_unit(&p, d, fd->body, self);
                }
            } else if (d->kind == AST_VAR_DECL) {
                Walk lits = { .p = &p, .mode = WALK_LITS, .unit = d };
                walk_node(&lits, AST_AS(AstVarDecl, d)->values);
            }
        }
    }
    esc_init_func(c, false);
}

void esc_prepass_var_lits(EscCtx *c, AstVarDecl *v) {
    if (!v->values) return;
    Prepass p = { c, mem_func(c->mem), NULL, 0, 0 };
    Walk lits = { .p = &p, .mode = WALK_LITS, .unit = &v->node };
    walk_node(&lits, v->values);
}

void esc_prepass_func(EscCtx *c, AstFuncDecl *fd, FnNode *self) {
    if (self) esc_fn_prefetch(c, self);
    Prepass p = { c, mem_func(c->mem), NULL, 0, 0 };
    if (fd->body) prepass_unit(&p, &fd->node, fd->body, self);
}
