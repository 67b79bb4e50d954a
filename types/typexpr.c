/* typexpr.c — type expressions to Types: names and qualified names,
 * pointers, arrays, slices, maps, channels, functions (signatures), structs
 * and interfaces; the definitions of named types and aliases, with the
 * check that no type contains itself (types2's validType).
 *
 * Every Type made here lives in perm.  The AstExpr of a type expression
 * gets its Type in AstExpr.type. */
#include <string.h>

#include "types/check.h"

/* A Named type whose every reachable component was checked for cycles. */
enum { TYPE_VALIDATED = 1u << 30 };

/* Records t as the type denoted by e. */
static Type *record(AstNode *e, Type *t) {
    AST_AS(AstExpr, e)->type = t;
    return t;
}

/* Reports that e, already checked as an expression in x, is not a type. */
static Type *not_a_type(Checker *c, Operand *x) {
    char buf[1024];
    if (x->mode == MODE_INVALID) return type_invalid();
    if (x->mode == MODE_TYPEXPR) return x->type;
    if (x->mode == MODE_NOVALUE)
        check_errorf(c, ast_start_pos(x->expr), "%s used as type", operand_string(c, x, buf, sizeof buf));
    else
        check_errorf(c, ast_start_pos(x->expr), "%s is not a type", operand_string(c, x, buf, sizeof buf));
    return type_invalid();
}

/* The type an OBJ_TYPE denotes, resolving it first if needed. */
static Type *type_of_type_obj(Checker *c, Object *obj) {
    if ((obj->flags & OBJ_PKG_LEVEL) && obj->color != COLOR_BLACK) check_obj_decl(c, obj);
    if (!obj->type) {
        /* an alias met while its own definition is being resolved */
        check_type_cycle(c, obj);
        obj->type = type_invalid();
    }
    return obj->type;
}

/* A type name. */
static Type *name_type(Checker *c, AstName *n) {
    AstNode *e = &n->expr.node;
    if (strcmp(n->value, "_") == 0) {
        check_errorf(c, e->pos, "cannot use _ as value or type");
        return type_invalid();
    }
    Object *obj = scope_lookup(c->scope, n->value, NULL);
    if (!obj) {
        check_errorf(c, e->pos, "undefined: %s", n->value);
        return type_invalid();
    }
    if (obj->kind == OBJ_TYPE) {
        n->obj = obj;
        Type *t = type_of_type_obj(c, obj);
        if (t->kind == TY_COMPLEX64 || t->kind == TY_COMPLEX128) {
            check_unsupported(c, e->pos, "complex numbers");
            return type_invalid();
        }
        return t;
    }
    if (obj->kind == OBJ_PKG) {
        n->obj = obj;
        obj->flags |= OBJ_USED;
        check_errorf(c, e->pos, "use of package %s without selector", n->value);
        return type_invalid();
    }
    Operand x;
    check_expr_or_type(c, &x, e);
    return not_a_type(c, &x);
}

/* A qualified type name pkg.T (or some other selector, which is not a type). */
static Type *selector_type(Checker *c, AstSelectorExpr *s) {
    AstNode *x = ast_unparen(s->x);
    if (x->kind == AST_NAME) {
        AstName *pn = AST_AS(AstName, x);
        Object *pobj = scope_lookup(c->scope, pn->value, NULL);
        if (pobj && pobj->kind == OBJ_PKG) {
            pn->obj = pobj;
            pobj->flags |= OBJ_USED;
            Package *imp = pobj->u.imported;
            Object *obj = scope_lookup_local(imp->scope, s->sel->value);
            if (!obj || !(obj->flags & OBJ_EXPORTED)) {
                if (obj && !name_is_exported(s->sel->value)) {
                    check_errorf(c, s->sel->expr.node.pos, "name %s not exported by package %s", s->sel->value,
                                 imp->name);
                } else if (!obj && imp->fake && stdlib_declares(imp->path, s->sel->value)) {
                    char what[300];
                    snprintf(what, sizeof what, "%s.%s", imp->path, s->sel->value);
                    check_unsupported(c, s->sel->expr.node.pos, what);
                } else
                    check_errorf(c, s->sel->expr.node.pos, "undefined: %s.%s", pn->value, s->sel->value);
                return type_invalid();
            }
            s->sel->obj = obj;
            if (obj->kind == OBJ_TYPE) return type_of_type_obj(c, obj);
        }
    }
    Operand op;
    check_expr_or_type(c, &op, &s->expr.node);
    return not_a_type(c, &op);
}

