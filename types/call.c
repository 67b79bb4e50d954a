/* call.c — calls (function and method calls, conversions, builtins),
 * argument passing, and selectors: qualified identifiers, fields,
 * method values and method expressions (spec "Calls", "Selectors",
 * "Method expressions", "Built-in functions"). */
#include <string.h>

#include "types/check.h"

typedef struct Buf { char s[512]; } Buf;

#define TSTR(t, b) type_string((t), (b).s, sizeof (b).s)
#define OSTR(c, x, b) operand_string((c), (x), (b).s, sizeof (b).s)
#define ESTR(e, b) expr_string((e), (b).s, sizeof (b).s)

/* Arguments evaluated in place when a call has at most this many. */
enum { SMALL_ARGS = 8 };

/* The underlying type; the invalid type for a missing one. */
static Type *under(Type *t) { return t ? type_underlying(t) : type_invalid(); }
/* Whether t is missing or invalid (an error was reported). */
static bool is_invalid_type(Type *t) { return !t || type_underlying(t)->kind == TY_INVALID; }

/* Evaluates every argument of call for its side effects (after an error). */
static void use_args(Checker *c, AstCallExpr *call) {
    for (int i = 0; i < call->args.n; i++)
        check_use(c, call->args.items[i]);
}

/* Evaluates the arguments of call into *out (small when they fit): a
 * single multi-valued call expands to its results.  Returns the count. */
static int eval_args(Checker *c, AstCallExpr *call, Operand *small, Operand **out) {
    int n = call->args.n;
    *out = small;
    if (n == 1) {
        AstNode *e = call->args.items[0];
        int k = check_multi_expr(c, small, SMALL_ARGS, e, false);
        if (k > SMALL_ARGS) {
            Type *tup = AST_AS(AstExpr, e)->type;
            Operand *xs = ARENA_NEW_ARRAY(c->ast, Operand, k);
            for (int i = 0; i < k; i++) {
                xs[i].mode = MODE_VALUE;
                xs[i].expr = e;
                xs[i].type = tup->u.tuple.types[i];
            }
            *out = xs;
        }
        return k;
    }
    Operand *xs = n <= SMALL_ARGS ? small : ARENA_NEW_ARRAY(c->ast, Operand, n);
    for (int i = 0; i < n; i++)
        check_expr(c, &xs[i], call->args.items[i]);
    *out = xs;
    return n;
}

/* Writes a list of types as gc's have/want lines do: untyped numbers as
 * "number", other untyped kinds without "untyped ", a variadic last
 * parameter as ...T. */
static void types_summary(Type **types, int n, bool variadic, char *out, size_t size) {
    size_t len = 0;
    out[0] = 0;
    len += (size_t)snprintf(out + len, len < size ? size - len : 0, "(");
    for (int i = 0; i < n; i++) {
        Buf b;
        Type *t = types[i];
        const char *s;
        if (is_invalid_type(t))
            s = "<T>";
        else if (type_is_untyped(t))
            s = type_is_numeric(t) ? "number" : TSTR(t, b) + strlen("untyped ");
        else if (variadic && i == n - 1 && t->kind == TY_SLICE) {
            char e[480];
            snprintf(b.s, sizeof b.s, "...%s", type_string(t->u.array.elem, e, sizeof e));
            s = b.s;
        } else
            s = TSTR(t, b);
        len += (size_t)snprintf(out + len, len < size ? size - len : 0, "%s%s", i ? ", " : "", s);
    }
    snprintf(out + len, len < size ? size - len : 0, ")");
}

/* The type of the i-th parameter of sig, with a variadic parameter
 * spread over the extra arguments when spread is set. */
static Type *param_type(Type *sig, int i, bool spread) {
    Type *params = sig->u.func.params;
    int npars = params ? params->u.tuple.n : 0;
    if (spread && i >= npars - 1) {
        Type *last = params->u.tuple.types[npars - 1];
        return under(last)->kind == TY_SLICE ? under(last)->u.array.elem : type_invalid();
    }
    return params->u.tuple.types[i];
}

/* Checks the arguments of a call of sig: their count (with gc's have/want
 * lines) and that each is assignable to its parameter. */
