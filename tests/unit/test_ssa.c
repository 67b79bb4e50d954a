/* test_ssa.c — the IR core: pools and recycling, hand-built control-flow
 * graphs, block order and dominators, the verifier (one broken invariant
 * per test) and the printed form. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ssa/ssa.h"

/* A compiler's memory with the SSA pools sized, for one test. */
static Mem *new_mem(int retain) {
    Mem *m = malloc(sizeof *m);
    assert_non_null(m);
    mem_init(m, true);
    ssa_init(m, retain);
    return m;
}

/* Frees a memory made by new_mem. */
static void free_mem(Mem *m) {
    mem_free(m);
    free(m);
}

/* A position on line l of file 1. */
static Pos line(uint32_t l) {
    return pos_make(1, l, 1);
}

/* A constant of class I64. */
static Value *iconst(Block *b, int64_t x) {
    Value *v = ssa_value_new(b, SSA_OP_CONST, CLS_I64, NULL, POS_NONE);
    v->aux_int = x;
    return v;
}

/* A value of op with the given args. */
static Value *op2(SsaFunc *f, Block *b, Op op, ValClass cls, Value *x, Value *y) {
    Value *v = ssa_value_new(b, op, cls, NULL, POS_NONE);
    ssa_value_add_arg(f, v, x);
    if (y)
        ssa_value_add_arg(f, v, y);
    return v;
}

/* Asserts that f verifies. */
static void assert_verifies(const SsaFunc *f) {
    char why[512];
    bool ok = ssa_verify(f, "test", why, sizeof why);
    if (!ok)
        fail_msg("verify: %s", why);
}

/* Asserts that f fails to verify with a message containing part. */
static void assert_broken(const SsaFunc *f, const char *part) {
    char why[512];
    assert_false(ssa_verify(f, "test", why, sizeof why));
    if (!strstr(why, part))
        fail_msg("message \"%s\" lacks \"%s\"", why, part);
    assert_non_null(strstr(why, "after pass test"));
}

/* The diamond  b1 -If-> b2, b3 -> b4, with a phi in b4:
 *   b1: v1 = Arg, v2 = Const 10, v3 = Lt v1 v2; If v3 -> b2 b3
 *   b2: v4 = Add v1 v1      b3: v5 = Sub v1 v1
 *   b4: v6 = Phi v4 v5; Ret v6 */
typedef struct Diamond {
    SsaFunc *f;
    Block *b1, *b2, *b3, *b4;
    Value *cond, *x, *y, *phi, *ret;
} Diamond;

/* Builds the diamond above in a new function. */
static void make_diamond(Mem *m, Diamond *d) {
    SsaFunc *f = d->f = ssa_func_new(m, "main.diamond", NULL, NULL);
    d->b1 = ssa_block_new(f, BLOCK_IF, POS_NONE);
    d->b2 = ssa_block_new(f, BLOCK_PLAIN, POS_NONE);
    d->b3 = ssa_block_new(f, BLOCK_PLAIN, POS_NONE);
    d->b4 = ssa_block_new(f, BLOCK_RET, POS_NONE);
    Value *a = ssa_value_new(d->b1, SSA_OP_ARG, CLS_I64, NULL, POS_NONE);
    d->cond = op2(f, d->b1, SSA_OP_LT, CLS_B, a, iconst(d->b1, 10));
    ssa_block_set_control(f, d->b1, d->cond);
    ssa_block_add_edge(f, d->b1, d->b2);
    ssa_block_add_edge(f, d->b1, d->b3);
    d->x = op2(f, d->b2, SSA_OP_ADD, CLS_I64, a, a);
    d->y = op2(f, d->b3, SSA_OP_SUB, CLS_I64, a, a);
    ssa_block_add_edge(f, d->b2, d->b4);
    ssa_block_add_edge(f, d->b3, d->b4);
    d->phi = op2(f, d->b4, SSA_OP_PHI, CLS_I64, d->x, d->y);
    ssa_block_add_control(f, d->b4, d->phi);
}

/* ---- pools and recycling ---------------------------------------------- */

/* Builds a function of nblocks blocks, each with three values (one with
 * more args than fit inline); returns it. */