/* Whether t and the types it contains by value have known underlying
 * types (a type being defined has none yet). */
static bool type_resolved(Type *t, int depth) {
    if (depth > 64) return true;
    switch (t->kind) {
    case TY_NAMED:
        return t->u.named.underlying && type_resolved(t->u.named.underlying, depth + 1);
    case TY_ARRAY:
        return type_resolved(t->u.array.elem, depth + 1);
    case TY_STRUCT:
        for (int i = 0; i < t->u.strct.n; i++)
            if (!type_resolved(t->u.strct.fields[i].type, depth + 1)) return false;
        return true;
    default:
        return true;
    }
}

/* The length of an array type (types2's arrayLength); -1 after an error. */
static int64_t array_length(Checker *c, AstNode *e) {
    char buf[1024];
    if (e->kind == AST_NAME) {
        AstName *n = AST_AS(AstName, e);
        Object *obj = scope_lookup(c->scope, n->value, NULL);
        if (!obj) {
            check_errorf(c, e->pos, "undefined array length %s or missing type constraint", n->value);
            return -1;
        }
        if (obj->kind != OBJ_CONST) {
            check_errorf(c, e->pos, "invalid array length %s", n->value);
            return -1;
        }
    }
    Operand x;
    check_expr(c, &x, e);
    if (x.mode != MODE_CONSTANT) {
        if (x.mode != MODE_INVALID)
            check_errorf(c, ast_start_pos(e), "array length %s must be constant", operand_string(c, &x, buf, sizeof buf));
        return -1;
    }
    if (type_is_untyped(x.type) || type_is_integer(x.type)) {
        Const v;
        if (const_to_int(&x.val, &v) == CONST_OK) {
            int64_t n;
            if (const_representable(&v, CTYPE_INT, NULL) == CONST_OK && const_to_int64(&v, &n) && n >= 0) return n;
            if (const_representable(&v, CTYPE_INT, NULL) == CONST_OK || const_sign(&v) < 0) {
                check_errorf(c, ast_start_pos(e), "invalid array length %s", operand_string(c, &x, buf, sizeof buf));
                return -1;
            }
        }
    }
    check_errorf(c, ast_start_pos(e), "array length %s must be integer", operand_string(c, &x, buf, sizeof buf));
    return -1;
}

/* The name an embedded field takes from its type expression (T, *T,
 * pkg.T); NULL if it is not a type name. */
static AstName *embedded_name(AstNode *t) {
    t = ast_unparen(t);
    if (t->kind == AST_OPERATION && AST_AS(AstOperation, t)->op == OP_MUL && !AST_AS(AstOperation, t)->y)
        t = ast_unparen(AST_AS(AstOperation, t)->x);
    if (t->kind == AST_SELECTOR_EXPR) return AST_AS(AstSelectorExpr, t)->sel;
    if (t->kind == AST_NAME) return AST_AS(AstName, t);
    return NULL;
}

/* A check that waits for complete types. */
typedef struct Delayed {
    enum { DELAYED_MAP_KEY, DELAYED_EMBEDDED } kind;
    Type *type;
    Pos pos;
} Delayed;

