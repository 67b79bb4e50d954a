/* build_call.c — calls and what they need: flattened argument words and
 * results (registers or a hidden result area, docs/abi.md), method calls
 * with the receiver first, closure calls through the context, the
 * builtins (len, cap, append, copy, new, make, print, println, panic),
 * function literals with their captures, func values, runtime calls, and
 * the AST walker that finds literals and captured variables. */
#include <string.h>

#include "ssa/build.h"


/* ---- the AST walker ------------------------------------------------------ */

static void walk_list(AstList *l, bool (*visit)(AstNode *, void *), void *ctx) {
    for (int i = 0; i < l->n; i++) ssa_walk_ast(l->items[i], visit, ctx);
}

void ssa_walk_ast(AstNode *n, bool (*visit)(AstNode *n, void *ctx), void *ctx) {
    if (!n || !visit(n, ctx)) return;
    switch (n->kind) {
    case AST_COMPOSITE_LIT: walk_list(&AST_AS(AstCompositeLit, n)->elems, visit, ctx); break;
    case AST_KEY_VALUE_EXPR:
        ssa_walk_ast(AST_AS(AstKeyValueExpr, n)->key, visit, ctx);
        ssa_walk_ast(AST_AS(AstKeyValueExpr, n)->value, visit, ctx);
        break;
    case AST_FUNC_LIT: ssa_walk_ast(&AST_AS(AstFuncLit, n)->body->node, visit, ctx); break;
    case AST_PAREN_EXPR: ssa_walk_ast(AST_AS(AstParenExpr, n)->x, visit, ctx); break;
    case AST_SELECTOR_EXPR: ssa_walk_ast(AST_AS(AstSelectorExpr, n)->x, visit, ctx); break;
    case AST_INDEX_EXPR:
        ssa_walk_ast(AST_AS(AstIndexExpr, n)->x, visit, ctx);
        ssa_walk_ast(AST_AS(AstIndexExpr, n)->index, visit, ctx);
        break;
    case AST_SLICE_EXPR:
        ssa_walk_ast(AST_AS(AstSliceExpr, n)->x, visit, ctx);
        for (int i = 0; i < 3; i++) ssa_walk_ast(AST_AS(AstSliceExpr, n)->index[i], visit, ctx);
        break;
    case AST_ASSERT_EXPR: ssa_walk_ast(AST_AS(AstAssertExpr, n)->x, visit, ctx); break;
    case AST_TYPE_SWITCH_GUARD: ssa_walk_ast(AST_AS(AstTypeSwitchGuard, n)->x, visit, ctx); break;
    case AST_OPERATION:
        ssa_walk_ast(AST_AS(AstOperation, n)->x, visit, ctx);
        ssa_walk_ast(AST_AS(AstOperation, n)->y, visit, ctx);
        break;
    case AST_CALL_EXPR:
        ssa_walk_ast(AST_AS(AstCallExpr, n)->fun, visit, ctx);
        walk_list(&AST_AS(AstCallExpr, n)->args, visit, ctx);
        break;
    case AST_LIST_EXPR: walk_list(&AST_AS(AstListExpr, n)->elems, visit, ctx); break;
    case AST_LABELED_STMT: ssa_walk_ast(AST_AS(AstLabeledStmt, n)->stmt, visit, ctx); break;
    case AST_BLOCK_STMT: walk_list(&AST_AS(AstBlockStmt, n)->stmts, visit, ctx); break;
    case AST_EXPR_STMT: ssa_walk_ast(AST_AS(AstExprStmt, n)->x, visit, ctx); break;
    case AST_SEND_STMT:
        ssa_walk_ast(AST_AS(AstSendStmt, n)->chan, visit, ctx);
        ssa_walk_ast(AST_AS(AstSendStmt, n)->value, visit, ctx);
        break;
    case AST_DECL_STMT: walk_list(&AST_AS(AstDeclStmt, n)->decls, visit, ctx); break;
    case AST_VAR_DECL: ssa_walk_ast(AST_AS(AstVarDecl, n)->values, visit, ctx); break;
    case AST_ASSIGN_STMT:
        ssa_walk_ast(AST_AS(AstAssignStmt, n)->lhs, visit, ctx);
        ssa_walk_ast(AST_AS(AstAssignStmt, n)->rhs, visit, ctx);
        break;
    case AST_CALL_STMT: ssa_walk_ast(&AST_AS(AstCallStmt, n)->call->expr.node, visit, ctx); break;
    case AST_RETURN_STMT: ssa_walk_ast(AST_AS(AstReturnStmt, n)->results, visit, ctx); break;
    case AST_IF_STMT: {
        AstIfStmt *s = AST_AS(AstIfStmt, n);
        ssa_walk_ast(s->init, visit, ctx);
        ssa_walk_ast(s->cond, visit, ctx);
        ssa_walk_ast(&s->then->node, visit, ctx);
        ssa_walk_ast(s->els, visit, ctx);
        break;
    }
    case AST_FOR_STMT: {
        AstForStmt *s = AST_AS(AstForStmt, n);
        ssa_walk_ast(s->init, visit, ctx);
        ssa_walk_ast(s->cond, visit, ctx);
        ssa_walk_ast(s->post, visit, ctx);
        ssa_walk_ast(&s->body->node, visit, ctx);
        break;
    }
    case AST_RANGE_CLAUSE:
        ssa_walk_ast(AST_AS(AstRangeClause, n)->lhs, visit, ctx);
        ssa_walk_ast(AST_AS(AstRangeClause, n)->x, visit, ctx);
        break;
    case AST_SWITCH_STMT:
        ssa_walk_ast(AST_AS(AstSwitchStmt, n)->init, visit, ctx);
        ssa_walk_ast(AST_AS(AstSwitchStmt, n)->tag, visit, ctx);
        walk_list(&AST_AS(AstSwitchStmt, n)->body, visit, ctx);
        break;
    case AST_SELECT_STMT: walk_list(&AST_AS(AstSelectStmt, n)->body, visit, ctx); break;
    case AST_CASE_CLAUSE:
        ssa_walk_ast(AST_AS(AstCaseClause, n)->cases, visit, ctx);
        walk_list(&AST_AS(AstCaseClause, n)->body, visit, ctx);
        break;
    case AST_COMM_CLAUSE:
        ssa_walk_ast(AST_AS(AstCommClause, n)->comm, visit, ctx);
        walk_list(&AST_AS(AstCommClause, n)->body, visit, ctx);
        break;
    default:
        break;
    }
}

