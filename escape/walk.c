/* walk.c — statements and assignments of the typed AST as escape analysis
 * sees them (gc: stmt.go, assign.go, the walkFunc/initFunc parts of
 * escape.go and isSelfAssign of utils.go).
 *
 * Loop depth: a function body is at depth 1; each for/range body and each
 * label that a later goto jumps back to (a "looping label") adds one.  A
 * variable's location records the depth of its declaration, which is how
 * the solver knows that &x stored in a variable declared outside a loop
 * outlives x. */
#include <string.h>

#include "escape/esc.h"

/* Lists of holes or types up to this length (assignments, results) are
 * kept on the C stack rather than in the scratch region. */
enum { SMALL_LIST = 8 };

/* Whether -m prints anything: only then are the positions worth finding
 * where gc reports implicit conversions (fn->conv_pos); they decide
 * nothing. */
static bool reporting(const EscBatch *b) {
    return b->ctx->cfg->m > 0;
}

/* ---- functions -------------------------------------------------------------- */

/* The signature node and body of fn's declaration or literal. */
static AstFuncType *func_type(const EscFunc *fn) {
    if (fn->node->kind == AST_FUNC_DECL)
        return AST_AS(AstFuncDecl, fn->node)->type;
    return AST_AS(AstFuncLit, fn->node)->type;
}

/* The body of fn's declaration or literal (NULL: declared without body). */
static AstBlockStmt *func_body(const EscFunc *fn) {
    if (fn->node->kind == AST_FUNC_DECL)
        return AST_AS(AstFuncDecl, fn->node)->body;
    return AST_AS(AstFuncLit, fn->node)->body;
}

/* The location of parameter field f (NULL for an unnamed or blank one). */
static EscLoc *param_loc(EscBatch *b, EscFunc *fn, AstField *f) {
    if (!f || !f->name || !f->name->obj || strcmp(f->name->value, "_") == 0)
        return NULL;
    EscLoc *loc = esc_var_loc(b, fn, f->name->obj);
    loc->is_param = true;
    return loc;
}

/* Creates the locations of fn's receiver, parameters and results, unless
 * the batch has made them already (gc's initFunc). */
static void init_func(EscBatch *b, EscFunc *fn) {
    AstFuncType *ft = func_type(fn);
    AstField *recv = fn->node->kind == AST_FUNC_DECL ? AST_AS(AstFuncDecl, fn->node)->recv : NULL;
    Arena *a = b->ctx->arena;
    if (!fn->params) {
        int n = ft->params.n + (recv ? 1 : 0);
        fn->params = ESC_ARRAY(a, EscLoc *, n ? n : 1);
        fn->nparams = n;
        int i = 0;
        if (recv)
            fn->params[i++] = param_loc(b, fn, recv);
        for (int j = 0; j < ft->params.n; j++)
            fn->params[i++] = param_loc(b, fn, ft->params.items[j]);
    }
    if (!fn->results) {
        int n = ft->results.n;
        fn->results = ESC_ARRAY(a, EscLoc *, n ? n : 1);
        fn->nresults = n;
        for (int i = 0; i < n; i++) {
            AstField *f = ft->results.items[i];
            EscLoc *loc;
            if (f->name && f->name->obj && strcmp(f->name->value, "_") != 0)
                loc = esc_var_loc(b, fn, f->name->obj);
            else
                loc = esc_new_loc(b, fn, &f->node, NULL, false);
            loc->result_index = i + 1;
            fn->results[i] = loc;
        }
    }
}

/* The function of literal lit: the batch's own, or one made here once. */
EscFunc *esc_lit_func(EscBatch *b, EscFunc *outer, AstFuncLit *lit) {
    for (int i = 0; i < b->nlits; i++)
        if (b->lits[i]->node == &lit->expr.node)
            return b->lits[i];
    for (int i = 0; i < b->nfuncs; i++)
        if (b->funcs[i]->node == &lit->expr.node) {
            b->funcs[i]->outer = outer;
            init_func(b, b->funcs[i]);
            return b->funcs[i];
        }
    EscFunc *fn = ARENA_NEW(b->ctx->arena, EscFunc);
    fn->node = &lit->expr.node;
    fn->sig = lit->expr.type;
    fn->outer = outer;
    fn->loop_depth = 1;
    fn->fresh = true;
    if (b->nlits == b->caplits) {
        int cap = b->caplits ? 2 * b->caplits : 8;
        EscFunc **v = ESC_ARRAY(b->ctx->arena, EscFunc *, cap);
        if (b->nlits)
            memcpy(v, b->lits, sizeof *v * (size_t)b->nlits);
        b->lits = v;
        b->caplits = cap;
    }
    b->lits[b->nlits++] = fn;
    init_func(b, fn);
    return fn;
}

/* ---- the locals of a function, in declaration order ------------------------ */

/* Whether name n declares its object (rather than using it). */
static bool declares(const AstNode *n) {
    if (!n || n->kind != AST_NAME)
        return false;
    const AstName *nm = (const AstName *)n;
    return nm->obj && nm->obj->kind == OBJ_VAR && nm->obj->pos == n->pos && !(nm->value[0] == '_' && nm->value[1] == 0);
}

typedef struct Scan {
    EscBatch *b;
    EscFunc *fn;
    const AstNode **labels;          /* labeled statements, in source order */
    int nlabels, caplabels;
    const AstBranchStmt **gotos;
    int ngotos, capgotos;
} Scan;

static void scan_node(Scan *s, AstNode *n);

/* Declares the locals among the names of expression or list e. */
static void scan_decl_names(Scan *s, AstNode *e) {
    if (!e)
        return;
    if (e->kind == AST_LIST_EXPR) {
        AstListExpr *l = AST_AS(AstListExpr, e);
        for (int i = 0; i < l->elems.n; i++)
            scan_decl_names(s, l->elems.items[i]);
        return;
    }
    if (declares(e))
        esc_var_loc(s->b, s->fn, AST_AS(AstName, e)->obj);
}

/* scan_node over each statement of l. */
static void scan_list(Scan *s, AstList *l) {
    for (int i = 0; i < l->n; i++)
        scan_node(s, l->items[i]);
}

/* esc_visit_names over each node of l. */
static void visit_list(AstList *l, void (*fn)(void *, AstNode *), void *ctx, bool lits) {
    for (int i = 0; i < l->n; i++)
        esc_visit_names(l->items[i], fn, ctx, lits);
}