static void delay(Checker *c, int kind, Type *t, Pos pos) {
    if (c->ndelayed == c->capdelayed) {
        int cap = c->capdelayed ? c->capdelayed * 2 : 8;
        Delayed *d = ARENA_NEW_ARRAY(c->ast, Delayed, cap);
        if (c->ndelayed) memcpy(d, c->delayed, (size_t)c->ndelayed * sizeof *d);
        c->delayed = d;
        c->capdelayed = cap;
    }
    c->delayed[c->ndelayed++] = (Delayed){.kind = kind, .type = t, .pos = pos};
}

/* Reports a map key type that is not comparable (delayed until key is
 * complete: `type S struct{ m map[S]bool }`). */
static void check_map_key(Checker *c, Type *key, Pos pos, bool now) {
    char buf[512];
    if (key->kind == TY_INVALID) return;
    if (!now && !type_resolved(key, 0)) {
        delay(c, DELAYED_MAP_KEY, key, pos);
        return;
    }
    if (!type_comparable(key)) check_errorf(c, pos, "invalid map key type %s", type_string(key, buf, sizeof buf));
}

/* Whether t's underlying type is known (not a type still being defined). */
static bool underlying_known(Type *t) {
    for (int i = 0; t->kind == TY_NAMED && i < 100; i++) {
        if (!t->u.named.underlying) return false;
        t = t->u.named.underlying;
    }
    return true;
}

/* The checks on an embedded field's type (types2's structType), delayed
 * while its underlying type is unknown. */
static void check_embedded(Checker *c, Type *t, Pos pos) {
    bool is_ptr = false;
    Type *embedded = t;
    if (t->kind == TY_POINTER) {
        t = t->u.array.elem;
        is_ptr = true;
    }
    if (!underlying_known(t)) {
        delay(c, DELAYED_EMBEDDED, embedded, pos);
        return;
    }
    Type *u = type_underlying(t);
    if (u->kind == TY_UNSAFE_POINTER)
        check_errorf(c, pos, "embedded field type cannot be unsafe.Pointer");
    else if (u->kind == TY_POINTER)
        check_errorf(c, pos, "embedded field type cannot be a pointer");
    else if (u->kind == TY_INTERFACE && is_ptr)
        check_errorf(c, pos, "embedded field type cannot be a pointer to an interface");
}

/* struct { fields } */
static Type *struct_type(Checker *c, AstStructType *st) {
    int n = st->fields.n;
    TypeField *fields = ARENA_NEW_ARRAY(c->perm, TypeField, n + 1);
    AstNode *prev_node = NULL;
    Type *prev = NULL;
    for (int i = 0; i < n; i++) {
        AstField *f = st->fields.items[i];
        TypeField *tf = &fields[i];
        Type *t = f->type == prev_node ? prev : check_type_expr(c, f->type);
        prev_node = f->type;
        prev = t;
        tf->type = t;
        tf->pos = f->node.pos;
        if (f->name) {
            tf->name = f->name->value;
        } else {
            AstName *en = embedded_name(f->type);
            AstNode *tn = ast_unparen(f->type);
            if (tn->kind == AST_OPERATION) tn = ast_unparen(AST_AS(AstOperation, tn)->x);
            if (tn->kind == AST_INDEX_EXPR) {
                tf->name = "_";
            } else if (!en) {
                char buf[512];
                check_errorf(c, ast_start_pos(f->type), "invalid embedded field type %s",
                             expr_string(f->type, buf, sizeof buf));
                tf->name = "_";
            } else {
                tf->name = en->value;
            }
            tf->embedded = true;
            tf->pos = ast_start_pos(f->type);
            if (t->kind != TY_INVALID) check_embedded(c, t, tf->pos);
        }
        if (!name_is_exported(tf->name)) tf->pkg = c->pkg;
        if (st->tags && st->tags[i]) {
            char *tag;
            uint32_t len;
            AstBasicLit *lit = st->tags[i];
            if (lexer_unquote_string(c->perm, lit->value, lit->len, &tag, &len)) tf->tag = tag;
        }
        if (strcmp(tf->name, "_") == 0) continue;
        for (int j = 0; j < i; j++) {
            if (fields[j].name != tf->name) continue;
            char where[256];
            diag_format_pos(c->diag, fields[j].pos, where, sizeof where);
            check_errorf(c, tf->pos, "%s redeclared\n\t%s: other declaration of %s", tf->name, where, tf->name);
            break;
        }
    }
    return type_new_struct(c->perm, fields, n);
}

