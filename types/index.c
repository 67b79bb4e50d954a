/* index.c — index expressions a[i] and m[k], slice expressions a[lo:hi:max]
 * and composite literals (spec "Index expressions", "Slice expressions",
 * "Composite literals").  Constant indices are checked against the
 * length when it is known statically. */
#include <string.h>

#include "types/check.h"

typedef struct Buf { char s[512]; } Buf;

#define TSTR(t, b) type_string((t), (b).s, sizeof (b).s)
#define OSTR(c, x, b) operand_string((c), (x), (b).s, sizeof (b).s)
#define ESTR(e, b) expr_string((e), (b).s, sizeof (b).s)

/* The underlying type; the invalid type for a missing one. */
static Type *under(Type *t) { return t ? type_underlying(t) : type_invalid(); }
/* Whether t is missing or invalid (an error was reported). */
static bool is_invalid_type(Type *t) { return !t || type_underlying(t)->kind == TY_INVALID; }

/* Checks that x can index (what: "index", "length"): an integer, or an
 * untyped constant that becomes an int; a constant must be non-negative
 * (unless allowed) and fit in int. */
bool check_valid_index(Checker *c, Operand *x, const char *what, bool allow_negative) {
    Buf b;
    if (x->mode == MODE_INVALID)
        return false;
    check_convert_untyped(c, x, type_basic(TY_INT));
    if (x->mode == MODE_INVALID)
        return false;
    if (!type_is_integer(x->type)) {
        check_errorf(c, ast_start_pos(x->expr), "invalid argument: %s %s must be integer", what, OSTR(c, x, b));
        return false;
    }
    if (x->mode == MODE_CONSTANT && x->val.kind != CONST_UNKNOWN) {
        if (!allow_negative && const_sign(&x->val) < 0) {
            check_errorf(c, ast_start_pos(x->expr), "invalid argument: %s %s must not be negative", what,
                         OSTR(c, x, b));
            return false;
        }
        int64_t v;
        if (!const_to_int64(&x->val, &v)) {
            check_errorf(c, ast_start_pos(x->expr), "invalid argument: %s %s overflows int", what, OSTR(c, x, b));
            return false;
        }
    }
    return true;
}

/* Checks index expression e against length max (-1: unknown).  Returns
 * its type (the invalid type after an error); *val receives its constant
 * value, or -1 if it is not constant. */
Type *check_index_value(Checker *c, AstNode *e, int64_t max, int64_t *val) {
    Operand x;
    *val = -1;
    check_expr(c, &x, e);
    if (!check_valid_index(c, &x, "index", false))
        return type_invalid();
    if (x.mode != MODE_CONSTANT)
        return x.type;
    int64_t v;
    if (x.val.kind == CONST_UNKNOWN || !const_to_int64(&x.val, &v))
        return type_invalid();
    if (max >= 0 && v >= max) {
        char num[CONST_FORMAT_MAX];
        const_format(num, sizeof num, &x.val);
        check_errorf(c, ast_start_pos(x.expr), "invalid argument: index %s out of bounds [0:%lld]", num, (long long)max);
        return type_invalid();
    }
    *val = v;
    return x.type;
}

/* The single index of e (an instantiation list is reported). */
static AstNode *single_index(Checker *c, AstIndexExpr *e) {
    AstNode *index = e->index;
    if (!index) {
        Buf b;
        check_errorf(c, e->expr.node.pos, "missing index for %s", ESTR(e->x, b));
        return NULL;
    }
    if (index->kind == AST_LIST_EXPR) {
        AstListExpr *l = AST_AS(AstListExpr, index);
        if (l->elems.n > 1)
            check_errorf(c, ast_start_pos(l->elems.items[1]), "invalid operation: more than one index");
        return l->elems.n > 0 ? l->elems.items[0] : NULL;
    }
    return index;
}

/* Whether e names a package-level function declared with type
 * parameters (f[T] is then an instantiation). */
