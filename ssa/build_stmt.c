/* build_stmt.c — statements and control flow to SSA blocks: declarations,
 * assignments, if, for, range over arrays, slices and strings, switch
 * (with fallthrough), labels, break, continue, goto and return.
 *
 * A block is sealed as soon as all of its predecessors are known: the body
 * of an if or a loop right away, a loop header after its back edge, a join
 * or exit block after the last jump to it, a label's block at the end of
 * the function (a goto may reach it from anywhere). */
#include <string.h>

#include "ssa/build.h"

/* ---- helpers ------------------------------------------------------------- */

static bool is_dead(const AstNode *n) {
    return n && (n->flags & AST_ESC_DEAD);
}

/* The number of expressions of a list (a ListExpr or one expression). */
static int list_len(AstNode *n) {
    if (!n) return 0;
    return n->kind == AST_LIST_EXPR ? AST_AS(AstListExpr, n)->elems.n : 1;
}

/* Item i of a list as list_len counts it. */
static AstNode *list_item(AstNode *n, int i) {
    if (n->kind == AST_LIST_EXPR) return AST_AS(AstListExpr, n)->elems.items[i];
    return n;
}

bool b_is_new_name(AstName *name) {
    return name->obj && name->obj->kind == OBJ_VAR && name->obj->pos == name->expr.node.pos;
}

int64_t b_result_offset(Type *results, int i) {
    int64_t off = 0;
    for (int k = 0;; k++) {
        Type *t = results->u.tuple.types[k];
        int64_t a = type_align(t);
        if (a > 1) off = (off + a - 1) / a * a;
        if (k == i) return off;
        off += type_size(t);
    }
}

/* Gives a memory value its own copy when assignments could overlap. */
static BVal stable(Builder *b, BVal v) {
    if (v.n < 0) v.addr = b_copy_to_temp(b, v);
    return v;
}

/* ---- return ---------------------------------------------------------------- */

/* Ends the current block returning the result values vals. */
void b_return_values(Builder *b, BVal *vals) {
    Type *res = b->sig->u.func.results;
    Value *ctl[8];
    int nctl = 0;
    for (int i = 0; i < b->nresults; i++) {
        if (b->result_area) {
            Value *at = b_value1(b, SSA_OP_OFFPTR, CLS_I64, type_basic(TY_UNSAFE_POINTER), b->result_ptr);
            at->aux_int = b_result_offset(res, i);
            b_store(b, at, vals[i]);
        } else {
            for (int k = 0; k < vals[i].n && nctl < 8; k++) ctl[nctl++] = vals[i].w[k];
        }
    }
    b_ensure_block(b);
    Block *blk = b->cur;
    blk->kind = BLOCK_RET;
    for (int i = 0; i < nctl; i++) ssa_block_add_control(b->f, blk, ctl[i]);
    b->cur = NULL;
}

/* The current value of a local variable object. */
static BVal read_local(Builder *b, Object *obj) {
    LocalVar *lv = b_local(b, obj);
    if (lv->home == HOME_SSA) {
        BVal v = {.type = obj->type, .n = lv->nwords};
        for (int i = 0; i < lv->nwords; i++) v.w[i] = b_read_var(b, lv->var + i, b->cur);
        return v;
    }
    Value *addr;
    if (lv->home == HOME_SLOT) {
        addr = b_value(b, SSA_OP_SLOT, CLS_I64, type_basic(TY_UNSAFE_POINTER));
        addr->aux = lv->slot;
    } else {
        addr = b_read_var(b, lv->var, b->cur);
    }
    return b_load(b, addr, obj->type);
}

void b_return_current(Builder *b) {
    if (b->defer_frame) {
        b_defer_return(b, NULL);
        return;
    }
    BVal vals[16];
    Type *res = b->sig->u.func.results;
    for (int i = 0; i < b->nresults && i < 16; i++)
        vals[i] = b->results[i] ? read_local(b, b->results[i]) : b_zero(b, res->u.tuple.types[i]);
    b_return_values(b, vals);
}