/* interface { methods and embedded interfaces } */
static Type *interface_type(Checker *c, AstInterfaceType *it) {
    int n = it->methods.n;
    TypeMethod *methods = ARENA_NEW_ARRAY(c->perm, TypeMethod, n + 1);
    Type **embeddeds = ARENA_NEW_ARRAY(c->perm, Type *, n + 1);
    Pos *embedpos = ARENA_NEW_ARRAY(c->perm, Pos, n + 1);
    int nm = 0, ne = 0;
    for (int i = 0; i < n; i++) {
        AstField *f = it->methods.items[i];
        if (f->name) {
            if (strcmp(f->name->value, "_") == 0) {
                check_errorf(c, f->name->expr.node.pos, "methods must have a unique non-blank name");
                continue;
            }
            if (f->type->kind != AST_FUNC_TYPE) continue;
            Type *sig = check_signature(c, NULL, AST_AS(AstFuncType, f->type), NULL, NULL);
            record(f->type, sig);
            Object *m = check_new_object(c, c->perm, OBJ_FUNC, f->name->value, f->name->expr.node.pos, sig);
            f->name->obj = m;
            Object *alt = NULL;
            for (int j = 0; j < nm && !alt; j++)
                if (methods[j].name == m->name) alt = methods[j].func;
            if (alt) {
                char where[256];
                diag_format_pos(c->diag, alt->pos, where, sizeof where);
                check_errorf(c, m->pos, "duplicate method %s\n\t%s: other declaration of %s", m->name, where, m->name);
                continue;
            }
            methods[nm].name = m->name;
            methods[nm].func = m;
            nm++;
            continue;
        }
        AstNode *te = ast_unparen(f->type);
        if (te->kind == AST_OPERATION &&
            (AST_AS(AstOperation, te)->op == OP_OR || AST_AS(AstOperation, te)->op == OP_TILDE)) {
            check_unsupported(c, ast_start_pos(te), "type parameters");
            continue;
        }
        Type *t = check_type_expr(c, f->type);
        if (t->kind == TY_INVALID) continue;
        Type *u = type_underlying(t);
        if (u && u->kind != TY_INTERFACE) {
            check_unsupported(c, ast_start_pos(f->type), "type parameters");
            continue;
        }
        embedpos[ne] = ast_start_pos(f->type);
        embeddeds[ne++] = t;
    }
    Type *t = type_new_interface(c->perm, methods, nm, embeddeds, ne);
    t->u.iface.embedpos = embedpos;
    /* Completed at the end of checking even if never used for a call: code
     * generation writes every interface's method set into its descriptor,
     * and assertions to it compare method sets at run time. */
    if (c->nifaces == c->capifaces) {
        int cap = c->capifaces ? 2 * c->capifaces : 16;
        Type **grown = ARENA_NEW_ARRAY(c->ast, Type *, cap);
        if (c->nifaces)
            memcpy(grown, c->ifaces, (size_t)c->nifaces * sizeof *grown);
        c->ifaces = grown;
        c->capifaces = cap;
    }
    c->ifaces[c->nifaces++] = t;
    for (int i = 0; i < nm; i++) {
        Type *sig = methods[i].func->type;
        methods[i].func->type = type_new_func(c->perm, t, sig->u.func.params, sig->u.func.results, sig->u.func.variadic);
    }
    return t;
}