static SsaFunc *make_chain(Mem *m, int nblocks, Value **keep) {
    SsaFunc *f = ssa_func_new(m, "main.chain", NULL, NULL);
    Block *prev = NULL;
    Value *acc = NULL;
    for (int i = 0; i < nblocks; i++) {
        Block *b = ssa_block_new(f, i == nblocks - 1 ? BLOCK_RET : BLOCK_PLAIN, POS_NONE);
        if (prev)
            ssa_block_add_edge(f, prev, b);
        Value *c = iconst(b, i);
        Value *s = op2(f, b, SSA_OP_ADD, CLS_I64, c, acc ? acc : c);
        Value *call = ssa_value_new(b, SSA_OP_CALL_RUNTIME, CLS_I64, NULL, POS_NONE);
        call->aux = "mgc_test";
        for (int k = 0; k < 5; k++)
            ssa_value_add_arg(f, call, k % 2 ? s : c);
        acc = call;
        if (keep)
            keep[i] = s;
        prev = b;
    }
    ssa_block_add_control(f, prev, acc);
    return f;
}

/* Values and Blocks are reused, cleared, by the next function; the pools
 * count hits, misses and the high-water mark, and nothing is live after
 * ssa_func_free. */
static void test_pool_reuse_and_clearing(void **state) {
    (void)state;
    Mem *m = new_mem(0);
    Pool *pv = &m->pools[MEM_POOL_VALUE], *pb = &m->pools[MEM_POOL_BLOCK];
    SsaFunc *f = make_chain(m, 4, NULL);
    assert_int_equal(pv->stats.live, 12);
    assert_int_equal(pb->stats.live, 4);
    assert_verifies(f);
    ssa_func_free(f);
    assert_int_equal(pv->stats.live, 0);
    assert_int_equal(pb->stats.live, 0);
    assert_int_equal(pv->stats.misses, 12);
    assert_int_equal(pv->stats.hits, 0);
    assert_int_equal(pv->stats.high_water, 12);
    assert_int_equal(mem_func(m)->stats.live, 0);

    /* A recycled object comes back all zero: no stale args, block, aux. */
    unsigned char *raw = pool_get(pv);
    assert_int_equal(pv->stats.hits, 1);
    for (size_t i = 0; i < sizeof(Value); i++)
        assert_int_equal(raw[i], 0);
    pool_put(pv, raw);

    Value *next[4];
    SsaFunc *g = make_chain(m, 4, next);
    assert_int_equal(pv->stats.misses, 12);
    assert_int_equal(pv->stats.hits, 13);
    assert_int_equal(pv->stats.high_water, 12);
    assert_int_equal(pb->stats.hits, 4);
    /* Fresh ids from 1, and the reused values hold only their new args. */
    assert_int_equal(g->blocks[0]->values[0]->id, 1);
    assert_int_equal(g->blocks[0]->id, 1);
    Value *s = next[2];
    assert_int_equal(s->nargs, 2);
    assert_ptr_equal(s->args, s->inline_args);
    assert_null(s->inline_args[2]);
    assert_ptr_equal(s->block, g->blocks[2]);
    assert_null(s->aux);
    assert_int_equal(s->reg, -1);
    assert_verifies(g);
    ssa_func_free(g);
    assert_int_equal(pv->stats.live, 0);
    assert_int_equal(pb->stats.live, 0);
    free_mem(m);
}

/* Many functions of one size: the pools' memory follows the largest
 * function, and a larger one raises the high-water mark. */
static void test_pool_follows_largest_function(void **state) {
    (void)state;
    Mem *m = new_mem(0);
    Pool *pv = &m->pools[MEM_POOL_VALUE];
    ssa_func_free(make_chain(m, 10, NULL));
    uint64_t bytes = pv->stats.bytes;
    for (int i = 0; i < 200; i++)
        ssa_func_free(make_chain(m, 10, NULL));
    assert_int_equal(pv->stats.bytes, bytes);
    assert_int_equal(pv->stats.high_water, 30);
    assert_true(pv->stats.hits * 100 > (pv->stats.hits + pv->stats.misses) * 99);
    ssa_func_free(make_chain(m, 100, NULL));
    assert_int_equal(pv->stats.high_water, 300);
    assert_int_equal(pv->stats.live, 0);
    free_mem(m);
}

/* In retain=pool mode released values keep their args and are not reused:
 * the pools grow with every function. */
