/* build_expr.c — expressions to SSA values: constants, variables, operators
 * with Go's semantics (wrap-around, checked division and shifts, string
 * concatenation and comparison), conversions, selectors, indexing and
 * slicing with Go's bounds checks, composite literals, addresses and
 * assignment.
 *
 * Values of scalar and decomposable types are words (BVal.w); structs and
 * arrays are memory (BVal.addr), copied by whoever stores them, so an
 * address handed out here is consumed before the memory can change. */
#include <string.h>

#include "ssa/build.h"


BVal b_words(Type *t, int n, Value *w0, Value *w1, Value *w2) {
    BVal v = {.type = t, .n = n};
    v.w[0] = w0, v.w[1] = w1, v.w[2] = w2;
    return v;
}

/* A fresh frame slot for a value of type t. */
static Value *temp_slot(Builder *b, Type *t, const char *name) {
    int64_t size = type_size(t);
    return slot_addr(b, ssa_slot_new(b->f, size > 0 ? size : 1, type_align(t), t, name));
}

/* ---- memory ---------------------------------------------------------------- */

BVal b_load(Builder *b, Value *addr, Type *t) {
    ValClass cls[3];
    Type *wt[3];
    int n = b_type_words(t, cls, wt);
    BVal v = {.type = t, .n = n};
    if (n < 0) {
        v.addr = addr;
        return v;
    }
    for (int i = 0; i < n; i++) {
        v.w[i] = b_value1(b, SSA_OP_LOAD, cls[i], wt[i], addr);
        v.w[i]->aux_int = 8 * i;
    }
    return v;
}

void b_store(Builder *b, Value *addr, BVal v) {
    if (v.n < 0) {
        int64_t size = type_size(v.type);
        if (size > 0) {
            Value *m = b_value2(b, SSA_OP_MOVE, CLS_VOID, NULL, addr, v.addr);
            m->aux_int = size;
        }
        return;
    }
    for (int i = 0; i < v.n; i++) {
        Value *s = b_value2(b, SSA_OP_STORE, CLS_VOID, NULL, addr, v.w[i]);
        s->aux_int = 8 * i;
    }
}

Value *b_copy_to_temp(Builder *b, BVal v) {
    Value *t = temp_slot(b, v.type, "autotmp");
    b_store(b, t, v);
    return t;
}

Value *b_spill(Builder *b, BVal v) {
    return v.n < 0 ? v.addr : b_copy_to_temp(b, v);
}

BVal b_zero(Builder *b, Type *t) {
    ValClass cls[3];
    Type *wt[3];
    int n = b_type_words(t, cls, wt);
    BVal v = {.type = t, .n = n};
    if (n < 0) {
        v.addr = temp_slot(b, t, "autotmp");
        Value *z = b_value1(b, SSA_OP_ZERO, CLS_VOID, NULL, v.addr);
        z->aux_int = type_size(t);
        return v;
    }
    for (int i = 0; i < n; i++) {
        if (i == 0 && n > 1) v.w[i] = b_value(b, SSA_OP_CONST_NIL, cls[i], wt[i]);
        else v.w[i] = b_const(b, cls[i], wt[i], 0);
    }
    return v;
}

/* ---- checks ----------------------------------------------------------------- */

Value *b_nil_check(Builder *b, Value *p) {
    b_value1(b, SSA_OP_NIL_CHECK, CLS_VOID, NULL, p);
    return p;
}

/* An index widened to 64 bits, keeping its signedness. */
static Value *widen_index(Builder *b, Value *i, Type *t) {
    if (i->cls == CLS_I64) return i;
    return b_value1(b, type_is_unsigned(t) ? SSA_OP_ZEXT : SSA_OP_SEXT, CLS_I64, int_type(), i);
}

void b_bounds_check(Builder *b, Value *i, Value *len, int kind) {
    Value *c = b_value2(b, SSA_OP_BOUNDS_CHECK, CLS_VOID, NULL, i, len);
    c->aux_int = kind;
}

static void slice_check(Builder *b, Value *x, Value *y, int kind) {
    Value *c = b_value2(b, SSA_OP_SLICE_CHECK, CLS_VOID, NULL, x, y);
    c->aux_int = kind;
}

/* Go's boundsKind, as the runtime prints them. */
enum { BK_INDEX, BK_SLICE_ALEN, BK_SLICE_ACAP, BK_SLICE_B, BK_SLICE3_ALEN, BK_SLICE3_ACAP, BK_SLICE3_B, BK_SLICE3_C };

/* ---- constants ----------------------------------------------------------------- */

BVal b_const_value(Builder *b, const Const *c, Type *t) {
    if (type_is_untyped(t)) t = type_default(t);
    Type *u = type_underlying(t);
    if (u->kind == TY_INTERFACE) {
        BVal inner = b_const_value(b, c, c->kind == CONST_BOOL ? bool_type()
                                         : c->kind == CONST_STRING ? type_basic(TY_STRING)
                                         : c->kind == CONST_FLOAT ? type_basic(TY_FLOAT64) : int_type());
        return b_convert(b, inner, t, b->pos);
    }
    switch (c->kind) {
    case CONST_BOOL:
        return b_words(t, 1, b_const(b, CLS_B, t, c->u.b), NULL, NULL);
    case CONST_STRING:
        return b_words(t, 2, b_const_string(b, c->u.str.bytes, c->u.str.len),
                       b_const_int(b, c->u.str.len), NULL);
    case CONST_INT:
    case CONST_FLOAT: {
        ValClass cls = b_class_of(t);
        int64_t bits = 0;
        if (cls == CLS_F64 || cls == CLS_F32) {
            double d = const_to_double(c);
            if (cls == CLS_F32) {
                float f = (float)d;
                uint32_t u32;
                memcpy(&u32, &f, 4);
                bits = u32;
            } else {
                memcpy(&bits, &d, 8);
            }
        } else if (c->kind == CONST_FLOAT) {
            bits = (int64_t)const_to_double(c);
        } else {
            uint64_t uv;
            if (!const_to_int64(c, &bits) && const_to_uint64(c, &uv)) bits = (int64_t)uv;
        }
        return b_words(t, 1, b_const(b, cls, t, bits), NULL, NULL);
    }
    default:
        return b_zero(b, t);
    }
}