/* Evaluates e as a type. */
Type *check_type_expr(Checker *c, AstNode *e) {
    char buf[512];
    switch (e->kind) {
    case AST_NAME:
        return record(e, name_type(c, AST_AS(AstName, e)));
    case AST_SELECTOR_EXPR:
        return record(e, selector_type(c, AST_AS(AstSelectorExpr, e)));
    case AST_PAREN_EXPR:
        return record(e, check_type_expr(c, AST_AS(AstParenExpr, e)->x));
    case AST_OPERATION: {
        AstOperation *op = AST_AS(AstOperation, e);
        if (op->op == OP_MUL && !op->y) return record(e, type_new_pointer(c->perm, check_type_expr(c, op->x)));
        break;
    }
    case AST_ARRAY_TYPE: {
        AstArrayType *at = AST_AS(AstArrayType, e);
        if (!at->len) {
            check_errorf(c, e->pos, "invalid use of [...] array (outside a composite literal)");
            check_type_expr(c, at->elem);
            return record(e, type_invalid());
        }
        int64_t n = array_length(c, at->len);
        Type *elem = check_type_expr(c, at->elem);
        if (n < 0) return record(e, type_invalid());
        return record(e, type_new_array(c->perm, elem, n));
    }
    case AST_SLICE_TYPE:
        return record(e, type_new_slice(c->perm, check_type_expr(c, AST_AS(AstSliceType, e)->elem)));
    case AST_MAP_TYPE: {
        AstMapType *mt = AST_AS(AstMapType, e);
        Type *key = check_type_expr(c, mt->key);
        Type *elem = check_type_expr(c, mt->value);
        check_map_key(c, key, ast_start_pos(mt->key), false);
        return record(e, type_new_map(c->perm, key, elem));
    }
    case AST_CHAN_TYPE: {
        AstChanType *ct = AST_AS(AstChanType, e);
        c->prog->uses_goroutines = true;
        return record(e, type_new_chan(c->perm, check_type_expr(c, ct->elem), ct->dir));
    }
    case AST_FUNC_TYPE:
        return record(e, check_signature(c, NULL, AST_AS(AstFuncType, e), NULL, NULL));
    case AST_STRUCT_TYPE:
        return record(e, struct_type(c, AST_AS(AstStructType, e)));
    case AST_INTERFACE_TYPE:
        return record(e, interface_type(c, AST_AS(AstInterfaceType, e)));
    case AST_INDEX_EXPR: {
        /* G[T] instantiates a generic type, unless G is no type name at all */
        AstNode *g = ast_unparen(AST_AS(AstIndexExpr, e)->x);
        if (g->kind != AST_NAME && g->kind != AST_SELECTOR_EXPR) {
            check_type_expr(c, g); /* as gc, the index is not checked */
        } else {
            check_unsupported(c, e->pos, "type parameters");
        }
        return record(e, type_invalid());
    }
    case AST_DOTS_TYPE:
        check_errorf(c, e->pos, "invalid use of ...");
        return record(e, type_invalid());
    case AST_BAD_EXPR:
        return type_invalid();
    default:
        break;
    }
    /* as types2, other expressions are named by their text alone, then
     * checked for their own errors */
    check_errorf(c, ast_start_pos(e), "%s is not a type", expr_string(e, buf, sizeof buf));
    check_use(c, e);
    return record(e, type_invalid());
}

/* ---- signatures ---------------------------------------------------------- */

/* A parameter or result list: types (and names) into out arrays; declares
 * the named ones in scope as objects with flag `kind`.  With bind false,
 * scope only catches duplicate names (a function type or an interface
 * method) and the AST names stay unresolved. */