/* Calls fn on the Names below n in gc's building order (see esc.h). */
void esc_visit_names(AstNode *n, void (*fn)(void *ctx, AstNode *name), void *ctx, bool lits) {
    if (!n)
        return;
    switch (n->kind) {
    case AST_NAME: fn(ctx, n); return;
    case AST_COMPOSITE_LIT: visit_list(&AST_AS(AstCompositeLit, n)->elems, fn, ctx, lits); return;
    case AST_KEY_VALUE_EXPR:
        esc_visit_names(AST_AS(AstKeyValueExpr, n)->key, fn, ctx, lits);
        esc_visit_names(AST_AS(AstKeyValueExpr, n)->value, fn, ctx, lits);
        return;
    case AST_FUNC_LIT:
        if (lits)
            esc_visit_names(&AST_AS(AstFuncLit, n)->body->node, fn, ctx, lits);
        else
            fn(ctx, n);
        return;
    case AST_PAREN_EXPR: esc_visit_names(AST_AS(AstParenExpr, n)->x, fn, ctx, lits); return;
    case AST_SELECTOR_EXPR: esc_visit_names(AST_AS(AstSelectorExpr, n)->x, fn, ctx, lits); return;
    case AST_INDEX_EXPR:
        esc_visit_names(AST_AS(AstIndexExpr, n)->x, fn, ctx, lits);
        esc_visit_names(AST_AS(AstIndexExpr, n)->index, fn, ctx, lits);
        return;
    case AST_SLICE_EXPR:
        esc_visit_names(AST_AS(AstSliceExpr, n)->x, fn, ctx, lits);
        for (int i = 0; i < 3; i++)
            esc_visit_names(AST_AS(AstSliceExpr, n)->index[i], fn, ctx, lits);
        return;
    case AST_ASSERT_EXPR: esc_visit_names(AST_AS(AstAssertExpr, n)->x, fn, ctx, lits); return;
    case AST_TYPE_SWITCH_GUARD: esc_visit_names(AST_AS(AstTypeSwitchGuard, n)->x, fn, ctx, lits); return;
    case AST_OPERATION:
        esc_visit_names(AST_AS(AstOperation, n)->x, fn, ctx, lits);
        esc_visit_names(AST_AS(AstOperation, n)->y, fn, ctx, lits);
        return;
    case AST_CALL_EXPR:
        esc_visit_names(AST_AS(AstCallExpr, n)->fun, fn, ctx, lits);
        visit_list(&AST_AS(AstCallExpr, n)->args, fn, ctx, lits);
        return;
    case AST_LIST_EXPR: visit_list(&AST_AS(AstListExpr, n)->elems, fn, ctx, lits); return;
    case AST_LABELED_STMT: esc_visit_names(AST_AS(AstLabeledStmt, n)->stmt, fn, ctx, lits); return;
    case AST_BLOCK_STMT: visit_list(&AST_AS(AstBlockStmt, n)->stmts, fn, ctx, lits); return;
    case AST_EXPR_STMT: esc_visit_names(AST_AS(AstExprStmt, n)->x, fn, ctx, lits); return;
    case AST_SEND_STMT:
        esc_visit_names(AST_AS(AstSendStmt, n)->chan, fn, ctx, lits);
        esc_visit_names(AST_AS(AstSendStmt, n)->value, fn, ctx, lits);
        return;
    case AST_DECL_STMT: {
        AstDeclStmt *d = AST_AS(AstDeclStmt, n);
        for (int i = 0; i < d->decls.n; i++)
            if (d->decls.items[i]->kind == AST_VAR_DECL)
                esc_visit_names(AST_AS(AstVarDecl, d->decls.items[i])->values, fn, ctx, lits);
        return;
    }
    case AST_ASSIGN_STMT:
        /* gc's front end builds the right side first */
        esc_visit_names(AST_AS(AstAssignStmt, n)->rhs, fn, ctx, lits);
        esc_visit_names(AST_AS(AstAssignStmt, n)->lhs, fn, ctx, lits);
        return;
    case AST_CALL_STMT: esc_visit_names(&AST_AS(AstCallStmt, n)->call->expr.node, fn, ctx, lits); return;
    case AST_RETURN_STMT: esc_visit_names(AST_AS(AstReturnStmt, n)->results, fn, ctx, lits); return;
    case AST_IF_STMT: {
        AstIfStmt *st = AST_AS(AstIfStmt, n);
        esc_visit_names(st->init, fn, ctx, lits);
        esc_visit_names(st->cond, fn, ctx, lits);
        esc_visit_names(&st->then->node, fn, ctx, lits);
        esc_visit_names(st->els, fn, ctx, lits);
        return;
    }
    case AST_FOR_STMT: {
        AstForStmt *st = AST_AS(AstForStmt, n);
        esc_visit_names(st->init, fn, ctx, lits);
        esc_visit_names(st->cond, fn, ctx, lits);
        esc_visit_names(st->post, fn, ctx, lits);
        esc_visit_names(&st->body->node, fn, ctx, lits);
        return;
    }
    case AST_RANGE_CLAUSE:
        esc_visit_names(AST_AS(AstRangeClause, n)->lhs, fn, ctx, lits);
        esc_visit_names(AST_AS(AstRangeClause, n)->x, fn, ctx, lits);
        return;
    case AST_SWITCH_STMT: {
        AstSwitchStmt *st = AST_AS(AstSwitchStmt, n);
        esc_visit_names(st->init, fn, ctx, lits);
        esc_visit_names(st->tag, fn, ctx, lits);
        visit_list(&st->body, fn, ctx, lits);
        return;
    }
    case AST_SELECT_STMT: visit_list(&AST_AS(AstSelectStmt, n)->body, fn, ctx, lits); return;
    case AST_CASE_CLAUSE:
        esc_visit_names(AST_AS(AstCaseClause, n)->cases, fn, ctx, lits);
        visit_list(&AST_AS(AstCaseClause, n)->body, fn, ctx, lits);
        return;
    case AST_COMM_CLAUSE:
        esc_visit_names(AST_AS(AstCommClause, n)->comm, fn, ctx, lits);
        visit_list(&AST_AS(AstCommClause, n)->body, fn, ctx, lits);
        return;
    default:
        return;
    }
}

/* The variable of one type switch clause: declared at the guard's name. */
typedef struct CaseVar {
    Pos at;
    Object *found;
} CaseVar;

/* esc_visit_names callback: remembers a use of the clause's variable. */
static void find_case_var(void *ctx, AstNode *name) {
    CaseVar *cv = ctx;
    if (name->kind != AST_NAME)
        return;
    Object *o = AST_AS(AstName, name)->obj;
    if (!cv->found && o && o->kind == OBJ_VAR && o->pos == cv->at)
        cv->found = o;
}

/* The variable of clause cc of a type switch whose guard declares at
 * guard, or NULL when the clause does not use it. */
static Object *case_var(AstCaseClause *cc, const AstName *guard) {
    CaseVar cv = {guard->expr.node.pos, NULL};
    for (int i = 0; i < cc->body.n; i++)
        esc_visit_names(cc->body.items[i], find_case_var, &cv, true);
    return cv.found;
}

/* Declares the locals of statement n in source order (gc's fn.Dcl) and
 * records labels and gotos; function literals are left to their own walk. */