/* ---- variables ----------------------------------------------------------------- */

static Value *global_addr(Builder *b, Object *obj) {
    Value *v = b_value(b, SSA_OP_ADDR, CLS_I64, ptr_type());
    v->aux = obj;
    return v;
}

/* The address of a local that lives in memory. */
static Value *local_addr(Builder *b, LocalVar *lv) {
    if (lv->home == HOME_SLOT) return slot_addr(b, lv->slot);
    return b_read_var(b, lv->var, b->cur);
}

static BVal var_value(Builder *b, Object *obj) {
    if (obj->flags & OBJ_PKG_LEVEL) return b_load(b, global_addr(b, obj), obj->type);
    LocalVar *lv = b_local(b, obj);
    if (lv->home != HOME_SSA) return b_load(b, local_addr(b, lv), obj->type);
    b_ensure_block(b);
    BVal v = {.type = obj->type, .n = lv->nwords};
    for (int i = 0; i < lv->nwords; i++) v.w[i] = b_read_var(b, lv->var + i, b->cur);
    return v;
}

LValue b_lvalue(Builder *b, AstNode *e) {
    e = ast_unparen(e);
    LValue lv = {.kind = LV_BLANK};
    if (e->kind == AST_NAME) {
        AstName *n = AST_AS(AstName, e);
        if (!n->obj || (n->value[0] == '_' && n->value[1] == 0)) return lv;
        lv.type = n->obj->type;
        if (!(n->obj->flags & OBJ_PKG_LEVEL)) {
            LocalVar *l = b_local(b, n->obj);
            if (l->home == HOME_SSA) {
                lv.kind = LV_VAR;
                lv.var = l;
                return lv;
            }
        }
    }
    if (e->kind == AST_INDEX_EXPR && type_underlying(type_of(AST_AS(AstIndexExpr, e)->x))->kind == TY_MAP)
        return b_map_lvalue(b, AST_AS(AstIndexExpr, e));
    lv.kind = LV_MEM;
    lv.type = type_of(e);
    lv.addr = b_addr(b, e);
    return lv;
}

void b_assign(Builder *b, const LValue *lv, BVal v) {
    switch (lv->kind) {
    case LV_BLANK:
        return;
    case LV_VAR:
        b_ensure_block(b);
        for (int i = 0; i < lv->var->nwords; i++) b_write_var(b, lv->var->var + i, b->cur, v.w[i]);
        return;
    case LV_MEM:
        b_store(b, lv->addr, v);
        return;
    case LV_MAP:
        b_map_assign(b, lv, v);
        return;
    }
}

/* ---- selectors ------------------------------------------------------------------- */

/* Finds field name at exactly depth d below struct type t; fills path. */
static bool find_field_at(Type *t, const char *name, int d, TypeField **path) {
    Type *u = type_underlying(t);
    if (u->kind == TY_POINTER) u = type_underlying(u->u.array.elem);
    if (u->kind != TY_STRUCT) return false;
    type_size(u);
    for (int i = 0; i < u->u.strct.n; i++) {
        TypeField *f = &u->u.strct.fields[i];
        if (d == 0 && f->name == name) {
            path[0] = f;
            return true;
        }
        if (d > 0 && f->embedded && find_field_at(f->type, name, d - 1, path + 1)) {
            path[0] = f;
            return true;
        }
    }
    return false;
}

/* The field path of x.name (shallowest first); its length, 0 if none. */
static int field_path(Type *t, const char *name, TypeField **path) {
    for (int d = 0; d < 8; d++)
        if (find_field_at(t, name, d, path)) return d + 1;
    return 0;
}

/* The address of the field reached by path from base: base is the
 * struct's address, or a pointer to it when through_ptr. */
static Value *field_addr(Builder *b, Value *base, bool through_ptr, TypeField **path, int n) {
    if (through_ptr) b_nil_check(b, base);
    for (int i = 0; i < n; i++) {
        base = offptr(b, base, path[i]->offset);
        if (i + 1 < n && type_underlying(path[i]->type)->kind == TY_POINTER) {
            base = b_value1(b, SSA_OP_LOAD, CLS_I64, ptr_type(), base);
            b_nil_check(b, base);
        }
    }
    return base;
}

/* The base of selector x.f: an address (struct value or variable) or a pointer. */
static Value *selector_base(Builder *b, AstNode *x, bool *through_ptr) {
    Type *t = type_of(x);
    if (type_underlying(t)->kind == TY_POINTER) {
        *through_ptr = true;
        return b_expr1(b, x);
    }
    *through_ptr = false;
    BVal v = b_expr(b, x);
    return b_spill(b, v);
}

static bool is_pkg_name(AstNode *x) {
    x = ast_unparen(x);
    return x->kind == AST_NAME && AST_AS(AstName, x)->obj && AST_AS(AstName, x)->obj->kind == OBJ_PKG;
}

/* ---- addresses --------------------------------------------------------------------- */

/* The address of element i of an array at base (len n): bounds-checked. */
static Value *elem_addr(Builder *b, Value *base, Value *i, Type *it, Value *len, Type *elem, AstNode *index) {
    const Const *c = ((AstExpr *)index)->cval;
    int64_t es = type_size(elem);
    i = widen_index(b, i, it);
    /* Always checked here: a slice or string variable can have a constant
     * length (var a []int), and the checkelim pass removes the checks that
     * constants prove. */
    b_bounds_check(b, i, len, BK_INDEX);
    if (c && i->op == SSA_OP_CONST) return offptr(b, base, i->aux_int * es);
    Value *off = es == 1 ? i : b_value2(b, SSA_OP_MUL, CLS_I64, int_type(), i, b_const_int(b, es));
    return b_value2(b, SSA_OP_ADDPTR, CLS_I64, ptr_type(), base, off);
}