/* ---- captures ----------------------------------------------------------- */

typedef struct CaptureWalk {
    Builder *b;
    AstFuncLit *lit;
    Capture *items;
    int n, cap;
} CaptureWalk;

/* Whether obj is declared inside the literal's source text. */
static bool declared_inside(const AstFuncLit *lit, const Object *obj) {
    Pos from = lit->expr.node.pos, to = lit->body->rbrace;
    return pos_file(obj->pos) == pos_file(from) && obj->pos >= from && obj->pos <= to;
}

static bool capture_name(AstNode *n, void *ctx) {
    CaptureWalk *w = ctx;
    if (n->kind != AST_NAME) return true;
    Object *obj = AST_AS(AstName, n)->obj;
    if (!obj || obj->kind != OBJ_VAR || (obj->flags & (OBJ_PKG_LEVEL | OBJ_FIELD)) || declared_inside(w->lit, obj))
        return false;
    for (int i = 0; i < w->n; i++)
        if (w->items[i].obj == obj) return false;
    if (w->n == w->cap) {
        int cap = w->cap ? w->cap * 2 : 8;
        Capture *c = ARENA_NEW_ARRAY(w->b->tmp, Capture, cap);
        if (w->n) memcpy(c, w->items, (size_t)w->n * sizeof *c);
        w->items = c;
        w->cap = cap;
    }
    Capture *c = &w->items[w->n++];
    c->obj = obj;
    c->byref = (obj->flags & (OBJ_ADDRTAKEN | OBJ_HEAP)) != 0;
    c->size = c->byref ? 8 : (type_size(obj->type) + 7) / 8 * 8;
    c->offset = w->n == 1 ? 8 : w->items[w->n - 2].offset + w->items[w->n - 2].size;
    return false;
}

int b_lit_captures(Builder *b, AstFuncLit *lit, Capture **out) {
    CaptureWalk w = {.b = b, .lit = lit};
    ssa_walk_ast(&lit->body->node, capture_name, &w);
    *out = w.items;
    return w.n;
}

/* ---- names of literals -------------------------------------------------- */

typedef struct LitIndex {
    AstFuncLit *want;
    int count, found;
} LitIndex;

static bool count_lit(AstNode *n, void *ctx) {
    LitIndex *li = ctx;
    if (li->found) return false;
    if (n->kind != AST_FUNC_LIT) return true;
    li->count++;
    if (n == &li->want->expr.node) li->found = li->count;
    return false;
}

/* The symbol of a function literal directly inside the function being built,
 * numbered as ssa_collect_program_units numbers it. */
static const char *lit_symbol(Builder *b, AstFuncLit *lit) {
    LitIndex li = {.want = lit};
    char buf[512];
    if (b->node && b->node->kind == AST_FUNC_DECL) {
        ssa_walk_ast(&AST_AS(AstFuncDecl, b->node)->body->node, count_lit, &li);
        snprintf(buf, sizeof buf, "%s.func%d", b->f->name, li.found);
    } else if (b->node) {
        ssa_walk_ast(&AST_AS(AstFuncLit, b->node)->body->node, count_lit, &li);
        snprintf(buf, sizeof buf, "%s.%d", b->f->name, li.found);
    } else {
        for (int i = 0; i < b->nfiles && !li.found; i++)
            for (int j = 0; j < b->files[i]->decls.n && !li.found; j++) {
                AstNode *d = b->files[i]->decls.items[j];
                if (d->kind == AST_VAR_DECL) ssa_walk_ast(AST_AS(AstVarDecl, d)->values, count_lit, &li);
            }
        snprintf(buf, sizeof buf, "main.glob..func%d", li.found);
    }
    return b_intern(b, buf);
}

static Value *symaddr(Builder *b, const char *sym) {
    Value *v = b_value(b, SSA_OP_SYMADDR, CLS_I64, ptr_type());
    v->aux = sym;
    return v;
}