static void scan_node(Scan *s, AstNode *n) {
    if (!n)
        return;
    Arena *a = s->b->ctx->arena;
    switch (n->kind) {
    case AST_LABELED_STMT:
        if (s->nlabels == s->caplabels) {
            int cap = s->caplabels ? 2 * s->caplabels : 8;
            const AstNode **v = ARENA_NEW_ARRAY(a, const AstNode *, cap);
            if (s->nlabels)
                memcpy(v, s->labels, sizeof *v * (size_t)s->nlabels);
            s->labels = v;
            s->caplabels = cap;
        }
        s->labels[s->nlabels++] = n;
        scan_node(s, AST_AS(AstLabeledStmt, n)->stmt);
        return;
    case AST_BRANCH_STMT: {
        AstBranchStmt *br = AST_AS(AstBranchStmt, n);
        if (br->tok != TOK_GOTO)
            return;
        if (s->ngotos == s->capgotos) {
            int cap = s->capgotos ? 2 * s->capgotos : 8;
            const AstBranchStmt **v = ARENA_NEW_ARRAY(a, const AstBranchStmt *, cap);
            if (s->ngotos)
                memcpy(v, s->gotos, sizeof *v * (size_t)s->ngotos);
            s->gotos = v;
            s->capgotos = cap;
        }
        s->gotos[s->ngotos++] = br;
        return;
    }
    case AST_BLOCK_STMT: scan_list(s, &AST_AS(AstBlockStmt, n)->stmts); return;
    case AST_DECL_STMT: {
        AstDeclStmt *d = AST_AS(AstDeclStmt, n);
        for (int i = 0; i < d->decls.n; i++)
            if (d->decls.items[i]->kind == AST_VAR_DECL) {
                AstVarDecl *v = AST_AS(AstVarDecl, d->decls.items[i]);
                for (int j = 0; j < v->names.n; j++)
                    scan_decl_names(s, &v->names.items[j]->expr.node);
            }
        return;
    }
    case AST_ASSIGN_STMT:
        if (AST_AS(AstAssignStmt, n)->op == OP_DEF)
            scan_decl_names(s, AST_AS(AstAssignStmt, n)->lhs);
        return;
    case AST_IF_STMT: {
        AstIfStmt *st = AST_AS(AstIfStmt, n);
        scan_node(s, st->init);
        scan_node(s, &st->then->node);
        scan_node(s, st->els);
        return;
    }
    case AST_FOR_STMT: {
        AstForStmt *st = AST_AS(AstForStmt, n);
        scan_node(s, st->init);
        scan_node(s, st->post);
        scan_node(s, &st->body->node);
        return;
    }
    case AST_RANGE_CLAUSE:
        if (AST_AS(AstRangeClause, n)->def)
            scan_decl_names(s, AST_AS(AstRangeClause, n)->lhs);
        return;
    case AST_SWITCH_STMT: {
        AstSwitchStmt *st = AST_AS(AstSwitchStmt, n);
        scan_node(s, st->init);
        AstName *guard = st->tag && st->tag->kind == AST_TYPE_SWITCH_GUARD ? AST_AS(AstTypeSwitchGuard, st->tag)->lhs
                                                                           : NULL;
        for (int i = 0; i < st->body.n; i++) {
            AstCaseClause *cc = AST_AS(AstCaseClause, st->body.items[i]);
            Object *o = guard ? case_var(cc, guard) : NULL;
            if (o)
                esc_var_loc(s->b, s->fn, o);
            scan_list(s, &cc->body);
        }
        return;
    }
    case AST_SELECT_STMT: {
        AstSelectStmt *st = AST_AS(AstSelectStmt, n);
        for (int i = 0; i < st->body.n; i++) {
            AstCommClause *cc = AST_AS(AstCommClause, st->body.items[i]);
            scan_node(s, cc->comm);
            scan_list(s, &cc->body);
        }
        return;
    }
    default:
        return;
    }
}

/* Creates fn's local variables' locations in declaration order and finds
 * its looping labels: those that some goto after them jumps back to. */
static void scan_func(EscBatch *b, EscFunc *fn) {
    Scan s = {.b = b, .fn = fn};
    scan_node(&s, &func_body(fn)->node);
    fn->looping = ARENA_NEW_ARRAY(b->ctx->arena, const AstNode *, s.nlabels ? s.nlabels : 1);
    fn->nlooping = 0;
    for (int i = 0; i < s.nlabels; i++) {
        bool looping = false;
        for (int j = 0; j < s.ngotos && !looping; j++)
            looping = s.gotos[j]->target == s.labels[i] && s.gotos[j]->node.pos > s.labels[i]->pos;
        if (looping)
            fn->looping[fn->nlooping++] = s.labels[i];
    }
}

/* Walks fn's body: its locations first, then its statements.  escape.c
 * has made the locals of the batch's own functions already; the scan is
 * needed only for a literal made here, or for the looping labels and the
 * clause variables of type switches, which the prepass flags. */
static void walk_body(EscBatch *b, EscFunc *fn) {
    fn->walked = true;
    EscFunc *saved = b->curfn;
    b->curfn = fn;
    init_func(b, fn);
    if (fn->fresh || (fn->node->flags & AST_ESC_FN_SCAN))
        scan_func(b, fn);
    else
        fn->nlooping = 0;
    fn->loop_depth = 1;
    esc_stmts(b, fn, &func_body(fn)->stmts);
    b->curfn = saved;
}

/* Walks a literal's body once, from the place it appears in. */
void esc_walk_lit(EscBatch *b, EscFunc *fn) {
    if (!fn->walked && func_body(fn))
        walk_body(b, fn);
}

/* Walks a declared function; after the batch's last one, flows the closures. */
void esc_walk_func(EscBatch *b, EscFunc *fn) {
    /* literals are walked from their enclosing function, where they appear */
    if (fn->walked || !fn->toplevel)
        return;
    if (!func_body(fn)) {
        fn->walked = true;
        init_func(b, fn);
    } else {
        walk_body(b, fn);
    }
    for (int i = 0; i < b->nfuncs; i++)
        if (b->funcs[i]->toplevel && !b->funcs[i]->walked)
            return;
    if (b->nclosures)
        esc_flow_closures(b);
}

/* ---- assignments ----------------------------------------------------------------- */

/* Whether evaluating e may change memory (gc's mayAffectMemory). */
static bool may_affect_memory(AstNode *e) {
    e = esc_unparen(e);
    if (!e)
        return false;
    if (esc_type_of(e) && ((AstExpr *)e)->cval)
        return false;
    switch (e->kind) {
    case AST_NAME: case AST_BASIC_LIT:
        return false;
    case AST_OPERATION: {
        AstOperation *op = AST_AS(AstOperation, e);
        if (op->op == OP_RECV || op->op == OP_AND || op->op == OP_OROR || op->op == OP_ANDAND)
            return true;
        if (op->y) {
            switch (op->op) {
            case OP_EQL: case OP_NEQ: case OP_LSS: case OP_LEQ: case OP_GTR: case OP_GEQ:
                return true;
            default:
                return may_affect_memory(op->x) || may_affect_memory(op->y);
            }
        }
        return may_affect_memory(op->x);
    }
    case AST_INDEX_EXPR: {
        Type *xt = esc_type_of(AST_AS(AstIndexExpr, e)->x);
        if (xt && esc_underlying(xt)->kind == TY_MAP)
            return true;
        return may_affect_memory(AST_AS(AstIndexExpr, e)->x) || may_affect_memory(AST_AS(AstIndexExpr, e)->index);
    }
    case AST_SELECTOR_EXPR:
        return may_affect_memory(AST_AS(AstSelectorExpr, e)->x);
    case AST_CALL_EXPR: {
        AstCallExpr *c = AST_AS(AstCallExpr, e);
        if (esc_is_type_expr(c->fun) && c->args.n == 1)
            return may_affect_memory(c->args.items[0]);
        AstNode *f = esc_unparen(c->fun);
        if (f->kind == AST_NAME && AST_AS(AstName, f)->obj && AST_AS(AstName, f)->obj->kind == OBJ_BUILTIN) {
            Builtin id = AST_AS(AstName, f)->obj->u.builtin;
            if ((id == BUILTIN_LEN || id == BUILTIN_CAP) && c->args.n == 1)
                return may_affect_memory(c->args.items[0]);
        }
        return true;
    }
    default:
        return true;
    }
}

