/* init.c — the package's init function, as gc builds it before escape
 * analysis (gc: pkginit and staticinit).
 *
 * A package variable whose value the linker can lay out (constants, names,
 * trivial function literals, composite literals of such values, their
 * addresses and interface conversions) is initialized statically and
 * analyzed by nobody.  Every other initializer (a map literal, a call,
 * new, make...) becomes an assignment `x = value` in a function `init`
 * that gc appends to its declarations; it is analyzed last, like any
 * function, and its allocations are reported after everything else.
 *
 * mgc builds that function as a FuncDecl of its own (in scratch, dying
 * with the analysis) whose body lists the assignments in initialization
 * order, and makes it the last root of the bottom-up visit.  An
 * initializer that gc splits into per-element assignments (a composite
 * literal with some dynamic elements), or that holds a function literal
 * (gc's glob..funcN, owned by its own declaration), is left out. */
#include <string.h>

#include "escape/esc.h"

/* How gc initializes a package variable's value. */
typedef enum InitKind {
    INIT_STATIC,   /* laid out by the linker: nothing to analyze */
    INIT_DYNAMIC,  /* an assignment in init */
    INIT_SKIP,     /* neither: left out of the analysis */
} InitKind;

static InitKind init_kind(AstNode *e);

/* Does e contain a function literal? */
static bool has_func_lit(AstNode *e) {
    if (!e) return false;
    switch (e->kind) {
    case AST_FUNC_LIT: return true;
    case AST_PAREN_EXPR: return has_func_lit(AST_AS(AstParenExpr, e)->x);
    case AST_KEY_VALUE_EXPR:
        return has_func_lit(AST_AS(AstKeyValueExpr, e)->key) || has_func_lit(AST_AS(AstKeyValueExpr, e)->value);
    case AST_COMPOSITE_LIT: {
        AstCompositeLit *cl = AST_AS(AstCompositeLit, e);
        for (int i = 0; i < cl->elems.n; i++)
            if (has_func_lit(cl->elems.items[i])) return true;
        return false;
    }
    case AST_SELECTOR_EXPR: return has_func_lit(AST_AS(AstSelectorExpr, e)->x);
    case AST_INDEX_EXPR: return has_func_lit(AST_AS(AstIndexExpr, e)->x) || has_func_lit(AST_AS(AstIndexExpr, e)->index);
    case AST_SLICE_EXPR: {
        AstSliceExpr *s = AST_AS(AstSliceExpr, e);
        return has_func_lit(s->x) || has_func_lit(s->index[0]) || has_func_lit(s->index[1]) || has_func_lit(s->index[2]);
    }
    case AST_ASSERT_EXPR: return has_func_lit(AST_AS(AstAssertExpr, e)->x);
    case AST_OPERATION: return has_func_lit(AST_AS(AstOperation, e)->x) || has_func_lit(AST_AS(AstOperation, e)->y);
    case AST_CALL_EXPR: {
        AstCallExpr *call = AST_AS(AstCallExpr, e);
        if (has_func_lit(call->fun)) return true;
        for (int i = 0; i < call->args.n; i++)
            if (has_func_lit(call->args.items[i])) return true;
        return false;
    }
    case AST_LIST_EXPR: {
        AstListExpr *l = AST_AS(AstListExpr, e);
        for (int i = 0; i < l->elems.n; i++)
            if (has_func_lit(l->elems.items[i])) return true;
        return false;
    }
    default: return false;
    }
}

/* A composite literal (gc's staticinit of OARRAYLIT/OSLICELIT/OSTRUCTLIT):
 * static when every element is; a map literal is always dynamic. */
static InitKind lit_kind(AstCompositeLit *cl) {
    Type *t = esc_type_of(&cl->expr.node);
    Type *u = t ? esc_underlying(t) : NULL;
    if (!u || u->kind == TY_MAP) return INIT_DYNAMIC;
    for (int i = 0; i < cl->elems.n; i++) {
        AstNode *el = cl->elems.items[i];
        if (el->kind == AST_KEY_VALUE_EXPR) el = AST_AS(AstKeyValueExpr, el)->value;
        if (init_kind(el) != INIT_STATIC) return INIT_SKIP;   /* gc assigns such elements one by one */
    }
    return INIT_STATIC;
}

