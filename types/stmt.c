/* stmt.c — statements: function bodies and function literals, assignments
 * and short variable declarations, if/for/range/switch/select, return,
 * go and defer, the terminating-statement rules behind "missing return",
 * and "declared but not used".
 *
 * Labels and branch statements were checked by the parser (as gc's parser
 * does), which also filled each BranchStmt's target.  Every block gets a
 * scope in the ast region; when a scope closes, its variables that were
 * never used are reported (a variable only assigned to is unused). */
#include <string.h>

#include "types/check.h"

static void stmt(Checker *c, AstNode *s);

/* ---- scopes -------------------------------------------------------------- */

static void open_scope(Checker *c, const char *kind) { c->scope = scope_new(c->ast, c->scope, kind); }

/* Reports the variables of scope s that were never used. */
static void report_unused(Checker *c, Scope *s) {
    for (uint32_t i = 0; i < s->norder; i++) {
        Object *o = s->order[i];
        /* as gc, a variable whose type is invalid is not reported */
        if (o->kind == OBJ_VAR && !(o->flags & (OBJ_USED | OBJ_PARAM | OBJ_RESULT | OBJ_PKG_LEVEL)) && o->type &&
            o->type->kind != TY_INVALID)
            check_errorf(c, o->pos, "%s declared but not used", o->name);
    }
}

static void close_scope(Checker *c) {
    report_unused(c, c->scope);
    c->scope = c->scope->parent;
}

/* ---- helpers ------------------------------------------------------------- */

/* The number of values in a value list and the i-th of them. */
static int list_len(const AstNode *e) {
    if (!e) return 0;
    return e->kind == AST_LIST_EXPR ? AST_AS(const AstListExpr, e)->elems.n : 1;
}

static AstNode *list_at(AstNode *e, int i) {
    return e->kind == AST_LIST_EXPR ? AST_AS(AstListExpr, e)->elems.items[i] : e;
}

static bool is_blank(const AstNode *e) {
    return e->kind == AST_NAME && strcmp(AST_AS(const AstName, e)->value, "_") == 0;
}

/* Type lists as types2's typesSummary writes them: "(int, string)", with
 * "number" for untyped numeric constants. */
static char *types_summary(Type **types, int n, char *buf, size_t size) {
    size_t len = 0;
    char tb[512];
    len += (size_t)snprintf(buf, size, "(");
    for (int i = 0; i < n && len < size; i++) {
        Type *t = types[i];
        const char *s;
        if (!t || t->kind == TY_INVALID)
            s = "<T>";
        else if (type_is_untyped(t))
            s = type_is_numeric(t) ? "number" : strchr(type_string(t, tb, sizeof tb), ' ') + 1;
        else
            s = type_string(t, tb, sizeof tb);
        len += (size_t)snprintf(buf + len, size - len, "%s%s", i ? ", " : "", s);
    }
    if (len < size) snprintf(buf + len, size - len, ")");
    return buf;
}

/* The builtin a call's function denotes, or BUILTIN_NONE. */
static Builtin call_builtin(AstCallExpr *call) {
    AstNode *f = ast_unparen(call->fun);
    AstName *n = NULL;
    if (f->kind == AST_NAME) n = AST_AS(AstName, f);
    if (f->kind == AST_SELECTOR_EXPR) n = AST_AS(AstSelectorExpr, f)->sel;
    if (n && n->obj && n->obj->kind == OBJ_BUILTIN) return n->obj->u.builtin;
    return BUILTIN_NONE;
}

/* Whether e (a call's function) denotes a type: the call is a conversion. */
static bool denotes_type(AstNode *e) {
    e = ast_unparen(e);
    switch (e->kind) {
    case AST_NAME: {
        Object *o = AST_AS(AstName, e)->obj;
        return o && o->kind == OBJ_TYPE;
    }
    case AST_SELECTOR_EXPR: {
        Object *o = AST_AS(AstSelectorExpr, e)->sel->obj;
        return o && o->kind == OBJ_TYPE;
    }
    case AST_OPERATION: {
        AstOperation *op = AST_AS(AstOperation, e);
        return op->op == OP_MUL && !op->y && denotes_type(op->x);
    }
    case AST_ARRAY_TYPE: case AST_SLICE_TYPE: case AST_MAP_TYPE: case AST_CHAN_TYPE:
    case AST_FUNC_TYPE: case AST_STRUCT_TYPE: case AST_INTERFACE_TYPE:
        return true;
    default:
        return false;
    }
}

/* Whether a call to builtin b may stand as a statement. */
static bool builtin_is_statement(Builtin b) {
    switch (b) {
    case BUILTIN_CLOSE: case BUILTIN_COPY: case BUILTIN_DELETE: case BUILTIN_PANIC:
    case BUILTIN_PRINT: case BUILTIN_PRINTLN: case BUILTIN_RECOVER:
        return true;
    default:
        return false;
    }
}

/* Checks a call; *kind receives 0 for a call that may be a statement, 1
 * for an expression (a builtin that must be used) and 2 for a conversion. */
static void check_call_kind(Checker *c, Operand *x, AstCallExpr *call, int *kind) {
    check_call(c, x, call);
    check_record(c, &call->expr.node, x);
    if (!x->expr) x->expr = &call->expr.node;
    *kind = 0;
    if (x->mode == MODE_INVALID) return;
    if (denotes_type(call->fun)) {
        *kind = 2;
        return;
    }
    Builtin b = call_builtin(call);
    if (b != BUILTIN_NONE && !builtin_is_statement(b)) *kind = 1;
}

/* ---- assignments --------------------------------------------------------- */

/* Evaluates lhs expressions that take no part in an assignment (after an
 * error), without counting their variables as used. */