static void return_stmt(Builder *b, AstReturnStmt *s) {
    if (!s->results) {
        b_return_current(b);
        return;
    }
    BVal vals[16];
    Type *res = b->sig->u.func.results;
    int n = list_len(s->results);
    if (b->nresults > 16) {
        b_unsupported(b, s->node.pos, "more than 16 results");
        return;
    }
    if (n == 1 && b->nresults > 1) {
        AstNode *x = ast_unparen(s->results);
        BVal rs[16];
        int got = x->kind == AST_CALL_EXPR ? b_call(b, AST_AS(AstCallExpr, x), rs, 16) : 0;
        for (int i = 0; i < b->nresults; i++)
            vals[i] = i < got ? b_convert(b, rs[i], res->u.tuple.types[i], s->node.pos) : b_zero(b, res->u.tuple.types[i]);
    } else {
        for (int i = 0; i < n && i < b->nresults; i++)
            vals[i] = b_expr_to(b, list_item(s->results, i), res->u.tuple.types[i]);
    }
    if (b->defer_frame) {
        b_defer_return(b, vals);
        return;
    }
    b_return_values(b, vals);
}

/* ---- declarations and assignments ---------------------------------------------- */

/* Evaluates the right-hand sides of an assignment of nl values. */
int b_eval_rhs(Builder *b, AstNode *rhs, int nl, Type **types, BVal *out, Pos pos) {
    int nr = list_len(rhs);
    if (nr == 1 && nl > 1) {
        AstNode *x = ast_unparen(rhs);
        bool map_index = x->kind == AST_INDEX_EXPR &&
                         type_underlying(((AstExpr *)AST_AS(AstIndexExpr, x)->x)->type)->kind == TY_MAP;
        if (x->kind == AST_ASSERT_EXPR || map_index) {
            Value *ok;
            out[0] = x->kind == AST_ASSERT_EXPR ? b_assert(b, AST_AS(AstAssertExpr, x), &ok)
                                                : b_map_index(b, AST_AS(AstIndexExpr, x), &ok);
            out[1] = b_words(type_basic(TY_BOOL), 1, ok, NULL, NULL);
            for (int i = 0; i < 2; i++)
                if (types[i]) out[i] = b_convert(b, out[i], types[i], pos);
            return nl;
        }
        if (x->kind != AST_CALL_EXPR) {
            b_unsupported(b, x->pos, "comma-ok expressions");
            for (int i = 0; i < nl; i++) out[i] = b_zero(b, types[i] ? types[i] : type_basic(TY_INT));
            return nl;
        }
        int got = b_call(b, AST_AS(AstCallExpr, x), out, nl);
        for (int i = got; i < nl; i++) out[i] = b_zero(b, types[i] ? types[i] : type_basic(TY_INT));
        for (int i = 0; i < nl; i++)
            if (types[i]) out[i] = b_convert(b, out[i], types[i], pos);
        return nl;
    }
    for (int i = 0; i < nr && i < nl; i++) {
        AstNode *e = list_item(rhs, i);
        out[i] = types[i] ? b_expr_to(b, e, types[i]) : b_expr(b, e);
        if (nl > 1) out[i] = stable(b, out[i]);
    }
    return nr;
}

static void var_decl(Builder *b, AstVarDecl *vd) {
    int n = vd->names.n;
    if (n > 16) {
        b_unsupported(b, vd->node.pos, "more than 16 variables in one declaration");
        return;
    }
    b->pos = vd->node.pos;
    BVal vals[16];
    Type *types[16];
    for (int i = 0; i < n; i++) types[i] = vd->names.items[i]->obj ? vd->names.items[i]->obj->type : NULL;
    if (vd->values) b_eval_rhs(b, vd->values, n, types, vals, vd->node.pos);
    for (int i = 0; i < n; i++) {
        Object *obj = vd->names.items[i]->obj;
        if (!obj || obj->name[0] == '_') continue;
        LocalVar *lv = b_declare(b, obj);
        if (!vd->values) continue;
        LValue l = {.kind = LV_VAR, .type = obj->type, .var = lv};
        if (lv->home != HOME_SSA) {
            l.kind = LV_MEM;
            l.addr = b_addr(b, &vd->names.items[i]->expr.node);
        }
        b_assign(b, &l, vals[i]);
    }
}