static void test_retain_pool_leaks(void **state) {
    (void)state;
    Mem *m = new_mem(SSA_RETAIN_POOL);
    Pool *pv = &m->pools[MEM_POOL_VALUE];
    Value *old[3];
    ssa_func_free(make_chain(m, 3, old));
    uint64_t bytes = pv->stats.bytes;
    assert_int_equal(pv->stats.live, 0);
    ssa_func_free(make_chain(m, 3, NULL));
    ssa_func_free(make_chain(m, 3, NULL));
    assert_int_equal(pv->stats.hits, 0);
    assert_int_equal(pv->stats.bytes, 3 * bytes);
    /* The stale args are still there, pointing at earlier values. */
    assert_int_equal(old[1]->nargs, 2);
    assert_int_equal(old[1]->args[0]->op, SSA_OP_CONST);
    free_mem(m);
}

/* Args beyond the inline array move to the func region; set, reset and
 * copy keep use counts exact. */
static void test_args_and_uses(void **state) {
    (void)state;
    Mem *m = new_mem(0);
    SsaFunc *f = ssa_func_new(m, "main.args", NULL, NULL);
    Block *b = ssa_block_new(f, BLOCK_RET, POS_NONE);
    Value *c1 = iconst(b, 1), *c2 = iconst(b, 2);
    Value *call = ssa_value_new(b, SSA_OP_CALL_RUNTIME, CLS_VOID, NULL, POS_NONE);
    for (int i = 0; i < 7; i++)
        ssa_value_add_arg(f, call, i % 2 ? c2 : c1);
    assert_int_equal(call->nargs, 7);
    assert_ptr_not_equal(call->args, call->inline_args);
    assert_true(arena_contains(mem_func(m), call->args));
    assert_int_equal(c1->uses, 4);
    assert_int_equal(c2->uses, 3);
    ssa_value_set_arg(call, 0, c2);
    assert_int_equal(c1->uses, 3);
    assert_int_equal(c2->uses, 4);
    ssa_value_remove_arg(call, 1);
    assert_int_equal(call->nargs, 6);
    assert_int_equal(c2->uses, 3);
    Value *sum = op2(f, b, SSA_OP_ADD, CLS_I64, c1, c2);
    ssa_value_copy_of(f, sum, c2);
    assert_int_equal(sum->op, SSA_OP_COPY);
    assert_int_equal(sum->nargs, 1);
    assert_int_equal(c1->uses, 3);
    assert_int_equal(c2->uses, 4);
    ssa_block_add_control(f, b, sum);
    assert_verifies(f);
    ssa_value_reset_args(call);
    assert_int_equal(c1->uses, 0);
    assert_int_equal(c2->uses, 1);
    ssa_value_free(f, call);
    assert_int_equal(b->nvalues, 3);
    assert_verifies(f);
    ssa_func_free(f);
    free_mem(m);
}

/* ---- control-flow graphs, order and dominators ------------------------ */

/* The diamond verifies, is laid out again b1 b2 b3 b4 from the order
 * b1 b4 b3 b2, and b1 dominates all. */
static void test_diamond(void **state) {
    (void)state;
    Mem *m = new_mem(0);
    Diamond d;
    make_diamond(m, &d);
    assert_verifies(d.f);
    Block **bs = d.f->blocks;
    bs[1] = d.b4;
    bs[3] = d.b2;
    d.b4->order = 1;
    d.b2->order = 3;
    assert_verifies(d.f);
    ssa_order_blocks(d.f);
    assert_int_equal(d.f->nblocks, 4);
    assert_ptr_equal(d.f->blocks[0], d.b1);
    assert_ptr_equal(d.f->blocks[1], d.b2);
    assert_ptr_equal(d.f->blocks[2], d.b3);
    assert_ptr_equal(d.f->blocks[3], d.b4);
    assert_verifies(d.f);
    ArenaMark mk = arena_mark(mem_scratch(m));
    Block **idom = ssa_dominators(d.f);
    assert_null(idom[d.b1->order]);
    assert_ptr_equal(idom[d.b2->order], d.b1);
    assert_ptr_equal(idom[d.b3->order], d.b1);
    assert_ptr_equal(idom[d.b4->order], d.b1);
    assert_false(ssa_dominates(idom, d.b2, d.b4));
    arena_release(mem_scratch(m), mk);
    ssa_func_free(d.f);
    free_mem(m);
}

/* A loop  b1 -> b2 <-> b3, b2 -> b4: b2 is the only loop header; the phi
 * in b2 takes its second arg from the body. */