static void check_arguments(Checker *c, AstCallExpr *call, Type *sig, Operand *args, int nargs) {
    Buf b1, b2;
    for (int i = 0; i < nargs; i++)
        if (args[i].mode == MODE_INVALID)
            return;
    Type *params = sig->u.func.params;
    int npars = params ? params->u.tuple.n : 0;
    bool variadic = sig->u.func.variadic, ddd = call->has_dots, spread = false;
    Pos call_pos = ast_start_pos(&call->expr.node);
    if (variadic) {
        if (ddd) {
            if (call->args.n == 1 && nargs > 1) {
                check_errorf(c, call_pos, "cannot use ... with %d-valued %s", nargs, ESTR(call->args.items[0], b1));
                return;
            }
        } else if (nargs >= npars - 1) {
            spread = true;
            npars = nargs;
        } else {
            npars--;
        }
    } else if (ddd) {
        check_errorf(c, call_pos, "cannot use ... in call to non-variadic %s", ESTR(call->fun, b1));
        return;
    }
    if (nargs != npars) {
        Pos at = call_pos;
        const char *qualifier = "not enough";
        if (nargs > npars) {
            at = ast_start_pos(args[npars].expr);
            qualifier = "too many";
        } else if (nargs > 0) {
            at = ast_start_pos(args[nargs - 1].expr);
        }
        Type *have_small[SMALL_ARGS];
        Type **have = nargs <= SMALL_ARGS ? have_small : ARENA_NEW_ARRAY(c->ast, Type *, nargs);
        for (int i = 0; i < nargs; i++)
            have[i] = args[i].type;
        char hs[1024], ws[1024];
        types_summary(have, nargs, false, hs, sizeof hs);
        types_summary(params ? params->u.tuple.types : NULL, params ? params->u.tuple.n : 0, variadic, ws, sizeof ws);
        check_errorf(c, at, "%s arguments in call to %s\n\thave %s\n\twant %s", qualifier, ESTR(call->fun, b1), hs, ws);
        return;
    }
    char context[600];
    snprintf(context, sizeof context, "argument to %s", ESTR(call->fun, b2));
    for (int i = 0; i < nargs; i++)
        check_assignable_to(c, &args[i], param_type(sig, i, spread), context);
}

/* T(x): a conversion. */
static void check_conversion_call(Checker *c, Operand *x, AstCallExpr *call) {
    Buf b;
    Type *t = x->type;
    x->mode = MODE_INVALID;
    int n = call->args.n;
    if (n == 0) {
        check_errorf(c, ast_start_pos(&call->expr.node), "missing argument in conversion to %s", TSTR(t, b));
        return;
    }
    if (n > 1) {
        use_args(c, call);
        check_errorf(c, ast_start_pos(call->args.items[n - 1]), "too many arguments in conversion to %s", TSTR(t, b));
        x->mode = MODE_INVALID;
        return;
    }
    check_expr(c, x, call->args.items[0]);
    if (x->mode == MODE_INVALID)
        return;
    if (call->has_dots) {
        check_errorf(c, ast_start_pos(call->args.items[0]), "invalid use of ... in conversion to %s", TSTR(t, b));
        x->mode = MODE_INVALID;
        return;
    }
    check_conversion(c, x, t);
}

/* Checks a call expression: a conversion, a builtin, or a call of a
 * function value or method. */
void check_call(Checker *c, Operand *x, AstCallExpr *call) {
    Buf b;
    check_expr_or_type(c, x, call->fun);
    switch (x->mode) {
    case MODE_INVALID:
        use_args(c, call);
        x->expr = &call->expr.node;
        return;
    case MODE_TYPEXPR:
        check_conversion_call(c, x, call);
        x->expr = &call->expr.node;
        return;
    case MODE_BUILTIN:
        check_builtin(c, x, call, x->builtin);
        x->expr = &call->expr.node;
        return;
    default:
        break;
    }
    AstNode *fun = ast_unparen(call->fun);
    if (fun->kind == AST_SELECTOR_EXPR) {
        AstSelectorExpr *se = AST_AS(AstSelectorExpr, fun);
        if (se->sel_kind == AST_SEL_METHOD_VALUE) se->sel_kind = AST_SEL_METHOD;
        else if (se->sel_kind == AST_SEL_IFACE_METHOD_VALUE) se->sel_kind = AST_SEL_IFACE_METHOD;
    }
    Type *sig = under(x->type);
    if (sig->kind != TY_FUNC) {
        check_errorf(c, ast_start_pos(x->expr), "invalid operation: cannot call non-function %s", OSTR(c, x, b));
        use_args(c, call);
        x->mode = MODE_INVALID;
        x->expr = &call->expr.node;
        return;
    }
    Operand small[SMALL_ARGS], *args;
    int nargs = eval_args(c, call, small, &args);
    check_arguments(c, call, sig, args, nargs);
    Type *res = sig->u.func.results;
    int nres = res ? res->u.tuple.n : 0;
    memset(&x->val, 0, sizeof x->val);
    if (nres == 0) {
        x->mode = MODE_NOVALUE;
        x->type = res ? res : type_new_tuple(c->ast, NULL, NULL, 0);
    } else if (nres == 1) {
        x->mode = MODE_VALUE;
        x->type = res->u.tuple.types[0];
    } else {
        x->mode = MODE_VALUE;
        x->type = res;
    }
    x->expr = &call->expr.node;
}

/* ---- selectors ------------------------------------------------------------ */