static void decl_stmt(Builder *b, AstDeclStmt *s) {
    for (int i = 0; i < s->decls.n; i++)
        if (s->decls.items[i]->kind == AST_VAR_DECL) var_decl(b, AST_AS(AstVarDecl, s->decls.items[i]));
}

static void assign_stmt(Builder *b, AstAssignStmt *s) {
    b->pos = s->node.pos;
    if (!s->rhs || (s->op != OP_NONE && s->op != OP_DEF)) {
        /* x op= y, x++, x-- */
        LValue lv = b_lvalue(b, s->lhs);
        BVal cur;
        if (lv.kind == LV_VAR) {
            cur = (BVal){.type = lv.type, .n = lv.var->nwords};
            for (int i = 0; i < lv.var->nwords; i++) cur.w[i] = b_read_var(b, lv.var->var + i, b->cur);
        } else if (lv.kind == LV_MAP) {
            cur = b_map_load(b, &lv);
        } else {
            cur = b_load(b, lv.addr, lv.type);
        }
        BVal y;
        if (s->rhs) {
            AstOp op = s->op;
            y = (op == OP_SHL || op == OP_SHR) ? b_expr(b, s->rhs) : b_expr_to(b, s->rhs, lv.type);
        } else {
            ValClass cls = b_class_of(lv.type);
            int64_t one = 1;
            if (cls == CLS_F64) {
                double d = 1.0;
                memcpy(&one, &d, 8);
            } else if (cls == CLS_F32) {
                float f = 1.0f;
                uint32_t u;
                memcpy(&u, &f, 4);
                one = u;
            }
            y = b_words(lv.type, 1, b_const(b, cls, lv.type, one), NULL, NULL);
        }
        b->pos = s->node.pos;
        BVal r = b_binary(b, s->op, cur, y, lv.type, s->node.pos);
        b_assign(b, &lv, r);
        return;
    }
    int nl = list_len(s->lhs);
    if (nl > 16) {
        b_unsupported(b, s->node.pos, "more than 16 assignments in one statement");
        return;
    }
    LValue lvs[16];
    Type *types[16];
    bool fresh[16];
    for (int i = 0; i < nl; i++) {
        AstNode *l = list_item(s->lhs, i);
        fresh[i] = false;
        if (s->op == OP_DEF && l->kind == AST_NAME && b_is_new_name(AST_AS(AstName, l))) {
            fresh[i] = true;
            types[i] = AST_AS(AstName, l)->obj->type;
            continue;
        }
        lvs[i] = b_lvalue(b, l);
        types[i] = lvs[i].kind == LV_BLANK ? NULL : lvs[i].type;
    }
    BVal vals[16];
    b_eval_rhs(b, s->rhs, nl, types, vals, s->node.pos);
    b->pos = s->node.pos;
    for (int i = 0; i < nl; i++) {
        if (!fresh[i]) continue;
        AstName *name = AST_AS(AstName, list_item(s->lhs, i));
        if (name->value[0] == '_' && name->value[1] == 0) {
            lvs[i].kind = LV_BLANK;
            continue;
        }
        b_declare(b, name->obj);
        lvs[i] = b_lvalue(b, &name->expr.node);
    }
    for (int i = 0; i < nl; i++) b_assign(b, &lvs[i], vals[i]);
}

/* ---- control flow ---------------------------------------------------------------- */

static BranchTarget *push_target(Builder *b, AstNode *stmt, Block *brk, Block *cont) {
    BranchTarget *t = ARENA_NEW(b->tmp, BranchTarget);
    t->stmt = stmt;
    t->brk = brk;
    t->cont = cont;
    t->outer = b->targets;
    b->targets = t;
    return t;
}