static void test_loop(void **state) {
    (void)state;
    Mem *m = new_mem(0);
    SsaFunc *f = ssa_func_new(m, "main.loop", NULL, NULL);
    Block *b1 = ssa_block_new(f, BLOCK_PLAIN, POS_NONE);
    Block *b2 = ssa_block_new(f, BLOCK_IF, POS_NONE);
    Block *b3 = ssa_block_new(f, BLOCK_PLAIN, POS_NONE);
    Block *b4 = ssa_block_new(f, BLOCK_RET, POS_NONE);
    Value *zero = iconst(b1, 0);
    ssa_block_add_edge(f, b1, b2);
    Value *i = ssa_value_new(b2, SSA_OP_PHI, CLS_I64, NULL, POS_NONE);
    Value *cond = op2(f, b2, SSA_OP_LT, CLS_B, i, iconst(b2, 10));
    ssa_block_set_control(f, b2, cond);
    ssa_block_add_edge(f, b2, b3);
    ssa_block_add_edge(f, b2, b4);
    Value *next = op2(f, b3, SSA_OP_ADD, CLS_I64, i, iconst(b3, 1));
    ssa_block_add_edge(f, b3, b2);
    ssa_value_add_arg(f, i, zero);
    ssa_value_add_arg(f, i, next);
    ssa_block_add_control(f, b4, i);
    assert_verifies(f);
    ArenaMark mk = arena_mark(mem_scratch(m));
    Block **idom = ssa_dominators(f);
    assert_ptr_equal(idom[b2->order], b1);
    assert_ptr_equal(idom[b3->order], b2);
    assert_ptr_equal(idom[b4->order], b2);
    bool *hdr = ssa_loop_headers(f, idom);
    assert_false(hdr[b1->order]);
    assert_true(hdr[b2->order]);
    assert_false(hdr[b3->order]);
    assert_false(hdr[b4->order]);
    arena_release(mem_scratch(m), mk);
    ssa_func_free(f);
    free_mem(m);
}

/* Two gotos into one cycle (b1 -If-> b2, b3; b2 <-> b3; b3 -If-> b4): no
 * block of the cycle dominates the other, there is no natural loop header,
 * and a value of b2 used in b3 without a phi is rejected. */
static void test_irreducible(void **state) {
    (void)state;
    Mem *m = new_mem(0);
    SsaFunc *f = ssa_func_new(m, "main.irreducible", NULL, NULL);
    Block *b1 = ssa_block_new(f, BLOCK_IF, POS_NONE);
    Block *b2 = ssa_block_new(f, BLOCK_PLAIN, POS_NONE);
    Block *b3 = ssa_block_new(f, BLOCK_IF, POS_NONE);
    Block *b4 = ssa_block_new(f, BLOCK_RET, POS_NONE);
    Value *a = ssa_value_new(b1, SSA_OP_ARG, CLS_B, NULL, POS_NONE);
    Value *one = iconst(b1, 1);
    ssa_block_set_control(f, b1, a);
    ssa_block_add_edge(f, b1, b2);
    ssa_block_add_edge(f, b1, b3);
    Value *p2 = ssa_value_new(b2, SSA_OP_PHI, CLS_I64, NULL, POS_NONE);
    Value *x = op2(f, b2, SSA_OP_ADD, CLS_I64, p2, one);
    ssa_block_add_edge(f, b2, b3);
    Value *p3 = ssa_value_new(b3, SSA_OP_PHI, CLS_I64, NULL, POS_NONE);
    Value *y = op2(f, b3, SSA_OP_ADD, CLS_I64, p3, one);
    ssa_block_set_control(f, b3, op2(f, b3, SSA_OP_LT, CLS_B, y, one));
    ssa_block_add_edge(f, b3, b2);
    ssa_block_add_edge(f, b3, b4);
    /* b2's preds: b1, b3; b3's preds: b1, b2. */
    ssa_value_add_arg(f, p2, one);
    ssa_value_add_arg(f, p2, y);
    ssa_value_add_arg(f, p3, one);
    ssa_value_add_arg(f, p3, x);
    ssa_block_add_control(f, b4, y);
    assert_verifies(f);
    ArenaMark mk = arena_mark(mem_scratch(m));
    Block **idom = ssa_dominators(f);
    assert_ptr_equal(idom[b2->order], b1);
    assert_ptr_equal(idom[b3->order], b1);
    assert_ptr_equal(idom[b4->order], b3);
    bool *hdr = ssa_loop_headers(f, idom);
    for (int i = 0; i < f->nblocks; i++)
        assert_false(hdr[i]);
    /* The dominator tree's numbering agrees with walking idom chains. */
    SsaDomTree dt;
    ssa_dom_tree(f, &dt);
    for (int i = 0; i < f->nblocks; i++)
        for (int j = 0; j < f->nblocks; j++)
            assert_int_equal(ssa_dom_tree_dominates(&dt, f->blocks[i], f->blocks[j]),
                             ssa_dominates(idom, f->blocks[i], f->blocks[j]));
    arena_release(mem_scratch(m), mk);
    /* Using x (defined in b2) directly in b3 breaks dominance. */
    ssa_value_set_arg(y, 0, x);
    assert_broken(f, "which does not dominate b3");
    ssa_func_free(f);
    free_mem(m);
}