static void use_lhs(Checker *c, AstNode *e) {
    AstNode *u = ast_unparen(e);
    if (is_blank(u)) return;
    Object *v = NULL;
    uint32_t used = 0;
    if (u->kind == AST_NAME) {
        v = scope_lookup(c->scope, AST_AS(AstName, u)->value, NULL);
        if (v && v->kind == OBJ_VAR) used = v->flags & OBJ_USED;
        else v = NULL;
    }
    Operand x;
    check_expr(c, &x, e);
    if (v) v->flags = (v->flags & ~(uint32_t)OBJ_USED) | used;
}

/* The type of assignable lhs (types2's lhsVar): NULL for _, the invalid
 * type after an error.  Assigning to a variable is not a use of it. */
static Type *lhs_var(Checker *c, AstNode *lhs) {
    char buf[1024], eb[512];
    AstNode *u = ast_unparen(lhs);
    if (is_blank(u)) return NULL;
    Object *v = NULL;
    uint32_t used = 0;
    if (u->kind == AST_NAME) {
        v = scope_lookup(c->scope, AST_AS(AstName, u)->value, NULL);
        if (v && v->kind == OBJ_VAR && v->pkg == c->pkg) used = v->flags & OBJ_USED;
        else v = NULL;
    }
    Operand x;
    check_expr(c, &x, lhs);
    if (v) {
        v->flags = (v->flags & ~(uint32_t)OBJ_USED) | used;
        v->flags |= OBJ_REASSIGNED;
    }
    if (x.mode == MODE_INVALID) return type_invalid();
    if (x.mode == MODE_VARIABLE || x.mode == MODE_MAPINDEX) return x.type;
    if (u->kind == AST_SELECTOR_EXPR) {
        Operand op;
        AstNode *base = AST_AS(AstSelectorExpr, u)->x;
        AstNode *bu = ast_unparen(base);
        if (bu->kind == AST_INDEX_EXPR && AST_AS(AstExpr, bu)->type) {
            /* re-checking the base tells whether it is a map index */
            check_expr(c, &op, base);
            if (op.mode == MODE_MAPINDEX) {
                check_errorf(c, ast_start_pos(lhs), "cannot assign to struct field %s in map",
                             expr_string(lhs, eb, sizeof eb));
                return type_invalid();
            }
        }
    }
    check_errorf(c, ast_start_pos(lhs), "cannot assign to %s", operand_string(c, &x, buf, sizeof buf));
    return type_invalid();
}

/* lhs = x (types2's assignVar). */
static void assign_var(Checker *c, AstNode *lhs, Operand *x) {
    if (x->mode == MODE_INVALID) {
        use_lhs(c, lhs);
        return;
    }
    Type *t = lhs_var(c, lhs);
    if (t && t->kind == TY_INVALID) return;
    check_assignable_to(c, x, t, t ? "assignment" : "assignment to _ identifier");
}

/* "assignment mismatch: ..." for an assignment or := */
static void assign_mismatch(Checker *c, AstNode *rhs, int nvars, int nvals) {
    AstNode *rhs0 = list_at(rhs, 0);
    char fun[512];
    AstNode *call = ast_unparen(rhs0);
    const char *vs = nvars == 1 ? "" : "s", *ls = nvals == 1 ? "" : "s";
    if (list_len(rhs) == 1 && call->kind == AST_CALL_EXPR) {
        expr_string(AST_AS(AstCallExpr, call)->fun, fun, sizeof fun);
        check_errorf(c, ast_start_pos(rhs0), "assignment mismatch: %d variable%s but %s returns %d value%s", nvars, vs,
                     fun, nvals, ls);
        return;
    }
    check_errorf(c, ast_start_pos(rhs0), "assignment mismatch: %d variable%s but %d value%s", nvars, vs, nvals, ls);
}

/* Evaluates the values of rhs: a list, or one possibly multi-valued (or
 * comma-ok) expression.  Returns the count; *xs receives the operands,
 * allocated in tmp (the caller's scratch, released after the statement). */
static int rhs_values(Checker *c, AstNode *rhs, int nlhs, Operand **xs, Arena *tmp) {
    int n = list_len(rhs);
    if (n == 1) {
        int max = nlhs > 4 ? nlhs + 4 : 8;
        *xs = ARENA_NEW_ARRAY(tmp, Operand, max);
        int got = check_multi_expr(c, *xs, max, rhs, nlhs == 2);
        Type *tuple = AST_AS(AstExpr, rhs)->type;
        if (got > max && tuple && tuple->kind == TY_TUPLE && tuple->u.tuple.n == got) {
            /* more results than room: the call's recorded type has them all */
            *xs = ARENA_NEW_ARRAY(tmp, Operand, got);
            for (int i = 0; i < got; i++)
                (*xs)[i] = (Operand){.mode = MODE_VALUE, .expr = rhs, .type = tuple->u.tuple.types[i]};
        }
        return got;
    }
    *xs = ARENA_NEW_ARRAY(tmp, Operand, n);
    for (int i = 0; i < n; i++) check_expr(c, &(*xs)[i], list_at(rhs, i));
    return n;
}

/* assign_vars with its operands in tmp. */
static void assign_values(Checker *c, AstNode *lhs, AstNode *rhs, Arena *tmp) {
    int nl = list_len(lhs);
    Operand *xs;
    int nr = rhs_values(c, rhs, nl, &xs, tmp);
    if (nl != nr) {
        for (int i = 0; i < nl; i++) use_lhs(c, list_at(lhs, i));
        for (int i = 0; i < nr && i < (list_len(rhs) == 1 ? 1 : nr); i++)
            if (xs[i].mode == MODE_INVALID) return;
        assign_mismatch(c, rhs, nl, nr);
        return;
    }
    for (int i = 0; i < nl; i++) assign_var(c, list_at(lhs, i), &xs[i]);
}