BVal b_func_lit(Builder *b, AstFuncLit *lit) {
    Type *t = lit->expr.type;
    const char *sym = lit_symbol(b, lit);
    Capture *caps;
    int n = b_lit_captures(b, lit, &caps);
    char buf[600];
    if (n == 0) {
        snprintf(buf, sizeof buf, "%s\xc2\xb7" "f", sym);
        return b_words(t, 1, symaddr(b, b_intern(b, buf)), NULL, NULL);
    }
    int64_t size = caps[n - 1].offset + caps[n - 1].size;
    Type *ct = type_new_array(mem_perm(b->mem), ptr_type(), size / 8);
    Value *clo = b_alloc(b, ct, &lit->expr.node, "closure");
    Value *st = b_value2(b, SSA_OP_STORE, CLS_VOID, NULL, clo, symaddr(b, sym));
    st->aux_int = 0;
    for (int i = 0; i < n; i++) {
        Value *at = b_value1(b, SSA_OP_OFFPTR, CLS_I64, ptr_type(), clo);
        at->aux_int = caps[i].offset;
        AstName fake = {.expr = {.node = {.kind = AST_NAME, .pos = b->pos}, .type = caps[i].obj->type},
                        .value = caps[i].obj->name, .obj = caps[i].obj};
        if (caps[i].byref) {
            Value *p = b_addr(b, &fake.expr.node);
            Value *s = b_value2(b, SSA_OP_STORE, CLS_VOID, NULL, at, p);
            s->aux_int = 0;
        } else {
            b_store(b, at, b_expr(b, &fake.expr.node));
        }
    }
    return b_words(t, 1, clo, NULL, NULL);
}

BVal b_func_value(Builder *b, Object *fn, Pos pos) {
    (void)pos;
    char buf[600];
    if (fn->pkg && fn->pkg->fake) {
        b_unsupported(b, pos, "standard library functions as values");
        return b_words(fn->type, 1, b_value(b, SSA_OP_CONST_NIL, CLS_I64, ptr_type()), NULL, NULL);
    }
    snprintf(buf, sizeof buf, "%s\xc2\xb7" "f", b_func_symbol(b, fn));
    return b_words(fn->type, 1, symaddr(b, b_intern(b, buf)), NULL, NULL);
}

Value *b_runtime(Builder *b, const char *name, ValClass cls, Type *t, Value **args, int nargs) {
    Value *c = b_value(b, SSA_OP_CALL_RUNTIME, cls, t);
    c->aux = b_intern(b, name);
    for (int i = 0; i < nargs; i++) ssa_value_add_arg(b->f, c, args[i]);
    return c;
}

/* ---- argument lists ---------------------------------------------------------- */

typedef struct Words {
    Value *w[64];
    int n;
} Words;

/* Appends the flattened words of argument v (memory: a pointer to a copy). */
static void push_arg(Builder *b, Words *ws, BVal v) {
    if (v.n < 0) {
        if (ws->n < 64) ws->w[ws->n++] = b_copy_to_temp(b, v);
        return;
    }
    for (int i = 0; i < v.n && ws->n < 64; i++) ws->w[ws->n++] = v.w[i];
}

int b_eval_args(Builder *b, AstCallExpr *call, Type *sig, BVal *vals, int max) {
    Type *params = sig->u.func.params;
    int np = params ? params->u.tuple.n : 0;
    bool variadic = sig->u.func.variadic && !call->has_dots;
    int fixed = variadic ? np - 1 : np;
    if (np > max) {
        b_unsupported(b, call->expr.node.pos, "calls with more than 64 parameters");
        return 0;
    }
    if (call->args.n == 1 && np > 1) {
        AstNode *x = ast_unparen(call->args.items[0]);
        const BVal *pre = b_preset(b, x);
        if (x->kind == AST_CALL_EXPR && !pre) {
            BVal rs[64];
            int got = b_call(b, AST_AS(AstCallExpr, x), rs, 64);
            for (int i = 0; i < fixed && i < got; i++) vals[i] = b_convert(b, rs[i], params->u.tuple.types[i], x->pos);
            if (variadic) {
                /* f(g()) with f variadic: g's remaining results are the variadic ones */
                Type *st = params->u.tuple.types[np - 1];
                Type *et = type_underlying(st)->u.array.elem;
                int n = got - fixed;
                if (n <= 0) {
                    vals[fixed] = b_zero(b, st);
                } else {
                    Type *at = type_new_array(mem_perm(b->mem), et, n);
                    AstNode site = {.flags = (call->expr.node.flags & AST_ESC_DDD_HEAP) ? AST_ESC_HEAP : 0};
                    Value *arr = b_alloc(b, at, &site, "autotmp");
                    for (int i = 0; i < n; i++) {
                        Value *at_i = b_value1(b, SSA_OP_OFFPTR, CLS_I64, ptr_type(), arr);
                        at_i->aux_int = i * type_size(et);
                        b_store(b, at_i, b_convert(b, rs[fixed + i], et, x->pos));
                    }
                    Value *len = b_const_int(b, n);
                    vals[fixed] = b_words(st, 3, arr, len, len);
                }
            }
            return np;
        }
    }
    for (int i = 0; i < fixed && i < call->args.n; i++)
        vals[i] = b_expr_to(b, call->args.items[i], params->u.tuple.types[i]);
    if (variadic) {
        Type *st = params->u.tuple.types[np - 1];
        Type *et = type_underlying(st)->u.array.elem;
        int n = call->args.n - fixed;
        if (n == 0) {
            vals[fixed] = b_zero(b, st);
        } else {
            Type *at = type_new_array(mem_perm(b->mem), et, n);
            AstNode site = {.flags = (call->expr.node.flags & AST_ESC_DDD_HEAP) ? AST_ESC_HEAP : 0};
            Value *arr = b_alloc(b, at, &site, "autotmp");
            int64_t es = type_size(et);
            for (int i = 0; i < n; i++) {
                BVal v = b_expr_to(b, call->args.items[fixed + i], et);
                Value *at_i = b_value1(b, SSA_OP_OFFPTR, CLS_I64, ptr_type(), arr);
                at_i->aux_int = i * es;
                b_store(b, at_i, v);
            }
            Value *len = b_const_int(b, n);
            vals[fixed] = b_words(st, 3, arr, len, len);
        }
    }
    return np;
}