/* p.name for an imported package p. */
static void check_qualified(Checker *c, Operand *x, AstSelectorExpr *e, Object *pkg_obj) {
    Buf b;
    const char *sel = e->sel->value;
    Package *pkg = pkg_obj->u.imported;
    AST_AS(AstName, e->x)->obj = pkg_obj;
    pkg_obj->flags |= OBJ_USED;
    Object *exp = pkg && pkg->scope ? scope_lookup_local(pkg->scope, sel) : NULL;
    if (!exp) {
        if (pkg && pkg->fake && stdlib_declares(pkg->path, sel)) {
            char what[300];
            snprintf(what, sizeof what, "%s.%s", pkg->path, sel);
            check_unsupported(c, e->sel->expr.node.pos, what);
            return;
        }
        check_errorf(c, e->sel->expr.node.pos, "undefined: %s", ESTR(&e->expr.node, b));
        return;
    }
    if (!name_is_exported(sel))
        check_errorf(c, e->sel->expr.node.pos, "name %s not exported by package %s", sel, pkg->name);
    e->sel->obj = exp;
    e->sel_kind = AST_SEL_QUALIFIED;
    x->type = exp->type;
    switch (exp->kind) {
    case OBJ_CONST:
        x->mode = MODE_CONSTANT;
        x->val = exp->u.val ? *exp->u.val : const_make_unknown();
        break;
    case OBJ_TYPE:
        x->mode = MODE_TYPEXPR;
        break;
    case OBJ_VAR:
        x->mode = MODE_VARIABLE;
        break;
    case OBJ_FUNC:
        x->mode = MODE_VALUE;
        break;
    case OBJ_BUILTIN:
        x->mode = MODE_BUILTIN;
        x->builtin = exp->u.builtin;
        x->type = type_invalid();
        break;
    default:
        check_errorf(c, e->sel->expr.node.pos, "undefined: %s", ESTR(&e->expr.node, b));
        return;
    }
    if (x->mode != MODE_BUILTIN && is_invalid_type(x->type))
        x->mode = MODE_INVALID;
}

/* The function type of method m without its receiver (a method value). */
static Type *method_value_type(Checker *c, Type *sig) {
    return type_new_func(c->perm, NULL, sig->u.func.params, sig->u.func.results, sig->u.func.variadic);
}

/* The function type of the method expression T.m: the receiver becomes
 * the first parameter. */
static Type *method_expr_type(Checker *c, Type *recv, Type *sig) {
    Type *params = sig->u.func.params;
    int n = params ? params->u.tuple.n : 0;
    Type **types = ARENA_NEW_ARRAY(c->perm, Type *, n + 1);
    const char **names = NULL;
    types[0] = recv;
    for (int i = 0; i < n; i++)
        types[i + 1] = params->u.tuple.types[i];
    if (params && params->u.tuple.names && n > 0 && params->u.tuple.names[0]) {
        names = ARENA_NEW_ARRAY(c->perm, const char *, n + 1);
        names[0] = "_";
        for (int i = 0; i < n; i++)
            names[i + 1] = params->u.tuple.names[i];
    }
    Type *tup = type_new_tuple(c->perm, types, names, n + 1);
    return type_new_func(c->perm, NULL, tup, sig->u.func.results, sig->u.func.variadic);
}

/* Reports x.sel not found, with gc's explanation. */
static void report_missing(Checker *c, Operand *x, AstSelectorExpr *e, const char *sel, Selection *s) {
    Buf bx, bt;
    Pos pos = e->sel->expr.node.pos;
    ESTR(e->x, bx);
    TSTR(x->type, bt);
    if (s->kind == SEL_AMBIGUOUS) {
        check_errorf(c, pos, "ambiguous selector %s.%s", bx.s, sel);
        return;
    }
    if (s->method) {
        check_errorf(c, pos, "cannot call pointer method %s on %s", sel, bt.s);
        return;
    }
    char why[1200];
    Type *u = under(x->type);
    if (u->kind == TY_POINTER && type_is_interface(u->u.array.elem)) {
        snprintf(why, sizeof why, "type %s is pointer to interface, not interface", bt.s);
    } else {
        snprintf(why, sizeof why, "type %s has no field or method %s", bt.s, sel);
        size_t n = strlen(sel);
        char other[256];
        if (n > 0 && n < sizeof other) {
            memcpy(other, sel, n + 1);
            char ch = other[0];
            if (ch >= 'a' && ch <= 'z')
                other[0] = (char)(ch - 'a' + 'A');
            else if (ch >= 'A' && ch <= 'Z')
                other[0] = (char)(ch - 'A' + 'a');
            if (other[0] != ch) {
                const char *name = intern(c->names, other, n);
                Selection alt = lookup_field_or_method(c, x->type, x->mode == MODE_VARIABLE, c->pkg, name);
                if (alt.kind == SEL_FIELD || alt.kind == SEL_METHOD) {
                    size_t len = strlen(why);
                    snprintf(why + len, sizeof why - len, ", but does have %s", other);
                }
            }
        }
    }
    check_errorf(c, pos, "%s.%s undefined (%s)", bx.s, sel, why);
}

