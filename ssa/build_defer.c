/* build_defer.c — defer, recover and the deferred calls' thunks
 * (docs/abi.md, "Defer, panic and recover").
 *
 * A function with defer keeps an MgcDeferFrame in a frame slot and its
 * results in frame slots.  At entry it calls mgc_defer_push_frame(frame),
 * which returns 0; when a recover resumes the frame, the call returns a
 * second time with 1, and the function returns its results' current
 * values from the slots (the resume block reads nothing but slots).  Every
 * return stores the results, calls mgc_defer_return(frame) (which runs the
 * deferred calls, newest first) and returns what the slots then hold.
 *
 * `defer f(args)` evaluates the function (or the method's receiver) and
 * the arguments at once into a record {MgcDefer next, closure pointer,
 * thunk code, values...} — in a frame slot, or on the heap when escape
 * analysis says so (a defer in a loop) — and links it with
 * mgc_defer_push(frame, record).  The thunk (main.f.deferwrapN) is built
 * from the same call expression with those values preset: it loads them
 * from its context and makes the call. */
#include <string.h>

#include "ssa/build.h"


enum {
    DEFER_FRAME_SIZE = 17 * 8,  /* prev, defers, resume_pc, fp, sp, saved[12] */
    DEFER_RECORD_HEAD = 16,     /* MgcDefer: next, closure */
};

/* ---- finding defer statements ----------------------------------------------------- */

typedef struct DeferWalk {
    AstNode *want;
    int count, found;
} DeferWalk;

static bool count_defer(AstNode *n, void *ctx) {
    DeferWalk *w = ctx;
    if (w->found || n->kind == AST_FUNC_LIT) return false;
    if (n->kind == AST_CALL_STMT && AST_AS(AstCallStmt, n)->tok == TOK_DEFER) {
        w->count++;
        if (n == w->want) w->found = w->count;
        return false;
    }
    return true;
}

typedef struct LoopWalk {
    AstNode *want;
    bool found, in_loop;
} LoopWalk;

static bool find_node(AstNode *n, void *ctx) {
    LoopWalk *w = ctx;
    if (w->found || n->kind == AST_FUNC_LIT) return false;
    if (n == w->want) w->found = true;
    return !w->found;
}

static bool find_in_loop(AstNode *n, void *ctx) {
    LoopWalk *w = ctx;
    if (w->in_loop || n->kind == AST_FUNC_LIT) return false;
    if (n->kind != AST_FOR_STMT) return true;
    LoopWalk inner = {.want = w->want};
    ssa_walk_ast(n, find_node, &inner);
    if (inner.found) w->in_loop = true;
    return false;
}

/* Whether statement s is inside a for loop of body: its defer record
 * then lives on the heap (gc's rule: only defers at loop depth 1 keep
 * their record in the frame). */
static bool defer_in_loop(AstBlockStmt *body, AstNode *s) {
    LoopWalk w = {.want = s};
    ssa_walk_ast(&body->node, find_in_loop, &w);
    return w.in_loop;
}

/* The index (from 1) of defer statement s in body, in walk order. */
static int defer_index(AstBlockStmt *body, AstNode *s) {
    DeferWalk w = {.want = s};
    ssa_walk_ast(&body->node, count_defer, &w);
    return w.found;
}

const char *b_defer_thunk_name(Builder *b, const char *unit, int k) {
    char buf[600];
    snprintf(buf, sizeof buf, "%s.deferwrap%d", unit, k);
    return b_intern(b, buf);
}

/* Adds the thunk units of the defer statements of unit u (after it). */
void b_collect_thunks(UnitList *l, int unit, Mem *mem) {
    AstNode *node = l->items[unit].node;
    const char *parent = l->items[unit].name;
    int ndefers = l->items[unit].ndefers;
    for (int k = 1; k <= ndefers; k++) {
        char buf[600];
        snprintf(buf, sizeof buf, "%s.deferwrap%d", parent, k);
        SsaUnit u = {.kind = SSA_UNIT_DEFER_THUNK, .name = intern(&mem->names, buf, strlen(buf))};
        u.index = k;
        u.node = node; /* the owner: the thunk finds its statement by index */
        b_unit_push(l, &u);
    }
}

/* ---- the frame ------------------------------------------------------------------ */

static Value *frame_addr(Builder *b) {
    return slot_addr(b, b->f->defer_frame);
}