/* lhs, ... = rhs, ... (types2's assignVars).  The operands are temporary:
 * what outlives the statement is recorded in the AST. */
static void assign_vars(Checker *c, AstNode *lhs, AstNode *rhs) {
    Arena *tmp = mem_scratch(c->mem);
    ArenaMark mark = arena_mark(tmp);
    assign_values(c, lhs, rhs, tmp);
    arena_release(tmp, mark);
}

/* lhs, ... := rhs, ... (types2's shortVarDecl). */
static void short_var_decl(Checker *c, Pos pos, AstNode *lhs, AstNode *rhs) {
    char buf[512];
    int nl = list_len(lhs);
    Object **vars = ARENA_NEW_ARRAY(c->ast, Object *, nl);
    Object **news = ARENA_NEW_ARRAY(c->ast, Object *, nl);
    int nnew = 0;
    bool has_err = false;
    for (int i = 0; i < nl; i++) {
        AstNode *e = list_at(lhs, i);
        if (e->kind != AST_NAME) {
            use_lhs(c, e);
            check_errorf(c, ast_start_pos(e), "non-name %s on left side of :=", expr_string(e, buf, sizeof buf));
            has_err = true;
            vars[i] = check_new_object(c, c->ast, OBJ_VAR, "_", ast_start_pos(e), NULL);
            continue;
        }
        AstName *n = AST_AS(AstName, e);
        bool repeated = false;
        if (strcmp(n->value, "_") != 0)
            for (int j = 0; j < i && !repeated; j++) {
                AstNode *p = list_at(lhs, j);
                repeated = p->kind == AST_NAME && AST_AS(AstName, p)->value == n->value;
            }
        if (repeated) {
            check_errorf(c, e->pos, "%s repeated on left side of :=", n->value);
            has_err = true;
            vars[i] = check_new_object(c, c->ast, OBJ_VAR, "_", e->pos, NULL);
            continue;
        }
        Object *alt = scope_lookup_local(c->scope, n->value);
        if (alt) {
            n->obj = alt;
            if (alt->kind == OBJ_VAR) {
                vars[i] = alt;
                alt->flags |= OBJ_REASSIGNED;
            } else {
                check_errorf(c, e->pos, "cannot assign to %s", n->value);
                has_err = true;
                vars[i] = check_new_object(c, c->ast, OBJ_VAR, "_", e->pos, NULL);
            }
            continue;
        }
        Object *obj = check_new_object(c, c->ast, OBJ_VAR, n->value, e->pos, NULL);
        n->obj = obj;
        vars[i] = obj;
        if (strcmp(n->value, "_") != 0) news[nnew++] = obj;
    }
    check_init_vars(c, vars, nl, rhs, pos);
    if (nnew == 0 && !has_err) {
        check_errorf(c, pos, "no new variables on left side of :=");
        return;
    }
    for (int i = 0; i < nnew; i++) check_declare(c, c->scope, news[i]);
}

/* x op= y: checked as the binary operation x op y assigned to x. */
static void assign_op(Checker *c, AstAssignStmt *s) {
    if (list_len(s->lhs) != 1 || list_len(s->rhs) != 1) {
        check_errorf(c, ast_start_pos(&s->node), "assignment operation %s requires single-valued expressions",
                     ast_op_name(s->op));
        return;
    }
    Operand x;
    check_binary(c, &x, NULL, s->lhs, s->rhs, s->op);
    assign_var(c, s->lhs, &x);
}

/* x++ and x-- */
static void inc_dec(Checker *c, AstAssignStmt *s) {
    char buf[512], tb[512];
    if (list_len(s->lhs) != 1) return;
    Operand x;
    check_expr(c, &x, s->lhs);
    if (x.mode == MODE_INVALID) return;
    if (!type_is_numeric(x.type)) {
        const char *op = s->op == OP_ADD ? "++" : "--";
        check_errorf(c, ast_start_pos(s->lhs), "invalid operation: %s%s (non-numeric type %s)",
                     expr_string(s->lhs, buf, sizeof buf), op, type_string(x.type, tb, sizeof tb));
        return;
    }
    assign_var(c, s->lhs, &x);
}

/* ---- simple statements --------------------------------------------------- */

/* An expression used as a statement: only calls and receives may be. */
static void expr_stmt(Checker *c, AstExprStmt *s) {
    char buf[1024];
    AstNode *e = ast_unparen(s->x);
    Operand x;
    const char *msg = "is not used";
    if (e->kind == AST_CALL_EXPR) {
        int kind;
        check_call_kind(c, &x, AST_AS(AstCallExpr, e), &kind);
        if (x.mode == MODE_INVALID || kind == 0) return;
    } else if (e->kind == AST_OPERATION && AST_AS(AstOperation, e)->op == OP_RECV && !AST_AS(AstOperation, e)->y) {
        check_multi_expr(c, &x, 1, s->x, false);
        return;
    } else {
        /* the modes check_expr refuses say so themselves */
        check_expr(c, &x, s->x);
        if (x.mode == MODE_INVALID) return;
    }
    check_errorf(c, ast_start_pos(s->x), "%s %s", operand_string(c, &x, buf, sizeof buf), msg);
}