/* Records in e how selection s resolved it (kind: an AstSelKind). */
static void record_selection(Checker *c, AstSelectorExpr *e, const Selection *s, int kind) {
    e->sel_kind = (uint8_t)kind;
    e->indirect = s->indirect;
    e->npath = s->depth + 1;
    e->path = ARENA_NEW_ARRAY(c->ast, int32_t, e->npath);
    for (int i = 0; i < e->npath; i++) e->path[i] = s->path[i];
}

/* Whether t is a named type of the package being checked whose
 * declaration, an interface type literal, is being resolved. */
static bool defining_interface(Checker *c, Type *t) {
    if (!t || t->kind != TY_NAMED || t->u.named.underlying) return false;
    Object *obj = t->u.named.obj;
    if (!(obj->flags & OBJ_PKG_LEVEL) || obj->decl_index >= c->ndecls || c->decls[obj->decl_index].obj != obj)
        return false;
    AstNode *d = c->decls[obj->decl_index].decl;
    return d->kind == AST_TYPE_DECL && ast_unparen(AST_AS(AstTypeDecl, d)->type)->kind == AST_INTERFACE_TYPE;
}

/* Checks x.sel: a qualified identifier, a field, a method value or a
 * method expression. */
void check_selector(Checker *c, Operand *x, AstSelectorExpr *e) {
    Buf b;
    const char *sel = e->sel->value;
    x->mode = MODE_INVALID;
    if (e->x->kind == AST_NAME) {
        Object *obj = scope_lookup(c->scope, AST_AS(AstName, e->x)->value, NULL);
        if (obj && obj->kind == OBJ_PKG) {
            check_qualified(c, x, e, obj);
            x->expr = &e->expr.node;
            return;
        }
    }
    check_expr_or_type(c, x, e->x);
    if (x->mode == MODE_INVALID)
        goto error;
    if (x->mode == MODE_BUILTIN) {
        check_errorf(c, e->expr.node.pos, "cannot select on %s", ESTR(e->x, b));
        goto error;
    }
    if (x->mode == MODE_TYPEXPR && defining_interface(c, x->type)) {
        /* I.m inside I's own definition: as gc, I has no methods yet */
        Buf bx, bt;
        check_errorf(c, e->sel->expr.node.pos, "%s.%s undefined (type %s has no field or method %s)",
                     ESTR(e->x, bx), sel, TSTR(x->type, bt), sel);
        goto error;
    }
    if (is_invalid_type(x->type))
        goto error;
    if (under(x->type)->kind == TY_INTERFACE)
        interface_complete(c, under(x->type));
    Selection s = lookup_field_or_method(c, x->type, x->mode == MODE_VARIABLE, c->pkg, sel);
    if (s.kind != SEL_FIELD && s.kind != SEL_METHOD) {
        report_missing(c, x, e, sel, &s);
        goto error;
    }
    if (s.kind == SEL_METHOD && !s.method->type)
        check_obj_decl(c, s.method);
    if (x->mode == MODE_TYPEXPR) {
        if (s.kind != SEL_METHOD) {
            Buf bx, bt;
            check_errorf(c, e->sel->expr.node.pos, "%s.%s undefined (type %s has no method %s)", ESTR(e->x, bx), sel,
                         TSTR(x->type, bt), sel);
            goto error;
        }
        Type *sig = s.method->type;
        if (!sig || sig->kind != TY_FUNC)
            goto error;
        e->sel->obj = s.method;
        check_record_use(c, s.method);
        record_selection(c, e, &s, AST_SEL_METHOD_EXPR);
        x->mode = MODE_VALUE;
        x->type = method_expr_type(c, x->type, sig);
    } else if (s.kind == SEL_FIELD) {
        record_selection(c, e, &s, AST_SEL_FIELD);
        x->mode = (x->mode == MODE_VARIABLE || s.indirect) ? MODE_VARIABLE : MODE_VALUE;
        x->type = s.field->type;
    } else {
        Type *sig = s.method->type;
        if (!sig || sig->kind != TY_FUNC)
            goto error;
        e->sel->obj = s.method;
        check_record_use(c, s.method);
        Type *recv = sig->u.func.recv;
        if (recv && recv->kind == TY_POINTER && !s.indirect && x->mode == MODE_VARIABLE)
            check_mark_addr_taken(c, e->x);
        /* check_call turns a value into a call when it calls it */
        bool iface = !recv || type_is_interface(recv);
        record_selection(c, e, &s, iface ? AST_SEL_IFACE_METHOD_VALUE : AST_SEL_METHOD_VALUE);
        x->mode = MODE_VALUE;
        x->type = method_value_type(c, sig);
    }
    x->expr = &e->expr.node;
    return;

error:
    x->mode = MODE_INVALID;
    x->expr = &e->expr.node;
}