bool b_needs_result_area(Type *sig, ValClass *cls, Type **wt, int *nwords) {
    Type *res = sig->u.func.results;
    int nres = res ? res->u.tuple.n : 0;
    *nwords = 0;
    for (int i = 0; i < nres; i++) {
        ValClass c3[3];
        Type *t3[3];
        int n = b_type_words(res->u.tuple.types[i], c3, t3);
        if (n < 0 || *nwords + n > 2) return true;
        for (int k = 0; k < n; k++) cls[*nwords] = c3[k], wt[(*nwords)++] = t3[k];
    }
    return false;
}

/* The hidden result area of a call to sig, made before the call, or NULL. */
static Value *result_area(Builder *b, Type *sig) {
    ValClass cls[8];
    Type *wt[8];
    int nwords;
    if (!b_needs_result_area(sig, cls, wt, &nwords)) return NULL;
    Type *res = sig->u.func.results;
    int nres = res->u.tuple.n;
    int64_t size = b_result_offset(res, nres - 1) + type_size(res->u.tuple.types[nres - 1]);
    SsaSlot *s = ssa_slot_new(b->f, size > 0 ? size : 1, 8, NULL, "results");
    Value *slot = b_value(b, SSA_OP_SLOT, CLS_I64, ptr_type());
    slot->aux = s;
    return slot;
}

/* Gives call value c (op and aux set, result area slot made by
 * result_area) its argument words ws and collects the results of
 * signature sig into out. */
static int finish_call(Builder *b, Value *c, Words *ws, Type *sig, Value *slot, BVal *out, int maxout) {
    Type *res = sig->u.func.results;
    int nres = res ? res->u.tuple.n : 0;
    ValClass cls[8];
    Type *wt[8];
    int nwords;
    bool area = b_needs_result_area(sig, cls, wt, &nwords);
    if (area) {
        ssa_value_add_arg(b->f, c, slot);
        c->aux_int = SSA_CALL_RESULT_AREA;
    }
    for (int i = 0; i < ws->n; i++) ssa_value_add_arg(b->f, c, ws->w[i]);
    if (area) {
        c->cls = CLS_VOID;
        int n = 0;
        for (int i = 0; i < nres && i < maxout; i++) {
            Value *at = b_value1(b, SSA_OP_OFFPTR, CLS_I64, ptr_type(), slot);
            at->aux_int = b_result_offset(res, i);
            out[n++] = b_load(b, at, res->u.tuple.types[i]);
        }
        return n;
    }
    if (nwords == 0) {
        c->cls = CLS_VOID;
        return 0;
    }
    if (nwords == 1) {
        c->cls = cls[0];
        c->type = wt[0];
        out[0] = b_words(res->u.tuple.types[0], 1, c, NULL, NULL);
        return 1;
    }
    c->cls = CLS_TUPLE;
    c->type = res; /* codegen reads the word classes of results no Select reads */
    Value *sel[2];
    for (int k = 0; k < 2; k++) {
        sel[k] = b_value1(b, SSA_OP_SELECT, cls[k], wt[k], c);
        sel[k]->aux_int = k;
    }
    if (nres == 1) {
        out[0] = b_words(res->u.tuple.types[0], 2, sel[0], sel[1], NULL);
        return 1;
    }
    for (int i = 0; i < 2 && i < maxout; i++) out[i] = b_words(res->u.tuple.types[i], 1, sel[i], NULL, NULL);
    return 2;
}

int b_emit_call(Builder *b, Op op, const void *aux, Value *fn, Type *sig, BVal recv, BVal *args, int nargs,
                BVal *out, int maxout) {
    Words ws = {.n = 0};
    if (recv.n != 0) push_arg(b, &ws, recv);
    for (int i = 0; i < nargs; i++) push_arg(b, &ws, args[i]);
    Value *slot = result_area(b, sig);
    Value *c = b_value(b, op, CLS_VOID, NULL);
    c->aux = aux;
    if (op == SSA_OP_CALL_CLOSURE) ssa_value_add_arg(b->f, c, fn);
    return finish_call(b, c, &ws, sig, slot, out, maxout);
}

/* ---- builtins ---------------------------------------------------------------- */