/* ch <- v */
static void send_stmt(Checker *c, AstSendStmt *s) {
    char buf[1024];
    c->prog->uses_goroutines = true;
    Operand ch, val;
    check_expr(c, &ch, s->chan);
    check_expr(c, &val, s->value);
    if (ch.mode == MODE_INVALID || val.mode == MODE_INVALID) return;
    Type *u = type_underlying(ch.type);
    if (u->kind != TY_CHAN) {
        check_errorf(c, ast_start_pos(&s->node), "invalid operation: cannot send to non-channel %s",
                     operand_string(c, &ch, buf, sizeof buf));
        return;
    }
    if (u->u.chan.dir == CHAN_RECV) {
        check_errorf(c, ast_start_pos(&s->node), "invalid operation: cannot send to receive-only channel %s",
                     operand_string(c, &ch, buf, sizeof buf));
        return;
    }
    check_assignable_to(c, &val, u->u.chan.elem, "send");
}

/* go f() and defer f() (types2's suspendedCall). */
static void call_stmt(Checker *c, AstCallStmt *s) {
    char buf[1024];
    const char *keyword = s->tok == TOK_GO ? "go" : "defer";
    if (s->tok == TOK_GO) c->prog->uses_goroutines = true;
    Operand x;
    int kind;
    check_call_kind(c, &x, s->call, &kind);
    if (x.mode == MODE_INVALID || kind == 0) return;
    const char *msg = kind == 2 ? "requires function call, not conversion" : "discards result of";
    check_errorf(c, ast_start_pos(&s->call->expr.node), "%s %s %s", keyword, msg, operand_string(c, &x, buf, sizeof buf));
}

/* return_stmt with its operands in tmp. */
static void return_values(Checker *c, AstReturnStmt *s, Arena *tmp) {
    FuncCtx *fn = c->fn;
    Type *res = fn->sig->u.func.results;
    int want = res->u.tuple.n, n = list_len(s->results);
    if (n == 0 && want > 0 && fn->has_named_results) {
        for (int i = 0; i < want; i++) {
            Object *r = fn->results[i];
            if (!r->name) continue;
            Object *alt = scope_lookup(c->scope, r->name, NULL);
            if (alt && alt != r) {
                char where[256], tb[512];
                diag_format_pos(c->diag, alt->pos, where, sizeof where);
                check_errorf(c, s->node.pos, "result parameter %s not in scope at return\n\t%s: inner declaration of var %s %s",
                             r->name, where, alt->name, alt->type ? type_string(alt->type, tb, sizeof tb) : "");
            }
        }
        return;
    }
    if (n == 0 && want == 0) return;
    Operand *xs = NULL;
    int got = n ? rhs_values(c, s->results, want, &xs, tmp) : 0;
    if (got == want) {
        for (int i = 0; i < want; i++) check_assignable_to(c, &xs[i], res->u.tuple.types[i], "return statement");
        return;
    }
    for (int i = 0; i < got && i < (n == 1 ? 1 : got); i++)
        if (xs[i].mode == MODE_INVALID) return;
    Pos at = s->node.pos;
    const char *qualifier = "not enough";
    if (got > want) {
        at = ast_start_pos(n == 1 ? s->results : list_at(s->results, want));
        qualifier = "too many";
    } else if (got > 0) {
        at = ast_start_pos(n == 1 ? s->results : list_at(s->results, got - 1));
    }
    Type **have = ARENA_NEW_ARRAY(tmp, Type *, got + 1);
    for (int i = 0; i < got; i++) have[i] = xs[i].type;
    char hb[1024], wb[1024];
    check_errorf(c, at, "%s return values\n\thave %s\n\twant %s", qualifier, types_summary(have, got, hb, sizeof hb),
                 types_summary(res->u.tuple.types, want, wb, sizeof wb));
}

/* return [values] */
static void return_stmt(Checker *c, AstReturnStmt *s) {
    Arena *tmp = mem_scratch(c->mem);
    ArenaMark mark = arena_mark(tmp);
    return_values(c, s, tmp);
    arena_release(tmp, mark);
}

/* ---- compound statements ------------------------------------------------- */

static void stmt_list(Checker *c, AstList list) {
    for (int i = 0; i < list.n && !c->diag->too_many; i++) stmt(c, list.items[i]);
}

/* An if statement. */
static void if_stmt(Checker *c, AstIfStmt *s) {
    open_scope(c, "if");
    if (s->init) stmt(c, s->init);
    Operand x;
    if (s->cond) check_cond(c, &x, s->cond, "if statement");
    stmt(c, &s->then->node);
    if (s->els) stmt(c, s->els);
    close_scope(c);
}

/* The key and value types of ranging over t (NULL if t cannot be ranged
 * over); *is_chan tells a channel. */
static void range_key_val(Type *t, Type **key, Type **val, bool *is_chan, bool *send_only) {
    Type *u = type_underlying(t);
    *key = *val = NULL;
    if (u->kind == TY_POINTER && type_underlying(u->u.array.elem)->kind == TY_ARRAY) u = type_underlying(u->u.array.elem);
    switch (u->kind) {
    case TY_STRING:
    case TY_UNTYPED_STRING:
        *key = type_basic(TY_INT);
        *val = type_rune();
        break;
    case TY_ARRAY:
    case TY_SLICE:
        *key = type_basic(TY_INT);
        *val = u->u.array.elem;
        break;
    case TY_MAP:
        *key = u->u.map.key;
        *val = u->u.map.elem;
        break;
    case TY_CHAN:
        *key = u->u.chan.elem;
        *is_chan = true;
        *send_only = u->u.chan.dir == CHAN_SEND;
        break;
    default:
        break;
    }
}