static bool is_generic_func(Checker *c, AstNode *e) {
    e = e ? ast_unparen(e) : NULL;
    if (!e || e->kind != AST_NAME)
        return false;
    Object *obj = AST_AS(AstName, e)->obj;
    if (!obj || obj->kind != OBJ_FUNC || !(obj->flags & OBJ_PKG_LEVEL) || obj->decl_index >= c->ndecls)
        return false;
    AstNode *d = c->decls[obj->decl_index].decl;
    return d && d->kind == AST_FUNC_DECL && AST_AS(AstFuncDecl, d)->tparams.n > 0;
}

/* Checks x[index]: arrays, pointers to arrays, slices, strings and maps. */
void check_index(Checker *c, Operand *x, AstIndexExpr *e) {
    Buf b;
    check_expr_or_type(c, x, e->x);
    if (x->mode == MODE_INVALID) {
        check_use(c, e->index);
        return;
    }
    if (x->mode == MODE_TYPEXPR) {
        /* T[A]: an instantiation; generic types are refused where declared */
        if (!is_invalid_type(x->type))
            check_unsupported(c, ast_start_pos(&e->expr.node), "type parameters");
        x->mode = MODE_INVALID;
        return;
    }
    if (x->mode == MODE_BUILTIN) {
        check_errorf(c, e->expr.node.pos, "invalid operation: cannot index %s", OSTR(c, x, b));
        check_use(c, e->index);
        x->mode = MODE_INVALID;
        return;
    }
    if (is_generic_func(c, x->expr)) {
        check_unsupported(c, ast_start_pos(&e->expr.node), "type parameters");
        check_use(c, e->index);
        x->mode = MODE_INVALID;
        return;
    }
    bool valid = false;
    int64_t length = -1;
    Type *u = under(x->type);
    switch (u->kind) {
    case TY_STRING: case TY_UNTYPED_STRING:
        valid = true;
        if (x->mode == MODE_CONSTANT && x->val.kind == CONST_STRING)
            length = x->val.u.str.len;
        if (type_is_untyped(x->type))
            check_convert_untyped(c, x, NULL);
        /* an indexed string is a byte value, never a constant */
        x->mode = MODE_VALUE;
        x->type = type_byte();
        break;
    case TY_ARRAY:
        valid = true;
        length = u->u.array.len;
        if (x->mode != MODE_VARIABLE)
            x->mode = MODE_VALUE;
        x->type = u->u.array.elem;
        break;
    case TY_POINTER: {
        Type *a = under(u->u.array.elem);
        if (a->kind == TY_ARRAY) {
            valid = true;
            length = a->u.array.len;
            x->mode = MODE_VARIABLE;
            x->type = a->u.array.elem;
        }
        break;
    }
    case TY_SLICE:
        valid = true;
        x->mode = MODE_VARIABLE;
        x->type = u->u.array.elem;
        break;
    case TY_MAP: {
        AstNode *index = single_index(c, e);
        if (!index) {
            x->mode = MODE_INVALID;
            return;
        }
        Operand key;
        check_expr_hint(c, &key, index, u->u.map.key);
        check_assignable_to(c, &key, u->u.map.key, "map index");
        x->mode = MODE_MAPINDEX;
        x->type = u->u.map.elem;
        return;
    }
    default:
        break;
    }
    if (!valid) {
        if (!is_invalid_type(x->type))
            check_errorf(c, e->expr.node.pos, "invalid operation: cannot index %s", OSTR(c, x, b));
        check_use(c, e->index);
        x->mode = MODE_INVALID;
        return;
    }
    AstNode *index = single_index(c, e);
    if (!index) {
        x->mode = MODE_INVALID;
        return;
    }
    if (!x->type)
        x->type = type_invalid();
    int64_t v;
    check_index_value(c, index, length, &v);
}

