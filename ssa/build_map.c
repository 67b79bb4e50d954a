/* build_map.c — maps, all through the runtime (docs/abi.md, "Maps"):
 * make and literals (mgc_makemap, mgc_mapassign), index and comma-ok
 * (mgc_mapaccess1/2, which return a pointer to the element or to a zero
 * value), assignment (mgc_mapassign after the right-hand side is
 * evaluated), delete, len and range (an MgcMapIter in a frame slot).
 * Keys are passed by address: a copy in a frame slot. */
#include <string.h>

#include "ssa/build.h"

enum { MAP_ITER_SIZE = 12 * 8 };  /* MgcMapIter: key, elem, 10 private words */


static Value *temp_slot(Builder *b, Type *t, int64_t size, const char *name) {
    Value *v = b_value(b, SSA_OP_SLOT, CLS_I64, ptr_type());
    v->aux = ssa_slot_new(b->f, size > 0 ? size : 1, t ? type_align(t) : 8, t, name);
    return v;
}

Value *b_map_type_desc(Builder *b, Type *mt) {
    return b_type_desc(b, mt);
}

BVal b_make_map(Builder *b, Type *t, Value *hint) {
    Value *args[2] = {b_map_type_desc(b, t), hint ? hint : b_const_int(b, 0)};
    Value *m = b_runtime(b, "mgc_makemap", CLS_I64, t, args, 2);
    return b_words(t, 1, m, NULL, NULL);
}

/* The address of a copy of key expression e converted to the key type. */
static Value *key_addr(Builder *b, AstNode *e, Type *kt) {
    return b_copy_to_temp(b, b_expr_to(b, e, kt));
}

BVal b_map_index(Builder *b, AstIndexExpr *ix, Value **ok) {
    Type *mt = type_of(ix->x);
    Type *mu = type_underlying(mt);
    Type *vt = mu->u.map.elem;
    Value *m = b_expr1(b, ix->x);
    Value *k = key_addr(b, ix->index, mu->u.map.key);
    Pos save = b->pos;
    b->pos = ix->expr.node.pos;
    Value *args[3] = {b_map_type_desc(b, mt), m, k};
    Value *p;
    if (ok) {
        Value *c = b_runtime(b, "mgc_mapaccess2", CLS_TUPLE, NULL, args, 3);
        p = b_value1(b, SSA_OP_SELECT, CLS_I64, ptr_type(), c);
        p->aux_int = 0;
        *ok = b_value1(b, SSA_OP_SELECT, CLS_B, bool_type(), c);
        (*ok)->aux_int = 1;
    } else {
        p = b_runtime(b, "mgc_mapaccess1", CLS_I64, ptr_type(), args, 3);
    }
    BVal v = b_load(b, p, vt);
    /* the element may move when the map grows: a value of its own */
    if (v.n < 0) v.addr = b_copy_to_temp(b, v);
    b->pos = save;
    return v;
}

LValue b_map_lvalue(Builder *b, AstIndexExpr *ix) {
    Type *mt = type_of(ix->x);
    LValue lv = {.kind = LV_MAP, .type = type_underlying(mt)->u.map.elem, .map_type = mt};
    lv.map = b_expr1(b, ix->x);
    lv.key = key_addr(b, ix->index, type_underlying(mt)->u.map.key);
    return lv;
}

void b_map_assign(Builder *b, const LValue *lv, BVal v) {
    Value *args[3] = {b_map_type_desc(b, lv->map_type), lv->map, lv->key};
    Value *p = b_runtime(b, "mgc_mapassign", CLS_I64, ptr_type(), args, 3);
    b_store(b, p, v);
}

BVal b_map_load(Builder *b, const LValue *lv) {
    Value *args[3] = {b_map_type_desc(b, lv->map_type), lv->map, lv->key};
    Value *p = b_runtime(b, "mgc_mapaccess1", CLS_I64, ptr_type(), args, 3);
    BVal v = b_load(b, p, lv->type);
    if (v.n < 0) v.addr = b_copy_to_temp(b, v);
    return v;
}

BVal b_map_literal(Builder *b, AstCompositeLit *lit, Type *t) {
    Type *mu = type_underlying(t);
    BVal m = b_make_map(b, t, b_const_int(b, lit->elems.n));
    for (int i = 0; i < lit->elems.n; i++) {
        AstNode *el = lit->elems.items[i];
        if (el->kind != AST_KEY_VALUE_EXPR) continue;
        AstKeyValueExpr *kv = AST_AS(AstKeyValueExpr, el);
        LValue lv = {.kind = LV_MAP, .type = mu->u.map.elem, .map_type = t, .map = m.w[0]};
        lv.key = key_addr(b, kv->key, mu->u.map.key);
        BVal v = b_expr_to(b, kv->value, mu->u.map.elem);
        b->pos = lit->expr.node.pos;
        b_map_assign(b, &lv, v);
    }
    return m;
}