/* for k, v := range x { ... } */
static void range_stmt(Checker *c, AstForStmt *s, AstRangeClause *rc) {
    char buf[1024];
    AstNode *lhs[3] = {NULL, NULL, NULL};
    int nlhs = list_len(rc->lhs);
    for (int i = 0; i < nlhs && i < 3; i++) lhs[i] = list_at(rc->lhs, i);
    Operand x;
    check_expr(c, &x, rc->x);
    Type *kv[2] = {NULL, NULL};
    if (x.mode != MODE_INVALID) {
        bool is_chan = false, send_only = false;
        range_key_val(x.type, &kv[0], &kv[1], &is_chan, &send_only);
        if (is_chan) {
            c->prog->uses_goroutines = true;
            if (lhs[1])
                check_errorf(c, ast_start_pos(lhs[1]), "range over %s permits only one iteration variable",
                             operand_string(c, &x, buf, sizeof buf));
        } else if (lhs[2]) {
            check_errorf(c, ast_start_pos(lhs[2]), "range clause permits at most two iteration variables");
        }
        if (!kv[0] || send_only) {
            if (send_only)
                check_errorf(c, ast_start_pos(rc->x), "cannot range over %s (receive from send-only channel)",
                             operand_string(c, &x, buf, sizeof buf));
            else
                check_errorf(c, ast_start_pos(rc->x), "cannot range over %s", operand_string(c, &x, buf, sizeof buf));
            kv[0] = kv[1] = NULL;
        }
    }
    open_scope(c, "range");
    if (rc->def) {
        Object *news[2];
        int nnew = 0;
        for (int i = 0; i < 2; i++) {
            if (!lhs[i]) continue;
            Object *obj;
            if (lhs[i]->kind == AST_NAME) {
                AstName *n = AST_AS(AstName, lhs[i]);
                obj = check_new_object(c, c->ast, OBJ_VAR, n->value, lhs[i]->pos, NULL);
                n->obj = obj;
                if (strcmp(n->value, "_") != 0) news[nnew++] = obj;
            } else {
                check_errorf(c, ast_start_pos(lhs[i]), "non-name %s on left side of :=",
                             expr_string(lhs[i], buf, sizeof buf));
                obj = check_new_object(c, c->ast, OBJ_VAR, "_", ast_start_pos(lhs[i]), NULL);
            }
            if (kv[i]) {
                obj->type = kv[i];
            } else {
                obj->type = type_invalid();
                obj->flags |= OBJ_USED;
            }
        }
        for (int i = 0; i < nnew; i++) check_declare(c, c->scope, news[i]);
        if (nnew == 0 && (lhs[0] || lhs[1])) check_errorf(c, s->node.pos, "no new variables on left side of :=");
    } else {
        for (int i = 0; i < 2; i++) {
            if (!lhs[i] || !kv[i]) continue;
            Operand v = {.mode = MODE_VALUE, .expr = lhs[i], .type = kv[i]};
            assign_var(c, lhs[i], &v);
        }
    }
    stmt(c, &s->body->node);
    close_scope(c);
}

/* for init; cond; post { ... } */
static void for_stmt(Checker *c, AstForStmt *s) {
    if (s->init && s->init->kind == AST_RANGE_CLAUSE) {
        range_stmt(c, s, AST_AS(AstRangeClause, s->init));
        return;
    }
    open_scope(c, "for");
    if (s->init) stmt(c, s->init);
    Operand x;
    if (s->cond) check_cond(c, &x, s->cond, "for statement");
    if (s->post) stmt(c, s->post);
    stmt(c, &s->body->node);
    close_scope(c);
}

/* A constant case value seen earlier in an expression switch. */
typedef struct SeenCase {
    Const val;
    Type *type;
    Pos pos;
} SeenCase;

/* Whether an operand of type t can be compared with nil. */
static bool has_nil(Type *t) {
    switch (type_underlying(t)->kind) {
    case TY_SLICE: case TY_MAP: case TY_FUNC: case TY_POINTER: case TY_CHAN: case TY_INTERFACE:
    case TY_UNSAFE_POINTER: case TY_UNTYPED_NIL:
        return true;
    default:
        return false;
    }
}

/* The case values of an expression switch on x (types2's caseValues). */
static void case_values(Checker *c, Operand *x, AstNode *cases, SeenCase **seen, int *nseen, int *capseen) {
    char buf[1024];
    int n = list_len(cases);
    for (int i = 0; i < n; i++) {
        AstNode *e = list_at(cases, i);
        Operand v;
        check_expr(c, &v, e);
        if (x->mode == MODE_INVALID || v.mode == MODE_INVALID) continue;
        check_convert_untyped(c, &v, x->type);
        if (v.mode == MODE_INVALID) continue;
        /* v == x, so that errors are placed at the case value */
        Operand res = v, tag = *x;
        check_comparison(c, &res, &tag, OP_EQL, true);
        if (res.mode == MODE_INVALID) continue;
        if (v.mode != MODE_CONSTANT) continue;
        ConstKind k = v.val.kind;
        if (k != CONST_INT && k != CONST_FLOAT && k != CONST_STRING) continue;
        bool dup = false;
        for (int j = 0; j < *nseen && !dup; j++) {
            SeenCase *sc = &(*seen)[j];
            bool eq = false;
            if (sc->val.kind != k || !type_identical(sc->type, v.type)) continue;
            if (const_compare(TOK_EQL, &sc->val, &v.val, &eq) != CONST_OK || !eq) continue;
            char where[256];
            diag_format_pos(c->diag, sc->pos, where, sizeof where);
            check_errorf(c, ast_start_pos(e), "duplicate case %s in expression switch\n\t%s: previous case",
                         operand_string(c, &v, buf, sizeof buf), where);
            dup = true;
        }
        if (dup) continue;
        if (*nseen == *capseen) {
            int cap = *capseen ? *capseen * 2 : 8;
            SeenCase *ns = ARENA_NEW_ARRAY(c->ast, SeenCase, cap);
            if (*nseen) memcpy(ns, *seen, (size_t)*nseen * sizeof *ns);
            *seen = ns;
            *capseen = cap;
        }
        (*seen)[*nseen].val = v.val;
        (*seen)[*nseen].type = v.type;
        (*seen)[*nseen].pos = ast_start_pos(e);
        (*nseen)++;
    }
}