/* Checks x[lo:hi] and x[lo:hi:max]. */
void check_slice(Checker *c, Operand *x, AstSliceExpr *e) {
    Buf b;
    check_expr(c, x, e->x);
    if (x->mode == MODE_INVALID) {
        for (int i = 0; i < 3; i++)
            check_use(c, e->index[i]);
        return;
    }
    bool valid = false;
    int64_t length = -1;
    Type *u = under(x->type);
    switch (u->kind) {
    case TY_STRING: case TY_UNTYPED_STRING:
        if (e->full) {
            AstNode *at = e->index[2] ? e->index[2] : &e->expr.node;
            check_errorf(c, ast_start_pos(at), "invalid operation: 3-index slice of string");
            x->mode = MODE_INVALID;
            return;
        }
        valid = true;
        if (x->mode == MODE_CONSTANT && x->val.kind == CONST_STRING)
            length = x->val.u.str.len;
        if (type_is_untyped(x->type)) {
            check_convert_untyped(c, x, NULL);
            x->type = type_basic(TY_STRING);
        }
        break;
    case TY_ARRAY:
        valid = true;
        length = u->u.array.len;
        if (x->mode != MODE_VARIABLE) {
            check_errorf(c, ast_start_pos(x->expr), "invalid operation: %s (slice of unaddressable value)",
                         OSTR(c, x, b));
            x->mode = MODE_INVALID;
            return;
        }
        check_mark_addr_taken(c, e->x);
        x->type = type_new_slice(c->perm, u->u.array.elem);
        break;
    case TY_POINTER: {
        Type *a = under(u->u.array.elem);
        if (a->kind == TY_ARRAY) {
            valid = true;
            length = a->u.array.len;
            x->type = type_new_slice(c->perm, a->u.array.elem);
        }
        break;
    }
    case TY_SLICE:
        valid = true;
        break;
    default:
        break;
    }
    if (!valid) {
        if (!is_invalid_type(x->type))
            check_errorf(c, ast_start_pos(x->expr), "invalid operation: cannot slice %s", OSTR(c, x, b));
        x->mode = MODE_INVALID;
        return;
    }
    x->mode = MODE_VALUE;
    if (e->full && (!e->index[1] || !e->index[2])) {
        check_errorf(c, e->expr.node.pos, "2nd and 3rd index required in 3-index slice");
        x->mode = MODE_INVALID;
        return;
    }
    int64_t ind[3];
    for (int i = 0; i < 3; i++) {
        int64_t v = -1;
        if (e->index[i]) {
            int64_t max = length >= 0 ? length + 1 : -1;
            check_index_value(c, e->index[i], max, &v);
        } else if (i == 0) {
            v = 0;
        } else if (length >= 0) {
            v = length;
        }
        ind[i] = v;
    }
    for (int i = 0; i < 2; i++) {
        if (ind[i] <= 0)
            continue;
        for (int j = i + 1; j < 3; j++) {
            if (ind[j] >= 0 && ind[j] < ind[i] && e->index[j]) {
                check_errorf(c, ast_start_pos(e->index[j]), "invalid slice indices: %lld < %lld", (long long)ind[j],
                             (long long)ind[i]);
                return;
            }
        }
    }
}

/* ---- composite literals ---------------------------------------------------- */

/* The field of struct type u named name, or -1 (always for _, which
 * names no field). */
static int field_index(Type *u, const char *name) {
    if (strcmp(name, "_") == 0)
        return -1;
    for (int i = 0; i < u->u.strct.n; i++) {
        const char *f = u->u.strct.fields[i].name;
        if (f == name || (f && strcmp(f, name) == 0))
            return i;
    }
    return -1;
}