static int collect_params(Checker *c, AstFieldList list, Scope *scope, bool bind, bool variadic_ok, uint32_t kind,
                          Type **types, const char **names, Object **objs, bool *variadic, bool *named) {
    AstNode *prev_node = NULL;
    Type *prev = NULL;
    for (int i = 0; i < list.n; i++) {
        AstField *f = list.items[i];
        AstNode *te = f->type;
        Type *t;
        if (te == prev_node) {
            t = prev;
        } else {
            if (te->kind == AST_DOTS_TYPE) {
                AstDotsType *dt = AST_AS(AstDotsType, te);
                Type *elem = check_type_expr(c, dt->elem);
                if (variadic_ok && i == list.n - 1) {
                    *variadic = true;
                    t = type_new_slice(c->perm, elem);
                } else {
                    check_errorf(c, te->pos, "can only use ... with final parameter in list");
                    t = elem;
                }
                record(te, t);
            } else {
                t = check_type_expr(c, te);
            }
            prev_node = te;
            prev = t;
        }
        types[i] = t;
        names[i] = f->name ? f->name->value : NULL;
        if (f->name) *named = true;
        if (!scope) continue;
        Pos pos = f->name ? f->name->expr.node.pos : ast_start_pos(te);
        Object *obj = check_new_object(c, c->ast, OBJ_VAR, f->name ? f->name->value : NULL, pos, t);
        obj->flags |= kind | OBJ_USED;
        obj->parent = scope;
        if (f->name) {
            if (bind) f->name->obj = obj;
            check_declare(c, scope, obj);
        }
        if (objs) objs[i] = obj;
    }
    return list.n;
}

/* Checks the receiver's base type (spec: T or *T, T a defined type of this
 * package that is neither a pointer nor an interface). */
static void check_recv_type(Checker *c, AstField *recv, Type *rt) {
    char buf[512];
    Pos pos = recv->node.pos;
    Type *base = rt;
    if (base->kind == TY_POINTER) base = base->u.array.elem;
    if (base->kind == TY_INVALID) return;
    if (base->kind == TY_NAMED) {
        if (base->u.named.obj->pkg != c->pkg) {
            check_errorf(c, pos, "cannot define new methods on non-local type %s", type_string(base, buf, sizeof buf));
            return;
        }
        Type *u = base->u.named.underlying;
        if (!u) return;
        if (u->kind == TY_UNSAFE_POINTER)
            check_errorf(c, pos, "invalid receiver type %s (unsafe.Pointer)", type_string(base, buf, sizeof buf));
        else if (u->kind == TY_POINTER || u->kind == TY_INTERFACE)
            check_errorf(c, pos, "invalid receiver type %s (pointer or interface type)",
                         type_string(base, buf, sizeof buf));
        return;
    }
    if (base->kind <= TY_UNSAFE_POINTER) {
        check_errorf(c, pos, "cannot define new methods on non-local type %s", type_string(base, buf, sizeof buf));
        return;
    }
    check_errorf(c, pos, "invalid receiver type %s", type_string(rt, buf, sizeof buf));
}

/* A function's signature. */
Type *check_signature(Checker *c, AstField *recv, AstFuncType *ft, Scope *scope, FuncCtx *fn) {
    Type *rt = NULL;
    if (recv) {
        AstNode *te = ast_unparen(recv->type);
        if (te->kind == AST_OPERATION && AST_AS(AstOperation, te)->op == OP_MUL)
            te = ast_unparen(AST_AS(AstOperation, te)->x);
        if (te->kind == AST_INDEX_EXPR) {
            check_unsupported(c, te->pos, "type parameters");
            rt = type_invalid();
        } else {
            rt = check_type_expr(c, recv->type);
            check_recv_type(c, recv, rt);
        }
        if (scope) {
            Pos pos = recv->name ? recv->name->expr.node.pos : ast_start_pos(recv->type);
            Object *obj = check_new_object(c, c->ast, OBJ_VAR, recv->name ? recv->name->value : NULL, pos, rt);
            obj->flags |= OBJ_PARAM | OBJ_USED;
            obj->parent = scope;
            if (recv->name) {
                recv->name->obj = obj;
                check_declare(c, scope, obj);
            }
        }
    }
    int np = ft->params.n, nr = ft->results.n;
    Type **ptypes = ARENA_NEW_ARRAY(c->perm, Type *, np + 1);
    const char **pnames = ARENA_NEW_ARRAY(c->perm, const char *, np + 1);
    Type **rtypes = ARENA_NEW_ARRAY(c->perm, Type *, nr + 1);
    const char **rnames = ARENA_NEW_ARRAY(c->perm, const char *, nr + 1);
    Object **robjs = scope ? ARENA_NEW_ARRAY(c->ast, Object *, nr + 1) : NULL;
    bool variadic = false, pnamed = false, rnamed = false, dummy = false;
    /* without a scope, names are still declared once, to catch duplicates */
    Scope *names = scope ? scope : scope_new(c->ast, NULL, "func");
    collect_params(c, ft->params, names, scope != NULL, true, OBJ_PARAM, ptypes, pnames, NULL, &variadic, &pnamed);
    collect_params(c, ft->results, names, scope != NULL, false, OBJ_RESULT, rtypes, rnames, robjs, &dummy, &rnamed);
    Type *params = type_new_tuple(c->perm, ptypes, pnamed ? pnames : NULL, np);
    Type *results = type_new_tuple(c->perm, rtypes, rnamed ? rnames : NULL, nr);
    Type *sig = type_new_func(c->perm, rt, params, results, variadic);
    record(&ft->expr.node, sig);
    if (fn) {
        fn->sig = sig;
        fn->scope = scope;
        fn->results = robjs;
        fn->has_named_results = rnamed;
    }
    return sig;
}