static Value *elem_type_desc(Builder *b, Type *et) {
    return b_type_desc(b, et);
}

/* append(s, args...) with the inline fast path when the capacity suffices. */
static BVal builtin_append(Builder *b, AstCallExpr *call, Type *st) {
    Type *et = type_underlying(st)->u.array.elem;
    int64_t es = type_size(et);
    Type *it = int_type();
    BVal s = b_expr_to(b, call->args.items[0], st);
    int nextra = call->args.n - 1;
    BVal extra[32];
    BVal src = {0};
    Value *n;
    if (call->has_dots) {
        AstNode *a = call->args.items[1];
        src = b_expr(b, a);
        n = src.w[1];
    } else {
        if (nextra > 32) {
            b_unsupported(b, call->expr.node.pos, "append of more than 32 values");
            return s;
        }
        for (int i = 0; i < nextra; i++) {
            extra[i] = b_expr_to(b, call->args.items[1 + i], et);
            if (extra[i].n < 0) extra[i].addr = b_copy_to_temp(b, extra[i]);
        }
        n = b_const_int(b, nextra);
    }
    b->pos = call->expr.node.pos;
    Value *newlen = b_value2(b, SSA_OP_ADD, CLS_I64, it, s.w[1], n);
    int pv = b_new_var(b, CLS_I64, ptr_type()), cv = b_new_var(b, CLS_I64, it);
    Block *grow = b_block(b, BLOCK_PLAIN), *join = b_block(b, BLOCK_PLAIN);
    b_write_var(b, pv, b->cur, s.w[0]);
    b_write_var(b, cv, b->cur, s.w[2]);
    Value *fits = b_value2(b, SSA_OP_LEU, CLS_B, type_basic(TY_BOOL), newlen, s.w[2]);
    fits->aux_int = CLS_I64;
    b_branch(b, fits, join, grow);
    b_seal(b, grow);
    b_start(b, grow);
    Value *args[5] = {elem_type_desc(b, et), s.w[0], s.w[1], s.w[2], newlen};
    Value *area = b_value(b, SSA_OP_SLOT, CLS_I64, ptr_type());
    area->aux = ssa_slot_new(b->f, 24, 8, st, "autotmp");
    Value *all[6] = {area, args[0], args[1], args[2], args[3], args[4]};
    Value *c = b_runtime(b, "mgc_growslice", CLS_VOID, NULL, all, 6);
    c->aux_int = SSA_CALL_RESULT_AREA;
    BVal g = b_load(b, area, st);
    b_write_var(b, pv, b->cur, g.w[0]);
    b_write_var(b, cv, b->cur, g.w[2]);
    b_jump(b, join);
    b_seal(b, join);
    b_start(b, join);
    Value *p = b_read_var(b, pv, join), *cap = b_read_var(b, cv, join);
    Value *off = b_value2(b, SSA_OP_MUL, CLS_I64, it, s.w[1], b_const_int(b, es));
    Value *dst = b_value2(b, SSA_OP_ADDPTR, CLS_I64, ptr_type(), p, off);
    if (call->has_dots) {
        Value *bytes = b_value2(b, SSA_OP_MUL, CLS_I64, it, n, b_const_int(b, es));
        Value *margs[3] = {dst, src.w[0], bytes};
        b_runtime(b, "mgc_memmove", CLS_VOID, NULL, margs, 3);
    } else {
        for (int i = 0; i < nextra; i++) {
            Value *at = b_value1(b, SSA_OP_OFFPTR, CLS_I64, ptr_type(), dst);
            at->aux_int = i * es;
            b_store(b, at, extra[i]);
        }
    }
    return b_words(st, 3, p, newlen, cap);
}

/* copy(dst, src): the smaller length, moved with mgc_memmove. */
static BVal builtin_copy(Builder *b, AstCallExpr *call) {
    Type *it = int_type();
    BVal d = b_expr(b, call->args.items[0]), s = b_expr(b, call->args.items[1]);
    Type *et = type_underlying(d.type)->u.array.elem;
    b->pos = call->expr.node.pos;
    int nv = b_new_var(b, CLS_I64, it);
    Block *small = b_block(b, BLOCK_PLAIN), *join = b_block(b, BLOCK_PLAIN);
    b_write_var(b, nv, b->cur, d.w[1]);
    Value *lt = b_value2(b, SSA_OP_LT, CLS_B, type_basic(TY_BOOL), s.w[1], d.w[1]);
    lt->aux_int = CLS_I64;
    b_branch(b, lt, small, join);
    b_seal(b, small);
    b_start(b, small);
    b_write_var(b, nv, small, s.w[1]);
    b_jump(b, join);
    b_seal(b, join);
    b_start(b, join);
    Value *n = b_read_var(b, nv, join);
    Value *bytes = b_value2(b, SSA_OP_MUL, CLS_I64, it, n, b_const_int(b, type_size(et)));
    Value *args[3] = {d.w[0], s.w[0], bytes};
    b_runtime(b, "mgc_memmove", CLS_VOID, NULL, args, 3);
    return b_words(it, 1, n, NULL, NULL);
}