/* The elements of a struct literal. */
static void struct_lit(Checker *c, AstCompositeLit *e, Type *base, Type *u) {
    Buf b;
    Operand x;
    int n = u->u.strct.n;
    if (e->elems.n == 0)
        return;
    if (e->elems.items[0]->kind == AST_KEY_VALUE_EXPR) {
        Arena *tmp = mem_scratch(c->mem);
        ArenaMark mark = arena_mark(tmp);
        bool *visited = ARENA_NEW_ARRAY(tmp, bool, n + 1);
        for (int k = 0; k < e->elems.n; k++) {
            AstNode *el = e->elems.items[k];
            if (el->kind != AST_KEY_VALUE_EXPR) {
                check_errorf(c, ast_start_pos(el), "mixture of field:value and value elements in struct literal");
                check_use(c, el);
                continue;
            }
            AstKeyValueExpr *kv = AST_AS(AstKeyValueExpr, el);
            check_expr(c, &x, kv->value);
            if (kv->key->kind != AST_NAME) {
                check_errorf(c, ast_start_pos(el), "invalid field name %s in struct literal", ESTR(kv->key, b));
                continue;
            }
            const char *name = AST_AS(AstName, kv->key)->value;
            int i = field_index(u, name);
            if (i < 0) {
                Buf bt;
                check_errorf(c, ast_start_pos(kv->key), "unknown field '%s' in struct literal of type %s", name,
                             TSTR(base, bt));
                continue;
            }
            check_assignable_to(c, &x, u->u.strct.fields[i].type, "struct literal");
            if (visited[i]) {
                check_errorf(c, ast_start_pos(el), "duplicate field name %s in struct literal", name);
                continue;
            }
            visited[i] = true;
        }
        arena_release(tmp, mark);
        return;
    }
    for (int k = 0; k < e->elems.n; k++) {
        AstNode *el = e->elems.items[k];
        if (el->kind == AST_KEY_VALUE_EXPR) {
            check_errorf(c, ast_start_pos(el), "mixture of field:value and value elements in struct literal");
            check_use(c, AST_AS(AstKeyValueExpr, el)->value);
            continue;
        }
        check_expr_hint(c, &x, el, NULL);
        if (k >= n) {
            check_errorf(c, ast_start_pos(x.expr), "too many values in %s{…}", TSTR(base, b));
            break;
        }
        check_assignable_to(c, &x, u->u.strct.fields[k].type, "struct literal");
    }
    if (e->elems.n < n)
        check_errorf(c, e->rbrace, "too few values in %s{…}", TSTR(base, b));
}

/* The elements of an array or slice literal of element type elem and
 * length length (-1: open); returns the length the elements need. */
static int64_t indexed_elts(Checker *c, AstList *elts, Type *elem, int64_t length) {
    Buf b;
    Arena *tmp = mem_scratch(c->mem);
    ArenaMark mark = arena_mark(tmp);
    int64_t *seen = ARENA_NEW_ARRAY(tmp, int64_t, elts->n + 1);
    int nseen = 0;
    int64_t index = 0, max = 0;
    for (int k = 0; k < elts->n; k++) {
        AstNode *el = elts->items[k];
        AstNode *eval = el;
        bool valid_index = false;
        if (el->kind == AST_KEY_VALUE_EXPR) {
            AstKeyValueExpr *kv = AST_AS(AstKeyValueExpr, el);
            int64_t i;
            Type *t = check_index_value(c, kv->key, length, &i);
            if (!is_invalid_type(t)) {
                if (i >= 0) {
                    index = i;
                    valid_index = true;
                } else {
                    check_errorf(c, ast_start_pos(el), "index %s must be integer constant", ESTR(kv->key, b));
                }
            }
            eval = kv->value;
        } else if (length >= 0 && index >= length) {
            check_errorf(c, ast_start_pos(el), "index %lld is out of bounds (>= %lld)", (long long)index,
                         (long long)length);
        } else {
            valid_index = true;
        }
        if (valid_index) {
            bool dup = false;
            for (int j = 0; j < nseen && !dup; j++)
                dup = seen[j] == index;
            if (dup)
                check_errorf(c, ast_start_pos(el), "duplicate index %lld in array or slice literal", (long long)index);
            else
                seen[nseen++] = index;
        }
        index++;
        if (index > max)
            max = index;
        Operand x;
        check_expr_hint(c, &x, eval, elem);
        check_assignable_to(c, &x, elem, "array or slice literal");
    }
    arena_release(tmp, mark);
    return max;
}

/* Whether two constant map keys are the same value (for duplicates). */
static bool same_key(const Operand *a, const Operand *b) {
    if (a->val.kind == CONST_UNKNOWN || b->val.kind == CONST_UNKNOWN)
        return false;
    bool eq = false;
    if (const_compare(TOK_EQL, &a->val, &b->val, &eq) != CONST_OK || !eq)
        return false;
    /* in an interface-keyed map, 1 and "1"-typed values differ by type */
    return type_identical(a->type, b->type);
}