/* The current values of the results, read from memory only. */
static void read_results(Builder *b, BVal *vals) {
    Type *res = b->sig->u.func.results;
    for (int i = 0; i < b->nresults; i++) {
        Type *t = res->u.tuple.types[i];
        Value *addr;
        if (b->result_ptrs[i]) addr = b_value1(b, SSA_OP_LOAD, CLS_I64, ptr_type(), slot_addr(b, b->result_ptrs[i]));
        else addr = slot_addr(b, b->result_slots[i]);
        vals[i] = b_load(b, addr, t);
        if (vals[i].n < 0) vals[i].addr = b_copy_to_temp(b, vals[i]);
    }
}

void b_defer_prologue(Builder *b, AstBlockStmt *body) {
    (void)body;
    SsaFunc *f = b->f;
    f->defer_frame = ssa_slot_new(f, DEFER_FRAME_SIZE, 8, NULL, "deferframe");
    b->defer_frame = f->defer_frame;
    int n = b->nresults;
    Type *res = b->sig->u.func.results;
    b->result_slots = ARENA_NEW_ARRAY(b->tmp, SsaSlot *, n + 1);
    b->result_ptrs = ARENA_NEW_ARRAY(b->tmp, SsaSlot *, n + 1);
    for (int i = 0; i < n; i++) {
        Object *obj = b->results[i];
        Type *t = res->u.tuple.types[i];
        if (!obj) {
            int64_t size = type_size(t);
            b->result_slots[i] = ssa_slot_new(f, size > 0 ? size : 1, type_align(t), t, "result");
            Value *z = b_value1(b, SSA_OP_ZERO, CLS_VOID, NULL, slot_addr(b, b->result_slots[i]));
            z->aux_int = size > 0 ? size : 1;
            continue;
        }
        LocalVar *lv = b_local(b, obj);
        if (lv->home == HOME_SLOT) {
            b->result_slots[i] = lv->slot;
        } else {
            /* a heap result: its cell's address is kept in a slot too */
            b->result_ptrs[i] = ssa_slot_new(f, 8, 8, NULL, "resultptr");
            Value *st = b_value2(b, SSA_OP_STORE, CLS_VOID, NULL, slot_addr(b, b->result_ptrs[i]),
                                 b_read_var(b, lv->var, b->cur));
            st->aux_int = 0;
        }
    }
    /* the hidden result pointer too: the resume path reads only the frame */
    SsaSlot *area = NULL;
    if (b->result_area) {
        area = ssa_slot_new(f, 8, 8, NULL, "resultarea");
        Value *st = b_value2(b, SSA_OP_STORE, CLS_VOID, NULL, slot_addr(b, area), b->result_ptr);
        st->aux_int = 0;
    }
    Value *fr = frame_addr(b);
    b_runtime(b, "mgc_defer_push_frame", CLS_VOID, NULL, &fr, 1);
    /* false here; true where a recover resumes the frame (its resume_pc) */
    Value *resumed = b_value(b, SSA_OP_DEFER_RESUMED, CLS_B, type_basic(TY_BOOL));
    Block *resume = b_block(b, BLOCK_PLAIN), *run = b_block(b, BLOCK_PLAIN);
    Block *entry = b->cur;
    b_branch(b, resumed, resume, run);
    entry->likely = -1;
    b_seal(b, resume);
    b_seal(b, run);
    b_start(b, resume);
    /* the return path: the remaining deferred calls, then the results */
    fr = frame_addr(b);
    b_runtime(b, "mgc_defer_return", CLS_VOID, NULL, &fr, 1);
    BVal vals[16];
    read_results(b, vals);
    Value *result_ptr = b->result_ptr;
    if (area) b->result_ptr = b_value1(b, SSA_OP_LOAD, CLS_I64, ptr_type(), slot_addr(b, area));
    b_return_values(b, vals);
    b->result_ptr = result_ptr;
    b_start(b, run);
}

void b_defer_return(Builder *b, BVal *vals) {
    b_ensure_block(b);
    Type *res = b->sig->u.func.results;
    if (vals) {
        /* return y, x: every value is taken before any result changes */
        for (int i = 0; i < b->nresults; i++)
            if (vals[i].n < 0) vals[i].addr = b_copy_to_temp(b, vals[i]);
        for (int i = 0; i < b->nresults; i++) {
            Value *addr;
            if (b->result_ptrs[i]) addr = b_value1(b, SSA_OP_LOAD, CLS_I64, ptr_type(), slot_addr(b, b->result_ptrs[i]));
            else addr = slot_addr(b, b->result_slots[i]);
            b_store(b, addr, b_convert(b, vals[i], res->u.tuple.types[i], b->pos));
        }
    }
    Value *fr = frame_addr(b);
    b_runtime(b, "mgc_defer_return", CLS_VOID, NULL, &fr, 1);
    BVal cur[16];
    read_results(b, cur);
    b_return_values(b, cur);
}