/* The address of x[i] for arrays, pointers to arrays and slices. */
static Value *index_addr(Builder *b, AstIndexExpr *ix) {
    Type *u = type_underlying(type_of(ix->x));
    Value *base, *len;
    Type *elem;
    if (u->kind == TY_SLICE) {
        BVal s = b_expr(b, ix->x);
        base = s.w[0], len = s.w[1], elem = u->u.array.elem;
    } else if (u->kind == TY_POINTER) {
        Type *at = type_underlying(u->u.array.elem);
        base = b_nil_check(b, b_expr1(b, ix->x));
        len = b_const_int(b, at->u.array.len), elem = at->u.array.elem;
    } else {
        base = b_spill(b, b_expr(b, ix->x));
        len = b_const_int(b, u->u.array.len), elem = u->u.array.elem;
    }
    Value *i = b_expr1(b, ix->index);
    return elem_addr(b, base, i, type_of(ix->index), len, elem, ix->index);
}

static BVal composite_lit(Builder *b, AstCompositeLit *lit);

Value *b_addr(Builder *b, AstNode *e) {
    e = ast_unparen(e);
    Pos save = b->pos;
    b->pos = e->pos;
    Value *r = NULL;
    switch (e->kind) {
    case AST_NAME: {
        Object *obj = AST_AS(AstName, e)->obj;
        if (obj->flags & OBJ_PKG_LEVEL) {
            r = global_addr(b, obj);
        } else {
            LocalVar *lv = b_local(b, obj);
            if (lv->home == HOME_SSA) b_ice(b, "address of a register variable");
            r = local_addr(b, lv);
        }
        break;
    }
    case AST_SELECTOR_EXPR: {
        AstSelectorExpr *s = AST_AS(AstSelectorExpr, e);
        if (is_pkg_name(s->x)) {
            if (s->sel->obj && s->sel->obj->kind == OBJ_VAR) r = global_addr(b, s->sel->obj);
            else b_unsupported(b, e->pos, "standard library variables"), r = temp_slot(b, type_of(e), "bad");
            break;
        }
        if (s->sel_kind == AST_SEL_FIELD && s->npath > 0) {
            bool is_ptr;
            Value *base = selector_base(b, s->x, &is_ptr);
            Type *t = type_of(s->x);
            if (is_ptr) t = type_underlying(t)->u.array.elem;
            base = b_follow_path(b, base, &t, s->path, s->npath - 1, &is_ptr);
            Type *u = type_underlying(t);
            type_size(u);
            if (is_ptr) b_nil_check(b, base);
            r = offptr(b, base, u->u.strct.fields[s->path[s->npath - 1]].offset);
            break;
        }
        TypeField *path[8];
        int n = field_path(type_of(s->x), s->sel->value, path);
        if (!n) {
            b_unsupported(b, e->pos, "this selector");
            r = temp_slot(b, type_of(e), "bad");
            break;
        }
        bool through_ptr;
        Value *base = selector_base(b, s->x, &through_ptr);
        r = field_addr(b, base, through_ptr, path, n);
        break;
    }
    case AST_INDEX_EXPR: {
        AstIndexExpr *ix = AST_AS(AstIndexExpr, e);
        if (type_underlying(type_of(ix->x))->kind == TY_MAP) {
            r = b_spill(b, b_map_index(b, ix, NULL));
            break;
        }
        r = index_addr(b, ix);
        break;
    }
    case AST_OPERATION: {
        AstOperation *op = AST_AS(AstOperation, e);
        if (op->op == OP_MUL && !op->y) {
            r = b_nil_check(b, b_expr1(b, op->x));
            break;
        }
        r = b_spill(b, b_expr(b, e));
        break;
    }
    case AST_COMPOSITE_LIT: {
        Type *t = type_of(e);
        r = b_alloc(b, t, e, "autotmp");
        if (b_is_memory_type(t)) b_composite_into(b, AST_AS(AstCompositeLit, e), t, r, true);
        else b_store(b, r, composite_lit(b, AST_AS(AstCompositeLit, e))); /* &[]T{...}, &map[K]V{...} */
        break;
    }
    default:
        r = b_spill(b, b_expr(b, e));
        break;
    }
    b->pos = save;
    return r;
}

Value *b_alloc(Builder *b, Type *t, const AstNode *n, const char *name) {
    if (b->init_heap || (n && (n->flags & AST_ESC_HEAP))) {
        Value *v = b_value(b, SSA_OP_NEW, CLS_I64, ptr_type());
        v->aux = t;
        v->aux_int = 0;
        return v;
    }
    return temp_slot(b, t, name);
}

/* ---- composite literals ----------------------------------------------------------- */

/* Stores element value e of type t at addr. */
static void init_elem(Builder *b, AstNode *e, Type *t, Value *addr) {
    AstNode *x = ast_unparen(e);
    if (x->kind == AST_COMPOSITE_LIT && b_is_memory_type(t) && !((AstExpr *)x)->cval) {
        b_composite_into(b, AST_AS(AstCompositeLit, x), t, addr, false);
        return;
    }
    b_store(b, addr, b_expr_to(b, e, t));
}

/* The number of elements of an array or slice literal (keys included). */
static int64_t lit_length(AstCompositeLit *lit) {
    int64_t i = 0, max = 0;
    for (int k = 0; k < lit->elems.n; k++) {
        AstNode *el = lit->elems.items[k];
        if (el->kind == AST_KEY_VALUE_EXPR) {
            const Const *c = ((AstExpr *)AST_AS(AstKeyValueExpr, el)->key)->cval;
            int64_t v = 0;
            if (c) const_to_int64(c, &v);
            i = v;
        }
        i++;
        if (i > max) max = i;
    }
    return max;
}

/* Fills the elements of an array literal at addr. */
static void array_elems(Builder *b, AstCompositeLit *lit, Type *elem, Value *addr) {
    int64_t es = type_size(elem), i = 0;
    for (int k = 0; k < lit->elems.n; k++) {
        AstNode *el = lit->elems.items[k];
        if (el->kind == AST_KEY_VALUE_EXPR) {
            const Const *c = ((AstExpr *)AST_AS(AstKeyValueExpr, el)->key)->cval;
            int64_t v = 0;
            if (c) const_to_int64(c, &v);
            i = v;
            el = AST_AS(AstKeyValueExpr, el)->value;
        }
        init_elem(b, el, elem, offptr(b, addr, i * es));
        i++;
    }
}