/* The elements of a map literal. */
static void map_lit(Checker *c, AstCompositeLit *e, Type *u) {
    Arena *tmp = mem_scratch(c->mem);
    ArenaMark mark = arena_mark(tmp);
    Operand *keys = ARENA_NEW_ARRAY(tmp, Operand, e->elems.n + 1);
    int nkeys = 0;
    for (int k = 0; k < e->elems.n; k++) {
        AstNode *el = e->elems.items[k];
        if (el->kind != AST_KEY_VALUE_EXPR) {
            check_errorf(c, ast_start_pos(el), "missing key in map literal");
            check_use(c, el);
            continue;
        }
        AstKeyValueExpr *kv = AST_AS(AstKeyValueExpr, el);
        Operand x;
        check_expr_hint(c, &x, kv->key, u->u.map.key);
        check_assignable_to(c, &x, u->u.map.key, "map literal");
        if (x.mode == MODE_CONSTANT) {
            bool dup = false;
            for (int j = 0; j < nkeys && !dup; j++)
                dup = same_key(&keys[j], &x);
            if (dup) {
                char num[CONST_FORMAT_MAX];
                const_format(num, sizeof num, &x.val);
                check_errorf(c, ast_start_pos(x.expr), "duplicate key %s in map literal", num);
                continue;
            }
            keys[nkeys++] = x;
        }
        check_expr_hint(c, &x, kv->value, u->u.map.elem);
        check_assignable_to(c, &x, u->u.map.elem, "map literal");
    }
    arena_release(tmp, mark);
}

/* Checks a composite literal; hint is the element type of an enclosing
 * literal when the type is elided (a pointer hint means &T{...}). */
void check_composite_lit(Checker *c, Operand *x, AstCompositeLit *e, Type *hint) {
    Buf b;
    Type *typ = NULL, *base = NULL;
    x->mode = MODE_INVALID;
    AstNode *tnode = e->type ? ast_unparen(e->type) : NULL;
    if (tnode && tnode->kind == AST_ARRAY_TYPE && !AST_AS(AstArrayType, tnode)->len) {
        /* [...]T: the length comes from the elements */
        Type *elem = check_type_expr(c, AST_AS(AstArrayType, tnode)->elem);
        if (is_invalid_type(elem)) {
            for (int i = 0; i < e->elems.n; i++) {
                AstNode *el = e->elems.items[i];
                check_use(c, el->kind == AST_KEY_VALUE_EXPR ? AST_AS(AstKeyValueExpr, el)->value : el);
            }
            return;
        }
        int64_t n = indexed_elts(c, &e->elems, elem, -1);
        typ = type_new_array(c->perm, elem, n);
        AstExpr *te = AST_AS(AstExpr, tnode);
        te->type = typ;
        te->cval = NULL;
        if (e->type != tnode) {
            AST_AS(AstExpr, e->type)->type = typ;
        }
        x->mode = MODE_VALUE;
        x->type = typ;
        return;
    }
    if (e->type) {
        typ = check_type_expr(c, e->type);
        base = typ;
    } else if (hint) {
        /* as types2: the base is the core (underlying) type of the hint,
         * or the element type of a pointer hint (&T elided) */
        typ = hint;
        base = under(hint);
        if (base->kind == TY_POINTER)
            base = base->u.array.elem;
    } else {
        check_errorf(c, ast_start_pos(&e->expr.node), "missing type in composite literal");
        return;
    }
    Type *u = under(base);
    switch (u->kind) {
    case TY_STRUCT:
        struct_lit(c, e, base, u);
        break;
    case TY_ARRAY:
        indexed_elts(c, &e->elems, u->u.array.elem, u->u.array.len);
        break;
    case TY_SLICE:
        indexed_elts(c, &e->elems, u->u.array.elem, -1);
        break;
    case TY_MAP:
        map_lit(c, e, u);
        break;
    default:
        for (int i = 0; i < e->elems.n; i++) {
            AstNode *el = e->elems.items[i];
            check_use(c, el->kind == AST_KEY_VALUE_EXPR ? AST_AS(AstKeyValueExpr, el)->value : el);
        }
        if (!is_invalid_type(u))
            check_errorf(c, ast_start_pos(&e->expr.node), "invalid composite literal type %s", TSTR(typ, b));
        return;
    }
    x->mode = MODE_VALUE;
    x->type = typ;
}