/* ---- builtins ------------------------------------------------------------- */

typedef struct BuiltinInfo {
    const char *name;      /* as in messages */
    int nargs;             /* required arguments */
    bool variadic;
} BuiltinInfo;

static const BuiltinInfo BUILTINS[] = {
    [BUILTIN_NONE] = {"", 0, false},
    [BUILTIN_APPEND] = {"append", 1, true},
    [BUILTIN_CAP] = {"cap", 1, false},
    [BUILTIN_CLOSE] = {"close", 1, false},
    [BUILTIN_COMPLEX] = {"complex", 2, false},
    [BUILTIN_COPY] = {"copy", 2, false},
    [BUILTIN_DELETE] = {"delete", 2, false},
    [BUILTIN_IMAG] = {"imag", 1, false},
    [BUILTIN_LEN] = {"len", 1, false},
    [BUILTIN_MAKE] = {"make", 1, true},
    [BUILTIN_NEW] = {"new", 1, false},
    [BUILTIN_PANIC] = {"panic", 1, false},
    [BUILTIN_PRINT] = {"print", 0, true},
    [BUILTIN_PRINTLN] = {"println", 0, true},
    [BUILTIN_REAL] = {"real", 1, false},
    [BUILTIN_RECOVER] = {"recover", 0, false},
    [BUILTIN_ALIGNOF] = {"Alignof", 1, false},
    [BUILTIN_OFFSETOF] = {"Offsetof", 1, false},
    [BUILTIN_SIZEOF] = {"Sizeof", 1, false},
    [BUILTIN_ADD] = {"Add", 2, false},
    [BUILTIN_SLICE] = {"Slice", 2, false},
};

/* Whether e contains a function call or a channel receive (then len and
 * cap of an array are not constant).  Conversions and constant builtin
 * calls do not count; function literals are not entered. */
static bool has_call_or_recv(AstNode *e) {
    if (!e)
        return false;
    switch (e->kind) {
    case AST_PAREN_EXPR:
        return has_call_or_recv(AST_AS(AstParenExpr, e)->x);
    case AST_SELECTOR_EXPR:
        return has_call_or_recv(AST_AS(AstSelectorExpr, e)->x);
    case AST_INDEX_EXPR:
        return has_call_or_recv(AST_AS(AstIndexExpr, e)->x) || has_call_or_recv(AST_AS(AstIndexExpr, e)->index);
    case AST_SLICE_EXPR: {
        AstSliceExpr *s = AST_AS(AstSliceExpr, e);
        return has_call_or_recv(s->x) || has_call_or_recv(s->index[0]) || has_call_or_recv(s->index[1]) ||
               has_call_or_recv(s->index[2]);
    }
    case AST_ASSERT_EXPR:
        return has_call_or_recv(AST_AS(AstAssertExpr, e)->x);
    case AST_KEY_VALUE_EXPR:
        return has_call_or_recv(AST_AS(AstKeyValueExpr, e)->key) || has_call_or_recv(AST_AS(AstKeyValueExpr, e)->value);
    case AST_COMPOSITE_LIT: {
        AstCompositeLit *l = AST_AS(AstCompositeLit, e);
        for (int i = 0; i < l->elems.n; i++)
            if (has_call_or_recv(l->elems.items[i]))
                return true;
        return false;
    }
    case AST_OPERATION: {
        AstOperation *op = AST_AS(AstOperation, e);
        if (!op->y && op->op == OP_RECV)
            return true;
        return has_call_or_recv(op->x) || has_call_or_recv(op->y);
    }
    case AST_CALL_EXPR: {
        AstCallExpr *call = AST_AS(AstCallExpr, e);
        if (call->expr.cval)
            return false;       /* a constant (builtin) call */
        AstNode *f = ast_unparen(call->fun);
        bool conversion = f->kind >= AST_ARRAY_TYPE && f->kind <= AST_CHAN_TYPE;
        if (f->kind == AST_NAME && AST_AS(AstName, f)->obj && AST_AS(AstName, f)->obj->kind == OBJ_TYPE)
            conversion = true;
        if (f->kind == AST_SELECTOR_EXPR) {
            Object *o = AST_AS(AstSelectorExpr, f)->sel->obj;
            if (o && o->kind == OBJ_TYPE)
                conversion = true;
        }
        if (f->kind == AST_OPERATION && AST_AS(AstOperation, f)->op == OP_MUL && !AST_AS(AstOperation, f)->y)
            conversion = true;  /* (*T)(x) */
        if (!conversion)
            return true;
        for (int i = 0; i < call->args.n; i++)
            if (has_call_or_recv(call->args.items[i]))
                return true;
        return false;
    }
    default:
        return false;
    }
}