/* Unreachable blocks (one alone, two in a cycle) are removed with their
 * values; the phi of their reachable successor loses the matching arg. */
static void test_unreachable_removal(void **state) {
    (void)state;
    Mem *m = new_mem(0);
    Pool *pv = &m->pools[MEM_POOL_VALUE], *pb = &m->pools[MEM_POOL_BLOCK];
    SsaFunc *f = ssa_func_new(m, "main.dead", NULL, NULL);
    Block *b1 = ssa_block_new(f, BLOCK_PLAIN, POS_NONE);
    Block *dead = ssa_block_new(f, BLOCK_PLAIN, POS_NONE);
    Block *b3 = ssa_block_new(f, BLOCK_RET, POS_NONE);
    Block *c1 = ssa_block_new(f, BLOCK_PLAIN, POS_NONE);
    Block *c2 = ssa_block_new(f, BLOCK_IF, POS_NONE);
    Value *x = iconst(b1, 1);
    Value *y = iconst(dead, 2);
    ssa_block_add_edge(f, dead, b3);
    ssa_block_add_edge(f, b1, b3);
    Value *phi = op2(f, b3, SSA_OP_PHI, CLS_I64, y, x);
    ssa_block_add_control(f, b3, phi);
    /* The cycle c1 <-> c2, unreachable too, leads into dead. */
    Value *u = iconst(c1, 3);
    ssa_block_add_edge(f, c1, c2);
    Value *w = op2(f, c2, SSA_OP_EQ, CLS_B, u, u);
    ssa_block_set_control(f, c2, w);
    ssa_block_add_edge(f, c2, c1);
    ssa_block_add_edge(f, c2, dead);
    assert_verifies(f);
    assert_int_equal(pv->stats.live, 5);
    assert_int_equal(pb->stats.live, 5);
    ssa_order_blocks(f);
    assert_int_equal(f->nblocks, 2);
    assert_ptr_equal(f->blocks[0], b1);
    assert_ptr_equal(f->blocks[1], b3);
    assert_int_equal(b3->npreds, 1);
    assert_int_equal(phi->nargs, 1);
    assert_ptr_equal(phi->args[0], x);
    assert_int_equal(pv->stats.live, 2);
    assert_int_equal(pb->stats.live, 2);
    assert_verifies(f);
    ssa_func_free(f);
    assert_int_equal(pv->stats.live, 0);
    free_mem(m);
}

/* Removing an edge drops the successor's phi arg of that predecessor. */
static void test_remove_edge(void **state) {
    (void)state;
    Mem *m = new_mem(0);
    Diamond d;
    make_diamond(m, &d);
    ssa_block_remove_succ(d.b3, 0);
    d.b3->kind = BLOCK_EXIT;
    assert_int_equal(d.b4->npreds, 1);
    assert_int_equal(d.phi->nargs, 1);
    assert_ptr_equal(d.phi->args[0], d.x);
    assert_int_equal(d.y->uses, 0);
    assert_verifies(d.f);
    ssa_func_free(d.f);
    free_mem(m);
}

/* A detached value can be attached elsewhere; placed before its own arg
 * it breaks the order within the block. */
static void test_move_value(void **state) {
    (void)state;
    Mem *m = new_mem(0);
    Diamond d;
    make_diamond(m, &d);
    ssa_value_detach(d.x);
    assert_null(d.x->block);
    assert_int_equal(d.b2->nvalues, 0);
    ssa_value_attach(d.b1, d.b1->nvalues, d.x);
    assert_ptr_equal(d.x->block, d.b1);
    assert_verifies(d.f);
    ssa_value_detach(d.x);
    ssa_value_attach(d.b1, 0, d.x);
    assert_broken(d.f, "b1: v4 (Add) uses v1 before it is defined");
    ssa_func_free(d.f);
    assert_int_equal(m->pools[MEM_POOL_VALUE].stats.live, 0);
    free_mem(m);
}