void b_composite_into(Builder *b, AstCompositeLit *lit, Type *t, Value *addr, bool zero) {
    Type *u = type_underlying(t);
    Pos save = b->pos;
    b->pos = lit->expr.node.pos;
    if (zero && type_size(t) > 0) {
        Value *z = b_value1(b, SSA_OP_ZERO, CLS_VOID, NULL, addr);
        z->aux_int = type_size(t);
    }
    if (u->kind == TY_STRUCT) {
        type_size(u);
        for (int k = 0; k < lit->elems.n; k++) {
            AstNode *el = lit->elems.items[k];
            TypeField *f = NULL;
            if (el->kind == AST_KEY_VALUE_EXPR) {
                const char *name = AST_AS(AstName, AST_AS(AstKeyValueExpr, el)->key)->value;
                for (int i = 0; i < u->u.strct.n; i++)
                    if (u->u.strct.fields[i].name == name) f = &u->u.strct.fields[i];
                el = AST_AS(AstKeyValueExpr, el)->value;
            } else if (k < u->u.strct.n) {
                f = &u->u.strct.fields[k];
            }
            if (f) init_elem(b, el, f->type, offptr(b, addr, f->offset));
        }
    } else if (u->kind == TY_ARRAY) {
        array_elems(b, lit, u->u.array.elem, addr);
    } else {
        b_unsupported(b, lit->expr.node.pos, "this composite literal");
    }
    b->pos = save;
}

/* A composite literal as a value. */
static BVal composite_lit(Builder *b, AstCompositeLit *lit) {
    Type *t = type_of(&lit->expr.node);
    Type *u = type_underlying(t);
    if (u->kind == TY_POINTER) {
        /* an elided &T{...} inside an outer literal */
        Type *et = u->u.array.elem;
        Value *p = b_alloc(b, et, &lit->expr.node, "autotmp");
        b_composite_into(b, lit, et, p, true);
        return b_words(t, 1, p, NULL, NULL);
    }
    if (u->kind == TY_SLICE) {
        int64_t n = lit_length(lit);
        Type *at = type_new_array(mem_perm(b->mem), u->u.array.elem, n);
        Value *p = b_alloc(b, at, &lit->expr.node, "autotmp");
        if (!(lit->expr.node.flags & AST_ESC_HEAP) && type_size(at) > 0) {
            Value *z = b_value1(b, SSA_OP_ZERO, CLS_VOID, NULL, p);
            z->aux_int = type_size(at);
        }
        array_elems(b, lit, u->u.array.elem, p);
        Value *len = b_const_int(b, n);
        return b_words(t, 3, p, len, len);
    }
    if (u->kind == TY_MAP) return b_map_literal(b, lit, t);
    Value *p = temp_slot(b, t, "autotmp");
    b_composite_into(b, lit, t, p, true);
    return (BVal){.type = t, .n = -1, .addr = p};
}

/* ---- conversions ------------------------------------------------------------------- */

/* Words of a runtime call that returns a slice (through a result area). */
static BVal runtime_slice(Builder *b, const char *name, Type *t, Value **args, int nargs) {
    Value *area = temp_slot(b, t, "autotmp");
    Value *all[8] = {area};
    for (int i = 0; i < nargs; i++) all[i + 1] = args[i];
    Value *c = b_runtime(b, name, CLS_VOID, NULL, all, nargs + 1);
    c->aux_int = SSA_CALL_RESULT_AREA;
    return b_load(b, area, t);
}

/* Integer v of class from to class cls (extending by the source's signedness). */
static Value *convert_int(Builder *b, Value *v, bool from_signed, ValClass cls, Type *t) {
    if (v->cls == cls) return v;
    if (v->cls == CLS_B) return b_value1(b, SSA_OP_ZEXT, cls, t, v);
    if (cls > v->cls) return b_value1(b, from_signed ? SSA_OP_SEXT : SSA_OP_ZEXT, cls, t, v);
    return b_value1(b, SSA_OP_TRUNC, cls, t, v);
}

BVal b_convert(Builder *b, BVal v, Type *to, Pos pos) {
    if (!to || !v.type || v.n == 0) return v;
    Type *from = v.type, *tu = type_underlying(to), *fu = type_underlying(from);
    Pos save = b->pos;
    b->pos = pos;
    BVal r = v;
    r.type = to;
    if (type_identical(from, to) || type_identical(tu, fu)) {
        /* same representation */
    } else if (tu->kind == TY_INTERFACE) {
        if (fu->kind != TY_INTERFACE) r = b_box(b, v, to, true);
        else r = b_convert_iface(b, v, to);
    } else if (type_is_integer(to) && (type_is_integer(from) || fu->kind == TY_UNTYPED_BOOL)) {
        r.w[0] = convert_int(b, v.w[0], !type_is_unsigned(from), b_class_of(to), to);
    } else if (type_is_float(to) && type_is_integer(from)) {
        Value *x = convert_int(b, v.w[0], !type_is_unsigned(from), CLS_I64, int_type());
        r.w[0] = b_value1(b, type_is_unsigned(from) && fu->kind != TY_UNTYPED_INT ? SSA_OP_CVT_U2F : SSA_OP_CVT_I2F,
                          b_class_of(to), to, x);
    } else if (type_is_integer(to) && type_is_float(from)) {
        Value *x = b_value1(b, type_is_unsigned(to) ? SSA_OP_CVT_F2U : SSA_OP_CVT_F2I, CLS_I64, to, v.w[0]);
        r.w[0] = convert_int(b, x, true, b_class_of(to), to);
    } else if (type_is_float(to) && type_is_float(from)) {
        if (b_class_of(to) != v.w[0]->cls) r.w[0] = b_value1(b, SSA_OP_CVT_F2F, b_class_of(to), to, v.w[0]);
    } else if (tu->kind == TY_STRING && type_is_integer(from)) {
        Value *x = convert_int(b, v.w[0], !type_is_unsigned(from), CLS_I64, int_type());
        Value *c = b_runtime(b, "mgc_intstring", CLS_TUPLE, NULL, &x, 1);
        r = b_words(to, 2, NULL, NULL, NULL);
        for (int i = 0; i < 2; i++) {
            r.w[i] = b_value1(b, SSA_OP_SELECT, CLS_I64, i ? int_type() : ptr_type(), c);
            r.w[i]->aux_int = i;
        }
    } else if (tu->kind == TY_STRING && fu->kind == TY_SLICE) {
        bool runes = type_underlying(fu->u.array.elem)->kind == TY_INT32;
        Value *args[2] = {v.w[0], v.w[1]};
        Value *c = b_runtime(b, runes ? "mgc_slicerunetostring" : "mgc_slicebytetostring", CLS_TUPLE, NULL, args, 2);
        r = b_words(to, 2, NULL, NULL, NULL);
        for (int i = 0; i < 2; i++) {
            r.w[i] = b_value1(b, SSA_OP_SELECT, CLS_I64, i ? int_type() : ptr_type(), c);
            r.w[i]->aux_int = i;
        }
    } else if (tu->kind == TY_SLICE && fu->kind == TY_STRING) {
        bool runes = type_underlying(tu->u.array.elem)->kind == TY_INT32;
        Value *args[2] = {v.w[0], v.w[1]};
        r = runtime_slice(b, runes ? "mgc_stringtoslicerune" : "mgc_stringtoslicebyte", to, args, 2);
    } else if (tu->kind == TY_POINTER && fu->kind == TY_SLICE) {
        /* (*[N]T)(s): len(s) >= N, checked as Go checks it */
        int64_t n = type_underlying(tu->u.array.elem)->u.array.len;
        Value *want = b_const_int(b, n);
        Value *shortv = b_value2(b, SSA_OP_LT, CLS_B, bool_type(), v.w[1], want);
        shortv->aux_int = CLS_I64;
        Block *fail = b_block(b, BLOCK_PLAIN), *good = b_block(b, BLOCK_PLAIN);
        b_branch(b, shortv, fail, good);
        b_seal(b, fail);
        b_seal(b, good);
        b_start(b, fail);
        Value *args[2] = {v.w[1], want};
        b_runtime(b, "mgc_panicslicetoarray", CLS_VOID, NULL, args, 2);
        b->cur->kind = BLOCK_EXIT;
        b->cur = NULL;
        b_start(b, good);
        r = b_words(to, 1, v.w[0], NULL, NULL);
    } else if (v.n == 1 && b_class_of(to) == CLS_I64 && v.w[0]->cls == CLS_I64) {
        /* pointers, unsafe.Pointer and uintptr */
    } else {
        b_unsupported(b, pos, "this conversion");
        r = b_zero(b, to);
    }
    b->pos = save;
    return r;
}