/* gc's op of a selector: 1 ODOT, 2 ODOTPTR, 0 not a plain field selection. */
static int selector_op(AstNode *e) {
    e = esc_unparen(e);
    if (!e || e->kind != AST_SELECTOR_EXPR)
        return 0;
    AstSelectorExpr *s = AST_AS(AstSelectorExpr, e);
    EscSelPath p;
    if (esc_is_type_expr(s->x) || !esc_selection(esc_type_of(s->x), s->sel->value, &p) || !p.field || p.nsteps)
        return 0;
    return p.holder_ptr ? 2 : 1;
}

/* Whether l and r denote the same storage without side effects (gc's SameSafeExpr). */
static bool same_safe_expr(AstNode *l, AstNode *r) {
    l = esc_unparen(l);
    r = esc_unparen(r);
    if (!l || !r || l->kind != r->kind)
        return false;
    switch (l->kind) {
    case AST_NAME:
        return AST_AS(AstName, l)->obj && AST_AS(AstName, l)->obj == AST_AS(AstName, r)->obj;
    case AST_SELECTOR_EXPR: {
        int lo = selector_op(l), ro = selector_op(r);
        return lo && lo == ro && AST_AS(AstSelectorExpr, l)->sel->value == AST_AS(AstSelectorExpr, r)->sel->value &&
               same_safe_expr(AST_AS(AstSelectorExpr, l)->x, AST_AS(AstSelectorExpr, r)->x);
    }
    case AST_OPERATION: {
        AstOperation *a = AST_AS(AstOperation, l), *c = AST_AS(AstOperation, r);
        if (a->op != c->op || (!a->y) != (!c->y) || a->op == OP_RECV || a->op == OP_AND)
            return false;
        return same_safe_expr(a->x, c->x) && (!a->y || same_safe_expr(a->y, c->y));
    }
    case AST_INDEX_EXPR:
        return same_safe_expr(AST_AS(AstIndexExpr, l)->x, AST_AS(AstIndexExpr, r)->x) &&
               same_safe_expr(AST_AS(AstIndexExpr, l)->index, AST_AS(AstIndexExpr, r)->index);
    case AST_BASIC_LIT:
        return AST_AS(AstBasicLit, l)->len == AST_AS(AstBasicLit, r)->len &&
               memcmp(AST_AS(AstBasicLit, l)->value, AST_AS(AstBasicLit, r)->value, AST_AS(AstBasicLit, l)->len) == 0;
    default:
        return false;
    }
}

/* The variable under *x or x.f where x is a pointer-typed name (gc's
 * ODEREF/ODOTPTR of an ONAME), or NULL. */
static Object *deref_base(AstNode *e) {
    e = esc_unparen(e);
    AstNode *x = NULL;
    if (e->kind == AST_OPERATION && AST_AS(AstOperation, e)->op == OP_MUL && !AST_AS(AstOperation, e)->y)
        x = AST_AS(AstOperation, e)->x;
    else if (selector_op(e) == 2)
        x = AST_AS(AstSelectorExpr, e)->x;
    x = esc_unparen(x);
    if (!x || x->kind != AST_NAME)
        return NULL;
    return AST_AS(AstName, x)->obj;
}

/* b.buf = b.buf[n:m]: a no-op for escape analysis (gc's isSliceSelfAssign). */
static bool is_slice_self_assign(AstNode *dst, AstNode *src) {
    Object *d = deref_base(dst);
    src = esc_unparen(src);
    if (!d || src->kind != AST_SLICE_EXPR)
        return false;
    AstSliceExpr *s = AST_AS(AstSliceExpr, src);
    Type *xt = esc_type_of(s->x);
    if (!xt || esc_underlying(xt)->kind == TY_ARRAY)
        return false;                 /* slicing an array value takes its address */
    return deref_base(s->x) == d;
}

/* Whether dst = src stores nothing new (gc's isSelfAssign). */
static bool is_self_assign(AstNode *dst, AstNode *src) {
    if (!dst || !src)
        return false;
    dst = esc_unparen(dst);
    src = esc_unparen(src);
    if (src->kind == AST_SLICE_EXPR)
        return is_slice_self_assign(dst, src);   /* dst, assignable, is no slice expression */
    if (dst->kind != src->kind)
        return false;
    if (dst->kind == AST_SELECTOR_EXPR) {
        int d = selector_op(dst);
        return d && d == selector_op(src) &&
               same_safe_expr(AST_AS(AstSelectorExpr, dst)->x, AST_AS(AstSelectorExpr, src)->x);
    }
    if (dst->kind == AST_INDEX_EXPR) {
        AstIndexExpr *a = AST_AS(AstIndexExpr, dst), *c = AST_AS(AstIndexExpr, src);
        Type *at = esc_type_of(a->x), *ct = esc_type_of(c->x);
        if (!at || !ct || esc_underlying(at)->kind == TY_MAP || esc_underlying(ct)->kind == TY_MAP)
            return false;
        if (may_affect_memory(a->index) || may_affect_memory(c->index))
            return false;
        return same_safe_expr(a->x, c->x);
    }
    return false;
}

/* The index (from 1) of literal lit among the literals directly inside
 * the body of its enclosing function, in source order. */
static int count_lits(AstNode *n, const AstNode *lit, int *k);

/* count_lits over the nodes of l. */
static int count_lits_list(AstList *l, const AstNode *lit, int *k) {
    for (int i = 0; i < l->n; i++) {
        int r = count_lits(l->items[i], lit, k);
        if (r)
            return r;
    }
    return 0;
}