/* ---- the verifier: one broken invariant each --------------------------- */

/* A value whose block pointer names another block. */
static void test_verify_wrong_block_pointer(void **state) {
    (void)state;
    Mem *m = new_mem(0);
    Diamond d;
    make_diamond(m, &d);
    d.x->block = d.b3;
    assert_broken(d.f, "says it is in another block");
    d.x->block = d.b2;
    ssa_func_free(d.f);
    free_mem(m);
}

/* A value in the lists of two blocks. */
static void test_verify_value_in_two_blocks(void **state) {
    (void)state;
    Mem *m = new_mem(0);
    Diamond d;
    make_diamond(m, &d);
    Value *z = ssa_value_new(d.b3, SSA_OP_CONST, CLS_I64, NULL, POS_NONE);
    d.b3->values[d.b3->nvalues - 1] = d.x;
    assert_broken(d.f, "a value is listed twice");
    d.b3->values[d.b3->nvalues - 1] = z;
    ssa_func_free(d.f);
    free_mem(m);
}

/* An arg defined in a block that does not dominate the use. */
static void test_verify_arg_not_dominating(void **state) {
    (void)state;
    Mem *m = new_mem(0);
    Diamond d;
    make_diamond(m, &d);
    ssa_value_set_arg(d.y, 0, d.x);
    assert_broken(d.f, "v5 (Sub) arg 0 v4 is defined in b2, which does not dominate b3");
    ssa_func_free(d.f);
    free_mem(m);
}

/* An arg defined later in the same block. */
static void test_verify_use_before_def(void **state) {
    (void)state;
    Mem *m = new_mem(0);
    Diamond d;
    make_diamond(m, &d);
    /* cond (Lt) before its constant arg */
    Value **vs = d.b1->values;
    Value *t = vs[1];
    vs[1] = vs[2];
    vs[2] = t;
    assert_broken(d.f, "b1: v3 (Lt) uses v2 before it is defined");
    ssa_func_free(d.f);
    free_mem(m);
}

/* A phi after an ordinary value. */
static void test_verify_phi_not_first(void **state) {
    (void)state;
    Mem *m = new_mem(0);
    Diamond d;
    make_diamond(m, &d);
    ssa_value_new_at(d.b4, 0, SSA_OP_CONST, CLS_I64, NULL, POS_NONE);
    assert_broken(d.f, "b4: phi v6 follows a non-phi value");
    ssa_func_free(d.f);
    free_mem(m);
}

/* A phi with more args than its block has predecessors. */
static void test_verify_phi_arity(void **state) {
    (void)state;
    Mem *m = new_mem(0);
    Diamond d;
    make_diamond(m, &d);
    ssa_value_add_arg(d.f, d.phi, d.x);
    assert_broken(d.f, "b4: phi v6 has 3 args for 2 predecessors");
    ssa_func_free(d.f);
    free_mem(m);
}

/* A phi arg not available at the end of its predecessor. */
static void test_verify_phi_arg_from_wrong_pred(void **state) {
    (void)state;
    Mem *m = new_mem(0);
    Diamond d;
    make_diamond(m, &d);
    /* arg 0 belongs to b2, but y is defined in b3 */
    ssa_value_set_arg(d.phi, 0, d.y);
    assert_broken(d.f, "b4: phi v6 arg 0 v5 is defined in b3, which does not dominate predecessor b2");
    ssa_func_free(d.f);
    free_mem(m);
}

/* A successor that does not list the block as a predecessor. */
static void test_verify_edges_inconsistent(void **state) {
    (void)state;
    Mem *m = new_mem(0);
    Diamond d;
    make_diamond(m, &d);
    d.b2->succs[0] = d.b3; /* b3 does not list b2 as a predecessor */
    assert_broken(d.f, "b2 lists b3 as successor 1 time(s), b3 lists b2 as predecessor 0 time(s)");
    d.b2->succs[0] = d.b4;
    ssa_func_free(d.f);
    free_mem(m);
}

/* Kinds whose successors or controls do not match. */
static void test_verify_kind_vs_successors(void **state) {
    (void)state;
    Mem *m = new_mem(0);
    Diamond d;
    make_diamond(m, &d);
    d.b1->kind = BLOCK_PLAIN;
    assert_broken(d.f, "b1: Plain block with 2 successors and 1 controls");
    d.b1->kind = BLOCK_IF;
    d.b4->kind = BLOCK_EXIT;
    assert_broken(d.f, "b4: Exit block with 0 successors and 1 controls");
    d.b4->kind = BLOCK_INVALID;
    assert_broken(d.f, "b4: invalid kind 0");
    d.b4->kind = BLOCK_RET;
    ssa_block_set_control(d.f, d.b1, NULL);
    assert_broken(d.f, "b1: If block with 2 successors and 0 controls");
    ssa_func_free(d.f);
    free_mem(m);
}