/* switch [tag] { case ...: } */
static void expr_switch(Checker *c, AstSwitchStmt *s) {
    char buf[1024], tb[512];
    Operand x = {.mode = MODE_INVALID};
    if (s->tag) {
        check_expr(c, &x, s->tag);
        if (x.mode != MODE_INVALID) check_assignable_to(c, &x, NULL, "switch expression");
        if (x.mode != MODE_INVALID && !type_comparable(x.type) && !has_nil(x.type)) {
            check_errorf(c, ast_start_pos(s->tag), "cannot switch on %s (%s is not comparable)",
                         operand_string(c, &x, buf, sizeof buf), type_string(x.type, tb, sizeof tb));
            x.mode = MODE_INVALID;
        }
    } else {
        x.mode = MODE_CONSTANT;
        x.type = type_basic(TY_BOOL);
        x.val = const_make_bool(true);
        /* named in messages, as gc: "invalid case 1 in switch on true" */
        AstName *t = ARENA_NEW(c->ast, AstName);
        t->expr.node.kind = AST_NAME;
        t->expr.node.pos = s->node.pos;
        t->value = intern(c->names, "true", 4);
        x.expr = &t->expr.node;
    }
    SeenCase *seen = NULL;
    int nseen = 0, capseen = 0;
    AstCaseClause *first_default = NULL;
    for (int i = 0; i < s->body.n; i++) {
        AstCaseClause *cc = AST_AS(AstCaseClause, s->body.items[i]);
        if (!cc->cases) {
            if (first_default) {
                char where[256];
                diag_format_pos(c->diag, first_default->node.pos, where, sizeof where);
                check_errorf(c, cc->node.pos, "multiple defaults (first at %s)", where);
            } else {
                first_default = cc;
            }
        }
        case_values(c, &x, cc->cases, &seen, &nseen, &capseen);
        open_scope(c, "case");
        stmt_list(c, cc->body);
        close_scope(c);
    }
}

/* Whether e is the predeclared nil. */
static bool is_nil_name(Checker *c, AstNode *e) {
    e = ast_unparen(e);
    if (e->kind != AST_NAME) return false;
    Object *o = scope_lookup(c->scope, AST_AS(AstName, e)->value, NULL);
    return o && o->kind == OBJ_NIL;
}

/* switch [v :=] x.(type) { case T: } */
static void type_switch(Checker *c, AstSwitchStmt *s, AstTypeSwitchGuard *g) {
    char buf[1024], tb[512], eb[512], reason[512];
    AstName *lhs = g->lhs;
    if (lhs && strcmp(lhs->value, "_") == 0) {
        check_errorf(c, lhs->expr.node.pos, "no new variable on left side of :=");
        lhs = NULL;
    }
    Operand x;
    check_expr(c, &x, g->x);
    if (x.mode == MODE_INVALID) return;
    bool is_iface = type_is_interface(x.type);
    if (!is_iface) check_errorf(c, ast_start_pos(g->x), "%s is not an interface", operand_string(c, &x, buf, sizeof buf));
    /* types seen (NULL for nil) and where */
    int cap = 8, nseen = 0;
    Type **seen = ARENA_NEW_ARRAY(c->ast, Type *, cap);
    Pos *seen_pos = ARENA_NEW_ARRAY(c->ast, Pos, cap);
    bool used = false;
    AstCaseClause *first_default = NULL;
    for (int i = 0; i < s->body.n; i++) {
        AstCaseClause *cc = AST_AS(AstCaseClause, s->body.items[i]);
        if (!cc->cases) {
            if (first_default) {
                char where[256];
                diag_format_pos(c->diag, first_default->node.pos, where, sizeof where);
                check_errorf(c, cc->node.pos, "multiple defaults (first at %s)", where);
            } else {
                first_default = cc;
            }
        }
        int n = list_len(cc->cases);
        Type *T = NULL;
        for (int k = 0; k < n; k++) {
            AstNode *e = list_at(cc->cases, k);
            if (is_nil_name(c, e)) {
                Operand dummy;
                check_expr(c, &dummy, e);
                T = NULL;
            } else {
                T = check_type_expr(c, e);
                if (T->kind == TY_INVALID) continue;
            }
            bool dup = false;
            for (int j = 0; j < nseen && !dup; j++) {
                if ((T == NULL) != (seen[j] == NULL)) continue;
                if (T && !type_identical(T, seen[j])) continue;
                char where[256];
                diag_format_pos(c->diag, seen_pos[j], where, sizeof where);
                check_errorf(c, ast_start_pos(e), "duplicate case %s in type switch\n\t%s: previous case",
                             T ? type_string(T, tb, sizeof tb) : "nil", where);
                dup = true;
            }
            if (dup) continue;
            if (nseen == cap) {
                Type **ns = ARENA_NEW_ARRAY(c->ast, Type *, cap * 2);
                Pos *np = ARENA_NEW_ARRAY(c->ast, Pos, cap * 2);
                memcpy(ns, seen, (size_t)nseen * sizeof *ns);
                memcpy(np, seen_pos, (size_t)nseen * sizeof *np);
                seen = ns;
                seen_pos = np;
                cap *= 2;
            }
            seen[nseen] = T;
            seen_pos[nseen++] = ast_start_pos(e);
            if (is_iface && T && !type_is_interface(T) && !types_implements(c, T, x.type, reason, sizeof reason)) {
                check_errorf(c, ast_start_pos(e), "impossible type switch case: %s\n\t%s cannot have dynamic type %s %s",
                             expr_string(e, eb, sizeof eb), operand_string(c, &x, buf, sizeof buf),
                             type_string(T, tb, sizeof tb), reason);
            }
        }
        open_scope(c, "case");
        Object *obj = NULL;
        if (lhs) {
            Type *vt = (n != 1 || !T) ? x.type : T;
            obj = check_new_object(c, c->ast, OBJ_VAR, lhs->value, lhs->expr.node.pos, vt);
            check_declare(c, c->scope, obj);
        }
        stmt_list(c, cc->body);
        if (obj) {
            if (obj->flags & OBJ_USED) used = true;
            obj->flags |= OBJ_USED;
        }
        close_scope(c);
    }
    if (lhs && !used) check_errorf(c, lhs->expr.node.pos, "%s declared but not used", lhs->value);
}