/* ---- type declarations --------------------------------------------------- */

/* The state of a search for a type that contains itself. */
typedef struct ValidType {
    Object **path;
    int n, cap;
    bool incomplete;       /* a type met has no underlying type yet */
    bool cycle;
} ValidType;

static void vt_push(Checker *c, ValidType *vt, Object *obj) {
    if (vt->n == vt->cap) {
        int cap = vt->cap ? vt->cap * 2 : 8;
        Object **p = ARENA_NEW_ARRAY(c->ast, Object *, cap);
        if (vt->n) memcpy(p, vt->path, (size_t)vt->n * sizeof *p);
        vt->path = p;
        vt->cap = cap;
    }
    vt->path[vt->n++] = obj;
}

/* Walks the types t contains by value looking for root. */
static void vt_walk(Checker *c, ValidType *vt, Type *t, Type *root) {
    if (vt->cycle) return;
    switch (t->kind) {
    case TY_ARRAY:
        vt_walk(c, vt, t->u.array.elem, root);
        return;
    case TY_STRUCT:
        for (int i = 0; i < t->u.strct.n && !vt->cycle; i++) vt_walk(c, vt, t->u.strct.fields[i].type, root);
        return;
    case TY_NAMED:
        if (t == root) {
            vt->cycle = true;
            return;
        }
        if (t->flags & TYPE_VALIDATED) return;
        if (!t->u.named.underlying) {
            vt->incomplete = true;
            return;
        }
        for (int i = 0; i < vt->n; i++)
            if (vt->path[i] == t->u.named.obj) return;
        vt_push(c, vt, t->u.named.obj);
        vt_walk(c, vt, t->u.named.underlying, root);
        if (!vt->cycle) vt->n--;
        return;
    default:
        return;
    }
}

/* Reports named if it contains itself by value (directly or through other
 * types); such a type gets the invalid underlying type. */
static void valid_type(Checker *c, Type *named) {
    ValidType vt = {0};
    vt_push(c, &vt, named->u.named.obj);
    vt_walk(c, &vt, named->u.named.underlying, named);
    if (vt.cycle) {
        check_cycle_error(c, vt.path, vt.n);
        named->u.named.underlying = type_invalid();
        named->flags |= TYPE_BROKEN;
        return;
    }
    if (!vt.incomplete) named->flags |= TYPE_VALIDATED;
}

/* Gives the types waiting for named (`type T named` met while named was
 * being defined) their underlying type, now that named has one. */