/* A conversion T(x) (gc: OCONVNOP is looked through, OSTR2BYTES of a
 * constant and OCONVIFACE of a static value are static). */
static InitKind conv_kind(AstCallExpr *call) {
    if (call->args.n != 1) return INIT_DYNAMIC;
    AstNode *x = call->args.items[0];
    Type *to = esc_type_of(&call->expr.node), *from = esc_type_of(x);
    if (!to || !from) return INIT_DYNAMIC;
    Type *tu = esc_underlying(to), *fu = esc_underlying(from);
    if (esc_is_interface(to)) return esc_is_interface(from) ? INIT_DYNAMIC : init_kind(x);
    if (tu->kind == TY_SLICE && type_is_string(from))
        return ((AstExpr *)x)->cval ? INIT_STATIC : INIT_DYNAMIC;
    if (tu == fu || (tu->kind == TY_POINTER && fu->kind == TY_POINTER)) return init_kind(x);
    return INIT_DYNAMIC;
}

/* How gc initializes a package variable to e (gc's StaticAssign, for the
 * forms that allocate). */
static InitKind init_kind(AstNode *e) {
    e = esc_unparen(e);
    if (!e || ((AstExpr *)e)->cval) return INIT_STATIC;
    switch (e->kind) {
    case AST_NAME:
    case AST_BASIC_LIT:
    case AST_FUNC_LIT:
        return INIT_STATIC;
    case AST_SELECTOR_EXPR:
        return esc_is_type_expr(AST_AS(AstSelectorExpr, e)->x) ? INIT_STATIC : INIT_DYNAMIC;
    case AST_COMPOSITE_LIT:
        return lit_kind(AST_AS(AstCompositeLit, e));
    case AST_OPERATION: {
        AstOperation *op = AST_AS(AstOperation, e);
        if (op->op != OP_AND || op->y) return INIT_DYNAMIC;
        AstNode *x = esc_unparen(op->x);
        if (x->kind == AST_NAME) return INIT_STATIC;
        if (x->kind != AST_COMPOSITE_LIT) return INIT_DYNAMIC;
        InitKind k = lit_kind(AST_AS(AstCompositeLit, x));
        return k == INIT_DYNAMIC ? INIT_SKIP : k;   /* &map{}: gc assigns a static temporary */
    }
    case AST_CALL_EXPR: {
        AstCallExpr *call = AST_AS(AstCallExpr, e);
        return esc_is_type_expr(call->fun) ? conv_kind(call) : INIT_DYNAMIC;
    }
    default:
        return INIT_DYNAMIC;
    }
}

/* Can evaluating e have an effect, a panic included (gc's AnySideEffects)?
 * A blank variable's value without one is dropped. */
static bool side_effects(AstNode *e) {
    if (!e || ((AstExpr *)e)->cval) return false;
    switch (e->kind) {
    case AST_NAME:
    case AST_BASIC_LIT:
    case AST_FUNC_LIT:
        return false;
    case AST_PAREN_EXPR: return side_effects(AST_AS(AstParenExpr, e)->x);
    case AST_KEY_VALUE_EXPR:
        return side_effects(AST_AS(AstKeyValueExpr, e)->key) || side_effects(AST_AS(AstKeyValueExpr, e)->value);
    case AST_COMPOSITE_LIT: {
        AstCompositeLit *cl = AST_AS(AstCompositeLit, e);
        for (int i = 0; i < cl->elems.n; i++)
            if (side_effects(cl->elems.items[i])) return true;
        return false;
    }
    case AST_SELECTOR_EXPR: {
        AstSelectorExpr *sel = AST_AS(AstSelectorExpr, e);
        return sel->indirect || side_effects(sel->x);
    }
    case AST_OPERATION: {
        AstOperation *op = AST_AS(AstOperation, e);
        if (op->op == OP_RECV || (op->op == OP_MUL && !op->y)) return true;   /* receive, *p */
        if ((op->op == OP_DIV || op->op == OP_REM) && op->y && !((AstExpr *)op->y)->cval) return true;
        return side_effects(op->x) || side_effects(op->y);
    }
    case AST_CALL_EXPR: {
        AstCallExpr *call = AST_AS(AstCallExpr, e);
        AstNode *f = esc_unparen(call->fun);
        bool pure = esc_is_type_expr(f);
        if (f->kind == AST_NAME && AST_AS(AstName, f)->obj && AST_AS(AstName, f)->obj->kind == OBJ_BUILTIN) {
            Builtin id = AST_AS(AstName, f)->obj->u.builtin;
            pure = id == BUILTIN_LEN || id == BUILTIN_CAP || id == BUILTIN_NEW || id == BUILTIN_REAL ||
                   id == BUILTIN_IMAG || id == BUILTIN_COMPLEX;
            if (id == BUILTIN_MAKE) {   /* a map or channel of constant size 0 cannot panic */
                Type *t = esc_type_of(e);
                Type *u = t ? esc_underlying(t) : NULL;
                if (!u || u->kind == TY_SLICE) return true;
                if (call->args.n > 1 && !((AstExpr *)call->args.items[1])->cval) return true;
                pure = true;
            }
        }
        if (!pure) return true;
        for (int i = 0; i < call->args.n; i++)
            if (!(f->kind == AST_NAME && i == 0 && esc_is_type_expr(call->args.items[0])) && side_effects(call->args.items[i]))
                return true;
        return false;
    }
    default:
        return true;
    }
}