/* A builtin call result that is a constant of type uintptr. */
static void set_uintptr_const(Operand *x, int64_t v) {
    x->mode = MODE_CONSTANT;
    x->val = const_make_int64(v);
    x->type = type_basic(TY_UINTPTR);
}

/* append(s, x...) */
static bool builtin_append(Checker *c, Operand *x, AstCallExpr *call, Operand *args, int nargs) {
    Buf b;
    Type *s = x->type;
    Type *su = under(s);
    if (su->kind != TY_SLICE) {
        if (x->type->kind == TY_UNTYPED_NIL)
            check_errorf(c, ast_start_pos(x->expr), "first argument to append must be a slice; have untyped nil");
        else
            check_errorf(c, ast_start_pos(x->expr), "first argument to append must be a slice; %s%s", "have ",
                         OSTR(c, x, b));
        return false;
    }
    if (nargs == 2 && call->has_dots && type_identical(su->u.array.elem, type_basic(TY_UINT8)) &&
        type_is_string(args[1].type)) {
        check_assignable_to(c, &args[1], NULL, "argument to append");
        x->mode = MODE_VALUE;
        x->type = s;
        return true;
    }
    /* the signature func(S, ...T) S, built in scratch memory for the check */
    Arena *tmp = mem_scratch(c->mem);
    ArenaMark mark = arena_mark(tmp);
    Type **ps = ARENA_NEW_ARRAY(tmp, Type *, 2);
    ps[0] = s;
    ps[1] = su;
    Type *params = type_new_tuple(tmp, ps, NULL, 2);
    Type *results = type_new_tuple(tmp, ps, NULL, 1);
    Type *sig = type_new_func(tmp, NULL, params, results, true);
    check_arguments(c, call, sig, args, nargs);
    arena_release(tmp, mark);
    x->mode = MODE_VALUE;
    x->type = s;
    return true;
}

/* len(x), cap(x) */
static bool builtin_len_cap(Checker *c, Operand *x, AstCallExpr *call, Builtin id) {
    Buf b;
    Type *u = under(x->type);
    if (u->kind == TY_POINTER && under(u->u.array.elem)->kind == TY_ARRAY)
        u = under(u->u.array.elem);
    OperandMode mode = MODE_INVALID;
    Const val = const_make_unknown();
    switch (u->kind) {
    case TY_STRING: case TY_UNTYPED_STRING:
        if (id == BUILTIN_LEN) {
            if (x->mode == MODE_CONSTANT && x->val.kind == CONST_STRING) {
                mode = MODE_CONSTANT;
                val = const_make_int64(x->val.u.str.len);
            } else {
                mode = MODE_VALUE;
            }
        }
        break;
    case TY_ARRAY:
        mode = MODE_VALUE;
        if (!has_call_or_recv(call->args.items[0])) {
            mode = MODE_CONSTANT;
            val = u->u.array.len < 0 ? const_make_unknown() : const_make_int64(u->u.array.len);
        }
        break;
    case TY_SLICE: case TY_CHAN:
        mode = MODE_VALUE;
        break;
    case TY_MAP:
        if (id == BUILTIN_LEN)
            mode = MODE_VALUE;
        break;
    default:
        break;
    }
    if (mode == MODE_INVALID) {
        if (!is_invalid_type(x->type))
            check_errorf(c, ast_start_pos(x->expr), "invalid argument: %s for %s", OSTR(c, x, b), BUILTINS[id].name);
        return false;
    }
    if (type_is_untyped(x->type))
        check_convert_untyped(c, x, NULL);
    x->mode = mode;
    x->type = type_basic(TY_INT);
    x->val = val;
    return true;
}

/* copy(dst, src) */
static bool builtin_copy(Checker *c, Operand *x, Operand *y) {
    Buf b1, b2, b3, b4;
    Type *dst = under(x->type), *src = under(y->type);
    Type *src_elem = NULL;
    if (src->kind == TY_SLICE)
        src_elem = src->u.array.elem;
    else if (type_is_string(src))
        src_elem = type_byte();
    if (dst->kind != TY_SLICE || !src_elem) {
        check_errorf(c, ast_start_pos(x->expr), "invalid argument: copy expects slice arguments; found %s and %s",
                     OSTR(c, x, b1), OSTR(c, y, b2));
        return false;
    }
    if (!type_identical(dst->u.array.elem, src_elem)) {
        check_errorf(c, ast_start_pos(x->expr),
                     "invalid argument: arguments to copy %s and %s have different element types %s and %s",
                     OSTR(c, x, b1), OSTR(c, y, b2), TSTR(dst->u.array.elem, b3), TSTR(src_elem, b4));
        return false;
    }
    if (type_is_untyped(y->type))
        check_convert_untyped(c, y, NULL);
    x->mode = MODE_VALUE;
    x->type = type_basic(TY_INT);
    return true;
}