/* switch statements of both kinds */
static void switch_stmt(Checker *c, AstSwitchStmt *s) {
    open_scope(c, "switch");
    if (s->init) stmt(c, s->init);
    if (s->tag && s->tag->kind == AST_TYPE_SWITCH_GUARD)
        type_switch(c, s, AST_AS(AstTypeSwitchGuard, s->tag));
    else
        expr_switch(c, s);
    close_scope(c);
}

/* Whether s is a receive <-ch (possibly parenthesized). */
static bool is_recv(AstNode *e) {
    e = ast_unparen(e);
    return e->kind == AST_OPERATION && AST_AS(AstOperation, e)->op == OP_RECV && !AST_AS(AstOperation, e)->y;
}

/* select { case ...: } */
static void select_stmt(Checker *c, AstSelectStmt *s) {
    c->prog->uses_goroutines = true;
    AstCommClause *first_default = NULL;
    for (int i = 0; i < s->body.n; i++) {
        AstCommClause *cc = AST_AS(AstCommClause, s->body.items[i]);
        bool valid = false;
        AstNode *comm = cc->comm;
        if (!comm) {
            valid = true;
            if (first_default) {
                char where[256];
                diag_format_pos(c->diag, first_default->node.pos, where, sizeof where);
                check_errorf(c, cc->node.pos, "multiple defaults (first at %s)", where);
            } else {
                first_default = cc;
            }
        } else if (comm->kind == AST_SEND_STMT) {
            valid = true;
        } else if (comm->kind == AST_ASSIGN_STMT) {
            AstAssignStmt *as = AST_AS(AstAssignStmt, comm);
            valid = as->rhs && as->rhs->kind != AST_LIST_EXPR && is_recv(as->rhs);
        } else if (comm->kind == AST_EXPR_STMT) {
            valid = is_recv(AST_AS(AstExprStmt, comm)->x);
        }
        if (!valid) {
            check_errorf(c, ast_start_pos(comm), "select case must be send or receive (possibly with assignment)");
            continue;
        }
        open_scope(c, "case");
        if (comm) stmt(c, comm);
        stmt_list(c, cc->body);
        close_scope(c);
    }
}

/* Checks statement s. */
static void stmt(Checker *c, AstNode *s) {
    switch (s->kind) {
    case AST_EMPTY_STMT:
    case AST_BRANCH_STMT:
        break;
    case AST_LABELED_STMT:
        stmt(c, AST_AS(AstLabeledStmt, s)->stmt);
        break;
    case AST_BLOCK_STMT:
        open_scope(c, "block");
        stmt_list(c, AST_AS(AstBlockStmt, s)->stmts);
        close_scope(c);
        break;
    case AST_EXPR_STMT:
        expr_stmt(c, AST_AS(AstExprStmt, s));
        break;
    case AST_SEND_STMT:
        send_stmt(c, AST_AS(AstSendStmt, s));
        break;
    case AST_DECL_STMT: {
        AstDeclStmt *d = AST_AS(AstDeclStmt, s);
        for (int i = 0; i < d->decls.n; i++) check_local_decl(c, d->decls.items[i]);
        break;
    }
    case AST_ASSIGN_STMT: {
        AstAssignStmt *a = AST_AS(AstAssignStmt, s);
        if (!a->rhs)
            inc_dec(c, a);
        else if (a->op == OP_NONE)
            assign_vars(c, a->lhs, a->rhs);
        else if (a->op == OP_DEF)
            short_var_decl(c, s->pos, a->lhs, a->rhs);
        else
            assign_op(c, a);
        break;
    }
    case AST_CALL_STMT:
        call_stmt(c, AST_AS(AstCallStmt, s));
        break;
    case AST_RETURN_STMT:
        return_stmt(c, AST_AS(AstReturnStmt, s));
        break;
    case AST_IF_STMT:
        if_stmt(c, AST_AS(AstIfStmt, s));
        break;
    case AST_FOR_STMT:
        for_stmt(c, AST_AS(AstForStmt, s));
        break;
    case AST_SWITCH_STMT:
        switch_stmt(c, AST_AS(AstSwitchStmt, s));
        break;
    case AST_SELECT_STMT:
        select_stmt(c, AST_AS(AstSelectStmt, s));
        break;
    default:
        break;
    }
}

/* ---- terminating statements ---------------------------------------------- */

static bool has_break_list(AstList list, AstNode *target);