void b_map_delete(Builder *b, AstCallExpr *call) {
    Type *mt = type_of(call->args.items[0]);
    Value *m = b_expr1(b, call->args.items[0]);
    Value *k = key_addr(b, call->args.items[1], type_underlying(mt)->u.map.key);
    b->pos = call->expr.node.pos;
    Value *args[3] = {b_map_type_desc(b, mt), m, k};
    b_runtime(b, "mgc_mapdelete", CLS_VOID, NULL, args, 3);
}

Value *b_map_len(Builder *b, BVal m) {
    return b_runtime(b, "mgc_maplen", CLS_I64, int_type(), m.w, 1);
}

/* Declares a range variable (once before the loop, as Go 1.19) and says
 * whether e is assigned at all: not absent and not blank.  Its lvalue is
 * taken in each iteration, where `for a[f()] = range x` calls f. */
static bool range_var(Builder *b, AstRangeClause *rc, AstNode *e) {
    if (!e) return false;
    if (e->kind == AST_NAME && AST_AS(AstName, e)->value[0] == '_' && AST_AS(AstName, e)->value[1] == 0)
        return false;
    if (rc->def) b_declare(b, AST_AS(AstName, e)->obj);
    return true;
}

void b_map_range(Builder *b, AstForStmt *s) {
    AstRangeClause *rc = AST_AS(AstRangeClause, s->init);
    Type *mt = type_of(rc->x);
    Type *mu = type_underlying(mt);
    AstNode *key = NULL, *val = NULL;
    if (rc->lhs) {
        bool list = rc->lhs->kind == AST_LIST_EXPR;
        key = list ? AST_AS(AstListExpr, rc->lhs)->elems.items[0] : rc->lhs;
        if (list && AST_AS(AstListExpr, rc->lhs)->elems.n > 1) val = AST_AS(AstListExpr, rc->lhs)->elems.items[1];
    }
    Value *m = b_expr1(b, rc->x);
    b->pos = rc->node.pos;
    Value *it = temp_slot(b, NULL, MAP_ITER_SIZE, "mapiter");
    Value *z = b_value1(b, SSA_OP_ZERO, CLS_VOID, NULL, it);
    z->aux_int = MAP_ITER_SIZE;
    Value *args[3] = {b_map_type_desc(b, mt), m, it};
    b_runtime(b, "mgc_mapiterinit", CLS_VOID, NULL, args, 3);
    bool has_key = range_var(b, rc, key), has_val = range_var(b, rc, val);
    Block *head = b_block(b, BLOCK_PLAIN), *body = b_block(b, BLOCK_PLAIN), *post = b_block(b, BLOCK_PLAIN);
    Block *exit = b_block(b, BLOCK_PLAIN);
    b_jump(b, head);
    b_start(b, head);
    Value *kp = b_value1(b, SSA_OP_LOAD, CLS_I64, ptr_type(), it);
    kp->aux_int = 0;
    Value *more = b_value2(b, SSA_OP_NE, CLS_B, bool_type(), kp, b_value(b, SSA_OP_CONST_NIL, CLS_I64, ptr_type()));
    more->aux_int = CLS_I64;
    b_branch(b, more, body, exit);
    b_seal(b, body);
    b_start(b, body);
    LValue klv, vlv;
    if (has_key) klv = b_lvalue(b, key);
    if (has_val) vlv = b_lvalue(b, val);
    if (has_key) b_assign(b, &klv, b_load(b, kp, mu->u.map.key));
    if (has_val) {
        Value *vp = b_value1(b, SSA_OP_LOAD, CLS_I64, ptr_type(), it);
        vp->aux_int = 8;
        b_assign(b, &vlv, b_load(b, vp, mu->u.map.elem));
    }
    BranchTarget *saved = b->targets;
    BranchTarget *t = ARENA_NEW(b->tmp, BranchTarget);
    *t = (BranchTarget){.stmt = &s->node, .brk = exit, .cont = post, .outer = b->targets};
    b->targets = t;
    b_block_stmt(b, s->body);
    b->targets = saved;
    b_jump(b, post);
    b_seal(b, post);
    b_start(b, post);
    b->pos = rc->node.pos;
    b_runtime(b, "mgc_mapiternext", CLS_VOID, NULL, &it, 1);
    b_jump(b, head);
    b_seal(b, head);
    b_seal(b, exit);
    b_start(b, exit);
}