/* make(T, n[, m]) */
static bool builtin_make(Checker *c, Operand *x, AstCallExpr *call) {
    Buf b;
    AstNode *arg0 = call->args.items[0];
    Type *t = check_type_expr(c, arg0);
    if (is_invalid_type(t)) {
        for (int i = 1; i < call->args.n; i++)
            check_use(c, call->args.items[i]);
        return false;
    }
    int min;
    switch (under(t)->kind) {
    case TY_SLICE: min = 2; break;
    case TY_MAP: case TY_CHAN: min = 1; break;
    default:
        check_errorf(c, ast_start_pos(arg0), "invalid argument: cannot make %s; type must be slice, map, or channel",
                     ESTR(arg0, b));
        return false;
    }
    int nargs = call->args.n;
    if (nargs < min || min + 1 < nargs) {
        check_errorf(c, ast_start_pos(&call->expr.node), "invalid operation: %s expects %d or %d arguments; found %d",
                     ESTR(&call->expr.node, b), min, min + 1, nargs);
        return false;
    }
    int64_t sizes[2];
    int nsizes = 0;
    for (int i = 1; i < nargs; i++) {
        int64_t v = -1;
        check_index_value(c, call->args.items[i], -1, &v);
        if (v >= 0)
            sizes[nsizes++] = v;
    }
    if (nsizes == 2 && sizes[0] > sizes[1])
        check_errorf(c, ast_start_pos(call->args.items[1]), "invalid argument: length and capacity swapped");
    if (under(t)->kind == TY_CHAN)
        c->prog->uses_goroutines = true;
    x->mode = MODE_VALUE;
    x->type = t;
    return true;
}

/* unsafe.Offsetof(s.f) */
static bool builtin_offsetof(Checker *c, Operand *x, AstCallExpr *call) {
    Buf b1, b2;
    AstNode *arg0 = call->args.items[0];
    AstNode *selx = ast_unparen(arg0);
    if (selx->kind != AST_SELECTOR_EXPR) {
        check_errorf(c, ast_start_pos(arg0), "invalid argument: %s is not a selector expression", ESTR(arg0, b1));
        check_use(c, arg0);
        return false;
    }
    AstSelectorExpr *se = AST_AS(AstSelectorExpr, selx);
    check_expr(c, x, se->x);
    if (x->mode == MODE_INVALID)
        return false;
    Type *base = x->type;
    if (under(base)->kind == TY_POINTER && under(under(base)->u.array.elem)->kind == TY_STRUCT)
        base = under(base)->u.array.elem;
    const char *sel = se->sel->value;
    Selection s = lookup_field_or_method(c, base, false, c->pkg, sel);
    if (s.kind == SEL_METHOD) {
        check_errorf(c, ast_start_pos(arg0), "invalid argument: %s is a method value", ESTR(arg0, b1));
        return false;
    }
    if (s.kind != SEL_FIELD) {
        check_errorf(c, ast_start_pos(x->expr), "invalid argument: %s has no single field %s", TSTR(base, b1), sel);
        return false;
    }
    if (s.indirect) {
        check_errorf(c, ast_start_pos(x->expr), "invalid argument: field %s is embedded via a pointer in %s", sel,
                     TSTR(base, b2));
        return false;
    }
    /* the offset: sum of the offsets along the embedding path */
    int64_t off = 0;
    Type *t = base;
    for (int i = 0; i <= s.depth; i++) {
        Type *u = under(t);
        if (u->kind == TY_POINTER)
            u = under(u->u.array.elem);
        if (u->kind != TY_STRUCT)
            break;
        type_size(u);
        TypeField *f = &u->u.strct.fields[s.path[i]];
        off += f->offset;
        t = f->type;
    }
    Operand fx = {.mode = x->mode == MODE_VARIABLE ? MODE_VARIABLE : MODE_VALUE, .expr = selx, .type = s.field->type};
    check_record(c, selx, &fx);
    set_uintptr_const(x, off);
    return true;
}