static BVal builtin_make(Builder *b, AstCallExpr *call, Type *t) {
    Type *u = type_underlying(t);
    if (u->kind == TY_MAP) {
        Value *hint = call->args.n > 1 ? b_expr_to(b, call->args.items[1], int_type()).w[0] : NULL;
        b->pos = call->expr.node.pos;
        return b_make_map(b, t, hint);
    }
    if (u->kind != TY_SLICE) {
        b_unsupported(b, call->expr.node.pos, "channels");
        return b_zero(b, t);
    }
    Type *et = u->u.array.elem;
    BVal lv = b_expr_to(b, call->args.items[1], int_type());
    Value *len = lv.w[0], *cap = len;
    if (call->args.n > 2) cap = b_expr_to(b, call->args.items[2], int_type()).w[0];
    b->pos = call->expr.node.pos;
    /* aux_int -1: the makeslice form of the panic */
    Value *chk = b_value2(b, SSA_OP_SLICE_CHECK, CLS_VOID, NULL, len, cap);
    chk->aux_int = -1;
    Value *p;
    const Const *cc = ((AstExpr *)call->args.items[call->args.n > 2 ? 2 : 1])->cval;
    int64_t ncap = 0;
    if (!b->init_heap && !(call->expr.node.flags & AST_ESC_HEAP) && cc && const_to_int64(cc, &ncap)) {
        Type *at = type_new_array(mem_perm(b->mem), et, ncap);
        SsaSlot *s = ssa_slot_new(b->f, type_size(at) > 0 ? type_size(at) : 1, type_align(at), at, "autotmp");
        p = b_value(b, SSA_OP_SLOT, CLS_I64, ptr_type());
        p->aux = s;
        Value *z = b_value1(b, SSA_OP_ZERO, CLS_VOID, NULL, p);
        z->aux_int = type_size(at);
    } else {
        p = b_value1(b, SSA_OP_NEW_SIZED, CLS_I64, ptr_type(), cap);
        p->aux = et;
    }
    return b_words(t, 3, p, len, cap);
}

/* The runtime print call for one value. */
static void print_value(Builder *b, BVal v) {
    Type *u = type_underlying(v.type);
    Value *w = v.w[0];
    if (u->kind == TY_BOOL) {
        b_runtime(b, "mgc_printbool", CLS_VOID, NULL, &w, 1);
    } else if (type_is_integer(v.type)) {
        bool uns = type_is_unsigned(v.type);
        if (w->cls != CLS_I64) w = b_value1(b, uns ? SSA_OP_ZEXT : SSA_OP_SEXT, CLS_I64, int_type(), w);
        b_runtime(b, uns ? "mgc_printuint" : "mgc_printint", CLS_VOID, NULL, &w, 1);
    } else if (type_is_float(v.type)) {
        if (w->cls == CLS_F32) w = b_value1(b, SSA_OP_CVT_F2F, CLS_F64, type_basic(TY_FLOAT64), w);
        b_runtime(b, "mgc_printfloat", CLS_VOID, NULL, &w, 1);
    } else if (u->kind == TY_STRING) {
        b_runtime(b, "mgc_printstring", CLS_VOID, NULL, v.w, 2);
    } else if (u->kind == TY_SLICE) {
        b_runtime(b, "mgc_printslice", CLS_VOID, NULL, v.w, 3);
    } else if (u->kind == TY_INTERFACE) {
        b_runtime(b, u->u.iface.nall ? "mgc_printiface" : "mgc_printeface", CLS_VOID, NULL, v.w, 2);
    } else if (v.n == 1) {
        b_runtime(b, "mgc_printpointer", CLS_VOID, NULL, &w, 1);
    } else {
        b_unsupported(b, b->pos, "printing this type");
    }
}

static void builtin_print(Builder *b, AstCallExpr *call, bool ln) {
    BVal vals[64];
    int n = call->args.n < 64 ? call->args.n : 64;
    Type *t0 = n == 1 ? ((AstExpr *)call->args.items[0])->type : NULL;
    if (t0 && t0->kind == TY_TUPLE && ast_unparen(call->args.items[0])->kind == AST_CALL_EXPR) {
        /* println(f()) with f of several results */
        n = b_call(b, AST_AS(AstCallExpr, ast_unparen(call->args.items[0])), vals, 64);
    } else {
        for (int i = 0; i < n; i++) {
            AstNode *a = call->args.items[i];
            Type *t = ((AstExpr *)a)->type;
            if (t && type_underlying(t)->kind == TY_UNTYPED_NIL) vals[i] = b_zero(b, ptr_type());
            else vals[i] = b_expr_to(b, a, type_of(a));
        }
    }
    b->pos = call->expr.node.pos;
    b_runtime(b, "mgc_printlock", CLS_VOID, NULL, NULL, 0);
    for (int i = 0; i < n; i++) {
        if (ln && i > 0) b_runtime(b, "mgc_printsp", CLS_VOID, NULL, NULL, 0);
        print_value(b, vals[i]);
    }
    if (ln) b_runtime(b, "mgc_printnl", CLS_VOID, NULL, NULL, 0);
    b_runtime(b, "mgc_printunlock", CLS_VOID, NULL, NULL, 0);
}