/* The declaration of package variable o and its index there, or NULL. */
static AstVarDecl *var_decl(EscCtx *c, const Object *o, int *index) {
    for (int f = 0; f < c->cfg->nfiles; f++) {
        AstFile *file = c->cfg->files[f];
        for (int i = 0; i < file->decls.n; i++) {
            AstNode *d = file->decls.items[i];
            if (d->kind != AST_VAR_DECL) continue;
            AstVarDecl *vd = AST_AS(AstVarDecl, d);
            for (int k = 0; k < vd->names.n; k++)
                if (vd->names.items[k]->obj == o) {
                    *index = k;
                    return vd;
                }
        }
    }
    return NULL;
}

/* The statement `lhs = rhs` at pos (gc's OAS / OAS2FUNC in init). */
static AstNode *init_assign(Arena *a, AstNode *lhs, AstNode *rhs, Pos pos) {
    AstAssignStmt *s = ARENA_NEW(a, AstAssignStmt);
    s->node.kind = AST_ASSIGN_STMT;
    s->node.pos = pos;
    s->op = OP_NONE;
    s->lhs = lhs;
    s->rhs = rhs;
    return &s->node;
}

/* The type of field or element i (key: its name, or NULL) of a literal of
 * type u (underlying: array, slice or struct). */
static Type *elem_type(Type *u, int i, AstNode *key) {
    if (u->kind == TY_ARRAY || u->kind == TY_SLICE) return u->u.array.elem;
    if (u->kind != TY_STRUCT) return NULL;
    if (key && key->kind == AST_NAME) {
        for (int f = 0; f < u->u.strct.n; f++)
            if (u->u.strct.fields[f].name == AST_AS(AstName, key)->value) return u->u.strct.fields[f].type;
        return NULL;
    }
    return i < u->u.strct.n ? u->u.strct.fields[i].type : NULL;
}

/* `var = value` where var stands for the part of package variable var of
 * type t that value initializes: a Name of var typed t, so the walk sends
 * value to the heap and converts it to t. */
static AstNode *part_assign(Arena *a, const AstName *var, Type *t, AstNode *value) {
    AstName *part = ARENA_NEW(a, AstName);
    *part = *var;
    part->expr.type = t;
    part->expr.node.pos = value->pos;
    return init_assign(a, &part->expr.node, value, value->pos);
}

/* The dynamic parts of composite literal e (or &e) that gc's staticinit
 * leaves to init: the literal itself is laid out statically (behind a
 * static temporary for &T{...} and slices), and each element that is not
 * becomes an assignment `part = element` in init, nested literals split
 * the same way; a map literal is assigned whole. */