static void resolve_waiters(Checker *c, Object *obj) {
    if (!(obj->flags & OBJ_PKG_LEVEL)) return;
    DeclInfo *d = &c->decls[obj->decl_index];
    Type *u = obj->type && obj->type->kind == TY_NAMED ? obj->type->u.named.underlying : type_invalid();
    for (int i = 0; i < d->nwaiters; i++) {
        Object *w = d->waiters[i];
        Type *wt = w->type;
        if (!wt || wt->kind != TY_NAMED || wt->u.named.underlying) continue;
        wt->u.named.underlying = u ? u : type_invalid();
        if (wt->u.named.underlying->kind == TY_INVALID)
            wt->flags |= TYPE_BROKEN;
        else
            valid_type(c, wt);
        resolve_waiters(c, w);
    }
    d->nwaiters = 0;
}

/* The definition `type obj R` where R's underlying type is still unknown:
 * either R (through the types it waits for) leads back to obj, a cycle
 * reported here (returns false), or obj waits for R (returns true). */
static bool wait_for(Checker *c, Object *obj, Object *r) {
    Object *chain[64];
    int n = 0;
    chain[n++] = obj;
    for (Object *w = r; w; ) {
        if (w == obj || n == 64 || !(w->flags & OBJ_PKG_LEVEL) || !(obj->flags & OBJ_PKG_LEVEL)) {
            if (w != obj && n < 64) chain[n++] = w;
            check_cycle_error(c, chain, w == obj ? n : 1);
            return false;
        }
        chain[n++] = w;
        w = c->decls[w->decl_index].waits_for;
    }
    DeclInfo *d = &c->decls[obj->decl_index];
    DeclInfo *rd = &c->decls[r->decl_index];
    d->waits_for = r;
    if (rd->nwaiters == rd->capwaiters) {
        int cap = rd->capwaiters ? rd->capwaiters * 2 : 4;
        Object **ws = ARENA_NEW_ARRAY(c->ast, Object *, cap);
        if (rd->nwaiters) memcpy(ws, rd->waiters, (size_t)rd->nwaiters * sizeof *ws);
        rd->waiters = ws;
        rd->capwaiters = cap;
    }
    rd->waiters[rd->nwaiters++] = obj;
    return true;
}

/* Defines type obj: an alias, or a named type with its underlying type. */
void check_type_decl(Checker *c, Object *obj, AstTypeDecl *d) {
    if (d->tparams.n > 0) {
        check_unsupported(c, d->tparams.items[0]->node.pos, "type parameters");
        obj->type = type_invalid();
        return;
    }
    if (d->alias) {
        obj->flags |= OBJ_ALIAS;
        obj->type = NULL;
        Type *t = check_type_expr(c, d->type);
        if (!obj->type) obj->type = t;
        return;
    }
    Type *named = type_new_named(c->perm, obj, NULL);
    obj->type = named;
    Type *rhs = check_type_expr(c, d->type);
    Type *u;
    if (obj->type != named) {
        u = type_invalid(); /* a cycle was reported */
        obj->type = named;
    } else if (rhs->kind == TY_NAMED && !rhs->u.named.underlying) {
        if (wait_for(c, obj, rhs->u.named.obj)) return;
        u = type_invalid();
    } else {
        u = type_underlying(rhs);
        if (!u) u = type_invalid();
    }
    named->u.named.underlying = u;
    if (u->kind == TY_INVALID)
        named->flags |= TYPE_BROKEN;
    else
        valid_type(c, named);
    resolve_waiters(c, obj);
}

void check_process_delayed(Checker *c) {
    /* a delayed check may delay others: the list can grow meanwhile */
    for (int i = 0; i < c->ndelayed; i++) {
        Delayed d = c->delayed[i];
        if (d.kind == DELAYED_MAP_KEY) {
            /* still incomplete: its invalid recursion was reported */
            if (type_resolved(d.type, 0)) check_map_key(c, d.type, d.pos, true);
        } else {
            Type *t = d.type->kind == TY_POINTER ? d.type->u.array.elem : d.type;
            if (underlying_known(t)) check_embedded(c, d.type, d.pos);
        }
    }
    c->ndelayed = 0;
}