BVal b_recover(Builder *b, Type *t) {
    /* mgc_gorecover(fp): the runtime checks who called this function */
    Value *fp = b_value(b, SSA_OP_FRAME_PTR, CLS_I64, ptr_type());
    Value *c = b_runtime(b, "mgc_gorecover", CLS_TUPLE, NULL, &fp, 1);
    BVal r = b_words(t, 2, NULL, NULL, NULL);
    for (int i = 0; i < 2; i++) {
        r.w[i] = b_value1(b, SSA_OP_SELECT, CLS_I64, ptr_type(), c);
        r.w[i]->aux_int = i;
    }
    return r;
}

/* ---- the deferred call's values -------------------------------------------------- */

/* One value a defer statement evaluates and its thunk reads back. */
typedef struct DeferItem {
    AstNode *node;   /* the expression (a selector: the method's receiver) */
    Type *type;
    bool receiver;   /* node is a method selector: the value is its receiver */
} DeferItem;

static bool is_func_name(AstNode *f) {
    f = ast_unparen(f);
    if (f->kind == AST_NAME) return AST_AS(AstName, f)->obj && AST_AS(AstName, f)->obj->kind != OBJ_VAR;
    if (f->kind == AST_SELECTOR_EXPR) {
        AstSelectorExpr *s = AST_AS(AstSelectorExpr, f);
        return s->sel_kind == AST_SEL_QUALIFIED && s->sel->obj && s->sel->obj->kind != OBJ_VAR;
    }
    return false;
}

static bool is_untyped_nil(AstNode *e) {
    Type *t = ((AstExpr *)e)->type;
    return t && type_underlying(t)->kind == TY_UNTYPED_NIL;
}

/* The values of defer statement call, in record order; their count. */
static int defer_items(AstCallExpr *call, DeferItem *items, int max) {
    int n = 0;
    AstNode *f = ast_unparen(call->fun);
    if (f->kind == AST_SELECTOR_EXPR && (AST_AS(AstSelectorExpr, f)->sel_kind == AST_SEL_METHOD ||
                                         AST_AS(AstSelectorExpr, f)->sel_kind == AST_SEL_IFACE_METHOD)) {
        AstSelectorExpr *s = AST_AS(AstSelectorExpr, f);
        items[n++] = (DeferItem){.node = f, .type = b_receiver_type(s, s->sel->obj), .receiver = true};
    } else if (!is_func_name(f)) {
        items[n++] = (DeferItem){.node = f, .type = type_of(f)};
    }
    for (int i = 0; i < call->args.n && n < max; i++) {
        AstNode *a = call->args.items[i];
        if (((AstExpr *)a)->cval || is_untyped_nil(a)) continue;
        items[n++] = (DeferItem){.node = a, .type = type_of(a)};
    }
    return n;
}

const BVal *b_preset(Builder *b, AstNode *e) {
    for (int i = 0; i < b->npreset; i++)
        if (b->preset_nodes[i] == e) return &b->preset_vals[i];
    return NULL;
}

/* Offsets of the items in the record, after the head and the code word. */
static int64_t item_offsets(DeferItem *items, int n, int64_t *off) {
    int64_t at = DEFER_RECORD_HEAD + 8;
    for (int i = 0; i < n; i++) {
        off[i] = at;
        at += (type_size(items[i].type) + 7) / 8 * 8;
    }
    return at;
}

/* defer f(g()) with g of several results: refused at the statement. */
static bool refuse_multi_value(Builder *b, AstCallStmt *s) {
    AstCallExpr *call = s->call;
    AstNode *x = call->args.n == 1 ? ast_unparen(call->args.items[0]) : NULL;
    Type *t = x ? ((AstExpr *)x)->type : NULL;
    if (!t || t->kind != TY_TUPLE) return false;
    b_unsupported(b, s->node.pos, "defer with a multi-value argument");
    return true;
}