/* Counts literals in n up to lit (*k so far); returns lit's number, or 0. */
static int count_lits(AstNode *n, const AstNode *lit, int *k) {
    if (!n)
        return 0;
    int r = 0;
    switch (n->kind) {
    case AST_FUNC_LIT:
        ++*k;
        return n == lit ? *k : 0;
    case AST_COMPOSITE_LIT: return count_lits_list(&AST_AS(AstCompositeLit, n)->elems, lit, k);
    case AST_KEY_VALUE_EXPR:
        if ((r = count_lits(AST_AS(AstKeyValueExpr, n)->key, lit, k)))
            return r;
        return count_lits(AST_AS(AstKeyValueExpr, n)->value, lit, k);
    case AST_PAREN_EXPR: return count_lits(AST_AS(AstParenExpr, n)->x, lit, k);
    case AST_SELECTOR_EXPR: return count_lits(AST_AS(AstSelectorExpr, n)->x, lit, k);
    case AST_INDEX_EXPR:
        if ((r = count_lits(AST_AS(AstIndexExpr, n)->x, lit, k)))
            return r;
        return count_lits(AST_AS(AstIndexExpr, n)->index, lit, k);
    case AST_SLICE_EXPR:
        if ((r = count_lits(AST_AS(AstSliceExpr, n)->x, lit, k)))
            return r;
        for (int i = 0; i < 3; i++)
            if ((r = count_lits(AST_AS(AstSliceExpr, n)->index[i], lit, k)))
                return r;
        return 0;
    case AST_ASSERT_EXPR: return count_lits(AST_AS(AstAssertExpr, n)->x, lit, k);
    case AST_TYPE_SWITCH_GUARD: return count_lits(AST_AS(AstTypeSwitchGuard, n)->x, lit, k);
    case AST_OPERATION:
        if ((r = count_lits(AST_AS(AstOperation, n)->x, lit, k)))
            return r;
        return count_lits(AST_AS(AstOperation, n)->y, lit, k);
    case AST_CALL_EXPR:
        if ((r = count_lits(AST_AS(AstCallExpr, n)->fun, lit, k)))
            return r;
        return count_lits_list(&AST_AS(AstCallExpr, n)->args, lit, k);
    case AST_LIST_EXPR: return count_lits_list(&AST_AS(AstListExpr, n)->elems, lit, k);
    case AST_LABELED_STMT: return count_lits(AST_AS(AstLabeledStmt, n)->stmt, lit, k);
    case AST_BLOCK_STMT: return count_lits_list(&AST_AS(AstBlockStmt, n)->stmts, lit, k);
    case AST_EXPR_STMT: return count_lits(AST_AS(AstExprStmt, n)->x, lit, k);
    case AST_SEND_STMT:
        if ((r = count_lits(AST_AS(AstSendStmt, n)->chan, lit, k)))
            return r;
        return count_lits(AST_AS(AstSendStmt, n)->value, lit, k);
    case AST_DECL_STMT: {
        AstDeclStmt *d = AST_AS(AstDeclStmt, n);
        for (int i = 0; i < d->decls.n; i++)
            if (d->decls.items[i]->kind == AST_VAR_DECL &&
                (r = count_lits(AST_AS(AstVarDecl, d->decls.items[i])->values, lit, k)))
                return r;
        return 0;
    }
    case AST_ASSIGN_STMT:
        if ((r = count_lits(AST_AS(AstAssignStmt, n)->lhs, lit, k)))
            return r;
        return count_lits(AST_AS(AstAssignStmt, n)->rhs, lit, k);
    case AST_CALL_STMT: return count_lits(&AST_AS(AstCallStmt, n)->call->expr.node, lit, k);
    case AST_RETURN_STMT: return count_lits(AST_AS(AstReturnStmt, n)->results, lit, k);
    case AST_IF_STMT: {
        AstIfStmt *s = AST_AS(AstIfStmt, n);
        if ((r = count_lits(s->init, lit, k)) || (r = count_lits(s->cond, lit, k)) ||
            (r = count_lits(&s->then->node, lit, k)))
            return r;
        return count_lits(s->els, lit, k);
    }
    case AST_FOR_STMT: {
        AstForStmt *s = AST_AS(AstForStmt, n);
        if ((r = count_lits(s->init, lit, k)) || (r = count_lits(s->cond, lit, k)) ||
            (r = count_lits(s->post, lit, k)))
            return r;
        return count_lits(&s->body->node, lit, k);
    }
    case AST_RANGE_CLAUSE:
        if ((r = count_lits(AST_AS(AstRangeClause, n)->lhs, lit, k)))
            return r;
        return count_lits(AST_AS(AstRangeClause, n)->x, lit, k);
    case AST_SWITCH_STMT: {
        AstSwitchStmt *s = AST_AS(AstSwitchStmt, n);
        if ((r = count_lits(s->init, lit, k)) || (r = count_lits(s->tag, lit, k)))
            return r;
        return count_lits_list(&s->body, lit, k);
    }
    case AST_SELECT_STMT: return count_lits_list(&AST_AS(AstSelectStmt, n)->body, lit, k);
    case AST_CASE_CLAUSE:
        if ((r = count_lits(AST_AS(AstCaseClause, n)->cases, lit, k)))
            return r;
        return count_lits_list(&AST_AS(AstCaseClause, n)->body, lit, k);
    case AST_COMM_CLAUSE:
        if ((r = count_lits(AST_AS(AstCommClause, n)->comm, lit, k)))
            return r;
        return count_lits_list(&AST_AS(AstCommClause, n)->body, lit, k);
    default:
        return 0;
    }
}

/* Writes fn's name as gc prints it: f, (*T).M, T.M, f.func1, f.func1.1. */
void esc_func_name(const EscFunc *fn, char *buf, size_t size) {
    if (fn->node->kind == AST_FUNC_DECL) {
        AstFuncDecl *d = AST_AS(AstFuncDecl, fn->node);
        if (!d->recv) {
            snprintf(buf, size, "%s", d->name->value);
            return;
        }
        Type *rt = d->recv->name && d->recv->name->obj ? d->recv->name->obj->type : esc_type_of(d->recv->type);
        bool ptr = rt && rt->kind == TY_POINTER;
        Type *base = ptr ? rt->u.array.elem : rt;
        const char *tn = base && base->kind == TY_NAMED ? base->u.named.obj->name : "?";
        if (ptr)
            snprintf(buf, size, "(*%s).%s", tn, d->name->value);
        else
            snprintf(buf, size, "%s.%s", tn, d->name->value);
        return;
    }
    if (!fn->outer) {
        snprintf(buf, size, "func");
        return;
    }
    char outer[512];
    esc_func_name(fn->outer, outer, sizeof outer);
    int k = 0;
    int idx = count_lits(&func_body(fn->outer)->node, fn->node, &k);
    snprintf(buf, size, fn->outer->node->kind == AST_FUNC_DECL ? "%s.func%d" : "%s.%d", outer, idx);
}

/* Marks the variables behind holes ks as reassigned, except one declared
 * by this very statement (gc's reassigned; range variables are marked by
 * range_stmt). */
static void mark_reassigned(EscHole *ks, AstNode **dsts, int n) {
    for (int i = 0; i < n; i++) {
        EscLoc *loc = ks[i].dst;
        if (loc && loc->var && !declares(dsts[i]))
            loc->reassigned = true;
    }
}