/* Checks a call of builtin id; the result is in x. */
void check_builtin(Checker *c, Operand *x, AstCallExpr *call, Builtin id) {
    Buf b;
    const BuiltinInfo *bin = &BUILTINS[id];
    Pos call_pos = ast_start_pos(&call->expr.node);
    Operand small[SMALL_ARGS], *args = small;
    int nargs = call->args.n;
    x->mode = MODE_INVALID;
    if (id == BUILTIN_COMPLEX || id == BUILTIN_REAL || id == BUILTIN_IMAG) {
        check_unsupported(c, call_pos, "complex numbers");
        use_args(c, call);
        return;
    }
    if (call->has_dots && id != BUILTIN_APPEND) {
        check_errorf(c, call_pos, "invalid operation: invalid use of ... with built-in %s", bin->name);
        use_args(c, call);
        return;
    }
    if (id != BUILTIN_MAKE && id != BUILTIN_NEW && id != BUILTIN_OFFSETOF) {
        nargs = eval_args(c, call, small, &args);
        for (int i = 0; i < nargs; i++)
            if (args[i].mode == MODE_INVALID)
                return;
        if (nargs > 0)
            *x = args[0];
    }
    if (nargs < bin->nargs || (!bin->variadic && nargs > bin->nargs)) {
        check_errorf(c, call_pos, "invalid operation: %s arguments for %s (expected %d, found %d)",
                     nargs < bin->nargs ? "not enough" : "too many", ESTR(&call->expr.node, b), bin->nargs, nargs);
        x->mode = MODE_INVALID;
        return;
    }
    bool ok = false;
    switch (id) {
    case BUILTIN_APPEND:
        ok = builtin_append(c, x, call, args, nargs);
        break;
    case BUILTIN_CAP: case BUILTIN_LEN:
        ok = builtin_len_cap(c, x, call, id);
        break;
    case BUILTIN_CLOSE: {
        Type *u = under(x->type);
        if (u->kind != TY_CHAN) {
            check_errorf(c, ast_start_pos(x->expr), "invalid operation: cannot close non-channel %s", OSTR(c, x, b));
            break;
        }
        if (u->u.chan.dir == CHAN_RECV) {
            check_errorf(c, ast_start_pos(x->expr), "invalid operation: cannot close receive-only channel %s",
                         OSTR(c, x, b));
            break;
        }
        c->prog->uses_goroutines = true;
        x->mode = MODE_NOVALUE;
        ok = true;
        break;
    }
    case BUILTIN_COPY:
        ok = builtin_copy(c, x, &args[1]);
        break;
    case BUILTIN_DELETE: {
        Type *u = under(x->type);
        if (u->kind != TY_MAP) {
            check_errorf(c, ast_start_pos(x->expr), "invalid argument: %s is not a map", OSTR(c, x, b));
            break;
        }
        *x = args[1];
        if (!check_assignable_to(c, x, u->u.map.key, "argument to delete"))
            break;
        x->mode = MODE_NOVALUE;
        ok = true;
        break;
    }
    case BUILTIN_MAKE:
        ok = builtin_make(c, x, call);
        break;
    case BUILTIN_NEW: {
        Type *t = check_type_expr(c, call->args.items[0]);
        if (is_invalid_type(t))
            break;
        x->mode = MODE_VALUE;
        x->type = type_new_pointer(c->perm, t);
        ok = true;
        break;
    }
    case BUILTIN_PANIC:
        if (!check_assignable_to(c, x, type_any(), "argument to panic"))
            break;
        x->mode = MODE_NOVALUE;
        ok = true;
        break;
    case BUILTIN_PRINT: case BUILTIN_PRINTLN: {
        char context[64];
        snprintf(context, sizeof context, "argument to %s", bin->name);
        ok = true;
        for (int i = 0; i < nargs && ok; i++)
            ok = check_assignable_to(c, &args[i], NULL, context);
        if (ok)
            x->mode = MODE_NOVALUE;
        break;
    }
    case BUILTIN_RECOVER:
        x->mode = MODE_VALUE;
        x->type = type_any();
        ok = true;
        break;
    case BUILTIN_ADD: {
        if (!check_assignable_to(c, x, type_basic(TY_UNSAFE_POINTER), "argument to unsafe.Add"))
            break;
        if (!check_valid_index(c, &args[1], "length", true))
            break;
        x->mode = MODE_VALUE;
        x->type = type_basic(TY_UNSAFE_POINTER);
        ok = true;
        break;
    }
    case BUILTIN_ALIGNOF:
        if (!check_assignable_to(c, x, NULL, "argument to unsafe.Alignof"))
            break;
        set_uintptr_const(x, type_align(x->type));
        ok = true;
        break;
    case BUILTIN_OFFSETOF:
        ok = builtin_offsetof(c, x, call);
        break;
    case BUILTIN_SIZEOF:
        if (!check_assignable_to(c, x, NULL, "argument to unsafe.Sizeof"))
            break;
        set_uintptr_const(x, type_size(x->type));
        ok = true;
        break;
    case BUILTIN_SLICE: {
        Type *u = under(x->type);
        if (u->kind != TY_POINTER) {
            check_errorf(c, ast_start_pos(x->expr), "invalid argument: %s is not a pointer", OSTR(c, x, b));
            break;
        }
        if (!check_valid_index(c, &args[1], "length", false))
            break;
        x->mode = MODE_VALUE;
        x->type = type_new_slice(c->perm, u->u.array.elem);
        ok = true;
        break;
    }
    default:
        break;
    }
    if (!ok)
        x->mode = MODE_INVALID;
    if (x->mode == MODE_NOVALUE)
        x->type = type_new_tuple(c->ast, NULL, NULL, 0);
    x->expr = &call->expr.node;
}