BVal b_expr_to(Builder *b, AstNode *e, Type *t) {
    AstExpr *x = (AstExpr *)e;
    if (x->cval && t && type_underlying(t)->kind != TY_INTERFACE) {
        Pos save = b->pos;
        b->pos = ast_start_pos(e);
        BVal v = b_const_value(b, x->cval, t);
        b->pos = save;
        return v;
    }
    BVal v = b_expr(b, e);
    if (!t || !v.type) return v;
    if (type_underlying(t)->kind == TY_INTERFACE && type_underlying(v.type)->kind != TY_INTERFACE) {
        Pos save = b->pos;
        b->pos = ast_start_pos(e);
        BVal r = b_box(b, v, t, !(e->flags & AST_ESC_CONV_SITE) || (e->flags & AST_ESC_CONV_HEAP));
        b->pos = save;
        return r;
    }
    if (type_underlying(v.type)->kind == TY_UNTYPED_NIL) return b_zero(b, t);
    return b_convert(b, v, t, ast_start_pos(e));
}

/* ---- operators ---------------------------------------------------------------------- */

/* Comparison of two words of class cls (signedness from t). */
static Value *compare_words(Builder *b, AstOp op, Value *x, Value *y, Type *t) {
    bool f = type_is_float(t), u = type_is_unsigned(t) || type_underlying(t)->kind == TY_POINTER;
    Op o;
    switch (op) {
    case OP_EQL: o = f ? SSA_OP_FEQ : SSA_OP_EQ; break;
    case OP_NEQ: o = f ? SSA_OP_FNE : SSA_OP_NE; break;
    case OP_LSS: o = f ? SSA_OP_FLT : u ? SSA_OP_LTU : SSA_OP_LT; break;
    case OP_LEQ: o = f ? SSA_OP_FLE : u ? SSA_OP_LEU : SSA_OP_LE; break;
    case OP_GTR: o = f ? SSA_OP_FGT : u ? SSA_OP_GTU : SSA_OP_GT; break;
    default: o = f ? SSA_OP_FGE : u ? SSA_OP_GEU : SSA_OP_GE; break;
    }
    Value *v = b_value2(b, o, CLS_B, bool_type(), x, y);
    v->aux_int = x->cls;
    return v;
}

/* Memory values of type t at x and y compared for equality, field by field. */
static Value *equal_memory(Builder *b, Value *x, Value *y, Type *t) {
    Type *u = type_underlying(t);
    Value *acc = NULL;
    int n = u->kind == TY_STRUCT ? u->u.strct.n : (int)u->u.array.len;
    if (u->kind == TY_ARRAY && n > 16) {
        /* long arrays: the type's equality, through its descriptor */
        Value *args[3] = {b_type_desc(b, t), x, y};
        return b_runtime(b, "mgc_type_equal", CLS_B, bool_type(), args, 3);
    }
    type_size(u);
    for (int i = 0; i < n; i++) {
        Type *ft;
        int64_t off;
        if (u->kind == TY_STRUCT) {
            TypeField *f = &u->u.strct.fields[i];
            if (f->name && f->name[0] == '_' && f->name[1] == 0) continue;
            ft = f->type, off = f->offset;
        } else {
            ft = u->u.array.elem, off = i * type_size(ft);
        }
        BVal a = b_load(b, offptr(b, x, off), ft), c = b_load(b, offptr(b, y, off), ft);
        Value *e = b_compare(b, OP_EQL, a, c);
        acc = acc ? b_value2(b, SSA_OP_AND, CLS_B, bool_type(), acc, e) : e;
    }
    return acc ? acc : b_const(b, CLS_B, bool_type(), 1);
}