/* The hole for storing into lhs (gc's addr): its variable, or the heap. */
EscHole esc_addr_of(EscBatch *b, EscFunc *fn, AstNode *lhs) {
    lhs = esc_unparen(lhs);
    if (!lhs || (lhs->kind == AST_NAME && strcmp(AST_AS(AstName, lhs)->value, "_") == 0))
        return esc_discard_hole(b);
    EscHole k = esc_heap_hole(b);
    switch (lhs->kind) {
    case AST_NAME: {
        EscLoc *loc = esc_name_loc(b, fn, lhs);
        if (loc)
            k = esc_hole(loc);
        return k;
    }
    case AST_SELECTOR_EXPR: {
        AstSelectorExpr *s = AST_AS(AstSelectorExpr, lhs);
        EscSelPath p;
        if (esc_selection(esc_type_of(s->x), s->sel->value, &p) && p.field) {
            bool through_ptr = p.holder_ptr;
            for (int i = 0; i < p.nsteps; i++)
                through_ptr |= p.steps_ptr[i];
            if (!through_ptr)
                return esc_addr_of(b, fn, s->x);
        }
        esc_discard(b, fn, lhs);
        return k;
    }
    case AST_INDEX_EXPR: {
        AstIndexExpr *ix = AST_AS(AstIndexExpr, lhs);
        Type *xt = esc_type_of(ix->x);
        Type *xu = xt ? esc_underlying(xt) : NULL;
        if (xu && xu->kind == TY_MAP) {
            esc_discard(b, fn, ix->x);
            esc_assign_heap(b, fn, ix->index, xu->u.map.key, "key of map put", lhs);
            return k;
        }
        esc_discard(b, fn, ix->index);
        if (xu && xu->kind == TY_ARRAY)
            return esc_addr_of(b, fn, ix->x);
        esc_discard(b, fn, ix->x);
        return k;
    }
    default:
        esc_discard(b, fn, lhs);
        return k;
    }
}

/* dsts... = srcs... (gc's assignList); srcs may be shorter (comma-ok
 * forms) or NULL entries (x++).  to[i] is the type of destination i, for
 * implicit interface conversions. */
static void assign_list(EscBatch *b, EscFunc *fn, AstNode **dsts, int n, AstNode **srcs, int nsrcs, Type **to,
                        const char *why, const AstNode *where) {
    EscHole small[SMALL_LIST];
    EscHole *ks = n <= SMALL_LIST ? small : ARENA_NEW_ARRAY(b->ctx->arena, EscHole, n);
    for (int i = 0; i < n; i++)
        ks[i] = esc_addr_of(b, fn, dsts[i]);
    for (int i = 0; i < n; i++) {
        AstNode *src = i < nsrcs ? srcs[i] : NULL;
        EscHole k = ks[i];
        if (src && dsts[i] && is_self_assign(dsts[i], src)) {
            if (b->ctx->cfg->m) {
                char name[512], text[512];
                esc_func_name(fn, name, sizeof name);
                esc_warn(b->ctx, where->pos, "%s ignoring self-assignment in %s", name,
                         ast_string(where, text, sizeof text));
            }
            k = esc_discard_hole(b);
        }
        esc_expr_to(b, fn, esc_note(k, where, why), src, to ? to[i] : NULL);
    }
    mark_reassigned(ks, dsts, n);
}

/* dst = src, explained as why at where. */
void esc_assign(EscBatch *b, EscFunc *fn, AstNode *dst, AstNode *src, const char *why, const AstNode *where) {
    Type *to = esc_type_of(dst);
    assign_list(b, fn, &dst, 1, &src, 1, &to, why, where);
}

/* The elements of expression list e (a ListExpr, or one expression kept
 * in *one); *n receives the count. */
static AstNode **list_items(AstNode *e, int *n, AstNode **one) {
    *one = e;
    if (!e) {
        *n = 0;
        return one;
    }
    if (e->kind == AST_LIST_EXPR) {
        *n = AST_AS(AstListExpr, e)->elems.n;
        return AST_AS(AstListExpr, e)->elems.items;
    }
    *n = 1;
    return one;
}

/* Whether e is a call with several results. */
static bool is_multi_call(AstNode *e) {
    e = esc_unparen(e);
    if (!e || e->kind != AST_CALL_EXPR)
        return false;
    Type *t = esc_type_of(e);
    return t && t->kind == TY_TUPLE && t->u.tuple.n > 1;
}

/* a, b = f(): the call's results flow to the destinations (OAS2FUNC). */
static void assign_call(EscBatch *b, EscFunc *fn, AstNode **dsts, int n, AstNode *call, const AstNode *where,
                        const char *why) {
    EscHole small[SMALL_LIST];
    EscHole *ks = n <= SMALL_LIST ? small : ARENA_NEW_ARRAY(b->ctx->arena, EscHole, n);
    for (int i = 0; i < n; i++)
        ks[i] = esc_note(esc_addr_of(b, fn, dsts[i]), where, why);
    esc_call(b, fn, ks, n, AST_AS(AstCallExpr, esc_unparen(call)));
    mark_reassigned(ks, dsts, n);
}


/* An assignment statement or a var declaration with values: lhs = rhs. */
static void assignment(EscBatch *b, EscFunc *fn, AstNode **lhs, int nl, AstNode **rhs, int nr, const AstNode *where,
                       bool is_def) {
    if (nl > 1 && nr == 1 && is_multi_call(rhs[0])) {
        assign_call(b, fn, lhs, nl, rhs[0], where, "assign-pair-func-call");
        return;
    }
    Type *small[SMALL_LIST];
    Type **to = nl <= SMALL_LIST ? small : ARENA_NEW_ARRAY(b->ctx->arena, Type *, nl);
    /* gc converts after building the right, then the left side; declared
     * names come first */
    Pos cp = 0, p;
    if (reporting(b)) {
        for (int i = 0; i < nl; i++)
            if (declares(lhs[i]))
                cp = lhs[i]->pos;
        for (int i = 0; i < nr; i++)
            if ((p = where->kind == AST_VAR_DECL ? esc_value_pos(rhs[i]) : esc_last_pos(rhs[i])))
                cp = p;
        for (int i = 0; i < nl; i++)
            if (!declares(lhs[i]) && (p = esc_last_pos(lhs[i])))
                cp = p;
    }
    fn->conv_pos = cp;
    for (int i = 0; i < nl; i++) {
        bool decl = declares(lhs[i]);
        to[i] = decl ? AST_AS(AstName, lhs[i])->obj->type : esc_type_of(lhs[i]);
        if (decl && is_def && nl == nr)
            esc_var_loc(b, fn, AST_AS(AstName, lhs[i])->obj)->defn = rhs[i];
    }
    const char *why = nl == 1 ? "assign" : "assign-pair";
    if (nl == 2 && nr == 1) {
        /* comma-ok forms convert later (gc's walk), not here */
        to[0] = to[1] = NULL;
        AstNode *r = esc_unparen(rhs[0]);
        if (r->kind == AST_ASSERT_EXPR)
            why = "assign-pair-dot-type";
        else if (r->kind == AST_INDEX_EXPR)
            why = "assign-pair-mapr";
        else
            why = "assign-pair-receive";
    }
    assign_list(b, fn, lhs, nl, rhs, nr, to, why, where);
}