/* The block of a labeled statement, created by the first goto or the label. */
static Block *label_block(Builder *b, AstNode *labeled) {
    for (LabelBlock *l = b->labels; l; l = l->next)
        if (l->stmt == labeled) return l->block;
    LabelBlock *l = ARENA_NEW(b->tmp, LabelBlock);
    l->stmt = labeled;
    l->block = b_block(b, BLOCK_PLAIN);
    l->next = b->labels;
    b->labels = l;
    return l->block;
}

static void branch_stmt(Builder *b, AstBranchStmt *s) {
    if (s->tok == TOK_GOTO) {
        b_jump(b, label_block(b, s->target));
        return;
    }
    if (s->tok == TOK_FALLTHROUGH) {
        if (b->fallthrough_to) b_jump(b, b->fallthrough_to);
        return;
    }
    for (BranchTarget *t = b->targets; t; t = t->outer) {
        if (t->stmt != s->target) continue;
        if (s->tok == TOK_BREAK) b_jump(b, t->brk);
        else if (t->cont) b_jump(b, t->cont);
        return;
    }
    b_ice(b, "branch without a target");
}

static void if_stmt(Builder *b, AstIfStmt *s) {
    if (s->init) b_stmt(b, s->init);
    Block *then = b_block(b, BLOCK_PLAIN), *join = b_block(b, BLOCK_PLAIN);
    Block *els = s->els ? b_block(b, BLOCK_PLAIN) : join;
    bool then_dead = is_dead(&s->then->node), els_dead = is_dead(s->els);
    b->pos = s->node.pos;
    if (then_dead && (!s->els || els_dead)) {
        b_jump(b, join);
    } else if (then_dead) {
        b_jump(b, els);
    } else if (els_dead) {
        b_jump(b, then);
    } else {
        b_cond(b, s->cond, then, els);
    }
    b_seal(b, then);
    if (!then_dead) {
        b_start(b, then);
        b_block_stmt(b, s->then);
        b_jump(b, join);
    }
    if (s->els) {
        b_seal(b, els);
        if (!els_dead) {
            b_start(b, els);
            b_stmt(b, s->els);
            b_jump(b, join);
        }
    }
    b_seal(b, join);
    b_start(b, join);
}

/* The header, body, continue and exit blocks of a loop. */
typedef struct Loop {
    Block *head, *body, *post, *exit;
} Loop;

static Loop loop_begin(Builder *b) {
    Loop l = {b_block(b, BLOCK_PLAIN), b_block(b, BLOCK_PLAIN), b_block(b, BLOCK_PLAIN), b_block(b, BLOCK_PLAIN)};
    b_jump(b, l.head);
    b_start(b, l.head);
    return l;
}

/* Builds the loop body; stmt is what break and continue name. */
static void loop_body(Builder *b, Loop *l, AstNode *stmt, AstBlockStmt *body) {
    b_seal(b, l->body);
    b_start(b, l->body);
    BranchTarget *saved = b->targets;
    push_target(b, stmt, l->exit, l->post);
    b_block_stmt(b, body);
    b->targets = saved;
    b_jump(b, l->post);
    b_seal(b, l->post);
    b_start(b, l->post);
}

/* Closes the loop: the back edge, then the header and exit are complete. */
static void loop_end(Builder *b, Loop *l) {
    b_jump(b, l->head);
    b_seal(b, l->head);
    b_seal(b, l->exit);
    b_start(b, l->exit);
}

static void range_stmt(Builder *b, AstForStmt *s);