static int builtin(Builder *b, AstCallExpr *call, Builtin which, BVal *out) {
    Type *t = type_of(&call->expr.node);
    AstNode *a0 = call->args.n ? call->args.items[0] : NULL;
    switch (which) {
    case BUILTIN_LEN: case BUILTIN_CAP: {
        Type *u = type_underlying(type_of(a0));
        if (u->kind == TY_POINTER) u = type_underlying(u->u.array.elem);
        if (u->kind == TY_ARRAY) {
            out[0] = b_words(t, 1, b_const_int(b, u->u.array.len), NULL, NULL);
            return 1;
        }
        if (u->kind == TY_MAP && which == BUILTIN_LEN) {
            BVal m = b_expr(b, a0);
            b->pos = call->expr.node.pos;
            out[0] = b_words(t, 1, b_map_len(b, m), NULL, NULL);
            return 1;
        }
        if (u->kind != TY_STRING && u->kind != TY_SLICE) {
            b_unsupported(b, call->expr.node.pos, "channels");
            out[0] = b_zero(b, t);
            return 1;
        }
        BVal v = b_expr(b, a0);
        out[0] = b_words(t, 1, v.w[which == BUILTIN_LEN ? 1 : 2], NULL, NULL);
        return 1;
    }
    case BUILTIN_APPEND:
        out[0] = builtin_append(b, call, t);
        return 1;
    case BUILTIN_COPY:
        out[0] = builtin_copy(b, call);
        return 1;
    case BUILTIN_NEW: {
        Type *et = type_underlying(t)->u.array.elem;
        b->pos = call->expr.node.pos;
        Value *p = b_alloc(b, et, &call->expr.node, "autotmp");
        if (p->op == SSA_OP_SLOT && type_size(et) > 0) {
            Value *z = b_value1(b, SSA_OP_ZERO, CLS_VOID, NULL, p);
            z->aux_int = type_size(et);
        }
        out[0] = b_words(t, 1, p, NULL, NULL);
        return 1;
    }
    case BUILTIN_MAKE:
        out[0] = builtin_make(b, call, t);
        return 1;
    case BUILTIN_PRINT: case BUILTIN_PRINTLN:
        builtin_print(b, call, which == BUILTIN_PRINTLN);
        return 0;
    case BUILTIN_PANIC: {
        BVal v = b_expr_to(b, a0, type_any());
        b->pos = call->expr.node.pos;
        b_runtime(b, "mgc_gopanic", CLS_VOID, NULL, v.w, 2);
        b->cur->kind = BLOCK_EXIT;
        b->cur = NULL;
        return 0;
    }
    case BUILTIN_DELETE:
        b_map_delete(b, call);
        return 0;
    case BUILTIN_RECOVER:
        b->pos = call->expr.node.pos;
        out[0] = b_recover(b, t);
        return 1;
    default:
        b_unsupported(b, call->expr.node.pos, "this builtin function");
        return 0;
    }
}

/* ---- calls ------------------------------------------------------------------- */

static bool is_type_expr(AstNode *n) {
    n = ast_unparen(n);
    switch (n->kind) {
    case AST_NAME: return AST_AS(AstName, n)->obj && AST_AS(AstName, n)->obj->kind == OBJ_TYPE;
    case AST_SELECTOR_EXPR:
        return AST_AS(AstSelectorExpr, n)->sel->obj && AST_AS(AstSelectorExpr, n)->sel->obj->kind == OBJ_TYPE;
    case AST_OPERATION:
        return AST_AS(AstOperation, n)->op == OP_MUL && !AST_AS(AstOperation, n)->y && is_type_expr(AST_AS(AstOperation, n)->x);
    case AST_ARRAY_TYPE: case AST_SLICE_TYPE: case AST_STRUCT_TYPE: case AST_FUNC_TYPE:
    case AST_INTERFACE_TYPE: case AST_MAP_TYPE: case AST_CHAN_TYPE:
        return true;
    default:
        return false;
    }
}

/* A method call x.M(args): the receiver word(s) first; through the itab
 * when the receiver is an interface (itself, or an embedded field). */
static int method_call(Builder *b, AstCallExpr *call, AstSelectorExpr *sel, Object *m, BVal *out, int maxout) {
    Type *sig = m->type;
    const BVal *pre = b_preset(b, &sel->expr.node);
    BVal recv = pre ? *pre : b_method_receiver(b, sel, m);
    BVal args[64];
    int na = b_eval_args(b, call, sig, args, 64);
    b->pos = call->expr.node.pos;
    if (type_underlying(recv.type)->kind == TY_INTERFACE) {
        Value *cell = b_iface_fun(b, recv, sel->path[sel->npath - 1]);
        BVal data = b_words(ptr_type(), 1, recv.w[1], NULL, NULL);
        return b_emit_call(b, SSA_OP_CALL_CLOSURE, NULL, cell, sig, data, args, na, out, maxout);
    }
    return b_emit_call(b, SSA_OP_CALL, m, NULL, sig, recv, args, na, out, maxout);
}

/* copy(f()), delete(f()), append(f()), println(f()): a builtin whose one
 * argument is a call of several results gets each result as an argument
 * of its own.  Calls f and returns a copy of call whose arguments are
 * stand-in nodes preset to f's results (the caller drops the presets
 * after the builtin), or NULL when call is not of that form. */