Value *b_compare(Builder *b, AstOp op, BVal x, BVal y) {
    Type *t = x.type;
    if (type_underlying(t)->kind == TY_UNTYPED_NIL) t = y.type;
    Type *u = type_underlying(t);
    Value *r;
    switch (u->kind) {
    case TY_STRING: case TY_UNTYPED_STRING: {
        Value *args[4] = {x.w[0], x.w[1], y.w[0], y.w[1]};
        if (op == OP_EQL || op == OP_NEQ) {
            r = b_runtime(b, "mgc_eqstring", CLS_B, bool_type(), args, 4);
            if (op == OP_NEQ) r = b_value1(b, SSA_OP_NOT, CLS_B, bool_type(), r);
            return r;
        }
        Value *c = b_runtime(b, "mgc_cmpstring", CLS_I64, int_type(), args, 4);
        return compare_words(b, op, c, b_const_int(b, 0), int_type());
    }
    case TY_STRUCT: case TY_ARRAY:
        r = equal_memory(b, x.addr, y.addr, t);
        return op == OP_NEQ ? b_value1(b, SSA_OP_NOT, CLS_B, bool_type(), r) : r;
    case TY_INTERFACE:
        if (type_underlying(x.type)->kind == TY_UNTYPED_NIL || type_underlying(y.type)->kind == TY_UNTYPED_NIL ||
            x.w[0]->op == SSA_OP_CONST_NIL || y.w[0]->op == SSA_OP_CONST_NIL)
            return compare_words(b, op, x.w[0], y.w[0], ptr_type());
        return b_iface_compare(b, op, x, y);
    default:
        return compare_words(b, op, x.w[0], y.w[0], t);
    }
}

/* String concatenation of n operands. */
static BVal concat(Builder *b, BVal *parts, int n, Type *t) {
    Type *st = type_basic(TY_STRING);
    Type *at = type_new_array(mem_perm(b->mem), st, n);
    Value *arr = temp_slot(b, at, "autotmp");
    for (int i = 0; i < n; i++) b_store(b, offptr(b, arr, 16 * i), parts[i]);
    Value *args[2] = {arr, b_const_int(b, n)};
    Value *c = b_runtime(b, "mgc_concatstrings", CLS_TUPLE, NULL, args, 2);
    BVal r = b_words(t, 2, NULL, NULL, NULL);
    for (int i = 0; i < 2; i++) {
        r.w[i] = b_value1(b, SSA_OP_SELECT, CLS_I64, i ? int_type() : ptr_type(), c);
        r.w[i]->aux_int = i;
    }
    return r;
}

BVal b_binary(Builder *b, AstOp op, BVal x, BVal y, Type *t, Pos pos) {
    Pos save = b->pos;
    b->pos = pos;
    Type *u = type_underlying(t);
    ValClass cls = x.n > 0 ? x.w[0]->cls : CLS_I64;
    bool f = type_is_float(t), uns = type_is_unsigned(t);
    Value *r = NULL;
    if (u->kind == TY_STRING) {
        BVal parts[2] = {x, y};
        b->pos = save;
        return concat(b, parts, 2, t);
    }
    Value *a = x.w[0], *c = y.w[0];
    switch (op) {
    case OP_ADD: r = b_value2(b, f ? SSA_OP_FADD : SSA_OP_ADD, cls, t, a, c); break;
    case OP_SUB: r = b_value2(b, f ? SSA_OP_FSUB : SSA_OP_SUB, cls, t, a, c); break;
    case OP_MUL: r = b_value2(b, f ? SSA_OP_FMUL : SSA_OP_MUL, cls, t, a, c); break;
    case OP_DIV: case OP_REM:
        if (f) {
            r = b_value2(b, SSA_OP_FDIV, cls, t, a, c);
            break;
        }
        /* A variable divisor can hold the constant 0 (b := 0; a / b): only a
         * known non-zero divisor needs no check. */
        if (c->op != SSA_OP_CONST || c->aux_int == 0) b_value1(b, SSA_OP_DIV_CHECK, CLS_VOID, NULL, c);
        r = b_value2(b, op == OP_DIV ? (uns ? SSA_OP_DIVU : SSA_OP_DIV) : (uns ? SSA_OP_MODU : SSA_OP_MOD), cls, t, a, c);
        break;
    case OP_AND: r = b_value2(b, SSA_OP_AND, cls, t, a, c); break;
    case OP_OR: r = b_value2(b, SSA_OP_OR, cls, t, a, c); break;
    case OP_XOR: r = b_value2(b, SSA_OP_XOR, cls, t, a, c); break;
    case OP_AND_NOT: r = b_value2(b, SSA_OP_ANDNOT, cls, t, a, c); break;
    case OP_SHL: case OP_SHR:
        if (!type_is_unsigned(y.type) && (c->op != SSA_OP_CONST || ssa_const_sext(c->aux_int, c->cls) < 0))
            b_value1(b, SSA_OP_SHIFT_CHECK, CLS_VOID, NULL, c);
        r = b_value2(b, op == OP_SHL ? SSA_OP_SHL : uns ? SSA_OP_SHRU : SSA_OP_SHR, cls, t, a, c);
        break;
    default:
        b_ice(b, "unexpected binary operator");
    }
    b->pos = save;
    return b_words(t, 1, r, NULL, NULL);
}

/* && and || as a value. */
static BVal logical_value(Builder *b, AstNode *e) {
    Type *t = type_of(e);
    int var = b_new_var(b, CLS_B, t);
    Block *yes = b_block(b, BLOCK_PLAIN), *no = b_block(b, BLOCK_PLAIN), *join = b_block(b, BLOCK_PLAIN);
    b_cond(b, e, yes, no);
    b_seal(b, yes);
    b_seal(b, no);
    b_start(b, yes);
    b_write_var(b, var, yes, b_const(b, CLS_B, t, 1));
    b_jump(b, join);
    b_start(b, no);
    b_write_var(b, var, no, b_const(b, CLS_B, t, 0));
    b_jump(b, join);
    b_seal(b, join);
    b_start(b, join);
    return b_words(t, 1, b_read_var(b, var, join), NULL, NULL);
}