/* Whether s contains a break that leaves target. */
static bool has_break(AstNode *s, AstNode *target) {
    if (!s) return false;
    switch (s->kind) {
    case AST_BRANCH_STMT: {
        AstBranchStmt *b = AST_AS(AstBranchStmt, s);
        return b->tok == TOK_BREAK && b->target == target;
    }
    case AST_LABELED_STMT:
        return has_break(AST_AS(AstLabeledStmt, s)->stmt, target);
    case AST_BLOCK_STMT:
        return has_break_list(AST_AS(AstBlockStmt, s)->stmts, target);
    case AST_IF_STMT: {
        AstIfStmt *i = AST_AS(AstIfStmt, s);
        return has_break(&i->then->node, target) || has_break(i->els, target);
    }
    case AST_FOR_STMT:
        return has_break(&AST_AS(AstForStmt, s)->body->node, target);
    case AST_SWITCH_STMT: {
        AstSwitchStmt *sw = AST_AS(AstSwitchStmt, s);
        for (int i = 0; i < sw->body.n; i++)
            if (has_break_list(AST_AS(AstCaseClause, sw->body.items[i])->body, target)) return true;
        return false;
    }
    case AST_SELECT_STMT: {
        AstSelectStmt *sel = AST_AS(AstSelectStmt, s);
        for (int i = 0; i < sel->body.n; i++)
            if (has_break_list(AST_AS(AstCommClause, sel->body.items[i])->body, target)) return true;
        return false;
    }
    default:
        return false;
    }
}

static bool has_break_list(AstList list, AstNode *target) {
    for (int i = 0; i < list.n; i++)
        if (has_break(list.items[i], target)) return true;
    return false;
}

static bool is_terminating_list(AstList list);

/* The spec's terminating statements. */
static bool is_terminating(AstNode *s) {
    switch (s->kind) {
    case AST_RETURN_STMT:
        return true;
    case AST_LABELED_STMT:
        return is_terminating(AST_AS(AstLabeledStmt, s)->stmt);
    case AST_EXPR_STMT: {
        AstNode *e = ast_unparen(AST_AS(AstExprStmt, s)->x);
        return e->kind == AST_CALL_EXPR && call_builtin(AST_AS(AstCallExpr, e)) == BUILTIN_PANIC;
    }
    case AST_BRANCH_STMT: {
        TokenKind t = AST_AS(AstBranchStmt, s)->tok;
        return t == TOK_GOTO || t == TOK_FALLTHROUGH;
    }
    case AST_BLOCK_STMT:
        return is_terminating_list(AST_AS(AstBlockStmt, s)->stmts);
    case AST_IF_STMT: {
        AstIfStmt *i = AST_AS(AstIfStmt, s);
        return i->els && is_terminating(&i->then->node) && is_terminating(i->els);
    }
    case AST_SWITCH_STMT: {
        AstSwitchStmt *sw = AST_AS(AstSwitchStmt, s);
        bool has_default = false;
        for (int i = 0; i < sw->body.n; i++) {
            AstCaseClause *cc = AST_AS(AstCaseClause, sw->body.items[i]);
            if (!cc->cases) has_default = true;
            if (!is_terminating_list(cc->body) || has_break_list(cc->body, s)) return false;
        }
        return has_default;
    }
    case AST_SELECT_STMT: {
        AstSelectStmt *sel = AST_AS(AstSelectStmt, s);
        for (int i = 0; i < sel->body.n; i++) {
            AstCommClause *cc = AST_AS(AstCommClause, sel->body.items[i]);
            if (!is_terminating_list(cc->body) || has_break_list(cc->body, s)) return false;
        }
        return true;
    }
    case AST_FOR_STMT: {
        AstForStmt *f = AST_AS(AstForStmt, s);
        if (f->init && f->init->kind == AST_RANGE_CLAUSE) return false;
        return !f->cond && !has_break(&f->body->node, s);
    }
    default:
        return false;
    }
}

/* Whether the last non-empty statement of list is terminating. */
static bool is_terminating_list(AstList list) {
    for (int i = list.n - 1; i >= 0; i--)
        if (list.items[i]->kind != AST_EMPTY_STMT) return is_terminating(list.items[i]);
    return false;
}

/* ---- functions ----------------------------------------------------------- */

/* Checks the body of the function fn (whose parameters are declared in
 * fn->scope): statements, missing return, unused variables. */
void check_func_body(Checker *c, FuncCtx *fn, AstBlockStmt *body) {
    Scope *saved_scope = c->scope;
    FuncCtx *saved_fn = c->fn;
    int saved_iota = c->iota;
    Pos saved_errpos = c->errpos;
    c->fn = fn;
    c->scope = fn->scope;
    c->iota = -1;
    c->errpos = POS_NONE;
    stmt_list(c, body->stmts);
    if (fn->sig && fn->sig->kind == TY_FUNC && fn->sig->u.func.results->u.tuple.n > 0 &&
        !is_terminating_list(body->stmts))
        check_errorf(c, body->rbrace, "missing return");
    report_unused(c, fn->scope);
    c->scope = saved_scope;
    c->fn = saved_fn;
    c->iota = saved_iota;
    c->errpos = saved_errpos;
}

/* A function literal: a closure over the enclosing function's variables
 * (expr.c records the captured ones in the FuncCtx as names resolve). */
void check_func_lit(Checker *c, Operand *x, AstFuncLit *lit) {
    FuncCtx *fn = ARENA_NEW(c->ast, FuncCtx);
    fn->outer = c->fn;
    fn->node = &lit->expr.node;
    Scope *scope = scope_new(c->ast, c->scope, "func");
    scope->is_func = true;
    Type *sig = check_signature(c, NULL, lit->type, scope, fn);
    fn->sig = sig;
    fn->scope = scope;
    if (lit->body) check_func_body(c, fn, lit->body);
    x->mode = MODE_VALUE;
    x->type = sig;
    x->expr = &lit->expr.node;
    lit->expr.type = sig;
}