/* An If on a value that is not a bool. */
static void test_verify_if_control_class(void **state) {
    (void)state;
    Mem *m = new_mem(0);
    Diamond d;
    make_diamond(m, &d);
    ssa_block_set_control(d.f, d.b1, d.b1->values[0]);
    assert_broken(d.f, "If on v1 of class I64, wants B");
    ssa_func_free(d.f);
    free_mem(m);
}

/* A use count one too high. */
static void test_verify_use_count(void **state) {
    (void)state;
    Mem *m = new_mem(0);
    Diamond d;
    make_diamond(m, &d);
    d.x->uses++;
    assert_broken(d.f, "v4 has uses=2 but 1 arg slots and controls name it");
    d.x->uses--;
    ssa_func_free(d.f);
    free_mem(m);
}

/* An arg pointing to a value returned to the pool. */
static void test_verify_freed_value_referenced(void **state) {
    (void)state;
    Mem *m = new_mem(0);
    Diamond d;
    make_diamond(m, &d);
    Value *gone = iconst(d.b2, 7);
    ssa_value_free(d.f, gone);
    /* a stale pointer left behind: the verifier must not read it */
    Value *kept = d.x->args[1];
    d.x->args[1] = gone;
    assert_broken(d.f, "b2: v4 (Add) arg 1 is not a value of the function (freed?)");
    d.x->args[1] = kept;
    assert_verifies(d.f);
    ssa_func_free(d.f);
    free_mem(m);
}

/* A binary op with one arg. */
static void test_verify_arg_count(void **state) {
    (void)state;
    Mem *m = new_mem(0);
    Diamond d;
    make_diamond(m, &d);
    ssa_value_remove_arg(d.y, 1);
    assert_broken(d.f, "v5 (Sub) has 1 args, wants 2");
    ssa_func_free(d.f);
    free_mem(m);
}

/* A stale order field; an entry with predecessors. */
static void test_verify_block_order(void **state) {
    (void)state;
    Mem *m = new_mem(0);
    Diamond d;
    make_diamond(m, &d);
    d.b3->order = 0;
    assert_broken(d.f, "b3 has order 0 but is at position 2");
    d.b3->order = 2;
    d.f->blocks[0] = d.b2;
    d.f->blocks[1] = d.b1;
    d.b2->order = 0;
    d.b1->order = 1;
    assert_broken(d.f, "entry b2 has predecessors");
    ssa_func_free(d.f);
    free_mem(m);
}

/* Two values with one id. */
static void test_verify_duplicate_id(void **state) {
    (void)state;
    Mem *m = new_mem(0);
    Diamond d;
    make_diamond(m, &d);
    d.y->id = d.x->id;
    assert_broken(d.f, "two values have id v4");
    ssa_func_free(d.f);
    free_mem(m);
}

/* ---- the printed form --------------------------------------------------- */