void b_cond(Builder *b, AstNode *e, Block *yes, Block *no) {
    e = ast_unparen(e);
    if (e->kind == AST_OPERATION && !((AstExpr *)e)->cval) {
        AstOperation *op = AST_AS(AstOperation, e);
        if (op->op == OP_NOT && !op->y) {
            b_cond(b, op->x, no, yes);
            return;
        }
        if (op->op == OP_ANDAND || op->op == OP_OROR) {
            Block *mid = b_block(b, BLOCK_PLAIN);
            if (op->op == OP_ANDAND) b_cond(b, op->x, mid, no);
            else b_cond(b, op->x, yes, mid);
            b_seal(b, mid);
            b_start(b, mid);
            b_cond(b, op->y, yes, no);
            return;
        }
    }
    Value *c = b_expr1(b, e);
    b_branch(b, c, yes, no);
}

static BVal unary(Builder *b, AstOperation *op, Type *t) {
    switch (op->op) {
    case OP_AND: {
        AstNode *x = ast_unparen(op->x);
        if (x->kind == AST_COMPOSITE_LIT) {
            Type *et = type_of(x);
            Value *p = b_alloc(b, et, &op->expr.node, "autotmp");
            if (b_is_memory_type(et)) b_composite_into(b, AST_AS(AstCompositeLit, x), et, p, true);
            else b_store(b, p, composite_lit(b, AST_AS(AstCompositeLit, x))); /* &[]T{...} */
            return b_words(t, 1, p, NULL, NULL);
        }
        return b_words(t, 1, b_addr(b, op->x), NULL, NULL);
    }
    case OP_MUL: {
        Value *p = b_nil_check(b, b_expr1(b, op->x));
        return b_load(b, p, t);
    }
    case OP_ADD:
        return b_expr(b, op->x);
    case OP_SUB: {
        Value *x = b_expr1(b, op->x);
        return b_words(t, 1, b_value1(b, type_is_float(t) ? SSA_OP_FNEG : SSA_OP_NEG, x->cls, t, x), NULL, NULL);
    }
    case OP_XOR: {
        Value *x = b_expr1(b, op->x);
        return b_words(t, 1, b_value1(b, SSA_OP_COM, x->cls, t, x), NULL, NULL);
    }
    case OP_NOT: {
        Value *x = b_expr1(b, op->x);
        return b_words(t, 1, b_value1(b, SSA_OP_NOT, CLS_B, t, x), NULL, NULL);
    }
    default:
        b_unsupported(b, op->expr.node.pos, "channels");
        return b_zero(b, t);
    }
}

static bool is_comparison(AstOp op) {
    return op == OP_EQL || op == OP_NEQ || op == OP_LSS || op == OP_LEQ || op == OP_GTR || op == OP_GEQ;
}

/* A string concatenation chain a + b + c as one runtime call. */
static int concat_operands(Builder *b, AstNode *e, BVal *parts, int n, int max) {
    AstNode *x = ast_unparen(e);
    if (x->kind == AST_OPERATION && AST_AS(AstOperation, x)->op == OP_ADD && AST_AS(AstOperation, x)->y &&
        !((AstExpr *)x)->cval && n + 2 <= max) {
        n = concat_operands(b, AST_AS(AstOperation, x)->x, parts, n, max);
        return concat_operands(b, AST_AS(AstOperation, x)->y, parts, n, max);
    }
    parts[n] = b_expr_to(b, e, type_basic(TY_STRING));
    return n + 1;
}

static BVal operation(Builder *b, AstOperation *op) {
    Type *t = type_of(&op->expr.node);
    if (!op->y) return unary(b, op, t);
    if (op->op == OP_ANDAND || op->op == OP_OROR) return logical_value(b, &op->expr.node);
    if (is_comparison(op->op)) {
        Type *xt = type_of(op->x), *yt = type_of(op->y);
        bool xnil = type_underlying(((AstExpr *)op->x)->type)->kind == TY_UNTYPED_NIL;
        bool ynil = type_underlying(((AstExpr *)op->y)->type)->kind == TY_UNTYPED_NIL;
        Type *ct = xnil ? yt : ((AstExpr *)op->x)->cval && !((AstExpr *)op->y)->cval ? yt : xt;
        /* a concrete value compared with an interface is converted to it */
        if (!xnil && !ynil && type_is_interface(yt) && !type_is_interface(xt)) ct = yt;
        if (!xnil && !ynil && type_is_interface(xt) && !type_is_interface(yt)) ct = xt;
        BVal x = xnil ? b_zero(b, ct) : b_expr_to(b, op->x, ct);
        BVal y = ynil ? b_zero(b, ct) : b_expr_to(b, op->y, ct);
        b->pos = op->expr.node.pos;
        return b_words(t, 1, b_compare(b, op->op, x, y), NULL, NULL);
    }
    if (op->op == OP_ADD && type_is_string(t)) {
        BVal parts[32];
        int n = concat_operands(b, &op->expr.node, parts, 0, 32);
        b->pos = op->expr.node.pos;
        return concat(b, parts, n, t);
    }
    if (op->op == OP_SHL || op->op == OP_SHR) {
        BVal x = b_expr_to(b, op->x, t);
        BVal y = b_expr(b, op->y);
        return b_binary(b, op->op, x, y, t, op->expr.node.pos);
    }
    BVal x = b_expr_to(b, op->x, t);
    BVal y = b_expr_to(b, op->y, t);
    return b_binary(b, op->op, x, y, t, op->expr.node.pos);
}

/* ---- indexing and slicing ------------------------------------------------------------- */

static BVal index_expr(Builder *b, AstIndexExpr *ix) {
    Type *t = type_of(&ix->expr.node);
    Type *u = type_underlying(type_of(ix->x));
    if (u->kind == TY_MAP) return b_map_index(b, ix, NULL);
    if (u->kind == TY_STRING) {
        BVal s = b_expr(b, ix->x);
        Value *i = b_expr1(b, ix->index);
        b->pos = ix->expr.node.pos;
        Value *p = elem_addr(b, s.w[0], i, type_of(ix->index), s.w[1], type_basic(TY_UINT8), ix->index);
        return b_words(t, 1, b_value1(b, SSA_OP_LOAD, CLS_I8, t, p), NULL, NULL);
    }
    Value *p = index_addr(b, ix);
    return b_load(b, p, t);
}

/* lo, hi, max of a slice expression, as 64-bit values (NULL: absent). */
static Value *slice_index(Builder *b, AstNode *e) {
    if (!e) return NULL;
    return widen_index(b, b_expr1(b, e), type_of(e));
}