static void split_literal(EscCtx *c, const AstName *var, AstNode *e, Type *t, Vec *out) {
    e = esc_unparen(e);
    if (e->kind == AST_OPERATION && AST_AS(AstOperation, e)->op == OP_AND && !AST_AS(AstOperation, e)->y &&
        esc_unparen(AST_AS(AstOperation, e)->x)->kind == AST_COMPOSITE_LIT) {
        e = esc_unparen(AST_AS(AstOperation, e)->x);
        t = esc_type_of(e);
    }
    Type *u = e->kind == AST_COMPOSITE_LIT && esc_type_of(e) ? esc_underlying(esc_type_of(e)) : NULL;
    if (u && u->kind == TY_POINTER)   /* {...} for &T{...} in a literal of pointers */
        u = esc_underlying(u->u.array.elem);
    if (!u || (u->kind != TY_ARRAY && u->kind != TY_SLICE && u->kind != TY_STRUCT)) {
        vec_push(c->arena, out, part_assign(c->arena, var, t, e));
        return;
    }
    AstCompositeLit *cl = AST_AS(AstCompositeLit, e);
    for (int i = 0; i < cl->elems.n; i++) {
        AstNode *el = cl->elems.items[i], *key = NULL;
        if (el->kind == AST_KEY_VALUE_EXPR) {
            key = AST_AS(AstKeyValueExpr, el)->key;
            el = AST_AS(AstKeyValueExpr, el)->value;
        }
        InitKind k = init_kind(el);
        if (k == INIT_STATIC) continue;
        Type *et = elem_type(u, i, key);
        if (k == INIT_SKIP) split_literal(c, var, el, et, out);
        else vec_push(c->arena, out, part_assign(c->arena, var, et, el));
    }
}

/* The assignments of init, in initialization order. */
static void init_stmts(EscCtx *c, Vec *out) {
    Package *pkg = c->prog->main;
    for (int i = 0; i < pkg->ninits; i++) {
        int k;
        AstVarDecl *vd = var_decl(c, pkg->inits[i], &k);
        if (!vd || !vd->values) continue;
        AstNode *value = vd->values;
        bool multi = value->kind == AST_LIST_EXPR;
        if (multi) {
            AstListExpr *l = AST_AS(AstListExpr, value);
            if (k >= l->elems.n) continue;
            value = l->elems.items[k];
        }
        InitKind kind = init_kind(value);
        if (kind == INIT_SKIP && (multi || vd->names.n == 1) && !has_func_lit(value)) {
            AstName *name = vd->names.items[k];
            split_literal(c, name, value, name->obj ? name->obj->type : esc_type_of(value), out);
            continue;
        }
        if (kind != INIT_DYNAMIC || has_func_lit(value)) {
            if (!multi && vd->names.n > 1) i += vd->names.n - 1;   /* x, y = f(): listed together */
            continue;
        }
        if (multi || vd->names.n == 1) {
            AstName *name = vd->names.items[k];
            if (strcmp(name->value, "_") == 0 && !side_effects(value)) continue;   /* dropped */
            vec_push(c->arena, out, init_assign(c->arena, &name->expr.node, value, vd->names.items[0]->expr.node.pos));
            continue;
        }
        AstListExpr *lhs = ARENA_NEW(c->arena, AstListExpr);
        lhs->expr.node.kind = AST_LIST_EXPR;
        lhs->expr.node.pos = vd->names.items[0]->expr.node.pos;
        lhs->elems.n = vd->names.n;
        lhs->elems.items = ARENA_NEW_ARRAY(c->arena, AstNode *, vd->names.n);
        for (int j = 0; j < vd->names.n; j++) lhs->elems.items[j] = &vd->names.items[j]->expr.node;
        vec_push(c->arena, out, init_assign(c->arena, &lhs->expr.node, value, lhs->expr.node.pos));
        i += vd->names.n - 1;
    }
}

void esc_init_func(EscCtx *c, bool lazy) {
    Package *pkg = c->prog->main;
    if (!pkg || pkg->ninits == 0) return;
    Vec stmts = {0};
    init_stmts(c, &stmts);
    if (stmts.len == 0) return;
    AstBlockStmt *body = ARENA_NEW(c->arena, AstBlockStmt);
    body->node.kind = AST_BLOCK_STMT;
    body->stmts.items = (AstNode **)stmts.items;
    body->stmts.n = stmts.len;
    AstFuncType *ft = ARENA_NEW(c->arena, AstFuncType);
    ft->expr.node.kind = AST_FUNC_TYPE;
    AstName *name = ARENA_NEW(c->arena, AstName);
    name->expr.node.kind = AST_NAME;
    name->value = "init";
    AstFuncDecl *fd = ARENA_NEW(c->arena, AstFuncDecl);
    fd->node.kind = AST_FUNC_DECL;
    fd->name = name;
    fd->type = ft;
    fd->body = body;
    esc_add_root(c, &fd->node);
    if (!lazy) esc_prepass_func(c, fd, NULL);
}