/* The printed form of a three-block function, exactly. */
static void test_print(void **state) {
    (void)state;
    Mem *m = new_mem(0);
    Type *tint = type_basic(TY_INT);
    SsaFunc *f = ssa_func_new(m, "main.f", NULL, NULL);
    Block *b1 = ssa_block_new(f, BLOCK_IF, line(3));
    Block *b2 = ssa_block_new(f, BLOCK_RET, line(4));
    Block *b3 = ssa_block_new(f, BLOCK_EXIT, line(5));
    Value *a = ssa_value_new(b1, SSA_OP_ARG, CLS_I64, tint, line(3));
    Value *k = ssa_value_new(b1, SSA_OP_CONST, CLS_I64, tint, line(4));
    k->aux_int = 5;
    Value *lt = ssa_value_new(b1, SSA_OP_LT, CLS_B, type_basic(TY_BOOL), line(4));
    lt->aux_int = CLS_I64;
    ssa_value_add_arg(f, lt, a);
    ssa_value_add_arg(f, lt, k);
    ssa_block_set_control(f, b1, lt);
    ssa_block_add_edge(f, b1, b2);
    ssa_block_add_edge(f, b1, b3);
    Value *s = ssa_value_new(b2, SSA_OP_CONST_STRING, CLS_I64, NULL, line(4));
    s->aux = "hi\n";
    s->aux_int = 3;
    Value *h = ssa_value_new(b2, SSA_OP_CONST, CLS_F64, NULL, POS_NONE);
    double half = 0.5;
    memcpy(&h->aux_int, &half, sizeof half);
    ssa_block_add_control(f, b2, a);
    ssa_block_add_control(f, b2, s);
    ssa_value_new(b3, SSA_OP_CALL_RUNTIME, CLS_VOID, NULL, line(5))->aux = "mgc_panic_index";
    assert_verifies(f);

    char *text = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&text, &len);
    assert_non_null(out);
    ssa_print_func(out, f, "build");
    fclose(out);
    const char *want = "pass build main.f\n"
                       "b1:\n"
                       "  v1 = Arg <int> [0] (line 3) uses=2\n"
                       "  v2 = Const <int> [5] (line 4) uses=1\n"
                       "  v3 = Lt <bool> [5] v1 v2 (line 4) uses=1\n"
                       "  If v3 -> b2 b3\n"
                       "b2: <- b1\n"
                       "  v4 = ConstString <I64> [3] {\"hi\\n\"} (line 4) uses=1\n"
                       "  v5 = Const <F64> [0.5] uses=0\n"
                       "  Ret v1 v4\n"
                       "b3: <- b1\n"
                       "  v6 = RuntimeCall {mgc_panic_index} (line 5) uses=0\n"
                       "  Exit\n";
    assert_string_equal(text, want);
    free(text);
    ssa_func_free(f);
    free_mem(m);
}

/* The op table knows every generic op and the registered target ops. */
static void test_op_table(void **state) {
    (void)state;
    assert_string_equal(ssa_op_name(SSA_OP_ADD), "Add");
    assert_int_equal(ssa_op_nargs(SSA_OP_STORE), 2);
    assert_int_equal(ssa_op_nargs(SSA_OP_PHI), -1);
    assert_true(ssa_op_flags(SSA_OP_MUL) & OPF_COMMUTATIVE);
    assert_false(ssa_op_valid(SSA_OP_INVALID));
    assert_false(ssa_op_valid(SSA_OP_FIRST_TARGET));
    static const char *const names[] = {"AMD64ADDQ", "AMD64MOVQload"};
    static const unsigned flags[] = {OPF_PURE, 0};
    ssa_register_target_ops(names, flags, 2);
    assert_string_equal(ssa_op_name(SSA_OP_FIRST_TARGET + 1), "AMD64MOVQload");
    assert_true(ssa_op_flags(SSA_OP_FIRST_TARGET) & OPF_LOWERED);
    assert_true(ssa_op_valid(SSA_OP_FIRST_TARGET + 1));
    assert_false(ssa_op_valid(SSA_OP_FIRST_TARGET + 2));
    ssa_register_target_ops(NULL, NULL, 0);
}

/* Runs every test. */
int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_pool_reuse_and_clearing),
        cmocka_unit_test(test_pool_follows_largest_function),
        cmocka_unit_test(test_retain_pool_leaks),
        cmocka_unit_test(test_args_and_uses),
        cmocka_unit_test(test_diamond),
        cmocka_unit_test(test_loop),
        cmocka_unit_test(test_irreducible),
        cmocka_unit_test(test_unreachable_removal),
        cmocka_unit_test(test_remove_edge),
        cmocka_unit_test(test_move_value),
        cmocka_unit_test(test_verify_wrong_block_pointer),
        cmocka_unit_test(test_verify_value_in_two_blocks),
        cmocka_unit_test(test_verify_arg_not_dominating),
        cmocka_unit_test(test_verify_use_before_def),
        cmocka_unit_test(test_verify_phi_not_first),
        cmocka_unit_test(test_verify_phi_arity),
        cmocka_unit_test(test_verify_phi_arg_from_wrong_pred),
        cmocka_unit_test(test_verify_edges_inconsistent),
        cmocka_unit_test(test_verify_kind_vs_successors),
        cmocka_unit_test(test_verify_if_control_class),
        cmocka_unit_test(test_verify_use_count),
        cmocka_unit_test(test_verify_freed_value_referenced),
        cmocka_unit_test(test_verify_arg_count),
        cmocka_unit_test(test_verify_block_order),
        cmocka_unit_test(test_verify_duplicate_id),
        cmocka_unit_test(test_print),
        cmocka_unit_test(test_op_table),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