static BVal slice_expr(Builder *b, AstSliceExpr *s) {
    Type *t = type_of(&s->expr.node);
    Type *u = type_underlying(type_of(s->x));
    Value *ptr, *len, *cap;
    Type *elem;
    bool is_string = u->kind == TY_STRING;
    if (u->kind == TY_SLICE || is_string) {
        BVal x = b_expr(b, s->x);
        ptr = x.w[0], len = x.w[1], cap = is_string ? len : x.w[2];
        elem = is_string ? type_basic(TY_UINT8) : u->u.array.elem;
    } else {
        Type *at = u;
        if (u->kind == TY_POINTER) {
            at = type_underlying(u->u.array.elem);
            ptr = b_nil_check(b, b_expr1(b, s->x));
        } else {
            ptr = b_addr(b, s->x);
        }
        elem = at->u.array.elem;
        len = cap = b_const_int(b, at->u.array.len);
    }
    Value *lo = slice_index(b, s->index[0]), *hi = slice_index(b, s->index[1]), *max = slice_index(b, s->index[2]);
    b->pos = s->expr.node.pos;
    bool from_slice = u->kind == TY_SLICE;
    if (s->full) {
        slice_check(b, max, cap, BK_SLICE3_ACAP);
        slice_check(b, hi, max, BK_SLICE3_B);
        if (lo) slice_check(b, lo, hi, BK_SLICE3_C);
    } else {
        if (!hi) hi = len;
        else slice_check(b, hi, from_slice ? cap : len, from_slice ? BK_SLICE_ACAP : BK_SLICE_ALEN);
        if (lo) slice_check(b, lo, hi, BK_SLICE_B);
        max = cap;
    }
    Type *it = int_type();
    Value *nlen = lo ? b_value2(b, SSA_OP_SUB, CLS_I64, it, hi, lo) : hi;
    Value *ncap = is_string ? nlen : lo ? b_value2(b, SSA_OP_SUB, CLS_I64, it, max, lo) : max;
    Value *nptr = ptr;
    if (lo && !(lo->op == SSA_OP_CONST && lo->aux_int == 0)) {
        int64_t es = type_size(elem);
        Value *delta = es == 1 ? lo : b_value2(b, SSA_OP_MUL, CLS_I64, it, lo, b_const_int(b, es));
        /* never point past the end: no offset when the result is empty */
        Value *neg = b_value1(b, SSA_OP_NEG, CLS_I64, it, ncap);
        Value *mask = b_value2(b, SSA_OP_SHR, CLS_I64, it, neg, b_const_int(b, 63));
        delta = b_value2(b, SSA_OP_AND, CLS_I64, it, delta, mask);
        nptr = b_value2(b, SSA_OP_ADDPTR, CLS_I64, ptr_type(), ptr, delta);
    }
    if (is_string) return b_words(t, 2, nptr, nlen, NULL);
    return b_words(t, 3, nptr, nlen, ncap);
}

/* ---- expressions ---------------------------------------------------------------------- */

BVal b_expr(Builder *b, AstNode *e) {
    AstExpr *x = (AstExpr *)e;
    if (b->npreset) {
        const BVal *pre = b_preset(b, e);
        if (pre) return *pre;
    }
    Pos save = b->pos;
    b->pos = e->pos;
    BVal r;
    if (x->cval) {
        b->pos = ast_start_pos(e);
        r = b_const_value(b, x->cval, x->type);
        b->pos = save;
        return r;
    }
    Type *t = type_of(e);
    switch (e->kind) {
    case AST_NAME: {
        Object *obj = AST_AS(AstName, e)->obj;
        if (!obj || obj->kind == OBJ_NIL) r = b_zero(b, t ? t : ptr_type());
        else if (obj->kind == OBJ_VAR) r = var_value(b, obj);
        else if (obj->kind == OBJ_FUNC) r = b_func_value(b, obj, e->pos);
        else {
            b_unsupported(b, e->pos, "this name as a value");
            r = b_zero(b, t);
        }
        break;
    }
    case AST_PAREN_EXPR:
        r = b_expr(b, AST_AS(AstParenExpr, e)->x);
        break;
    case AST_COMPOSITE_LIT:
        r = composite_lit(b, AST_AS(AstCompositeLit, e));
        break;
    case AST_FUNC_LIT:
        r = b_func_lit(b, AST_AS(AstFuncLit, e));
        break;
    case AST_SELECTOR_EXPR: {
        AstSelectorExpr *s = AST_AS(AstSelectorExpr, e);
        Object *m = s->sel->obj;
        if (is_pkg_name(s->x)) {
            if (m && m->kind == OBJ_VAR && !m->pkg->fake) r = var_value(b, m);
            else if (m && m->kind == OBJ_VAR) r = b_load(b, global_addr(b, m), m->type);
            else if (m && m->kind == OBJ_FUNC) r = b_func_value(b, m, e->pos);
            else b_unsupported(b, e->pos, "standard library variables"), r = b_zero(b, t);
        } else if (m && m->kind == OBJ_FUNC) {
            r = b_method_value(b, s);
        } else {
            r = b_load(b, b_addr(b, e), t);
        }
        break;
    }
    case AST_INDEX_EXPR:
        r = index_expr(b, AST_AS(AstIndexExpr, e));
        break;
    case AST_SLICE_EXPR:
        r = slice_expr(b, AST_AS(AstSliceExpr, e));
        break;
    case AST_OPERATION:
        r = operation(b, AST_AS(AstOperation, e));
        break;
    case AST_CALL_EXPR:
        r = b_call1(b, AST_AS(AstCallExpr, e));
        break;
    case AST_ASSERT_EXPR:
        r = b_assert(b, AST_AS(AstAssertExpr, e), NULL);
        break;
    default:
        b_unsupported(b, e->pos, "this expression");
        r = t ? b_zero(b, t) : (BVal){0};
        break;
    }
    b->pos = save;
    return r;
}

Value *b_expr1(Builder *b, AstNode *e) {
    BVal v = b_expr(b, e);
    if (v.n != 1) {
        if (v.n < 0) return v.addr;
        if (v.n == 0) b_ice(b, "expression without a value");
    }
    return v.w[0];
}