void b_defer_stmt(Builder *b, AstCallStmt *s) {
    AstCallExpr *call = s->call;
    if (!b->defer_frame) b_ice(b, "defer without a frame");
    if (refuse_multi_value(b, s)) return;
    DeferItem items[64];
    int n = defer_items(call, items, 64);
    BVal vals[64];
    for (int i = 0; i < n; i++) {
        if (items[i].receiver) {
            AstSelectorExpr *sel = AST_AS(AstSelectorExpr, items[i].node);
            vals[i] = b_method_receiver(b, sel, sel->sel->obj);
            /* x.M of a nil interface panics at the defer statement, as Go's method value does */
            if (type_underlying(vals[i].type)->kind == TY_INTERFACE) b_nil_check(b, vals[i].w[0]);
        } else {
            vals[i] = b_expr(b, items[i].node);
        }
        if (vals[i].n < 0) vals[i].addr = b_copy_to_temp(b, vals[i]);
    }
    b->pos = s->node.pos;
    int64_t off[64];
    int64_t size = item_offsets(items, n, off);
    Type *rt = type_new_array(mem_perm(b->mem), ptr_type(), size / 8);
    AstBlockStmt *body = b->node->kind == AST_FUNC_DECL ? AST_AS(AstFuncDecl, b->node)->body
                                                         : AST_AS(AstFuncLit, b->node)->body;
    AstNode site = {.flags = (s->node.flags | (defer_in_loop(body, &s->node) ? AST_ESC_HEAP : 0))};
    Value *rec = b_alloc(b, rt, &site, "deferrecord");
    if (rec->op == SSA_OP_SLOT) {
        Value *z = b_value1(b, SSA_OP_ZERO, CLS_VOID, NULL, rec);
        z->aux_int = DEFER_RECORD_HEAD;
    }
    Value *clo = offptr(b, rec, DEFER_RECORD_HEAD);
    Value *st = b_value2(b, SSA_OP_STORE, CLS_VOID, NULL, rec, clo);
    st->aux_int = 8;
    int k = defer_index(body, &s->node);
    Value *code = b_value(b, SSA_OP_SYMADDR, CLS_I64, ptr_type());
    code->aux = b_defer_thunk_name(b, b->f->name, k);
    st = b_value2(b, SSA_OP_STORE, CLS_VOID, NULL, clo, code);
    st->aux_int = 0;
    for (int i = 0; i < n; i++) b_store(b, offptr(b, rec, off[i]), b_convert(b, vals[i], items[i].type, b->pos));
    Value *args[2] = {frame_addr(b), rec};
    b_runtime(b, "mgc_defer_push", CLS_VOID, NULL, args, 2);
}

/* The defer statement with index k (from 1) of body. */
typedef struct FindDefer {
    int want, count;
    AstNode *found;
} FindDefer;

static bool find_defer(AstNode *n, void *ctx) {
    FindDefer *w = ctx;
    if (w->found || n->kind == AST_FUNC_LIT) return false;
    if (n->kind == AST_CALL_STMT && AST_AS(AstCallStmt, n)->tok == TOK_DEFER) {
        if (++w->count == w->want) w->found = n;
        return false;
    }
    return true;
}

void b_build_defer_thunk(Builder *b, const SsaUnit *u) {
    AstNode *owner = u->node;
    AstBlockStmt *body = owner->kind == AST_FUNC_DECL ? AST_AS(AstFuncDecl, owner)->body : AST_AS(AstFuncLit, owner)->body;
    FindDefer w = {.want = u->index};
    ssa_walk_ast(&body->node, find_defer, &w);
    if (!w.found) b_ice(b, "defer thunk without its statement");
    AstCallStmt *s = AST_AS(AstCallStmt, w.found);
    b->pos = s->node.pos;
    b->f->wrapper = true;
    if (refuse_multi_value(b, s)) return;
    b->f->has_context = true;
    b->context = b_value(b, SSA_OP_CONTEXT, CLS_I64, ptr_type());
    DeferItem items[64];
    int n = defer_items(s->call, items, 64);
    int64_t off[64];
    item_offsets(items, n, off);
    b->preset_nodes = ARENA_NEW_ARRAY(b->tmp, AstNode *, n + 1);
    b->preset_vals = ARENA_NEW_ARRAY(b->tmp, BVal, n + 1);
    for (int i = 0; i < n; i++) {
        /* the context points at the code word, DEFER_RECORD_HEAD into the record */
        b->preset_nodes[i] = items[i].node;
        b->preset_vals[i] = b_load(b, offptr(b, b->context, off[i] - DEFER_RECORD_HEAD), items[i].type);
    }
    b->npreset = n;
    BVal out[16];
    AstNode *f = ast_unparen(s->call->fun);
    if (f->kind == AST_NAME && AST_AS(AstName, f)->obj && AST_AS(AstName, f)->obj->kind == OBJ_BUILTIN &&
        AST_AS(AstName, f)->obj->u.builtin == BUILTIN_RECOVER) {
        /* defer recover(): recover is not called by a deferred function */
    } else {
        b_call(b, s->call, out, 16);
    }
    b->nresults = 0;
    if (b->cur) b_return_values(b, out);
}