static AstCallExpr *spread_results(Builder *b, AstCallExpr *call) {
    if (call->args.n != 1)
        return NULL;
    AstNode *x = ast_unparen(call->args.items[0]);
    Type *t = type_of(x);
    if (x->kind != AST_CALL_EXPR || !t || t->kind != TY_TUPLE || t->u.tuple.n < 2)
        return NULL;
    BVal rs[64];
    int got = b_call(b, AST_AS(AstCallExpr, x), rs, 64);
    if (got > t->u.tuple.n)
        got = t->u.tuple.n;
    AstExpr *stand = ARENA_NEW_ARRAY(b->tmp, AstExpr, got);
    AstNode **items = ARENA_NEW_ARRAY(b->tmp, AstNode *, got);
    int np = b->npreset;
    AstNode **nodes = ARENA_NEW_ARRAY(b->tmp, AstNode *, np + got);
    BVal *vals = ARENA_NEW_ARRAY(b->tmp, BVal, np + got);
    if (np) {
        memcpy(nodes, b->preset_nodes, sizeof *nodes * (size_t)np);
        memcpy(vals, b->preset_vals, sizeof *vals * (size_t)np);
    }
    for (int i = 0; i < got; i++) {
        stand[i].node.kind = AST_BAD_EXPR;
        stand[i].node.pos = x->pos;
        stand[i].type = t->u.tuple.types[i];
        items[i] = &stand[i].node;
        nodes[np + i] = items[i];
        vals[np + i] = rs[i];
    }
    b->preset_nodes = nodes;
    b->preset_vals = vals;
    b->npreset = np + got;
    AstCallExpr *c = ARENA_NEW(b->tmp, AstCallExpr);
    *c = *call;
    c->args.items = items;
    c->args.n = got;
    return c;
}

int b_call(Builder *b, AstCallExpr *call, BVal *out, int maxout) {
    Pos save = b->pos;
    AstNode *fun = ast_unparen(call->fun);
    int n = 0;
    if (is_type_expr(fun)) {
        Type *t = type_of(&call->expr.node);
        AstNode *a = call->args.items[0];
        if (type_underlying(t)->kind == TY_INTERFACE) {
            BVal v = b_expr(b, a);
            out[0] = type_underlying(v.type)->kind == TY_INTERFACE ? b_convert(b, v, t, call->expr.node.pos)
                                                                   : b_expr_to(b, a, t);
        } else {
            out[0] = b_convert(b, b_expr(b, a), t, call->expr.node.pos);
        }
        b->pos = save;
        return 1;
    }
    if (fun->kind == AST_NAME && AST_AS(AstName, fun)->obj && AST_AS(AstName, fun)->obj->kind == OBJ_BUILTIN) {
        AstCallExpr *spread = spread_results(b, call);
        n = builtin(b, spread ? spread : call, AST_AS(AstName, fun)->obj->u.builtin, out);
        if (spread)
            b->npreset -= spread->args.n;
        b->pos = save;
        return n;
    }
    Object *callee = NULL;
    if (fun->kind == AST_NAME && AST_AS(AstName, fun)->obj && AST_AS(AstName, fun)->obj->kind == OBJ_FUNC)
        callee = AST_AS(AstName, fun)->obj;
    if (fun->kind == AST_SELECTOR_EXPR) {
        AstSelectorExpr *sel = AST_AS(AstSelectorExpr, fun);
        Object *m = sel->sel->obj;
        AstNode *x = ast_unparen(sel->x);
        bool pkg = x->kind == AST_NAME && AST_AS(AstName, x)->obj && AST_AS(AstName, x)->obj->kind == OBJ_PKG;
        if (pkg && m && m->kind == OBJ_BUILTIN) {
            b_unsupported(b, call->expr.node.pos, "package unsafe");
            return 0;
        }
        if (pkg && m && m->kind == OBJ_FUNC) {
            /* the small standard library: C functions named as Go symbols (fmt.Println) */
            callee = m;
        } else if (sel->sel_kind == AST_SEL_METHOD || sel->sel_kind == AST_SEL_IFACE_METHOD) {
            n = method_call(b, call, sel, m, out, maxout);
            b->pos = save;
            return n;
        }
    }
    Type *sig = type_underlying(type_of(call->fun));
    BVal args[64];
    BVal none = {0};
    if (callee) {
        int na = b_eval_args(b, call, sig, args, 64);
        b->pos = call->expr.node.pos;
        n = b_emit_call(b, SSA_OP_CALL, callee, NULL, sig, none, args, na, out, maxout);
    } else {
        Value *clo = b_expr1(b, call->fun);
        int na = b_eval_args(b, call, sig, args, 64);
        b->pos = call->expr.node.pos;
        b_nil_check(b, clo);
        n = b_emit_call(b, SSA_OP_CALL_CLOSURE, NULL, clo, sig, none, args, na, out, maxout);
    }
    b->pos = save;
    return n;
}

BVal b_call1(Builder *b, AstCallExpr *call) {
    BVal out[16];
    int n = b_call(b, call, out, 16);
    if (n > 0) return out[0];
    /* no value: a call without results, or one that was refused */
    Type *t = call->expr.type;
    if (b->failed && t && t->kind != TY_TUPLE) return b_zero(b, type_is_untyped(t) ? type_default(t) : t);
    return (BVal){.type = NULL, .n = 0};
}