/* x = y, x := y, x op= y, x++ and x-- where x is a local variable of a
 * type without pointers and y flows nothing (a constant, or inert and of
 * a type without pointers): there is no flow, no conversion and no
 * self-assignment, and x's location changes as dcl_names, assignment and
 * assign_list would change it.  Returns false, having done nothing, for
 * any other assignment. */
static bool pointer_free_assign(EscBatch *b, EscFunc *fn, AstAssignStmt *as) {
    AstNode *lhs = as->lhs, *rhs = as->rhs;
    if (!lhs || lhs->kind != AST_NAME)
        return false;
    Object *o = esc_local_var(lhs);
    if (!o || esc_has_pointers(o->type))
        return false;
    if (rhs && !(rhs->flags & AST_ESC_DEAD) && !(esc_is_expr_kind(rhs->kind) && ((AstExpr *)rhs)->cval)) {
        Type *t = esc_type_of(rhs);
        if (!(rhs->flags & AST_ESC_INERT) || !t || (t->kind >= TY_UNTYPED_BOOL && t->kind <= TY_UNTYPED_NIL) ||
            esc_has_pointers(t))
            return false;
    }
    bool def = as->op == OP_DEF, decl = declares(lhs);
    EscLoc *loc = esc_var_loc(b, fn, o);
    if (def && decl) {
        loc->loop_depth = fn->loop_depth;
        loc->defn = rhs;
    }
    if (reporting(b) && (def || as->op == OP_NONE)) {
        Pos cp = decl ? lhs->pos : 0, p;
        if ((p = esc_last_pos(rhs)))
            cp = p;
        if (!decl && (p = esc_last_pos(lhs)))
            cp = p;
        fn->conv_pos = cp;
    }
    if (!decl)
        loc->reassigned = true;
    return true;
}

/* ---- statements ------------------------------------------------------------------ */

/* Statements of a block; the loop depth a looping label raised ends with it. */
static void block(EscBatch *b, EscFunc *fn, AstList *l) {
    int old = fn->loop_depth;
    esc_stmts(b, fn, l);
    fn->loop_depth = old;
}

/* Sets the loop depth of the variables that e declares to the current one (gc's dcl). */
static void dcl_names(EscBatch *b, EscFunc *fn, AstNode *e) {
    int n;
    AstNode *one;
    AstNode **items = list_items(e, &n, &one);
    for (int i = 0; i < n; i++)
        if (declares(items[i]))
            esc_var_loc(b, fn, AST_AS(AstName, items[i])->obj)->loop_depth = fn->loop_depth;
}

/* var x T = v, ... inside a function. */
static void var_decl(EscBatch *b, EscFunc *fn, AstVarDecl *v) {
    AstNode **names = ESC_ARRAY(b->ctx->arena, AstNode *, v->names.n ? v->names.n : 1);
    for (int i = 0; i < v->names.n; i++) {
        names[i] = &v->names.items[i]->expr.node;
        dcl_names(b, fn, names[i]);
    }
    if (!v->values)
        return;
    int nr;
    AstNode *one;
    AstNode **rhs = list_items(v->values, &nr, &one);
    assignment(b, fn, names, v->names.n, rhs, nr, &v->node, true);
}

/* for k, v := range x { body } */
static void range_stmt(EscBatch *b, EscFunc *fn, AstForStmt *f, AstRangeClause *r) {
    EscLoc *tmp = esc_new_loc(b, fn, NULL, NULL, false);
    esc_expr(b, fn, esc_hole(tmp), r->x);
    fn->loop_depth++;
    AstNode *kv[2] = {NULL, NULL};
    if (r->lhs) {
        int n;
        AstNode *one;
        AstNode **items = list_items(r->lhs, &n, &one);
        /* no declaration statement for range variables: their depth stays
         * the function's (as in gc, where only ODCL sets it) */
        for (int i = 0; i < n && i < 2; i++)
            kv[i] = items[i];
    }
    EscHole ks[2] = {esc_addr_of(b, fn, kv[0]), esc_addr_of(b, fn, kv[1])};
    Type *xt = esc_type_of(r->x);
    if (xt && esc_underlying(xt)->kind == TY_ARRAY)
        esc_flow(b, esc_note(ks[1], &r->node, "range"), tmp);
    else
        esc_flow(b, esc_deref(ks[1], &r->node, "range-deref"), tmp);
    for (int i = 0; i < 2; i++)
        if (ks[i].dst && ks[i].dst->var)
            ks[i].dst->reassigned = true;
    block(b, fn, &f->body->stmts);
    fn->loop_depth--;
}

/* switch statements: a type switch's clause variables receive the
 * guard's operand (gc's dotType per case). */
static void switch_stmt(EscBatch *b, EscFunc *fn, AstSwitchStmt *s) {
    if (s->tag && s->tag->kind == AST_TYPE_SWITCH_GUARD) {
        AstTypeSwitchGuard *g = AST_AS(AstTypeSwitchGuard, s->tag);
        EscHole *ks = ARENA_NEW_ARRAY(b->ctx->arena, EscHole, s->body.n ? s->body.n : 1);
        int nks = 0;
        if (g->lhs) {
            for (int i = 0; i < s->body.n; i++) {
                AstCaseClause *cc = AST_AS(AstCaseClause, s->body.items[i]);
                Object *o = case_var(cc, g->lhs);
                EscLoc *loc = o ? esc_var_loc(b, fn, o) : NULL;
                if (!loc)
                    continue;
                loc->loop_depth = fn->loop_depth;
                loc->pos = cc->colon;         /* gc declares each clause's variable at its colon */
                Type *vt = loc->var->type;
                if (esc_has_pointers(vt)) {
                    EscHole k = esc_hole(loc);
                    if (vt && !esc_is_interface(vt) && !esc_is_direct_iface(vt))
                        k = esc_deref(k, &cc->node, "switch case");
                    else
                        k = esc_note(k, &cc->node, "switch case");
                    ks[nks++] = k;
                }
            }
        }
        esc_expr(b, fn, esc_tee(b, ks, nks), g->x);
    } else {
        esc_discard(b, fn, s->tag);
    }
    for (int i = 0; i < s->body.n; i++) {
        AstCaseClause *cc = AST_AS(AstCaseClause, s->body.items[i]);
        if (cc->node.flags & AST_ESC_DEAD)
            continue;
        if (!(s->tag && s->tag->kind == AST_TYPE_SWITCH_GUARD)) {
            int n;
            AstNode *one;
            AstNode **items = list_items(cc->cases, &n, &one);
            for (int j = 0; j < n; j++)
                esc_discard(b, fn, items[j]);
        }
        block(b, fn, &cc->body);
    }
}

/* An expression statement, a call statement's call, or a receive. */
static void expr_stmt(EscBatch *b, EscFunc *fn, AstNode *x) {
    AstNode *u = esc_unparen(x);
    if (u && u->kind == AST_CALL_EXPR && !esc_is_type_expr(AST_AS(AstCallExpr, u)->fun)) {
        esc_call(b, fn, NULL, 0, AST_AS(AstCallExpr, u));
        return;
    }
    esc_discard(b, fn, x);
}

