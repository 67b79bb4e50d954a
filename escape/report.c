/* report.c — escape analysis in gc's words: the -m lines, the -m=2 flow
 * explanations, and expressions and types printed the way gc prints its
 * IR nodes in those lines (cmd/compile/internal/ir/fmt.go and types/fmt.go):
 * composite literals as "&T{...}", "[]int{...}" or "T{}", conversions to
 * unnamed types as "([]byte)(s)", parentheses only where precedence needs
 * them, constants as written, promoted fields with their embedding path
 * ("t.E.c"), struct types as "struct { x int; y int }". */
#include <stdarg.h>
#include <string.h>

#include "escape/esc.h"

/* A bounded string builder: writes what fits, always NUL-terminated. */
typedef struct Out {
    char *buf;
    size_t size, len;
    const EscCtx *ctx;       /* for devirtualized calls; NULL: printed as written */
} Out;

/* Appends formatted text to o. */
static void outf(Out *o, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void outf(Out *o, const char *fmt, ...) {
    if (o->len + 1 >= o->size) return;
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(o->buf + o->len, o->size - o->len, fmt, ap);
    va_end(ap);
    if (n < 0) return;
    o->len += (size_t)n;
    if (o->len >= o->size) o->len = o->size - 1;
}

static void outs(Out *o, const char *s) { outf(o, "%s", s); }

/* ---- types, as gc's types package prints them ------------------------- */

static void fmt_type(Out *o, Type *t);

/* The types of a tuple, comma-separated; the last as ...T if variadic. */
static void fmt_tuple(Out *o, Type *tuple, bool variadic) {
    if (!tuple) return;
    for (int i = 0; i < tuple->u.tuple.n; i++) {
        if (i > 0) outs(o, ", ");
        Type *t = tuple->u.tuple.types[i];
        if (variadic && i == tuple->u.tuple.n - 1 && t->kind == TY_SLICE) {
            outs(o, "...");
            t = t->u.array.elem;
        }
        fmt_type(o, t);
    }
}

/* A signature without the "func" keyword: "(int, ...string) (int, error)". */
static void fmt_signature(Out *o, Type *t) {
    outs(o, "(");
    fmt_tuple(o, t->u.func.params, t->u.func.variadic);
    outs(o, ")");
    Type *r = t->u.func.results;
    int nr = r ? r->u.tuple.n : 0;
    if (nr == 1) {
        outs(o, " ");
        fmt_type(o, r->u.tuple.types[0]);
    } else if (nr > 1) {
        outs(o, " (");
        fmt_tuple(o, r, false);
        outs(o, ")");
    }
}

/* Writes t as gc writes types in -m messages. */
static void fmt_type(Out *o, Type *t) {
    if (!t) {
        outs(o, "<nil>");
        return;
    }
    if (t == type_any()) {
        outs(o, "any");
        return;
    }
    switch (t->kind) {
    case TY_NAMED: {
        const Object *obj = t->u.named.obj;
        if (obj->pkg && obj->pkg->path && strcmp(obj->pkg->path, "main") != 0 && obj->pkg->name)
            outf(o, "%s.", obj->pkg->name);
        outs(o, obj->name);
        return;
    }
    case TY_POINTER:
        outs(o, "*");
        fmt_type(o, t->u.array.elem);
        return;
    case TY_SLICE:
        outs(o, "[]");
        fmt_type(o, t->u.array.elem);
        return;
    case TY_ARRAY:
        outf(o, "[%lld]", (long long)t->u.array.len);
        fmt_type(o, t->u.array.elem);
        return;
    case TY_MAP:
        outs(o, "map[");
        fmt_type(o, t->u.map.key);
        outs(o, "]");
        fmt_type(o, t->u.map.elem);
        return;
    case TY_CHAN: {
        Type *e = t->u.chan.elem;
        if (t->u.chan.dir == CHAN_RECV) outs(o, "<-chan ");
        else if (t->u.chan.dir == CHAN_SEND) outs(o, "chan<- ");
        else outs(o, "chan ");
        bool paren = t->u.chan.dir == CHAN_BOTH && e->kind == TY_CHAN && e->u.chan.dir == CHAN_RECV;
        if (paren) outs(o, "(");
        fmt_type(o, e);
        if (paren) outs(o, ")");
        return;
    }
    case TY_FUNC:
        outs(o, "func");
        fmt_signature(o, t);
        return;
    case TY_STRUCT:
        if (t->u.strct.n == 0) {
            outs(o, "struct {}");
            return;
        }
        outs(o, "struct {");
        for (int i = 0; i < t->u.strct.n; i++) {
            const TypeField *f = &t->u.strct.fields[i];
            outs(o, i ? "; " : " ");
            if (!f->embedded) outf(o, "%s ", f->name);
            fmt_type(o, f->type);
            if (f->tag) outf(o, " \"%s\"", f->tag);
        }
        outs(o, " }");
        return;
    case TY_INTERFACE:
        if (t->u.iface.nall == 0 && t->u.iface.nmethods == 0 && t->u.iface.nembeddeds == 0) {
            outs(o, "interface {}");
            return;
        }
        outs(o, "interface {");
        for (int i = 0; i < t->u.iface.nall; i++) {
            const TypeMethod *m = &t->u.iface.all[i];
            outs(o, i ? "; " : " ");
            outs(o, m->name);
            if (m->func && m->func->type && m->func->type->kind == TY_FUNC) fmt_signature(o, m->func->type);
        }
        outs(o, " }");
        return;
    default: {
        char buf[256];
        outs(o, type_string(t, buf, sizeof buf));
        return;
    }
    }
}

/* Does gc print t with a name (a Sym): named and predeclared types? */
static bool type_has_name(const Type *t) {
    return t && (t->kind == TY_NAMED || t->kind <= TY_UNSAFE_POINTER || t == type_any());
}

/* ---- expressions, as gc's exprFmt ------------------------------------- */

/* gc's OpPrec for the binary operators. */
static int binary_prec(AstOp op) {
    switch (op) {
    case OP_MUL: case OP_DIV: case OP_REM: case OP_SHL: case OP_SHR: case OP_AND: case OP_AND_NOT: return 6;
    case OP_ADD: case OP_SUB: case OP_OR: case OP_XOR: return 5;
    case OP_EQL: case OP_NEQ: case OP_LSS: case OP_LEQ: case OP_GTR: case OP_GEQ: return 4;
    case OP_ANDAND: return 2;
    case OP_OROR: return 1;
    default: return 8;
    }
}

/* Does expression e denote a type? */
static bool is_type_expr(const AstNode *e) {
    e = ast_unparen((AstNode *)e);
    switch (e->kind) {
    case AST_ARRAY_TYPE: case AST_SLICE_TYPE: case AST_STRUCT_TYPE: case AST_FUNC_TYPE:
    case AST_INTERFACE_TYPE: case AST_MAP_TYPE: case AST_CHAN_TYPE: case AST_DOTS_TYPE:
        return true;
    case AST_NAME: {
        const Object *o = AST_AS(AstName, e)->obj;
        return o && o->kind == OBJ_TYPE;
    }
    case AST_SELECTOR_EXPR: {
        const Object *o = AST_AS(AstSelectorExpr, e)->sel->obj;
        return o && o->kind == OBJ_TYPE;
    }
    case AST_OPERATION: {
        const AstOperation *op = AST_AS(AstOperation, e);
        return op->op == OP_MUL && !op->y && is_type_expr(op->x);
    }
    default:
        return false;
    }
}

static Type *expr_type(const AstNode *e) { return ((const AstExpr *)e)->type; }

/* The builtin called by call, or BUILTIN_NONE. */
static Builtin builtin_of(const AstCallExpr *call) {
    AstNode *f = ast_unparen(call->fun);
    if (f->kind != AST_NAME) return BUILTIN_NONE;
    const Object *o = AST_AS(AstName, f)->obj;
    return o && o->kind == OBJ_BUILTIN ? o->u.builtin : BUILTIN_NONE;
}

static void fmt_expr(Out *o, const AstNode *n, int prec);

/* Arguments separated by ", ". */
static void fmt_args(Out *o, const AstList *args, int from, int to) {
    for (int i = from; i < to; i++) {
        if (i > from) outs(o, ", ");
        fmt_expr(o, args->items[i], 0);
    }
}

/* Whether type t (or *t) declares a method name, or t is an interface
 * with one. */
static bool has_method(Type *t, const char *name) {
    if (t && t->kind == TY_POINTER) t = t->u.array.elem;
    if (t && t->kind == TY_NAMED)
        for (int i = 0; i < t->u.named.nmethods; i++)
            if (t->u.named.methods[i].name == name) return true;
    Type *u = t ? esc_underlying(t) : NULL;
    if (u && u->kind == TY_INTERFACE)
        for (int i = 0; i < u->u.iface.nall; i++)
            if (u->u.iface.all[i].name == name) return true;
    return false;
}

/* Finds field or method name at exactly depth levels of embedding below
 * struct type t, storing the embedded fields' names passed on the way in
 * path. */
static bool find_embedded(Type *t, const char *name, int depth, const char **path) {
    if (depth == 0 && has_method(t, name)) return true;
    Type *u = esc_underlying(t);
    if (u && u->kind == TY_POINTER) u = esc_underlying(u->u.array.elem);
    if (!u || u->kind != TY_STRUCT) return false;
    for (int i = 0; i < u->u.strct.n; i++) {
        const TypeField *f = &u->u.strct.fields[i];
        if (depth == 0) {
            if (f->name == name) return true;
        } else if (f->embedded && find_embedded(f->type, name, depth - 1, path + 1)) {
            path[0] = f->name;
            return true;
        }
    }
    return false;
}

/* Writes the embedded fields through which field name is promoted into
 * the type t ("E." for t.c promoted from E), the shallowest as Go's
 * selector rules choose. */
static void fmt_embed_path(Out *o, Type *t, const char *name) {
    const char *path[8];
    for (int d = 1; d < 8; d++) {
        if (!find_embedded(t, name, d, path)) continue;
        for (int i = 0; i < d; i++) outf(o, "%s.", path[i]);
        return;
    }
}

/* A selector x.sel, with the embedding path of a promoted field or method. */
static void fmt_selector(Out *o, const AstSelectorExpr *e) {
    fmt_expr(o, e->x, 8);
    outs(o, ".");
    const Object *px = e->x->kind == AST_NAME ? AST_AS(AstName, e->x)->obj : NULL;
    Type *xt = expr_type(e->x);
    if (!(px && px->kind == OBJ_PKG) && xt && !is_type_expr(e->x)) {
        Type *u = esc_underlying(xt);
        if (u && u->kind == TY_POINTER) u = esc_underlying(u->u.array.elem);
        if (u && u->kind == TY_STRUCT) {
            bool direct = has_method(xt, e->sel->value);
            for (int i = 0; i < u->u.strct.n; i++)
                if (u->u.strct.fields[i].name == e->sel->value) direct = true;
            if (!direct) fmt_embed_path(o, xt, e->sel->value);
        }
    }
    outs(o, e->sel->value);
}

/* The method of a direct method call x.M(args), or NULL (interface
 * methods, method expressions, functions). */
static const Object *called_method(const AstNode *fun) {
    if (fun->kind != AST_SELECTOR_EXPR) return NULL;
    const AstSelectorExpr *sel = AST_AS(AstSelectorExpr, fun);
    if (sel->sel_kind != AST_SEL_METHOD) return NULL;
    const Object *m = sel->sel->obj;
    if (!m || m->kind != OBJ_FUNC || !m->type || m->type->kind != TY_FUNC || !m->type->u.func.recv) return NULL;
    return m;
}

/* A direct method call x.M(args) as gc prints it once its escape
 * analysis has rewritten it into a call of the method expression:
 * "T.M(x, args)" or "(*T).M(x, args)", the receiver with its implicit
 * embedded fields but not its implicit & or *. */
static void fmt_method_call(Out *o, const AstCallExpr *call, const Object *m, Type *devirt) {
    const AstSelectorExpr *sel = AST_AS(AstSelectorExpr, ast_unparen(call->fun));
    Type *recv = m->type->u.func.recv;
    if (type_has_name(recv)) fmt_type(o, recv);
    else {
        outs(o, "(");
        fmt_type(o, recv);
        outs(o, ")");
    }
    outf(o, ".%s(", m->name);
    if (devirt) {            /* gc's i.(T) */
        fmt_expr(o, sel->x, 8);
        outs(o, ".(");
        fmt_type(o, devirt);
        outs(o, ")");
    } else {
        fmt_expr(o, sel->x, sel->npath > 1 ? 8 : 0);
    }
    Type *t = devirt ? NULL : expr_type(sel->x);
    for (int i = 0; t && i + 1 < sel->npath; i++) {   /* the embedded fields to the method */
        Type *u = esc_underlying(t);
        if (u && u->kind == TY_POINTER) u = esc_underlying(u->u.array.elem);
        if (!u || u->kind != TY_STRUCT || sel->path[i] < 0 || sel->path[i] >= u->u.strct.n) break;
        outf(o, ".%s", u->u.strct.fields[sel->path[i]].name);
        t = u->u.strct.fields[sel->path[i]].type;
    }
    Type *ft = m->type;
    int fixed = call->args.n;
    bool packed = ft->u.func.variadic && !call->has_dots && (call->expr.node.flags & AST_ESC_PACKED);
    if (packed && ft->u.func.params->u.tuple.n - 1 < fixed) fixed = ft->u.func.params->u.tuple.n - 1;
    for (int i = 0; i < fixed; i++) {
        outs(o, ", ");
        fmt_expr(o, call->args.items[i], 0);
    }
    if (packed) outs(o, call->args.n > fixed ? ", ... argument...)" : ", nil...)");
    else outs(o, call->has_dots ? "...)" : ")");
}

/* A call: conversions, builtins, direct method calls, and calls whose
 * variadic arguments gc has packed into a slice ("f(... argument...)"). */
static void fmt_call(Out *o, const AstCallExpr *call) {
    const AstNode *fun = ast_unparen(call->fun);
    const Object *m = called_method(fun);
    if (m) {
        fmt_method_call(o, call, m, NULL);
        return;
    }
    if (o->ctx && (call->expr.node.flags & AST_ESC_DEVIRT)) {
        Object *dm = esc_devirt_method((EscCtx *)o->ctx, &call->expr.node);
        Type *dt = esc_devirt_type((EscCtx *)o->ctx, &call->expr.node);
        if (dm && dt && dm->type && dm->type->kind == TY_FUNC && dm->type->u.func.recv && fun->kind == AST_SELECTOR_EXPR) {
            fmt_method_call(o, call, dm, dt);
            return;
        }
        const EscDevirt *d = esc_devirt(o->ctx, &call->expr.node);
        if (d && !d->method && d->type && fun->kind == AST_SELECTOR_EXPR) {   /* partial: i.(T).F.M(args) */
            const AstSelectorExpr *sel = AST_AS(AstSelectorExpr, fun);
            fmt_expr(o, sel->x, 8);
            outs(o, ".(");
            fmt_type(o, d->type);
            outs(o, ")");
            for (int i = 0; i < d->npath; i++) outf(o, ".%s", d->path[i]->name);
            outf(o, ".%s(", sel->sel->value);
            fmt_args(o, &call->args, 0, call->args.n);
            outs(o, call->has_dots ? "...)" : ")");
            return;
        }
    }
    if (is_type_expr(fun)) {
        Type *t = expr_type(&call->expr.node);
        if (type_has_name(t)) fmt_type(o, t);
        else {
            outs(o, "(");
            fmt_type(o, t);
            outs(o, ")");
        }
        outs(o, "(");
        fmt_args(o, &call->args, 0, call->args.n);
        outs(o, ")");
        return;
    }
    Builtin bi = builtin_of(call);
    if (bi == BUILTIN_MAKE || bi == BUILTIN_NEW) {
        outs(o, bi == BUILTIN_MAKE ? "make(" : "new(");
        if (call->args.n > 0) fmt_type(o, expr_type(call->args.items[0]));
        for (int i = 1; i < call->args.n; i++) {
            outs(o, ", ");
            fmt_expr(o, call->args.items[i], 0);
        }
        outs(o, ")");
        return;
    }
    fmt_expr(o, call->fun, 8);
    outs(o, "(");
    Type *ft = bi == BUILTIN_NONE ? expr_type(call->fun) : NULL;
    ft = ft ? esc_underlying(ft) : NULL;
    if (ft && ft->kind == TY_FUNC && ft->u.func.variadic && !call->has_dots && (call->expr.node.flags & AST_ESC_PACKED)) {
        int fixed = ft->u.func.params->u.tuple.n - 1;
        if (fixed > call->args.n) fixed = call->args.n;
        fmt_args(o, &call->args, 0, fixed);
        if (fixed > 0) outs(o, ", ");
        outs(o, call->args.n > fixed ? "... argument..." : "nil...");
        outs(o, ")");
        return;
    }
    fmt_args(o, &call->args, 0, call->args.n);
    outs(o, call->has_dots ? "...)" : ")");
}

/* Operands of a string concatenation, flattened as gc's OADDSTR. */
static bool is_string_add(const AstNode *n) {
    n = ast_unparen((AstNode *)n);
    if (n->kind != AST_OPERATION) return false;
    const AstOperation *op = AST_AS(AstOperation, n);
    return op->op == OP_ADD && op->y && !((const AstExpr *)n)->cval && type_is_string(expr_type(n));
}

static void fmt_addstr(Out *o, const AstNode *n) {
    n = ast_unparen((AstNode *)n);
    const AstOperation *op = AST_AS(AstOperation, n);
    if (is_string_add(op->x)) fmt_addstr(o, op->x);
    else fmt_expr(o, op->x, 5);
    outs(o, " + ");
    if (is_string_add(op->y)) fmt_addstr(o, op->y);
    else fmt_expr(o, op->y, 5);
}

/* The precedence gc gives node n. */
static int node_prec(const AstNode *n) {
    if (n->kind == AST_OPERATION) {
        const AstOperation *op = AST_AS(AstOperation, n);
        if (!op->y) return 7;
        if (is_string_add(n)) return 0;
        return binary_prec(op->op);
    }
    return 8;
}

/* Writes expression n, parenthesized if its precedence is below prec. */
static void fmt_expr(Out *o, const AstNode *n, int prec) {
    if (!n) {
        outs(o, "<nil>");
        return;
    }
    n = ast_unparen((AstNode *)n);
    int np = node_prec(n);
    if (prec > np) {
        outs(o, "(");
        fmt_expr(o, n, 0);
        outs(o, ")");
        return;
    }
    switch (n->kind) {
    case AST_NAME:
        outs(o, AST_AS(AstName, n)->value);
        return;
    case AST_BASIC_LIT: {
        const AstBasicLit *l = AST_AS(AstBasicLit, n);
        outf(o, "%.*s", (int)l->len, l->value);
        return;
    }
    case AST_COMPOSITE_LIT: {
        const AstCompositeLit *cl = AST_AS(AstCompositeLit, n);
        Type *t = expr_type(n);
        if (!cl->type && t && esc_underlying(t)->kind == TY_POINTER) {
            /* an elided &T inside an outer literal */
            outs(o, "&");
            t = esc_underlying(t)->u.array.elem;
        }
        fmt_type(o, t);
        outs(o, cl->elems.n ? "{...}" : "{}");
        return;
    }
    case AST_FUNC_LIT:
        outs(o, "func literal");
        return;
    case AST_SELECTOR_EXPR:
        fmt_selector(o, AST_AS(AstSelectorExpr, n));
        return;
    case AST_INDEX_EXPR: {
        const AstIndexExpr *ix = AST_AS(AstIndexExpr, n);
        fmt_expr(o, ix->x, 8);
        outs(o, "[");
        fmt_expr(o, ix->index, 0);
        outs(o, "]");
        return;
    }
    case AST_SLICE_EXPR: {
        const AstSliceExpr *sl = AST_AS(AstSliceExpr, n);
        fmt_expr(o, sl->x, 8);
        outs(o, "[");
        if (sl->index[0]) fmt_expr(o, sl->index[0], 0);
        outs(o, ":");
        if (sl->index[1]) fmt_expr(o, sl->index[1], 0);
        if (sl->full) {
            outs(o, ":");
            if (sl->index[2]) fmt_expr(o, sl->index[2], 0);
        }
        outs(o, "]");
        return;
    }
    case AST_ASSERT_EXPR: {
        const AstAssertExpr *a = AST_AS(AstAssertExpr, n);
        fmt_expr(o, a->x, 8);
        outs(o, ".(");
        fmt_type(o, expr_type(n));
        outs(o, ")");
        return;
    }
    case AST_OPERATION: {
        const AstOperation *op = AST_AS(AstOperation, n);
        if (!op->y) {
            if (op->op == OP_MUL && is_type_expr(n)) {
                fmt_type(o, expr_type(n));
                return;
            }
            /* the operand at precedence 8: "*(*p)", "-(-n)" */
            outs(o, ast_op_name(op->op));
            fmt_expr(o, op->x, 8);
            return;
        }
        if (is_string_add(n)) {
            fmt_addstr(o, n);
            return;
        }
        fmt_expr(o, op->x, np);
        outf(o, " %s ", ast_op_name(op->op));
        fmt_expr(o, op->y, np + 1);
        return;
    }
    case AST_CALL_EXPR:
        fmt_call(o, AST_AS(AstCallExpr, n));
        return;
    case AST_KEY_VALUE_EXPR: {
        const AstKeyValueExpr *kv = AST_AS(AstKeyValueExpr, n);
        fmt_expr(o, kv->key, 0);
        outs(o, ":");
        fmt_expr(o, kv->value, 0);
        return;
    }
    case AST_LIST_EXPR: {
        const AstListExpr *l = AST_AS(AstListExpr, n);
        fmt_args(o, &l->elems, 0, l->elems.n);
        return;
    }
    case AST_ARRAY_TYPE: case AST_SLICE_TYPE: case AST_STRUCT_TYPE: case AST_FUNC_TYPE:
    case AST_INTERFACE_TYPE: case AST_MAP_TYPE: case AST_CHAN_TYPE:
        fmt_type(o, expr_type(n));
        return;
    default: {
        char buf[256];
        outs(o, ast_string(n, buf, sizeof buf));
        return;
    }
    }
}

/* ---- statements, as gc's stmtFmt (for -m=2 notes) ---------------------- */

static void fmt_stmt(Out *o, const AstNode *n);

/* Statements separated by "; ", as gc prints a list of them. */
static void fmt_stmts(Out *o, const AstList *l) {
    for (int i = 0; i < l->n; i++) {
        if (i) outs(o, "; ");
        fmt_stmt(o, l->items[i]);
    }
}

/* Writes a statement the way gc prints it in "from ... (assign)" notes. */
static void fmt_stmt(Out *o, const AstNode *n) {
    switch (n->kind) {
    case AST_ASSIGN_STMT: {
        const AstAssignStmt *a = AST_AS(AstAssignStmt, n);
        fmt_expr(o, a->lhs, 0);
        if (!a->rhs) {
            outs(o, a->op == OP_ADD ? "++" : "--");
            return;
        }
        if (a->op == OP_NONE) outs(o, " = ");
        else if (a->op == OP_DEF) outs(o, " := ");
        else outf(o, " %s= ", ast_op_name(a->op));
        fmt_expr(o, a->rhs, 0);
        return;
    }
    case AST_RETURN_STMT: {
        const AstReturnStmt *r = AST_AS(AstReturnStmt, n);
        outs(o, "return");
        if (r->results) {
            outs(o, " ");
            fmt_expr(o, r->results, 0);
        }
        return;
    }
    case AST_CALL_STMT: {
        const AstCallStmt *c = AST_AS(AstCallStmt, n);
        outs(o, c->tok == TOK_GO ? "go " : "defer ");
        fmt_expr(o, &c->call->expr.node, 0);
        return;
    }
    case AST_SEND_STMT: {
        /* gc parenthesizes the nodes it prints with no precedence of
         * their own: &T{...} and func literals */
        const AstSendStmt *s = AST_AS(AstSendStmt, n);
        const AstNode *v = ast_unparen(s->value);
        bool paren = v->kind == AST_FUNC_LIT;
        if (v->kind == AST_OPERATION) {
            const AstOperation *op = AST_AS(AstOperation, v);
            paren = op->op == OP_AND && !op->y && ast_unparen(op->x)->kind == AST_COMPOSITE_LIT;
        }
        fmt_expr(o, s->chan, 0);
        outs(o, paren ? " <- (" : " <- ");
        fmt_expr(o, s->value, 0);
        if (paren) outs(o, ")");
        return;
    }
    case AST_FOR_STMT:
        outs(o, "for loop");     /* gc's OFOR and ORANGE outside export format */
        return;
    case AST_SWITCH_STMT:
        outs(o, "switch statement");
        return;
    case AST_SELECT_STMT:
        outs(o, "select statement");
        return;
    case AST_BLOCK_STMT:       /* gc's OBLOCK: its statements */
        fmt_stmts(o, &AST_AS(AstBlockStmt, n)->stmts);
        return;
    case AST_IF_STMT: {
        const AstIfStmt *s = AST_AS(AstIfStmt, n);
        outs(o, "if ");
        if (s->init) {
            fmt_stmt(o, s->init);
            outs(o, "; ");
        }
        fmt_expr(o, s->cond, 0);
        outs(o, " { ");
        fmt_stmts(o, &s->then->stmts);
        outs(o, " }");
        if (s->els) {
            outs(o, " else { ");
            fmt_stmt(o, s->els);
            outs(o, " }");
        }
        return;
    }
    case AST_LABELED_STMT:
        outf(o, "%s: ", AST_AS(AstLabeledStmt, n)->label->value);
        return;
    case AST_BRANCH_STMT: {
        const AstBranchStmt *br = AST_AS(AstBranchStmt, n);
        outs(o, br->tok == TOK_BREAK ? "break" : br->tok == TOK_CONTINUE ? "continue" :
                br->tok == TOK_GOTO ? "goto" : "fallthrough");
        if (br->label) outf(o, " %s", br->label->value);
        return;
    }
    case AST_CASE_CLAUSE: {   /* gc's OCASE: "case a, b: s1; s2", "default: s" */
        const AstCaseClause *cc = AST_AS(AstCaseClause, n);
        if (cc->cases) {
            outs(o, "case ");
            fmt_expr(o, cc->cases, 0);
        } else {
            outs(o, "default");
        }
        outs(o, ": ");
        fmt_stmts(o, &cc->body);
        return;
    }
    case AST_EXPR_STMT:
        fmt_expr(o, AST_AS(AstExprStmt, n)->x, 0);
        return;
    case AST_RANGE_CLAUSE:
        outs(o, "for loop");     /* gc's ORANGE outside export format */
        return;
    case AST_VAR_DECL: {
        const AstVarDecl *v = AST_AS(AstVarDecl, n);   /* gc's OAS: "x = v" */
        for (int i = 0; i < v->names.n; i++) {
            if (i) outs(o, ", ");
            outs(o, v->names.items[i]->value);
        }
        if (v->values) {
            outs(o, " = ");
            fmt_expr(o, v->values, 0);
        }
        return;
    }
    default: {
        char buf[256];
        outs(o, ast_string(n, buf, sizeof buf));
        return;
    }
    }
}

/* Is n a statement node (printed by fmt_stmt)? */
static bool is_stmt(const AstNode *n) {
    return n->kind >= AST_EMPTY_STMT || n->kind == AST_VAR_DECL;
}

/* n as esc_node_string prints it, devirtualized calls as c records them. */
static char *node_string(const EscCtx *c, const AstNode *n, char *buf, size_t size) {
    Out o = {buf, size, 0, c};
    if (size) buf[0] = 0;
    if (!n) outs(&o, "<nil>");
    else if (is_stmt(n)) fmt_stmt(&o, n);
    else fmt_expr(&o, n, 0);
    return buf;
}

char *esc_node_string(const AstNode *n, char *buf, size_t size) {
    return node_string(NULL, n, buf, size);
}

/* ---- locations and messages ------------------------------------------- */

char *esc_loc_string(const EscLoc *l, char *buf, size_t size) {
    if (size) buf[0] = 0;
    if (l->var && l->var->name) {
        snprintf(buf, size, "%s", l->var->name);
        return buf;
    }
    if (l->result_index > 0) {
        snprintf(buf, size, "~r%d", l->result_index - 1);
        return buf;
    }
    if (l->ddd) {
        snprintf(buf, size, "... argument");
        return buf;
    }
    if (l->n) return node_string(l->batch ? l->batch->ctx : NULL, l->n, buf, size);
    if (l->autotmp) snprintf(buf, size, ".autotmp_%d", l->autotmp);
    else if (l->wrapper) snprintf(buf, size, "func literal");
    else snprintf(buf, size, "{temp}");
    return buf;
}

Pos esc_loc_pos(const EscLoc *l) {
    if (l->pos) return l->pos;
    if (l->var) return l->var->pos;
    return l->n ? l->n->pos : POS_NONE;
}

char *esc_explain_loc(EscBatch *b, const EscLoc *l, char *buf, size_t size) {
    if (l == &b->heap) {
        snprintf(buf, size, "{heap}");
        return buf;
    }
    if (l->var || l->result_index > 0 || l->autotmp) return esc_loc_string(l, buf, size);
    if (!l->n && !l->wrapper) {
        snprintf(buf, size, "{temp}");
        return buf;
    }
    char what[480];
    esc_loc_string(l, what, sizeof what);
    snprintf(buf, size, "{storage for %s}", what);
    return buf;
}

char *esc_type_string(Type *t, char *buf, size_t size) {
    Out o = {buf, size, 0, NULL};
    if (size) buf[0] = 0;
    fmt_type(&o, t);
    return buf;
}

/* Writes pos as gc does: "x.go:3:7", or "<autogenerated>:1" for the
 * method wrappers gc generates. */
static void format_pos(const EscCtx *c, Pos pos, char *buf, size_t size) {
    if (pos == ESC_POS_AUTOGEN) snprintf(buf, size, "<autogenerated>:1");
    else diag_format_pos(c->diag, pos, buf, size);
}

void esc_warn(EscCtx *c, Pos pos, const char *fmt, ...) {
    if (!fmt) return; /* never; lets gcc's -Wformat-overflow see fmt is set */
    char where[512];
    FILE *out = c->cfg->out ? c->cfg->out : stdout;
    format_pos(c, pos, where, sizeof where);
    fprintf(out, "%s: ", where);
    va_list ap;
    va_start(ap, fmt);
    vfprintf(out, fmt, ap);
    va_end(ap);
    fputc('\n', out);
}

void esc_explain_path_step(EscBatch *b, Pos pos, EscLoc *dst, EscLoc *src, int derefs, EscNote *notes) {
    char d[512], s[512], ops[64];
    if (derefs < 0) snprintf(ops, sizeof ops, "&");
    else {
        int k = derefs < (int)sizeof ops - 1 ? derefs : (int)sizeof ops - 1;
        memset(ops, '*', (size_t)k);
        ops[k] = 0;
    }
    esc_warn(b->ctx, pos, "  flow: %s = %s%s:", esc_explain_loc(b, dst, d, sizeof d), ops,
             esc_explain_loc(b, src, s, sizeof s));
    /* notes were pushed innermost last: print the list from its head, as gc */
    for (EscNote *note = notes; note; note = note->next) {
        char what[512], at[256];
        if (note->text) snprintf(what, sizeof what, "%s", note->text);
        else if (note->ddd) snprintf(what, sizeof what, "... argument");
        else node_string(b->ctx, note->node, what, sizeof what);
        format_pos(b->ctx, note->where, at, sizeof at);
        esc_warn(b->ctx, pos, "    from %s (%s) at %s", what, note->why, at);
    }
}

void esc_explain_flow(EscBatch *b, EscLoc *root, EscLoc *src, int derefs, EscNote *notes) {
    esc_explain_path_step(b, esc_loc_pos(src), root, src, derefs, notes);
}

/* Marks the AST node or Object of loc with the decision. */
static void mark(const EscLoc *l, bool heap) {
    if (l->var) {
        if (heap) l->var->flags |= OBJ_HEAP;
        return;
    }
    AstNode *n = (AstNode *)l->n;
    if (l->conv) n->flags |= AST_ESC_CONV_SITE | (heap ? AST_ESC_CONV_HEAP : 0);
    else if (l->ddd) n->flags |= AST_ESC_DDD_SITE | (heap ? AST_ESC_DDD_HEAP : 0);
    else {
        n->flags |= AST_ESC_SITE | (heap ? AST_ESC_HEAP : 0);
        if (!heap && l->transient) n->flags |= AST_ESC_TRANSIENT;
    }
}

void esc_report_batch(EscBatch *b) {
    EscCtx *c = b->ctx;
    bool m = c->cfg->m > 0;
    for (int i = 0; i < b->nall; i++) {
        EscLoc *l = b->all_locs[i];
        if (!l->n && !l->var) continue;
        if (l->escapes) {
            if (m) {
                char what[1024];
                esc_loc_string(l, what, sizeof what);
                if (l->var) esc_warn(c, esc_loc_pos(l), "moved to heap: %s", what);
                else esc_warn(c, esc_loc_pos(l), "%s escapes to heap", what);
            }
            mark(l, true);
        } else {
            if (m && !l->var) {
                char what[1024];
                esc_loc_string(l, what, sizeof what);
                esc_warn(c, esc_loc_pos(l), "%s does not escape", what);
            }
            mark(l, false);
        }
    }
}