static void for_stmt(Builder *b, AstForStmt *s) {
    if (s->init && s->init->kind == AST_RANGE_CLAUSE) {
        range_stmt(b, s);
        return;
    }
    if (s->init) b_stmt(b, s->init);
    Loop l = loop_begin(b);
    b->pos = s->node.pos;
    if (s->cond) b_cond(b, s->cond, l.body, l.exit);
    else b_jump(b, l.body);
    loop_body(b, &l, &s->node, s->body);
    if (s->post) b_stmt(b, s->post);
    loop_end(b, &l);
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

static void range_stmt(Builder *b, AstForStmt *s) {
    AstRangeClause *rc = AST_AS(AstRangeClause, s->init);
    b->pos = rc->node.pos;
    Type *xt = ((AstExpr *)rc->x)->type;
    if (type_is_untyped(xt)) xt = type_default(xt);
    Type *u = type_underlying(xt);
    bool ptr_array = u->kind == TY_POINTER && type_underlying(u->u.array.elem)->kind == TY_ARRAY;
    if (u->kind == TY_MAP) {
        b_map_range(b, s);
        return;
    }
    if (u->kind != TY_SLICE && u->kind != TY_ARRAY && u->kind != TY_STRING && !ptr_array) {
        b_unsupported(b, rc->node.pos, u->kind == TY_MAP ? "range over maps" : "range over this type");
        return;
    }
    AstNode *key = NULL, *val = NULL;
    if (rc->lhs) {
        key = list_item(rc->lhs, 0);
        if (list_len(rc->lhs) > 1) val = list_item(rc->lhs, 1);
    }
    if (val && val->kind == AST_NAME && strcmp(AST_AS(AstName, val)->value, "_") == 0)
        val = NULL; /* `for i, _ := range p` does not dereference p */
    /* the range expression, evaluated once */
    Value *base = NULL, *len;
    Type *elem = NULL;
    if (u->kind == TY_ARRAY || ptr_array) {
        Type *at = ptr_array ? type_underlying(u->u.array.elem) : u;
        elem = at->u.array.elem;
        len = b_const_int(b, at->u.array.len);
        if (val) {
            if (ptr_array) {
                base = b_nil_check(b, b_expr1(b, rc->x));
            } else {
                BVal a = b_expr(b, rc->x);
                base = b_copy_to_temp(b, a);
            }
        } else if (ptr_array || !((AstExpr *)rc->x)->cval) {
            /* evaluated for its side effects only */
            if (ast_unparen(rc->x)->kind == AST_CALL_EXPR) b_expr(b, rc->x);
        }
    } else {
        BVal x = b_expr(b, rc->x);
        base = x.w[0];
        len = x.w[1];
        if (u->kind == TY_SLICE) elem = u->u.array.elem;
    }
    bool has_key = range_var(b, rc, key), has_val = range_var(b, rc, val);
    Type *it = type_basic(TY_INT);
    int iv = b_new_var(b, CLS_I64, it);
    b_write_var(b, iv, b->cur, b_const_int(b, 0));
    int nextv = b_new_var(b, CLS_I64, it);
    Loop l = loop_begin(b);
    b->pos = rc->node.pos;
    Value *i = b_read_var(b, iv, b->cur);
    Value *cond = b_value2(b, SSA_OP_LT, CLS_B, type_basic(TY_BOOL), i, len);
    cond->aux_int = CLS_I64;
    b_branch(b, cond, l.body, l.exit);
    b_seal(b, l.body);
    b_start(b, l.body);
    i = b_read_var(b, iv, b->cur);
    if (u->kind == TY_STRING) {
        /* ASCII inline, else mgc_decoderune(ptr, len, i) -> (rune, next) */
        Type *rt = type_rune();
        int rv = b_new_var(b, CLS_I32, rt);
        Value *p = b_value2(b, SSA_OP_ADDPTR, CLS_I64, type_basic(TY_UNSAFE_POINTER), base, i);
        Value *c = b_value1(b, SSA_OP_LOAD, CLS_I8, type_basic(TY_UINT8), p);
        Value *c32 = b_value1(b, SSA_OP_ZEXT, CLS_I32, rt, c);
        Value *ascii = b_value2(b, SSA_OP_LTU, CLS_B, type_basic(TY_BOOL), c32, b_const(b, CLS_I32, rt, 0x80));
        ascii->aux_int = CLS_I32;
        Block *fast = b_block(b, BLOCK_PLAIN), *slow = b_block(b, BLOCK_PLAIN), *join = b_block(b, BLOCK_PLAIN);
        b_branch(b, ascii, fast, slow);
        b_seal(b, fast);
        b_seal(b, slow);
        b_start(b, fast);
        b_write_var(b, rv, fast, c32);
        b_write_var(b, nextv, fast, b_value2(b, SSA_OP_ADD, CLS_I64, it, i, b_const_int(b, 1)));
        b_jump(b, join);
        b_start(b, slow);
        Value *args[3] = {base, len, i};
        Value *t = b_runtime(b, "mgc_decoderune", CLS_TUPLE, NULL, args, 3);
        Value *r = b_value1(b, SSA_OP_SELECT, CLS_I32, rt, t);
        r->aux_int = 0;
        Value *nx = b_value1(b, SSA_OP_SELECT, CLS_I64, it, t);
        nx->aux_int = 1;
        b_write_var(b, rv, slow, r);
        b_write_var(b, nextv, slow, nx);
        b_jump(b, join);
        b_seal(b, join);
        b_start(b, join);
        LValue klv, vlv;
        if (has_key) klv = b_lvalue(b, key);
        if (has_val) vlv = b_lvalue(b, val);
        if (has_key) b_assign(b, &klv, b_words(it, 1, i, NULL, NULL));
        if (has_val) b_assign(b, &vlv, b_words(rt, 1, b_read_var(b, rv, b->cur), NULL, NULL));
    } else {
        b_write_var(b, nextv, b->cur, b_value2(b, SSA_OP_ADD, CLS_I64, it, i, b_const_int(b, 1)));
        LValue klv, vlv;
        if (has_key) klv = b_lvalue(b, key);
        if (has_val) vlv = b_lvalue(b, val);
        if (has_key) b_assign(b, &klv, b_words(it, 1, i, NULL, NULL));
        if (has_val) {
            int64_t es = type_size(elem);
            Value *off = b_value2(b, SSA_OP_MUL, CLS_I64, it, i, b_const_int(b, es));
            Value *p = b_value2(b, SSA_OP_ADDPTR, CLS_I64, type_basic(TY_UNSAFE_POINTER), base, off);
            b_assign(b, &vlv, b_load(b, p, elem));
        }
    }
    BranchTarget *saved = b->targets;
    push_target(b, &s->node, l.exit, l.post);
    b_block_stmt(b, s->body);
    b->targets = saved;
    b_jump(b, l.post);
    b_seal(b, l.post);
    b_start(b, l.post);
    b_write_var(b, iv, b->cur, b_read_var(b, nextv, b->cur));
    loop_end(b, &l);
}

static void switch_stmt(Builder *b, AstSwitchStmt *s) {
    if (s->tag && s->tag->kind == AST_TYPE_SWITCH_GUARD) {
        b_type_switch(b, s);
        return;
    }
    if (s->init) b_stmt(b, s->init);
    b->pos = s->node.pos;
    BVal tag = {0};
    Type *tt = NULL;
    if (s->tag) {
        tt = ((AstExpr *)s->tag)->type;
        if (type_is_untyped(tt)) tt = type_default(tt);
        tag = stable(b, b_expr_to(b, s->tag, tt));
    }
    int n = s->body.n;
    Block **bodies = ARENA_NEW_ARRAY(b->tmp, Block *, n + 1);
    Block *exit = b_block(b, BLOCK_PLAIN);
    int dflt = -1;
    for (int i = 0; i < n; i++) bodies[i] = b_block(b, BLOCK_PLAIN);
    for (int i = 0; i < n; i++) {
        AstCaseClause *cc = AST_AS(AstCaseClause, s->body.items[i]);
        if (!cc->cases) {
            dflt = i;
            continue;
        }
        int m = list_len(cc->cases);
        for (int k = 0; k < m; k++) {
            AstNode *e = list_item(cc->cases, k);
            Block *next = b_block(b, BLOCK_PLAIN);
            b->pos = ast_start_pos(e);
            if (s->tag) {
                Type *et = ((AstExpr *)e)->type;
                BVal v = b_expr_to(b, e, type_is_untyped(et) || type_is_interface(tt) ? tt : et);
                b_branch(b, b_compare(b, OP_EQL, tag, v), bodies[i], next);
            } else {
                b_cond(b, e, bodies[i], next);
            }
            b_seal(b, next);
            b_start(b, next);
        }
    }
    b_jump(b, dflt >= 0 ? bodies[dflt] : exit);
    BranchTarget *saved = b->targets;
    push_target(b, &s->node, exit, NULL);
    for (int i = 0; i < n; i++) {
        AstCaseClause *cc = AST_AS(AstCaseClause, s->body.items[i]);
        b_seal(b, bodies[i]);
        b_start(b, bodies[i]);
        Block *saved_ft = b->fallthrough_to;
        b->fallthrough_to = i + 1 < n ? bodies[i + 1] : NULL;
        for (int k = 0; k < cc->body.n; k++)
            if (!is_dead(cc->body.items[k])) b_stmt(b, cc->body.items[k]);
        b->fallthrough_to = saved_ft;
        b_jump(b, exit);
    }
    b->targets = saved;
    b_seal(b, exit);
    b_start(b, exit);
}

/* ---- statements ------------------------------------------------------------------ */

void b_block_stmt(Builder *b, AstBlockStmt *blk) {
    for (int i = 0; i < blk->stmts.n; i++)
        if (!is_dead(blk->stmts.items[i])) b_stmt(b, blk->stmts.items[i]);
}

void b_stmt(Builder *b, AstNode *s) {
    if (!s || is_dead(s)) return;
    b->pos = s->pos;
    switch (s->kind) {
    case AST_EMPTY_STMT:
        break;
    case AST_LABELED_STMT: {
        Block *l = label_block(b, s);
        b_jump(b, l);
        b_start(b, l);
        b_stmt(b, AST_AS(AstLabeledStmt, s)->stmt);
        break;
    }
    case AST_BLOCK_STMT:
        b_block_stmt(b, AST_AS(AstBlockStmt, s));
        break;
    case AST_EXPR_STMT: {
        AstNode *x = ast_unparen(AST_AS(AstExprStmt, s)->x);
        if (x->kind == AST_CALL_EXPR) {
            BVal rs[16];
            b_call(b, AST_AS(AstCallExpr, x), rs, 16);
        } else {
            b_expr(b, x);
        }
        break;
    }
    case AST_DECL_STMT:
        decl_stmt(b, AST_AS(AstDeclStmt, s));
        break;
    case AST_ASSIGN_STMT:
        assign_stmt(b, AST_AS(AstAssignStmt, s));
        break;
    case AST_BRANCH_STMT:
        branch_stmt(b, AST_AS(AstBranchStmt, s));
        break;
    case AST_RETURN_STMT:
        return_stmt(b, AST_AS(AstReturnStmt, s));
        break;
    case AST_IF_STMT:
        if_stmt(b, AST_AS(AstIfStmt, s));
        break;
    case AST_FOR_STMT:
        for_stmt(b, AST_AS(AstForStmt, s));
        break;
    case AST_SWITCH_STMT:
        switch_stmt(b, AST_AS(AstSwitchStmt, s));
        break;
    case AST_CALL_STMT:
        if (AST_AS(AstCallStmt, s)->tok == TOK_DEFER) b_defer_stmt(b, AST_AS(AstCallStmt, s));
        else b_unsupported(b, s->pos, "goroutines");
        break;
    case AST_SEND_STMT:
    case AST_SELECT_STMT:
        b_unsupported(b, s->pos, "channels");
        break;
    default:
        b_unsupported(b, s->pos, "this statement");
        break;
    }
}