/* return results: each flows to its result location. */
static void return_stmt(EscBatch *b, EscFunc *fn, AstReturnStmt *r) {
    int n;
    AstNode *one;
    AstNode **items = list_items(r->results, &n, &one);
    EscHole small[SMALL_LIST];
    EscHole *ks = fn->nresults <= SMALL_LIST ? small : ARENA_NEW_ARRAY(b->ctx->arena, EscHole, fn->nresults);
    for (int i = 0; i < fn->nresults; i++)
        ks[i] = fn->results[i] ? esc_hole(fn->results[i]) : esc_discard_hole(b);
    if (n == 1 && fn->nresults > 1 && is_multi_call(items[0])) {
        for (int i = 0; i < fn->nresults; i++)
            ks[i] = esc_note(ks[i], &r->node, "return");
        esc_call(b, fn, ks, fn->nresults, AST_AS(AstCallExpr, esc_unparen(items[0])));
    } else {
        AstFuncType *ft = func_type(fn);
        Pos cp = 0, p;
        for (int i = 0; reporting(b) && i < n; i++)
            if ((p = esc_last_pos(items[i])))
                cp = p;
        fn->conv_pos = cp;
        for (int i = 0; i < n && i < fn->nresults; i++) {
            Object *ro = fn->results[i] ? fn->results[i]->var : NULL;
            Type *to = ro ? ro->type : esc_type_of(ft->results.items[i]->type);
            /* gc converts a result that has a position of its own there */
            fn->conv_pos = reporting(b) && esc_unique_pos(items[i]) ? esc_unparen(items[i])->pos : cp;
            esc_expr_to(b, fn, esc_note(ks[i], &r->node, "return"), items[i], to);
        }
    }
    for (int i = 0; i < fn->nresults; i++)
        if (ks[i].dst && ks[i].dst->var)
            ks[i].dst->reassigned = true;
}

/* Whether label statement n is a looping label of fn. */
static bool is_looping(const EscFunc *fn, const AstNode *n) {
    for (int i = 0; i < fn->nlooping; i++)
        if (fn->looping[i] == n)
            return true;
    return false;
}

/* Evaluates statement s (gc's stmt); dead statements are skipped. */
void esc_stmt(EscBatch *b, EscFunc *fn, AstNode *s) {
    if (!s || (s->flags & AST_ESC_DEAD))
        return;
    b->curfn = fn;
    fn->conv_pos = 0;
    switch (s->kind) {
    case AST_EMPTY_STMT: case AST_BRANCH_STMT:
        return;
    case AST_LABELED_STMT:
        if (is_looping(fn, s))
            fn->loop_depth++;
        esc_stmt(b, fn, AST_AS(AstLabeledStmt, s)->stmt);
        return;
    case AST_BLOCK_STMT:
        block(b, fn, &AST_AS(AstBlockStmt, s)->stmts);
        return;
    case AST_EXPR_STMT:
        expr_stmt(b, fn, AST_AS(AstExprStmt, s)->x);
        return;
    case AST_SEND_STMT: {
        AstSendStmt *ss = AST_AS(AstSendStmt, s);
        esc_discard(b, fn, ss->chan);
        Type *ct = esc_type_of(ss->chan);
        Type *elem = ct && esc_underlying(ct)->kind == TY_CHAN ? esc_underlying(ct)->u.chan.elem : NULL;
        Pos vp = reporting(b) ? esc_last_pos(ss->value) : 0;
        fn->conv_pos = vp || !reporting(b) ? vp : esc_last_pos(ss->chan);
        esc_assign_heap(b, fn, ss->value, elem, "send", s);
        return;
    }
    case AST_DECL_STMT: {
        AstDeclStmt *d = AST_AS(AstDeclStmt, s);
        for (int i = 0; i < d->decls.n; i++)
            if (d->decls.items[i]->kind == AST_VAR_DECL)
                var_decl(b, fn, AST_AS(AstVarDecl, d->decls.items[i]));
        return;
    }
    case AST_ASSIGN_STMT: {
        AstAssignStmt *as = AST_AS(AstAssignStmt, s);
        if (pointer_free_assign(b, fn, as))
            return;
        int nl, nr;
        AstNode *lone, *rone;
        AstNode **lhs = list_items(as->lhs, &nl, &lone);
        AstNode **rhs = list_items(as->rhs, &nr, &rone);
        if (as->op == OP_DEF)
            dcl_names(b, fn, as->lhs);
        if (as->op != OP_NONE && as->op != OP_DEF) {
            /* x op= y, x++, x-- */
            Type *to = esc_type_of(lhs[0]);
            assign_list(b, fn, lhs, 1, rhs, nr, &to, "assign", s);
            return;
        }
        assignment(b, fn, lhs, nl, rhs, nr, s, as->op == OP_DEF);
        return;
    }
    case AST_CALL_STMT:
        esc_go_defer(b, fn, AST_AS(AstCallStmt, s));
        return;
    case AST_RETURN_STMT:
        return_stmt(b, fn, AST_AS(AstReturnStmt, s));
        return;
    case AST_IF_STMT: {
        AstIfStmt *is = AST_AS(AstIfStmt, s);
        esc_stmt(b, fn, is->init);
        esc_discard(b, fn, is->cond);
        if (!(is->then->node.flags & AST_ESC_DEAD))
            block(b, fn, &is->then->stmts);
        if (is->els && !(is->els->flags & AST_ESC_DEAD)) {
            int old = fn->loop_depth;
            esc_stmt(b, fn, is->els);
            fn->loop_depth = old;
        }
        return;
    }
    case AST_FOR_STMT: {
        AstForStmt *f = AST_AS(AstForStmt, s);
        if (f->init && f->init->kind == AST_RANGE_CLAUSE) {
            range_stmt(b, fn, f, AST_AS(AstRangeClause, f->init));
            return;
        }
        esc_stmt(b, fn, f->init);
        fn->loop_depth++;
        esc_discard(b, fn, f->cond);
        esc_stmt(b, fn, f->post);
        if (!(f->body->node.flags & AST_ESC_DEAD))
            block(b, fn, &f->body->stmts);
        fn->loop_depth--;
        return;
    }
    case AST_SWITCH_STMT: {
        AstSwitchStmt *sw = AST_AS(AstSwitchStmt, s);
        esc_stmt(b, fn, sw->init);
        switch_stmt(b, fn, sw);
        return;
    }
    case AST_SELECT_STMT: {
        AstSelectStmt *sel = AST_AS(AstSelectStmt, s);
        for (int i = 0; i < sel->body.n; i++) {
            AstCommClause *cc = AST_AS(AstCommClause, sel->body.items[i]);
            esc_stmt(b, fn, cc->comm);
            block(b, fn, &cc->body);
        }
        return;
    }
    default:
        return;
    }
}

/* Evaluates the statements of l in order (gc's stmts). */
void esc_stmts(EscBatch *b, EscFunc *fn, AstList *l) {
    for (int i = 0; l && i < l->n; i++)
        esc_stmt(b, fn, l->items[i]);
}
