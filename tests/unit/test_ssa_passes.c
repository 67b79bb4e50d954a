/* test_ssa_passes.c — the SSA passes on small functions built by hand:
 * copy and phi elimination, dead code, constant folding, CSE, check
 * elimination, critical edges, and the pipeline with its dumps.  Every
 * test verifies the function after the pass and checks that freeing it
 * returns every Value and Block to the pools. */
#include <inttypes.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "ssa/ssa.h"

/* One test's compiler memory and function. */
typedef struct Fixture {
    Mem mem;
    SsaFunc *f;
} Fixture;

/* Creates memory and an empty function main.f. */
static int setup(void **state) {
    Fixture *fx = test_malloc(sizeof *fx);
    mem_init(&fx->mem, false);
    ssa_init(&fx->mem, 0);
    fx->f = ssa_func_new(&fx->mem, "main.f", NULL, NULL);
    *state = fx;
    return 0;
}

/* Frees the function (checking that the pools get everything back). */
static int teardown(void **state) {
    Fixture *fx = *state;
    if (fx->f) {
        ssa_func_free(fx->f);
        assert_int_equal(fx->mem.pools[MEM_POOL_VALUE].stats.live, 0);
        assert_int_equal(fx->mem.pools[MEM_POOL_BLOCK].stats.live, 0);
    }
    mem_free(&fx->mem);
    test_free(fx);
    return 0;
}

/* Appends a value with the given args (NULL-terminated). */
static Value *val(SsaFunc *f, Block *b, int op, int cls, int64_t aux_int, ...) {
    Value *v = ssa_value_new(b, (Op)op, (ValClass)cls, NULL, 0);
    v->aux_int = aux_int;
    va_list ap;
    va_start(ap, aux_int);
    for (Value *a; (a = va_arg(ap, Value *)) != NULL;)
        ssa_value_add_arg(f, v, a);
    va_end(ap);
    return v;
}

/* A constant of class cls. */
static Value *cnst(SsaFunc *f, Block *b, int cls, int64_t bits) {
    return val(f, b, SSA_OP_CONST, cls, bits, NULL);
}

/* Asserts that f satisfies the IR's invariants. */
static void verify_ok(SsaFunc *f, const char *pass) {
    char why[512] = "";
    bool ok = ssa_verify(f, pass, why, sizeof why);
    if (!ok)
        fail_msg("%s", why);
}

/* The number of values with op in f. */
static int count_op(SsaFunc *f, int op) {
    int n = 0;
    for (int i = 0; i < f->nblocks; i++)
        for (int j = 0; j < f->blocks[i]->nvalues; j++)
            n += f->blocks[i]->values[j]->op == op;
    return n;
}

/* Whether v is still in one of f's blocks. */
static bool in_func(SsaFunc *f, Value *v) {
    for (int i = 0; i < f->nblocks; i++)
        for (int j = 0; j < f->blocks[i]->nvalues; j++)
            if (f->blocks[i]->values[j] == v)
                return true;
    return false;
}

/* ---- copy and phi elimination */

/* A phi in a loop header merging x with itself becomes x; copy chains
 * are bypassed and disappear. */
static void test_copyelim_loop_phi(void **state) {
    Fixture *fx = *state;
    SsaFunc *f = fx->f;
    Block *b0 = ssa_block_new(f, BLOCK_PLAIN, 0);
    Block *b1 = ssa_block_new(f, BLOCK_IF, 0);
    Block *b2 = ssa_block_new(f, BLOCK_PLAIN, 0);
    Block *b3 = ssa_block_new(f, BLOCK_RET, 0);
    Value *x = val(f, b0, SSA_OP_ARG, CLS_I64, 0, NULL);
    Value *c = val(f, b0, SSA_OP_ARG, CLS_B, 1, NULL);
    Value *y = val(f, b0, SSA_OP_COPY, CLS_I64, 0, x, NULL);
    Value *z = val(f, b0, SSA_OP_COPY, CLS_I64, 0, y, NULL);
    ssa_block_add_edge(f, b0, b1);
    ssa_block_add_edge(f, b1, b2);
    ssa_block_add_edge(f, b1, b3);
    ssa_block_add_edge(f, b2, b1);
    Value *p = ssa_value_new(b1, SSA_OP_PHI, CLS_I64, NULL, 0);
    ssa_value_add_arg(f, p, z);
    ssa_value_add_arg(f, p, p);
    ssa_block_set_control(f, b1, c);
    Value *s = val(f, b3, SSA_OP_ADD, CLS_I64, 0, p, z, NULL);
    ssa_block_add_control(f, b3, s);
    verify_ok(f, "build");

    ssa_pass_copyelim(f);
    verify_ok(f, "copyelim");
    assert_int_equal(count_op(f, SSA_OP_PHI), 0);
    assert_int_equal(count_op(f, SSA_OP_COPY), 0);
    assert_ptr_equal(s->args[0], x);
    assert_ptr_equal(s->args[1], x);
    assert_int_equal(x->uses, 2);
}

/* A phi with two different incoming values stays. */
static void test_copyelim_keeps_real_phi(void **state) {
    Fixture *fx = *state;
    SsaFunc *f = fx->f;
    Block *b0 = ssa_block_new(f, BLOCK_IF, 0);
    Block *b1 = ssa_block_new(f, BLOCK_PLAIN, 0);
    Block *b2 = ssa_block_new(f, BLOCK_RET, 0);
    Value *x = val(f, b0, SSA_OP_ARG, CLS_I64, 0, NULL);
    Value *c = val(f, b0, SSA_OP_ARG, CLS_B, 1, NULL);
    ssa_block_set_control(f, b0, c);
    ssa_block_add_edge(f, b0, b1);
    ssa_block_add_edge(f, b0, b2);
    ssa_block_add_edge(f, b1, b2);
    Value *one = cnst(f, b1, CLS_I64, 1);
    Value *p = ssa_value_new(b2, SSA_OP_PHI, CLS_I64, NULL, 0);
    ssa_value_add_arg(f, p, x);
    ssa_value_add_arg(f, p, one);
    ssa_block_add_control(f, b2, p);
    ssa_pass_copyelim(f);
    verify_ok(f, "copyelim");
    assert_int_equal(count_op(f, SSA_OP_PHI), 1);
    assert_ptr_equal(b2->controls[0], p);
}

/* Nested loops whose inner header's phi only passes the outer header's phi
 * around: outer = Phi(x, inner), inner = Phi(outer, inner).  The inner phi
 * becomes a copy of the outer one, the outer one's arg through that copy
 * names the outer phi itself, and then both are x; the real phi behind
 * them in the inner header stays, with no copy left in front of it. */
static void test_copyelim_nested_loop_phis(void **state) {
    Fixture *fx = *state;
    SsaFunc *f = fx->f;
    Block *b0 = ssa_block_new(f, BLOCK_PLAIN, 0);
    Block *b1 = ssa_block_new(f, BLOCK_IF, 0);
    Block *b2 = ssa_block_new(f, BLOCK_IF, 0);
    Block *b3 = ssa_block_new(f, BLOCK_PLAIN, 0);
    Block *b4 = ssa_block_new(f, BLOCK_RET, 0);
    Value *x = val(f, b0, SSA_OP_ARG, CLS_I64, 0, NULL);
    Value *c = val(f, b0, SSA_OP_ARG, CLS_B, 1, NULL);
    ssa_block_add_edge(f, b0, b1);
    ssa_block_add_edge(f, b1, b2);
    ssa_block_add_edge(f, b1, b4);
    ssa_block_add_edge(f, b2, b3);
    ssa_block_add_edge(f, b2, b1);
    ssa_block_add_edge(f, b3, b2);
    Value *outer = ssa_value_new(b1, SSA_OP_PHI, CLS_I64, NULL, 0);
    Value *inner = ssa_value_new(b2, SSA_OP_PHI, CLS_I64, NULL, 0);
    Value *q = ssa_value_new(b2, SSA_OP_PHI, CLS_I64, NULL, 0);
    Value *one = cnst(f, b3, CLS_I64, 1);
    Value *q1 = val(f, b3, SSA_OP_ADD, CLS_I64, 0, q, one, NULL);
    ssa_value_add_arg(f, outer, x);
    ssa_value_add_arg(f, outer, inner);
    ssa_value_add_arg(f, inner, outer);
    ssa_value_add_arg(f, inner, inner);
    ssa_value_add_arg(f, q, x);
    ssa_value_add_arg(f, q, q1);
    ssa_block_set_control(f, b1, c);
    ssa_block_set_control(f, b2, c);
    Value *s = val(f, b4, SSA_OP_ADD, CLS_I64, 0, outer, x, NULL);
    ssa_block_add_control(f, b4, s);
    verify_ok(f, "build");

    ssa_pass_copyelim(f);
    verify_ok(f, "copyelim");
    assert_int_equal(count_op(f, SSA_OP_COPY), 0);
    assert_int_equal(count_op(f, SSA_OP_PHI), 1);
    assert_ptr_equal(b2->values[0], q);
    assert_ptr_equal(q->args[0], x);
    assert_ptr_equal(s->args[0], x);
    assert_ptr_equal(s->args[1], x);
}

/* ---- dead code */

/* An unreachable block goes, with its edge into a live block's phi; an
 * unused pure value goes; unused values with side effects stay. */
static void test_deadcode(void **state) {
    Fixture *fx = *state;
    SsaFunc *f = fx->f;
    Block *b0 = ssa_block_new(f, BLOCK_PLAIN, 0);
    Block *dead = ssa_block_new(f, BLOCK_PLAIN, 0);
    Block *b1 = ssa_block_new(f, BLOCK_RET, 0);
    Value *x = val(f, b0, SSA_OP_ARG, CLS_I64, 0, NULL);
    Value *unused_add = val(f, b0, SSA_OP_ADD, CLS_I64, 0, x, x, NULL);
    Value *unused_mul = val(f, b0, SSA_OP_MUL, CLS_I64, 0, unused_add, x, NULL);
    Value *load = val(f, b0, SSA_OP_LOAD, CLS_I64, 0, x, NULL);
    Value *call = val(f, b0, SSA_OP_CALL_RUNTIME, CLS_VOID, 0, x, NULL);
    call->aux = "mgc_printlock";
    Value *store = val(f, b0, SSA_OP_STORE, CLS_VOID, 8, x, x, NULL);
    Value *d = cnst(f, dead, CLS_I64, 7);
    ssa_block_add_edge(f, b0, b1);
    ssa_block_add_edge(f, dead, b1);
    Value *p = ssa_value_new(b1, SSA_OP_PHI, CLS_I64, NULL, 0);
    ssa_value_add_arg(f, p, x);
    ssa_value_add_arg(f, p, d);
    ssa_block_add_control(f, b1, p);
    verify_ok(f, "build");

    ssa_pass_deadcode(f);
    verify_ok(f, "deadcode");
    assert_int_equal(f->nblocks, 2);
    assert_int_equal(b1->npreds, 1);
    assert_int_equal(p->nargs, 1);
    assert_false(in_func(f, unused_add));
    assert_false(in_func(f, unused_mul));
    assert_true(in_func(f, load));
    assert_true(in_func(f, call));
    assert_true(in_func(f, store));
    assert_true(in_func(f, x));
    (void)d;
}

/* deadcode and copyelim run again only after an edit that can give them
 * work, and then find it: a value made dead by replacing an arg, a control
 * moved off a value, a value turned into a copy, a phi left with one arg. */
static void test_rerun_after_edits(void **state) {
    Fixture *fx = *state;
    SsaFunc *f = fx->f;
    Block *b0 = ssa_block_new(f, BLOCK_IF, 0);
    Block *b1 = ssa_block_new(f, BLOCK_PLAIN, 0);
    Block *b2 = ssa_block_new(f, BLOCK_RET, 0);
    Value *x = val(f, b0, SSA_OP_ARG, CLS_I64, 0, NULL);
    Value *y = val(f, b0, SSA_OP_ARG, CLS_I64, 1, NULL);
    Value *c = val(f, b0, SSA_OP_ARG, CLS_B, 2, NULL);
    Value *neg = val(f, b0, SSA_OP_NEG, CLS_I64, 0, x, NULL);
    Value *sum = val(f, b0, SSA_OP_ADD, CLS_I64, 0, neg, y, NULL);
    Value *cmp = val(f, b0, SSA_OP_LT, CLS_B, CLS_I64, x, y, NULL);
    ssa_block_add_edge(f, b0, b1);
    ssa_block_add_edge(f, b0, b2);
    ssa_block_add_edge(f, b1, b2);
    ssa_block_set_control(f, b0, cmp);
    Value *p = ssa_value_new(b2, SSA_OP_PHI, CLS_I64, NULL, 0);
    ssa_value_add_arg(f, p, sum);
    ssa_value_add_arg(f, p, x);
    ssa_block_add_control(f, b2, p);
    verify_ok(f, "build");

    ssa_pass_deadcode(f);
    ssa_pass_copyelim(f);
    verify_ok(f, "deadcode");
    assert_true(in_func(f, neg));
    assert_true(in_func(f, cmp));
    uint32_t dead = f->dead_version, copy = f->copyelim_version;
    ssa_pass_deadcode(f); /* nothing changed: nothing to do */
    ssa_pass_copyelim(f);
    assert_int_equal(f->dead_version, dead);
    assert_int_equal(f->copyelim_version, copy);

    ssa_value_set_arg(sum, 0, x); /* neg loses its only use */
    ssa_pass_deadcode(f);
    verify_ok(f, "deadcode");
    assert_false(in_func(f, neg));

    ssa_block_set_control(f, b0, c); /* cmp loses its only use */
    ssa_pass_deadcode(f);
    verify_ok(f, "deadcode");
    assert_false(in_func(f, cmp));

    Value *twice = val(f, b1, SSA_OP_ADD, CLS_I64, 0, x, x, NULL);
    ssa_value_set_arg(p, 0, twice);
    ssa_value_copy_of(f, twice, x); /* p is now x, x: trivial */
    ssa_pass_copyelim(f);
    verify_ok(f, "copyelim");
    assert_int_equal(count_op(f, SSA_OP_PHI), 0);
    assert_int_equal(count_op(f, SSA_OP_COPY), 0);
    assert_ptr_equal(b2->controls[0], x);
    ssa_pass_deadcode(f);
    verify_ok(f, "deadcode");
    assert_false(in_func(f, sum));

    Value *q = ssa_value_new(b2, SSA_OP_PHI, CLS_I64, NULL, 0);
    ssa_value_add_arg(f, q, x);
    ssa_value_add_arg(f, q, y);
    Value *use = val(f, b2, SSA_OP_STORE, CLS_VOID, 0, x, q, NULL);
    ssa_pass_copyelim(f);
    assert_true(in_func(f, q));
    ssa_block_remove_succ(b0, 1); /* q keeps the arg from b1 alone */
    ssa_block_reset_controls(b0);
    b0->kind = BLOCK_PLAIN;
    ssa_pass_copyelim(f);
    verify_ok(f, "copyelim");
    assert_int_equal(count_op(f, SSA_OP_PHI), 0);
    assert_ptr_equal(use->args[1], y);
}

/* A cycle of phis and adds that feeds nothing is removed. */
static void test_deadcode_dead_cycle(void **state) {
    Fixture *fx = *state;
    SsaFunc *f = fx->f;
    Block *b0 = ssa_block_new(f, BLOCK_PLAIN, 0);
    Block *b1 = ssa_block_new(f, BLOCK_IF, 0);
    Block *b2 = ssa_block_new(f, BLOCK_RET, 0);
    Value *c = val(f, b0, SSA_OP_ARG, CLS_B, 0, NULL);
    Value *zero = cnst(f, b0, CLS_I64, 0);
    ssa_block_add_edge(f, b0, b1);
    ssa_block_add_edge(f, b1, b1);
    ssa_block_add_edge(f, b1, b2);
    Value *p = ssa_value_new(b1, SSA_OP_PHI, CLS_I64, NULL, 0);
    Value *inc = val(f, b1, SSA_OP_ADD, CLS_I64, 0, p, zero, NULL);
    ssa_value_add_arg(f, p, zero);
    ssa_value_add_arg(f, p, inc);
    ssa_block_set_control(f, b1, c);
    verify_ok(f, "build");
    ssa_pass_deadcode(f);
    verify_ok(f, "deadcode");
    assert_int_equal(count_op(f, SSA_OP_PHI), 0);
    assert_int_equal(count_op(f, SSA_OP_ADD), 0);
    assert_int_equal(count_op(f, SSA_OP_CONST), 0);
}

/* ---- constant folding */

/* Builds `return op(x, y)` on constants of class acls, folds, and returns
 * the result value (or NULL when not folded to a constant). */
static Value *fold2(SsaFunc *f, int op, int cls, int acls, int64_t x, int64_t y) {
    Block *b = ssa_block_new(f, BLOCK_RET, 0);
    Value *cx = cnst(f, b, acls, x), *cy = cnst(f, b, acls, y);
    Value *v = val(f, b, op, cls, 0, cx, cy, NULL);
    ssa_block_add_control(f, b, v);
    ssa_pass_constfold(f);
    verify_ok(f, "constfold");
    return v->op == SSA_OP_CONST ? v : NULL;
}

/* The folded value of op(x, y) at class cls (operands of that class too). */
static int64_t folded(Fixture *fx, int op, int cls, int64_t x, int64_t y) {
    ssa_func_free(fx->f);
    fx->f = ssa_func_new(&fx->mem, "main.f", NULL, NULL);
    int rcls = op >= SSA_OP_EQ && op <= SSA_OP_GEU ? CLS_B : cls;
    Value *v = fold2(fx->f, op, rcls, cls, x, y);
    if (!v)
        fail_msg("op %s not folded", ssa_op_name(op));
    return v->aux_int;
}

/* Wrap-around at each width, written sign-extended. */
static void test_constfold_wraparound(void **state) {
    Fixture *fx = *state;
    assert_int_equal(folded(fx, SSA_OP_ADD, CLS_I8, 127, 1), -128);
    assert_int_equal(folded(fx, SSA_OP_ADD, CLS_I8, 255, 1), 0);      /* uint8 written unsigned */
    assert_int_equal(folded(fx, SSA_OP_SUB, CLS_I8, 0, 1), -1);
    assert_int_equal(folded(fx, SSA_OP_ADD, CLS_I16, 32767, 1), -32768);
    assert_int_equal(folded(fx, SSA_OP_MUL, CLS_I16, 256, 256), 0);
    assert_int_equal(folded(fx, SSA_OP_MUL, CLS_I32, 0x10000, 0x10000), 0);
    assert_int_equal(folded(fx, SSA_OP_ADD, CLS_I32, INT32_MAX, 1), INT32_MIN);
    assert_int_equal(folded(fx, SSA_OP_ADD, CLS_I64, INT64_MAX, 1), INT64_MIN);
    assert_int_equal(folded(fx, SSA_OP_MUL, CLS_I64, INT64_MIN, -1), INT64_MIN);
    assert_int_equal(folded(fx, SSA_OP_DIV, CLS_I64, INT64_MIN, -1), INT64_MIN);
    assert_int_equal(folded(fx, SSA_OP_DIV, CLS_I8, -128, -1), -128);
    assert_int_equal(folded(fx, SSA_OP_MOD, CLS_I8, -128, -1), 0);
    assert_int_equal(folded(fx, SSA_OP_DIV, CLS_I32, -7, 2), -3);
    assert_int_equal(folded(fx, SSA_OP_MOD, CLS_I32, -7, 2), -1);
    assert_int_equal(folded(fx, SSA_OP_DIVU, CLS_I8, -1, 2), 127);      /* 255 / 2 */
    assert_int_equal(folded(fx, SSA_OP_MODU, CLS_I16, -1, 10), 5);      /* 65535 % 10 */
    assert_int_equal(folded(fx, SSA_OP_ANDNOT, CLS_I8, 0xff, 0x0f), -16); /* 0xf0 */
}

/* Shifts by constants, including counts of the width and beyond. */
static void test_constfold_shifts(void **state) {
    Fixture *fx = *state;
    assert_int_equal(folded(fx, SSA_OP_SHL, CLS_I8, 1, 7), -128);
    assert_int_equal(folded(fx, SSA_OP_SHL, CLS_I8, 1, 8), 0);
    assert_int_equal(folded(fx, SSA_OP_SHL, CLS_I32, 1, 32), 0);
    assert_int_equal(folded(fx, SSA_OP_SHL, CLS_I64, 1, 63), INT64_MIN);
    assert_int_equal(folded(fx, SSA_OP_SHL, CLS_I64, 1, 64), 0);
    assert_int_equal(folded(fx, SSA_OP_SHRU, CLS_I8, -128, 7), 1);
    assert_int_equal(folded(fx, SSA_OP_SHRU, CLS_I64, -1, 64), 0);
    assert_int_equal(folded(fx, SSA_OP_SHRU, CLS_I64, -1, 60), 15);
    assert_int_equal(folded(fx, SSA_OP_SHR, CLS_I8, -128, 100), -1);
    assert_int_equal(folded(fx, SSA_OP_SHR, CLS_I16, -32768, 15), -1);
    assert_int_equal(folded(fx, SSA_OP_SHR, CLS_I32, 64, 200), 0);
    assert_int_equal(folded(fx, SSA_OP_SHR, CLS_I64, -9, 1), -5);
    /* the count is unsigned: an I8 count of -1 is 255 */
    assert_int_equal(folded(fx, SSA_OP_SHL, CLS_I8, 1, -1), 0);
}

/* Signed and unsigned comparisons at each width. */
static void test_constfold_compares(void **state) {
    Fixture *fx = *state;
    assert_int_equal(folded(fx, SSA_OP_LT, CLS_I8, -1, 1), 1);
    assert_int_equal(folded(fx, SSA_OP_LTU, CLS_I8, -1, 1), 0);   /* 255 < 1 */
    assert_int_equal(folded(fx, SSA_OP_LTU, CLS_I8, 255, 1), 0);
    assert_int_equal(folded(fx, SSA_OP_GT, CLS_I32, INT32_MIN, 0), 0);
    assert_int_equal(folded(fx, SSA_OP_GTU, CLS_I32, INT32_MIN, 0), 1);
    assert_int_equal(folded(fx, SSA_OP_GEU, CLS_I64, -1, INT64_MAX), 1);
    assert_int_equal(folded(fx, SSA_OP_GE, CLS_I64, -1, INT64_MAX), 0);
    assert_int_equal(folded(fx, SSA_OP_EQ, CLS_I8, 255, -1), 1);  /* same bits */
    assert_int_equal(folded(fx, SSA_OP_NE, CLS_I16, 1, 1), 0);
    assert_int_equal(folded(fx, SSA_OP_LE, CLS_I16, 5, 5), 1);
    assert_int_equal(folded(fx, SSA_OP_LEU, CLS_I16, -2, 3), 0);
}

/* Division and modulus by zero are never folded. */
static void test_constfold_no_div_by_zero(void **state) {
    Fixture *fx = *state;
    int ops[] = {SSA_OP_DIV, SSA_OP_DIVU, SSA_OP_MOD, SSA_OP_MODU};
    for (size_t i = 0; i < sizeof ops / sizeof ops[0]; i++) {
        ssa_func_free(fx->f);
        fx->f = ssa_func_new(&fx->mem, "main.f", NULL, NULL);
        assert_null(fold2(fx->f, ops[i], CLS_I64, CLS_I64, 7, 0));
        assert_int_equal(count_op(fx->f, ops[i]), 1);
    }
}

/* Conversions between widths and identities with one constant operand. */
static void test_constfold_conversions_and_identities(void **state) {
    Fixture *fx = *state;
    SsaFunc *f = fx->f;
    Block *b = ssa_block_new(f, BLOCK_RET, 0);
    Value *x = val(f, b, SSA_OP_ARG, CLS_I64, 0, NULL);
    Value *m1 = cnst(f, b, CLS_I8, -1);
    Value *big = cnst(f, b, CLS_I64, 0x1ff);
    Value *zero = cnst(f, b, CLS_I64, 0), *one = cnst(f, b, CLS_I64, 1);
    Value *forty = cnst(f, b, CLS_I64, 40);
    Value *zx = val(f, b, SSA_OP_ZEXT, CLS_I64, 0, m1, NULL);
    Value *sx = val(f, b, SSA_OP_SEXT, CLS_I64, 0, m1, NULL);
    Value *tr = val(f, b, SSA_OP_TRUNC, CLS_I8, 0, big, NULL);
    Value *add0 = val(f, b, SSA_OP_ADD, CLS_I64, 0, zero, x, NULL);
    Value *mul1 = val(f, b, SSA_OP_MUL, CLS_I64, 0, x, one, NULL);
    Value *mul0 = val(f, b, SSA_OP_MUL, CLS_I64, 0, x, zero, NULL);
    Value *subx = val(f, b, SSA_OP_SUB, CLS_I64, 0, x, x, NULL);
    Value *andx = val(f, b, SSA_OP_AND, CLS_I64, 0, x, x, NULL);
    Value *x32 = val(f, b, SSA_OP_TRUNC, CLS_I32, 0, x, NULL);
    Value *shl40 = val(f, b, SSA_OP_SHL, CLS_I32, 0, x32, forty, NULL);
    Value *ltx = val(f, b, SSA_OP_LT, CLS_B, CLS_I64, x, x, NULL);
    Value *eqx = val(f, b, SSA_OP_EQ, CLS_B, CLS_I64, x, x, NULL);
    Value *negneg = val(f, b, SSA_OP_NEG, CLS_I64, 0, val(f, b, SSA_OP_NEG, CLS_I64, 0, x, NULL), NULL);
    Value *sum = val(f, b, SSA_OP_ADD, CLS_I64, 0, add0, mul1, NULL);
    Value *rets[] = {zx, sx, tr, sum, mul0, subx, andx, shl40, ltx, eqx, negneg};
    for (size_t i = 0; i < sizeof rets / sizeof rets[0]; i++)
        ssa_block_add_control(f, b, rets[i]);
    ssa_pass_constfold(f);
    verify_ok(f, "constfold");
    assert_int_equal(zx->op, SSA_OP_CONST);
    assert_int_equal(zx->aux_int, 255);
    assert_int_equal(sx->aux_int, -1);
    assert_int_equal(tr->op, SSA_OP_CONST);
    assert_int_equal(tr->aux_int, -1);
    /* x+0 and x*1 are x: sum is x + x */
    assert_int_equal(sum->op, SSA_OP_ADD);
    assert_ptr_equal(sum->args[0], x);
    assert_ptr_equal(sum->args[1], x);
    assert_int_equal(mul0->op, SSA_OP_CONST);
    assert_int_equal(mul0->aux_int, 0);
    assert_int_equal(subx->op, SSA_OP_CONST);
    assert_int_equal(subx->aux_int, 0);
    assert_ptr_equal(b->controls[6], x); /* x & x */
    assert_int_equal(shl40->op, SSA_OP_CONST);
    assert_int_equal(shl40->aux_int, 0);
    assert_int_equal(ltx->aux_int, 0);
    assert_int_equal(eqx->aux_int, 1);
    assert_ptr_equal(b->controls[10], x); /* -(-x) */
    assert_int_equal(count_op(f, SSA_OP_COPY), 0);
}

/* Float constants: float64 arithmetic, float32 arithmetic rounded to
 * float32, comparisons; float-to-int conversions stay. */
static void test_constfold_floats(void **state) {
    Fixture *fx = *state;
    SsaFunc *f = fx->f;
    Block *b = ssa_block_new(f, BLOCK_RET, 0);
    double d1 = 1.5, d2 = 0.1;
    float g1 = 16777216.0f, g2 = 1.0f;
    int64_t bits;
    Value *x = cnst(f, b, CLS_F64, 0), *y = cnst(f, b, CLS_F64, 0);
    memcpy(&x->aux_int, &d1, sizeof d1);
    memcpy(&y->aux_int, &d2, sizeof d2);
    uint32_t u1, u2;
    memcpy(&u1, &g1, sizeof u1);
    memcpy(&u2, &g2, sizeof u2);
    Value *fa = cnst(f, b, CLS_F32, u1), *fb = cnst(f, b, CLS_F32, u2);
    Value *mul = val(f, b, SSA_OP_FMUL, CLS_F64, 0, x, y, NULL);
    Value *add32 = val(f, b, SSA_OP_FADD, CLS_F32, 0, fa, fb, NULL);
    Value *lt = val(f, b, SSA_OP_FLT, CLS_B, CLS_F64, y, x, NULL);
    Value *toint = val(f, b, SSA_OP_CVT_F2I, CLS_I64, 0, x, NULL);
    Value *rets[] = {mul, add32, lt, toint};
    for (size_t i = 0; i < 4; i++)
        ssa_block_add_control(f, b, rets[i]);
    ssa_pass_constfold(f);
    verify_ok(f, "constfold");
    double want = d1 * d2;
    memcpy(&bits, &want, sizeof bits);
    assert_int_equal(mul->op, SSA_OP_CONST);
    assert_int_equal(mul->aux_int, bits);
    /* 2^24 + 1 rounds to 2^24 in float32 */
    assert_int_equal(add32->op, SSA_OP_CONST);
    assert_int_equal((uint32_t)add32->aux_int, u1);
    assert_int_equal(lt->aux_int, 1);
    assert_int_equal(toint->op, SSA_OP_CVT_F2I);
}

/* A chain of constant arithmetic folds to one constant in one pass. */
static void test_constfold_chain(void **state) {
    Fixture *fx = *state;
    SsaFunc *f = fx->f;
    Block *b = ssa_block_new(f, BLOCK_RET, 0);
    Value *two = cnst(f, b, CLS_I64, 2), *three = cnst(f, b, CLS_I64, 3);
    Value *m = val(f, b, SSA_OP_MUL, CLS_I64, 0, two, three, NULL);
    Value *a = val(f, b, SSA_OP_ADD, CLS_I64, 0, m, val(f, b, SSA_OP_SHL, CLS_I64, 0, m, two, NULL), NULL);
    ssa_block_add_control(f, b, a);
    ssa_pass_constfold(f);
    ssa_pass_deadcode(f);
    verify_ok(f, "constfold");
    assert_int_equal(b->controls[0]->op, SSA_OP_CONST);
    assert_int_equal(b->controls[0]->aux_int, 30);
    assert_int_equal(b->nvalues, 1);
}

/* An If on a constant becomes Plain; the other side disappears and the
 * join's phi loses its arg. */
static void test_constfold_branch(void **state) {
    Fixture *fx = *state;
    SsaFunc *f = fx->f;
    Block *b0 = ssa_block_new(f, BLOCK_IF, 0);
    Block *yes = ssa_block_new(f, BLOCK_PLAIN, 0);
    Block *no = ssa_block_new(f, BLOCK_PLAIN, 0);
    Block *join = ssa_block_new(f, BLOCK_RET, 0);
    Value *one = cnst(f, b0, CLS_I64, 1), *two = cnst(f, b0, CLS_I64, 2);
    Value *cond = val(f, b0, SSA_OP_LT, CLS_B, CLS_I64, two, one, NULL); /* false */
    ssa_block_set_control(f, b0, cond);
    ssa_block_add_edge(f, b0, yes);
    ssa_block_add_edge(f, b0, no);
    ssa_block_add_edge(f, yes, join);
    ssa_block_add_edge(f, no, join);
    Value *a = cnst(f, yes, CLS_I64, 10);
    Value *c = cnst(f, no, CLS_I64, 20);
    Value *p = ssa_value_new(join, SSA_OP_PHI, CLS_I64, NULL, 0);
    ssa_value_add_arg(f, p, a);
    ssa_value_add_arg(f, p, c);
    ssa_block_add_control(f, join, p);
    verify_ok(f, "build");

    ssa_pass_constfold(f);
    verify_ok(f, "constfold");
    ssa_pass_deadcode(f);
    verify_ok(f, "deadcode");
    assert_int_equal(b0->kind, BLOCK_PLAIN);
    assert_int_equal(b0->ncontrols, 0);
    assert_int_equal(f->nblocks, 3);
    assert_ptr_equal(b0->succs[0], no);
    assert_int_equal(join->npreds, 1);
    assert_ptr_equal(join->controls[0], c);
    assert_int_equal(count_op(f, SSA_OP_PHI), 0);
}

/* ---- division by constants */

/* Width in bits of an integer class. */
static int width_of(int cls) {
    return cls == CLS_I8 ? 8 : cls == CLS_I16 ? 16 : cls == CLS_I32 ? 32 : 64;
}

/* x truncated to class cls, sign-extended (the form of every value below). */
static int64_t norm(uint64_t x, int cls) {
    return ssa_const_sext((int64_t)x, cls);
}

/* x zero-extended from class cls. */
static uint64_t zx(int64_t x, int cls) {
    int w = width_of(cls);
    return w == 64 ? (uint64_t)x : (uint64_t)x & ((1ull << w) - 1);
}

/* The high word of the unsigned 128-bit product a * b. */
static uint64_t mul_high(uint64_t a, uint64_t b) {
    uint64_t al = a & 0xffffffffu, ah = a >> 32, bl = b & 0xffffffffu, bh = b >> 32;
    uint64_t ll = al * bl, lh = al * bh, hl = ah * bl, hh = ah * bh;
    uint64_t mid = (ll >> 32) + (lh & 0xffffffffu) + (hl & 0xffffffffu);
    return hh + (lh >> 32) + (hl >> 32) + (mid >> 32);
}

/* Runs the straight-line function f (one block returning one word) on
 * argument x, with Go's semantics for the ops division by constants
 * produces; values are kept sign-extended from their class. */
static int64_t run_straight(SsaFunc *f, int64_t x) {
    int64_t vals[256];
    assert_true(f->next_value_id < 256);
    assert_int_equal(f->nblocks, 1);
    Block *b = f->blocks[0];
    for (int j = 0; j < b->nvalues; j++) {
        Value *v = b->values[j];
        int64_t a0 = v->nargs > 0 ? vals[v->args[0]->id] : 0;
        int64_t a1 = v->nargs > 1 ? vals[v->args[1]->id] : 0;
        int cls = v->cls, w = width_of(cls);
        uint64_t r = 0;
        switch (v->op) {
        case SSA_OP_ARG: r = (uint64_t)x; break;
        case SSA_OP_CONST: r = (uint64_t)v->aux_int; break;
        case SSA_OP_COPY: r = (uint64_t)a0; break;
        case SSA_OP_ADD: r = (uint64_t)a0 + (uint64_t)a1; break;
        case SSA_OP_SUB: r = (uint64_t)a0 - (uint64_t)a1; break;
        case SSA_OP_MUL: r = (uint64_t)a0 * (uint64_t)a1; break;
        case SSA_OP_AND: r = (uint64_t)a0 & (uint64_t)a1; break;
        case SSA_OP_NEG: r = -(uint64_t)a0; break;
        case SSA_OP_SHL: r = (uint64_t)a1 >= (uint64_t)w ? 0 : (uint64_t)a0 << a1; break;
        case SSA_OP_SHRU: r = (uint64_t)a1 >= (uint64_t)w ? 0 : zx(a0, cls) >> a1; break;
        case SSA_OP_SHR: {
            int64_t k = (uint64_t)a1 >= (uint64_t)w ? w - 1 : a1;
            r = (uint64_t)(a0 < 0 ? ~(~a0 >> k) : a0 >> k);
            break;
        }
        case SSA_OP_HMULU: r = mul_high((uint64_t)a0, (uint64_t)a1); break;
        case SSA_OP_HMUL:
            r = mul_high((uint64_t)a0, (uint64_t)a1) - (a0 < 0 ? (uint64_t)a1 : 0) - (a1 < 0 ? (uint64_t)a0 : 0);
            break;
        case SSA_OP_SEXT: r = (uint64_t)a0; break;
        case SSA_OP_ZEXT: r = zx(a0, v->args[0]->cls); break;
        case SSA_OP_TRUNC: r = (uint64_t)a0; break;
        default: fail_msg("unexpected op %s", ssa_op_name(v->op));
        }
        vals[v->id] = norm(r, cls);
    }
    assert_int_equal(b->ncontrols, 1);
    return vals[b->controls[0]->id];
}

/* What Go computes for x op c at class cls (c != 0). */
static int64_t go_div(int op, int cls, int64_t x, int64_t c) {
    if (op == SSA_OP_DIVU || op == SSA_OP_MODU) {
        uint64_t ux = zx(x, cls), uc = zx(c, cls);
        return norm(op == SSA_OP_DIVU ? ux / uc : ux % uc, cls);
    }
    if (c == -1)
        return op == SSA_OP_DIV ? norm(-(uint64_t)x, cls) : 0;
    return norm((uint64_t)(op == SSA_OP_DIV ? x / c : x % c), cls);
}

/* Builds x op c at class cls, runs the pass, checks that no division is
 * left and that the result equals Go's for every dividend of xs. */
static void check_divconst(Fixture *fx, int op, int cls, int64_t c, const int64_t *xs, int nxs) {
    if (fx->f) { /* one function at a time: freeing one resets the func region */
        ssa_func_free(fx->f);
        fx->f = NULL;
    }
    SsaFunc *f = ssa_func_new(&fx->mem, "main.div", NULL, NULL);
    Block *b = ssa_block_new(f, BLOCK_RET, 0);
    Value *x = val(f, b, SSA_OP_ARG, cls, 0, NULL);
    Value *k = cnst(f, b, cls, norm((uint64_t)c, cls));
    Value *d = val(f, b, op, cls, 0, x, k, NULL);
    ssa_block_add_control(f, b, d);
    ssa_pass_divconst(f);
    verify_ok(f, "divconst");
    assert_int_equal(count_op(f, SSA_OP_DIV) + count_op(f, SSA_OP_DIVU) + count_op(f, SSA_OP_MOD) +
                         count_op(f, SSA_OP_MODU),
                     0);
    for (int i = 0; i < nxs; i++) {
        int64_t xv = norm((uint64_t)xs[i], cls);
        int64_t got = run_straight(f, xv), want = go_div(op, cls, xv, norm((uint64_t)c, cls));
        if (got != want)
            fail_msg("%s class %s: %" PRId64 " by %" PRId64 ": got %" PRId64 ", want %" PRId64, ssa_op_name(op),
                     ssa_class_name(cls), xv, norm((uint64_t)c, cls), got, want);
    }
    ssa_func_free(f);
}

/* Whether the rewrite applies: not division by 0 or 1 and not x % -1,
 * which constant folding owns. */
static bool divconst_applies(int op, int cls, int64_t c) {
    int64_t cs = norm((uint64_t)c, cls);
    if (cs == 0 || cs == 1)
        return false;
    return !(op == SSA_OP_MOD && cs == -1);
}

static const int DIV_OPS[] = {SSA_OP_DIV, SSA_OP_DIVU, SSA_OP_MOD, SSA_OP_MODU};

/* int8 and uint8: every dividend by every divisor. */
static void test_divconst_8bit_exhaustive(void **state) {
    Fixture *fx = *state;
    int64_t xs[256];
    for (int i = 0; i < 256; i++)
        xs[i] = i - 128;
    for (int o = 0; o < 4; o++)
        for (int64_t c = -128; c < 128; c++)
            if (divconst_applies(DIV_OPS[o], CLS_I8, c))
                check_divconst(fx, DIV_OPS[o], CLS_I8, c, xs, 256);
}

/* int16 and uint16: every dividend by divisors of every kind (powers of
 * two, their negations, MinInt, magic numbers of each shape). */
static void test_divconst_16bit(void **state) {
    Fixture *fx = *state;
    static int64_t xs[65536];
    for (int i = 0; i < 65536; i++)
        xs[i] = i - 32768;
    static const int64_t cs[] = {-1, 2, 3, 5, 6, 7, 9, 10, 11, 12, 13, 25, 60, 64, 100, 125, 255, 641, 1000,
                                 4096, 10000, 16385, 32767, -2, -3, -7, -10, -256, -1000, -32767, -32768,
                                 -32767 - 2, 65535 - 6};
    for (int o = 0; o < 4; o++)
        for (size_t i = 0; i < sizeof cs / sizeof cs[0]; i++)
            if (divconst_applies(DIV_OPS[o], CLS_I16, cs[i]))
                check_divconst(fx, DIV_OPS[o], CLS_I16, cs[i], xs, 65536);
}

/* 32 and 64 bits: divisors of every kind by dividends near 0, near the
 * limits, near multiples of the divisor and pseudo-random ones. */
static void test_divconst_wide(void **state) {
    Fixture *fx = *state;
    static const int64_t cs[] = {-1, 2, 3, 5, 6, 7, 10, 12, 25, 60, 100, 641, 1000, 1 << 20, 1000000007,
                                 2147483647, -2, -3, -7, -10, -4096, -2147483647, INT32_MIN,
                                 (int64_t)1 << 40, 6700417, 274177, 1000000000000000000, INT64_MAX, INT64_MIN,
                                 -(int64_t)((1ull << 63) / 3), (int64_t)0xfffffffffffffff9ull,
                                 (int64_t)0x8000000000000001ull, (int64_t)0xcccccccccccccccdull, 0xfffffffbll};
    int64_t xs[400];
    for (size_t i = 0; i < sizeof cs / sizeof cs[0]; i++) {
        for (int ci = 0; ci < 2; ci++) {
            int cls = ci ? CLS_I64 : CLS_I32;
            int64_t c = cs[i];
            int n = 0;
            static const int64_t edges[] = {0, 1, 2, 3, -1, -2, -3, INT32_MAX, INT32_MIN, UINT32_MAX,
                                            INT64_MAX, INT64_MIN, INT64_MAX - 1, INT64_MIN + 1};
            for (size_t e = 0; e < sizeof edges / sizeof edges[0]; e++)
                xs[n++] = edges[e];
            for (int m = -4; m <= 4; m++)
                for (int d = -1; d <= 1; d++) {
                    xs[n++] = (int64_t)((uint64_t)c * (uint64_t)m + (uint64_t)d);
                    xs[n++] = (int64_t)(zx(c, cls) * (uint64_t)m + (uint64_t)d);
                }
            uint64_t r = 0x9e3779b97f4a7c15ull * (uint64_t)(i + 1);
            while (n < 400) {
                r = r * 6364136223846793005ull + 1442695040888963407ull;
                xs[n++] = (int64_t)(r >> (r % 48));
            }
            for (int o = 0; o < 4; o++)
                if (divconst_applies(DIV_OPS[o], cls, c))
                    check_divconst(fx, DIV_OPS[o], cls, c, xs, n);
        }
    }
}

/* ---- zeroing overwritten before it is read */

/* A 24-byte slot zeroed and then written: stores at the given offsets (8
 * bytes each, -1 ends the list); read: a Load of the slot after the Zero
 * and before the stores; escape: the slot's address also passed to a
 * call.  Returns whether the Zero survived the pass. */
static bool zero_survives(Fixture *fx, const int *offs, bool read, bool escape) {
    SsaFunc *f = fx->f;
    Block *b = ssa_block_new(f, BLOCK_RET, 0);
    SsaSlot *slot = ssa_slot_new(f, 24, 8, NULL, "autotmp");
    Value *addr = val(f, b, SSA_OP_SLOT, CLS_I64, 0, NULL);
    addr->aux = slot;
    Value *x = val(f, b, SSA_OP_ARG, CLS_I64, 0, NULL);
    Value *z = val(f, b, SSA_OP_ZERO, CLS_VOID, 24, addr, NULL);
    if (read)
        val(f, b, SSA_OP_LOAD, CLS_I64, 16, addr, NULL);
    Value *other = val(f, b, SSA_OP_ARG, CLS_I64, 1, NULL);
    val(f, b, SSA_OP_LOAD, CLS_I64, 0, other, NULL); /* another pointer: cannot be the slot */
    for (int i = 0; offs[i] >= 0; i++) {
        Value *p = val(f, b, SSA_OP_OFFPTR, CLS_I64, offs[i], addr, NULL);
        val(f, b, SSA_OP_STORE, CLS_VOID, 0, p, x, NULL);
    }
    if (escape) {
        Value *call = val(f, b, SSA_OP_CALL_RUNTIME, CLS_VOID, 0, addr, NULL);
        call->aux = "use";
    }
    verify_ok(f, "build");
    ssa_pass_zeroelim(f);
    verify_ok(f, "zeroelim");
    return in_func(f, z);
}

/* Three 8-byte stores cover a 24-byte Zero: it goes. */
static void test_zeroelim_covered(void **state) {
    static const int offs[] = {16, 0, 8, -1};
    assert_false(zero_survives(*state, offs, false, false));
}

/* A byte left zero keeps the Zero. */
static void test_zeroelim_partial(void **state) {
    static const int offs[] = {0, 8, 12, -1};
    assert_true(zero_survives(*state, offs, false, false));
}

/* A read of the slot before the stores keeps it. */
static void test_zeroelim_read_first(void **state) {
    static const int offs[] = {0, 8, 16, -1};
    assert_true(zero_survives(*state, offs, true, false));
}

/* A slot whose address is passed on could be read through it: kept. */
static void test_zeroelim_escaped(void **state) {
    static const int offs[] = {0, 8, 16, -1};
    assert_true(zero_survives(*state, offs, false, true));
}

/* ---- common subexpressions */

/* Two equal adds (args in either order) in dominating blocks are merged;
 * equal values in blocks that do not dominate each other are not. */
static void test_cse(void **state) {
    Fixture *fx = *state;
    SsaFunc *f = fx->f;
    Block *b0 = ssa_block_new(f, BLOCK_IF, 0);
    Block *b1 = ssa_block_new(f, BLOCK_RET, 0);
    Block *b2 = ssa_block_new(f, BLOCK_RET, 0);
    Value *x = val(f, b0, SSA_OP_ARG, CLS_I64, 0, NULL);
    Value *y = val(f, b0, SSA_OP_ARG, CLS_I64, 1, NULL);
    Value *c = val(f, b0, SSA_OP_ARG, CLS_B, 2, NULL);
    Value *s1 = val(f, b0, SSA_OP_ADD, CLS_I64, 0, x, y, NULL);
    ssa_block_set_control(f, b0, c);
    ssa_block_add_edge(f, b0, b1);
    ssa_block_add_edge(f, b0, b2);
    Value *s2 = val(f, b1, SSA_OP_ADD, CLS_I64, 0, y, x, NULL);
    Value *m1 = val(f, b1, SSA_OP_MUL, CLS_I64, 0, x, x, NULL);
    Value *d1 = val(f, b1, SSA_OP_SUB, CLS_I64, 0, x, y, NULL);
    Value *d2 = val(f, b1, SSA_OP_SUB, CLS_I64, 0, y, x, NULL);   /* not commutative */
    Value *m2 = val(f, b2, SSA_OP_MUL, CLS_I64, 0, x, x, NULL);
    Value *l1 = val(f, b2, SSA_OP_LOAD, CLS_I64, 0, x, NULL);
    Value *l2 = val(f, b2, SSA_OP_LOAD, CLS_I64, 0, x, NULL);     /* loads are not merged */
    ssa_block_add_control(f, b1, s2);
    ssa_block_add_control(f, b1, m1);
    ssa_block_add_control(f, b1, d1);
    ssa_block_add_control(f, b1, d2);
    ssa_block_add_control(f, b2, s1);
    ssa_block_add_control(f, b2, m2);
    ssa_block_add_control(f, b2, l1);
    ssa_block_add_control(f, b2, l2);
    verify_ok(f, "build");

    ssa_pass_cse(f);
    verify_ok(f, "cse");
    ssa_pass_deadcode(f);
    verify_ok(f, "deadcode");
    assert_ptr_equal(b1->controls[0], s1);
    assert_false(in_func(f, s2));
    assert_ptr_equal(b1->controls[1], m1);
    assert_ptr_equal(b2->controls[1], m2);
    assert_ptr_not_equal(b1->controls[2], b1->controls[3]);
    assert_ptr_not_equal(b2->controls[2], b2->controls[3]);
    assert_int_equal(count_op(f, SSA_OP_ADD), 1);
    assert_int_equal(count_op(f, SSA_OP_MUL), 2);
}

/* Values equal through their args are merged in one go: (x+1)*2 twice. */
static void test_cse_transitive(void **state) {
    Fixture *fx = *state;
    SsaFunc *f = fx->f;
    Block *b = ssa_block_new(f, BLOCK_RET, 0);
    Value *x = val(f, b, SSA_OP_ARG, CLS_I64, 0, NULL);
    Value *r[2];
    for (int i = 0; i < 2; i++) {
        Value *one = cnst(f, b, CLS_I64, 1), *two = cnst(f, b, CLS_I64, 2);
        r[i] = val(f, b, SSA_OP_MUL, CLS_I64, 0, val(f, b, SSA_OP_ADD, CLS_I64, 0, one, x, NULL), two, NULL);
        ssa_block_add_control(f, b, r[i]);
    }
    ssa_pass_cse(f);
    ssa_pass_deadcode(f);
    verify_ok(f, "cse");
    assert_ptr_equal(b->controls[0], b->controls[1]);
    assert_int_equal(b->nvalues, 5); /* x, 1, +, 2, * */
}

/* Builds `loop: i = Phi(0, i + 1); j = Phi(0, j + step)` with a loop
 * header b1, body b2 and exit b3 returning i and j; step is 1 or 2. */
static void build_two_counters(SsaFunc *f, int64_t step, Value **i, Value **j) {
    Block *b0 = ssa_block_new(f, BLOCK_PLAIN, 0);
    Block *b1 = ssa_block_new(f, BLOCK_IF, 0);
    Block *b2 = ssa_block_new(f, BLOCK_PLAIN, 0);
    Block *b3 = ssa_block_new(f, BLOCK_RET, 0);
    Value *n = val(f, b0, SSA_OP_ARG, CLS_I64, 0, NULL);
    Value *zi = cnst(f, b0, CLS_I64, 0), *zj = cnst(f, b0, CLS_I64, 0);
    ssa_block_add_edge(f, b0, b1);
    ssa_block_add_edge(f, b1, b2);
    ssa_block_add_edge(f, b1, b3);
    ssa_block_add_edge(f, b2, b1);
    *i = ssa_value_new(b1, SSA_OP_PHI, CLS_I64, NULL, 0);
    *j = ssa_value_new(b1, SSA_OP_PHI, CLS_I64, NULL, 0);
    Value *lt = val(f, b1, SSA_OP_LT, CLS_B, CLS_I64, *i, n, NULL);
    ssa_block_set_control(f, b1, lt);
    Value *inc_i = val(f, b2, SSA_OP_ADD, CLS_I64, 0, *i, cnst(f, b2, CLS_I64, 1), NULL);
    Value *inc_j = val(f, b2, SSA_OP_ADD, CLS_I64, 0, cnst(f, b2, CLS_I64, step), *j, NULL);
    ssa_value_add_arg(f, *i, zi);
    ssa_value_add_arg(f, *i, inc_i);
    ssa_value_add_arg(f, *j, zj);
    ssa_value_add_arg(f, *j, inc_j);
    ssa_block_add_control(f, b3, *i);
    ssa_block_add_control(f, b3, *j);
    verify_ok(f, "build");
}

/* Two counters that start alike and step alike are one value, though each
 * phi's args include the other's cycle (the partition is optimistic); the
 * commutative adds match with their args in either order. */
static void test_cse_phi_cycle(void **state) {
    Fixture *fx = *state;
    SsaFunc *f = fx->f;
    Value *i, *j;
    build_two_counters(f, 1, &i, &j);
    Block *ret = f->blocks[3];
    ssa_pass_cse(f);
    verify_ok(f, "cse");
    ssa_pass_deadcode(f);
    verify_ok(f, "deadcode");
    assert_ptr_equal(ret->controls[0], ret->controls[1]);
    assert_int_equal(count_op(f, SSA_OP_PHI), 1);
    assert_int_equal(count_op(f, SSA_OP_ADD), 1);
}

/* Counters stepping by 1 and by 2 stay apart, as do their increments. */
static void test_cse_phi_cycle_differs(void **state) {
    Fixture *fx = *state;
    SsaFunc *f = fx->f;
    Value *i, *j;
    build_two_counters(f, 2, &i, &j);
    Block *ret = f->blocks[3];
    ssa_pass_cse(f);
    verify_ok(f, "cse");
    ssa_pass_deadcode(f);
    verify_ok(f, "deadcode");
    assert_ptr_equal(ret->controls[0], i);
    assert_ptr_equal(ret->controls[1], j);
    assert_int_equal(count_op(f, SSA_OP_PHI), 2);
    assert_int_equal(count_op(f, SSA_OP_ADD), 2);
}

/* Many equal values in many blocks of a chain: all become the first one
 * (classes longer than the sort's insertion-sort length included). */
static void test_cse_long_class(void **state) {
    Fixture *fx = *state;
    SsaFunc *f = fx->f;
    enum { NBLOCKS = 40 };
    Block *b[NBLOCKS];
    for (int k = 0; k < NBLOCKS; k++)
        b[k] = ssa_block_new(f, k + 1 < NBLOCKS ? BLOCK_PLAIN : BLOCK_RET, 0);
    Value *x = val(f, b[0], SSA_OP_ARG, CLS_I64, 0, NULL);
    Value *first = NULL;
    /* the last blocks first: dominance, not list order, picks the survivor */
    for (int k = NBLOCKS - 1; k >= 0; k--) {
        Value *s = val(f, b[k], SSA_OP_MUL, CLS_I64, 0, x, cnst(f, b[k], CLS_I64, 3), NULL);
        ssa_block_add_control(f, b[NBLOCKS - 1], s);
        if (k == 0)
            first = s;
    }
    for (int k = 0; k + 1 < NBLOCKS; k++)
        ssa_block_add_edge(f, b[k], b[k + 1]);
    verify_ok(f, "build");
    ssa_pass_cse(f);
    verify_ok(f, "cse");
    ssa_pass_deadcode(f);
    verify_ok(f, "deadcode");
    assert_int_equal(count_op(f, SSA_OP_MUL), 1);
    assert_int_equal(count_op(f, SSA_OP_CONST), 1);
    for (int k = 0; k < NBLOCKS; k++)
        assert_ptr_equal(b[NBLOCKS - 1]->controls[k], first);
}

/* ssa_sort_keyed orders by key and keeps the input order of equal keys,
 * below and above the insertion-sort length. */
static void test_sort_keyed(void **state) {
    Fixture *fx = *state;
    SsaFunc *f = fx->f;
    Block *b = ssa_block_new(f, BLOCK_RET, 0);
    enum { MAXN = 300 };
    Value *v[MAXN];
    for (int i = 0; i < MAXN; i++)
        v[i] = val(f, b, SSA_OP_ARG, CLS_I64, i, NULL);
    SsaKeyed a[MAXN], tmp[MAXN];
    static const int sizes[] = {0, 1, 2, 15, 16, 17, 31, 33, 100, 257, MAXN};
    uint64_t seed = 12345;
    for (size_t s = 0; s < sizeof sizes / sizeof sizes[0]; s++) {
        int n = sizes[s];
        for (int i = 0; i < n; i++) {
            seed = seed * 6364136223846793005u + 1442695040888963407u;
            /* few distinct keys, so that ties are many; one large key */
            a[i] = (SsaKeyed){(seed >> 33) % 7 + (i == n / 2 ? UINT64_MAX - 7 : 0), v[i]};
        }
        ssa_sort_keyed(a, n, tmp);
        for (int i = 1; i < n; i++) {
            assert_true(a[i - 1].key <= a[i].key);
            if (a[i - 1].key == a[i].key) /* stable: aux_int is the input position */
                assert_true(a[i - 1].v->aux_int < a[i].v->aux_int);
        }
        bool seen[MAXN] = {false};
        for (int i = 0; i < n; i++) {
            assert_false(seen[a[i].v->aux_int]);
            seen[a[i].v->aux_int] = true;
        }
    }
}

/* The passes' dominator tree is computed once while the control flow
 * graph stays; an edge change computes it again, equal to a fresh one. */
static void test_func_dom_tree_cached(void **state) {
    Fixture *fx = *state;
    SsaFunc *f = fx->f;
    Block *b0 = ssa_block_new(f, BLOCK_IF, 0);
    Block *b1 = ssa_block_new(f, BLOCK_PLAIN, 0);
    Block *b2 = ssa_block_new(f, BLOCK_RET, 0);
    Value *c = val(f, b0, SSA_OP_ARG, CLS_B, 0, NULL);
    ssa_block_set_control(f, b0, c);
    ssa_block_add_edge(f, b0, b1);
    ssa_block_add_edge(f, b0, b2);
    ssa_block_add_edge(f, b1, b2);
    const SsaDomTree *dt = ssa_func_dom_tree(f);
    assert_ptr_equal(dt->idom[b2->order], b0);
    assert_ptr_equal(ssa_func_dom_tree(f), dt);
    assert_ptr_equal(dt->idom[b2->order], b0);
    /* values come and go: the tree stays */
    ssa_value_free(f, val(f, b1, SSA_OP_CONST, CLS_I64, 1, NULL));
    assert_ptr_equal(ssa_func_dom_tree(f), dt);
    assert_int_equal(dt->n, 3);
    /* b0 -> b2 goes: b2 is reached through b1 alone */
    ssa_pass_critical(f);
    verify_ok(f, "critical");
    assert_int_equal(f->nblocks, 4);
    const SsaDomTree *again = ssa_func_dom_tree(f);
    assert_int_equal(again->n, 4);
    ssa_block_remove_succ(b0, 1);
    b0->kind = BLOCK_PLAIN;
    ssa_block_reset_controls(b0);
    ssa_pass_deadcode(f);
    verify_ok(f, "deadcode");
    again = ssa_func_dom_tree(f);
    SsaDomTree fresh;
    ssa_dom_tree(f, &fresh);
    assert_int_equal(again->n, fresh.n);
    assert_int_equal(again->n, 3);
    for (int k = 0; k < fresh.n; k++) {
        assert_ptr_equal(again->idom[k], fresh.idom[k]);
        assert_int_equal(again->pre[k], fresh.pre[k]);
        assert_int_equal(again->post[k], fresh.post[k]);
    }
    assert_ptr_equal(again->idom[b2->order], b1);
}

/* ---- check elimination */

/* The blocks and values of the loop build_range_loop makes. */
typedef struct RangeLoop {
    Block *entry, *header, *body, *exit;
    Value *p, *n, *i, *j, *m;
    Value *check_in, *check_j, *check_m;
} RangeLoop;

/* Builds `for i := 0; i < n; i++ { t += *(p + i*8) }` with a bounds check
 * of (i, n), plus checks of (j, n) and (i, m) in the body, as construction
 * builds `for i := range s`. */
static RangeLoop build_range_loop(SsaFunc *f) {
    RangeLoop L;
    L.entry = ssa_block_new(f, BLOCK_PLAIN, 0);
    L.header = ssa_block_new(f, BLOCK_IF, 0);
    L.body = ssa_block_new(f, BLOCK_PLAIN, 0);
    L.exit = ssa_block_new(f, BLOCK_RET, 0);
    L.p = val(f, L.entry, SSA_OP_ARG, CLS_I64, 0, NULL);
    L.n = val(f, L.entry, SSA_OP_ARG, CLS_I64, 1, NULL);
    L.j = val(f, L.entry, SSA_OP_ARG, CLS_I64, 2, NULL);
    L.m = val(f, L.entry, SSA_OP_ARG, CLS_I64, 3, NULL);
    Value *zero = cnst(f, L.entry, CLS_I64, 0);
    ssa_block_add_edge(f, L.entry, L.header);
    ssa_block_add_edge(f, L.header, L.body);
    ssa_block_add_edge(f, L.header, L.exit);
    ssa_block_add_edge(f, L.body, L.header);
    L.i = ssa_value_new(L.header, SSA_OP_PHI, CLS_I64, NULL, 0);
    Value *t = ssa_value_new(L.header, SSA_OP_PHI, CLS_I64, NULL, 0);
    Value *lt = val(f, L.header, SSA_OP_LT, CLS_B, CLS_I64, L.i, L.n, NULL);
    ssa_block_set_control(f, L.header, lt);
    L.check_in = val(f, L.body, SSA_OP_BOUNDS_CHECK, CLS_VOID, 0, L.i, L.n, NULL);
    Value *eight = cnst(f, L.body, CLS_I64, 8);
    Value *off = val(f, L.body, SSA_OP_MUL, CLS_I64, 0, L.i, eight, NULL);
    Value *addr = val(f, L.body, SSA_OP_ADDPTR, CLS_I64, 0, L.p, off, NULL);
    Value *x = val(f, L.body, SSA_OP_LOAD, CLS_I64, 0, addr, NULL);
    L.check_j = val(f, L.body, SSA_OP_BOUNDS_CHECK, CLS_VOID, 0, L.j, L.n, NULL);
    L.check_m = val(f, L.body, SSA_OP_BOUNDS_CHECK, CLS_VOID, 0, L.i, L.m, NULL);
    Value *t2 = val(f, L.body, SSA_OP_ADD, CLS_I64, 0, t, x, NULL);
    Value *one = cnst(f, L.body, CLS_I64, 1);
    Value *i2 = val(f, L.body, SSA_OP_ADD, CLS_I64, 0, L.i, one, NULL);
    ssa_value_add_arg(f, L.i, zero);
    ssa_value_add_arg(f, L.i, i2);
    ssa_value_add_arg(f, t, zero);
    ssa_value_add_arg(f, t, t2);
    ssa_block_add_control(f, L.exit, t);
    return L;
}

/* The loop's check of (i, n) goes; checks of an unrelated index or
 * against another length stay. */
static void test_checkelim_range_loop(void **state) {
    Fixture *fx = *state;
    SsaFunc *f = fx->f;
    RangeLoop L = build_range_loop(f);
    verify_ok(f, "build");
    ssa_pass_checkelim(f);
    verify_ok(f, "checkelim");
    assert_false(in_func(f, L.check_in));
    assert_true(in_func(f, L.check_j));
    assert_true(in_func(f, L.check_m));
    assert_int_equal(count_op(f, SSA_OP_BOUNDS_CHECK), 2);
}

/* When the increment is not under the bound, i may wrap around to a
 * negative number: the check must stay.
 *   for i := 0; ; i++ { if i < n { check(i, n) } } */
static void test_checkelim_unbounded_increment_kept(void **state) {
    Fixture *fx = *state;
    SsaFunc *f = fx->f;
    Block *entry = ssa_block_new(f, BLOCK_PLAIN, 0);
    Block *head = ssa_block_new(f, BLOCK_IF, 0);
    Block *then = ssa_block_new(f, BLOCK_PLAIN, 0);
    Block *latch = ssa_block_new(f, BLOCK_PLAIN, 0);
    Value *n = val(f, entry, SSA_OP_ARG, CLS_I64, 0, NULL);
    Value *zero = cnst(f, entry, CLS_I64, 0);
    ssa_block_add_edge(f, entry, head);
    ssa_block_add_edge(f, head, then);
    ssa_block_add_edge(f, head, latch);
    ssa_block_add_edge(f, then, latch);
    ssa_block_add_edge(f, latch, head);
    Value *i = ssa_value_new(head, SSA_OP_PHI, CLS_I64, NULL, 0);
    ssa_block_set_control(f, head, val(f, head, SSA_OP_LT, CLS_B, CLS_I64, i, n, NULL));
    Value *chk = val(f, then, SSA_OP_BOUNDS_CHECK, CLS_VOID, 0, i, n, NULL);
    Value *i2 = val(f, latch, SSA_OP_ADD, CLS_I64, 0, i, cnst(f, latch, CLS_I64, 1), NULL);
    ssa_value_add_arg(f, i, zero);
    ssa_value_add_arg(f, i, i2);
    verify_ok(f, "build");
    ssa_pass_checkelim(f);
    verify_ok(f, "checkelim");
    assert_true(in_func(f, chk));
}

/* s[x-1] under x < n and x > 0 cannot fail; without x > 0 it can.
 *   if x < n { if x > 0 { check(x-1, n) } else { check(x-1, n) } } */
static void test_checkelim_offset_index(void **state) {
    Fixture *fx = *state;
    SsaFunc *f = fx->f;
    Block *b0 = ssa_block_new(f, BLOCK_IF, 0);
    Block *b1 = ssa_block_new(f, BLOCK_IF, 0);
    Block *pos = ssa_block_new(f, BLOCK_RET, 0);
    Block *nonpos = ssa_block_new(f, BLOCK_RET, 0);
    Block *out = ssa_block_new(f, BLOCK_RET, 0);
    Value *x = val(f, b0, SSA_OP_ARG, CLS_I64, 0, NULL);
    Value *n = val(f, b0, SSA_OP_ARG, CLS_I64, 1, NULL);
    Value *zero = cnst(f, b0, CLS_I64, 0), *one = cnst(f, b0, CLS_I64, 1);
    ssa_block_set_control(f, b0, val(f, b0, SSA_OP_LT, CLS_B, CLS_I64, x, n, NULL));
    ssa_block_add_edge(f, b0, b1);
    ssa_block_add_edge(f, b0, out);
    Value *xm1 = val(f, b1, SSA_OP_SUB, CLS_I64, 0, x, one, NULL);
    ssa_block_set_control(f, b1, val(f, b1, SSA_OP_GT, CLS_B, CLS_I64, x, zero, NULL));
    ssa_block_add_edge(f, b1, pos);
    ssa_block_add_edge(f, b1, nonpos);
    Value *safe = val(f, pos, SSA_OP_BOUNDS_CHECK, CLS_VOID, 0, xm1, n, NULL);
    Value *unsafe = val(f, nonpos, SSA_OP_BOUNDS_CHECK, CLS_VOID, 0, xm1, n, NULL);
    verify_ok(f, "build");
    ssa_pass_checkelim(f);
    verify_ok(f, "checkelim");
    assert_false(in_func(f, safe));
    assert_true(in_func(f, unsafe));
}

/* The whole pipeline removes the range loop's check. */
static void test_pipeline_range_loop(void **state) {
    Fixture *fx = *state;
    SsaFunc *f = fx->f;
    build_range_loop(f);
    SsaConfig cfg = {.verify = true};
    ssa_run_passes(f, &cfg);
    assert_int_equal(count_op(f, SSA_OP_BOUNDS_CHECK), 2);
    assert_int_equal(count_op(f, SSA_OP_PHI), 2);
}

/* Constant index and length: in range goes, out of range stays; a repeated
 * check of the same pair goes. */
static void test_checkelim_constants_and_repeats(void **state) {
    Fixture *fx = *state;
    SsaFunc *f = fx->f;
    Block *b = ssa_block_new(f, BLOCK_RET, 0);
    Value *two = cnst(f, b, CLS_I64, 2), *three = cnst(f, b, CLS_I64, 3), *m1 = cnst(f, b, CLS_I64, -1);
    Value *i = val(f, b, SSA_OP_ARG, CLS_I64, 0, NULL), *n = val(f, b, SSA_OP_ARG, CLS_I64, 1, NULL);
    Value *in = val(f, b, SSA_OP_BOUNDS_CHECK, CLS_VOID, 0, two, three, NULL);
    Value *at_len = val(f, b, SSA_OP_BOUNDS_CHECK, CLS_VOID, 0, three, three, NULL);
    Value *neg = val(f, b, SSA_OP_BOUNDS_CHECK, CLS_VOID, 0, m1, three, NULL);
    Value *first = val(f, b, SSA_OP_BOUNDS_CHECK, CLS_VOID, 0, i, n, NULL);
    Value *again = val(f, b, SSA_OP_BOUNDS_CHECK, CLS_VOID, 0, i, n, NULL);
    Value *slice_ok = val(f, b, SSA_OP_SLICE_CHECK, CLS_VOID, 0, three, three, NULL);
    Value *div = val(f, b, SSA_OP_DIV_CHECK, CLS_VOID, 0, two, NULL);
    ssa_pass_checkelim(f);
    verify_ok(f, "checkelim");
    assert_false(in_func(f, in));
    assert_true(in_func(f, at_len));
    assert_true(in_func(f, neg));
    assert_true(in_func(f, first));
    assert_false(in_func(f, again));
    assert_false(in_func(f, slice_ok));
    assert_false(in_func(f, div));
}

/* Nil checks: of a new object, gone; of an argument, kept once; after a
 * branch on p != nil, gone. */
static void test_checkelim_nil(void **state) {
    Fixture *fx = *state;
    SsaFunc *f = fx->f;
    Block *b0 = ssa_block_new(f, BLOCK_IF, 0);
    Block *b1 = ssa_block_new(f, BLOCK_RET, 0);
    Block *b2 = ssa_block_new(f, BLOCK_RET, 0);
    Value *q = val(f, b0, SSA_OP_ARG, CLS_I64, 1, NULL);
    Value *p = val(f, b0, SSA_OP_ARG, CLS_I64, 0, NULL);
    Value *obj = val(f, b0, SSA_OP_NEW, CLS_I64, 0, NULL);
    Value *c_new = val(f, b0, SSA_OP_NIL_CHECK, CLS_VOID, 0, obj, NULL);
    Value *c_field = val(f, b0, SSA_OP_NIL_CHECK, CLS_VOID, 0, val(f, b0, SSA_OP_OFFPTR, CLS_I64, 8, obj, NULL), NULL);
    Value *c_p = val(f, b0, SSA_OP_NIL_CHECK, CLS_VOID, 0, p, NULL);
    Value *nil = val(f, b0, SSA_OP_CONST_NIL, CLS_I64, 0, NULL);
    ssa_block_set_control(f, b0, val(f, b0, SSA_OP_NE, CLS_B, CLS_I64, q, nil, NULL));
    ssa_block_add_edge(f, b0, b1);
    ssa_block_add_edge(f, b0, b2);
    Value *c_p2 = val(f, b1, SSA_OP_NIL_CHECK, CLS_VOID, 0, p, NULL);
    Value *c_q_yes = val(f, b1, SSA_OP_NIL_CHECK, CLS_VOID, 0, q, NULL);
    Value *c_q_no = val(f, b2, SSA_OP_NIL_CHECK, CLS_VOID, 0, q, NULL);
    verify_ok(f, "build");
    ssa_pass_checkelim(f);
    verify_ok(f, "checkelim");
    assert_false(in_func(f, c_new));
    assert_false(in_func(f, c_field));
    assert_true(in_func(f, c_p));
    assert_false(in_func(f, c_p2));
    assert_false(in_func(f, c_q_yes));
    assert_true(in_func(f, c_q_no));
}

/* ---- critical edges */

/* b0 -> b2 is critical (b0 has two successors, b2 two predecessors): it
 * gets a block of its own, in the same predecessor slot, so the phi's
 * args still line up. */
static void test_critical(void **state) {
    Fixture *fx = *state;
    SsaFunc *f = fx->f;
    Block *b0 = ssa_block_new(f, BLOCK_IF, 0);
    Block *b1 = ssa_block_new(f, BLOCK_PLAIN, 0);
    Block *b2 = ssa_block_new(f, BLOCK_RET, 0);
    Value *c = val(f, b0, SSA_OP_ARG, CLS_B, 0, NULL);
    Value *x = val(f, b0, SSA_OP_ARG, CLS_I64, 1, NULL);
    ssa_block_set_control(f, b0, c);
    ssa_block_add_edge(f, b0, b2);
    ssa_block_add_edge(f, b0, b1);
    ssa_block_add_edge(f, b1, b2);
    Value *y = cnst(f, b1, CLS_I64, 5);
    Value *p = ssa_value_new(b2, SSA_OP_PHI, CLS_I64, NULL, 0);
    ssa_value_add_arg(f, p, x);
    ssa_value_add_arg(f, p, y);
    ssa_block_add_control(f, b2, p);
    verify_ok(f, "build");

    ssa_pass_critical(f);
    verify_ok(f, "critical");
    assert_int_equal(f->nblocks, 4);
    Block *mid = b0->succs[0];
    assert_ptr_not_equal(mid, b2);
    assert_ptr_equal(b0->succs[1], b1);
    assert_int_equal(mid->kind, BLOCK_PLAIN);
    assert_int_equal(mid->nvalues, 0);
    assert_int_equal(mid->npreds, 1);
    assert_ptr_equal(mid->preds[0], b0);
    assert_ptr_equal(mid->succs[0], b2);
    assert_ptr_equal(b2->preds[0], mid);
    assert_ptr_equal(b2->preds[1], b1);
    assert_ptr_equal(p->args[0], x);
    assert_ptr_equal(p->args[1], y);
    /* b1 -> b2 was not critical: b1 has one successor */
    assert_ptr_equal(b1->succs[0], b2);
}

/* An If whose two successors are the same block gets both edges split,
 * each phi arg on its own new block. */
static void test_critical_double_edge(void **state) {
    Fixture *fx = *state;
    SsaFunc *f = fx->f;
    Block *b0 = ssa_block_new(f, BLOCK_IF, 0);
    Block *b1 = ssa_block_new(f, BLOCK_RET, 0);
    Value *c = val(f, b0, SSA_OP_ARG, CLS_B, 0, NULL);
    Value *x = val(f, b0, SSA_OP_ARG, CLS_I64, 1, NULL);
    Value *y = val(f, b0, SSA_OP_ARG, CLS_I64, 2, NULL);
    ssa_block_set_control(f, b0, c);
    ssa_block_add_edge(f, b0, b1);
    ssa_block_add_edge(f, b0, b1);
    Value *p = ssa_value_new(b1, SSA_OP_PHI, CLS_I64, NULL, 0);
    ssa_value_add_arg(f, p, x);
    ssa_value_add_arg(f, p, y);
    ssa_block_add_control(f, b1, p);
    ssa_pass_critical(f);
    verify_ok(f, "critical");
    assert_int_equal(f->nblocks, 4);
    assert_ptr_not_equal(b0->succs[0], b0->succs[1]);
    assert_ptr_equal(b1->preds[0], b0->succs[0]);
    assert_ptr_equal(b1->preds[1], b0->succs[1]);
    assert_ptr_equal(p->args[0], x);
    assert_ptr_equal(p->args[1], y);
}

/* ---- the pipeline */

/* -d ssa=FUNC matching, as GOSSAFUNC. */
static void test_dump_matches(void **state) {
    (void)state;
    assert_true(ssa_dump_matches("f", "main.f"));
    assert_true(ssa_dump_matches("main.f", "main.f"));
    assert_true(ssa_dump_matches("T.M", "main.T.M"));
    assert_true(ssa_dump_matches("(*T).M", "main.(*T).M"));
    assert_true(ssa_dump_matches("f.func1", "main.f.func1"));
    assert_false(ssa_dump_matches("f", "main.g"));
    assert_false(ssa_dump_matches("f", "main.f.func1"));
    assert_false(ssa_dump_matches("M", "main.T.M"));
    assert_false(ssa_dump_matches(NULL, "main.f"));
}

/* Reads what was written to a temporary file into buf. */
static void slurp(FILE *fp, char *buf, size_t n) {
    rewind(fp);
    size_t k = fread(buf, 1, n - 1, fp);
    buf[k] = 0;
}

/* Counts the occurrences of needle in hay. */
static int count_str(const char *hay, const char *needle) {
    int n = 0;
    for (const char *p = hay; (p = strstr(p, needle)) != NULL; p += strlen(needle))
        n++;
    return n;
}

/* A target pass standing in for lower and regalloc. */
static void fake_target_pass(SsaFunc *f) {
    (void)f;
}

/* The dump shows the function as built and after every pass; -N runs only
 * the required passes; the target's passes run last. */
static void test_pipeline_dump(void **state) {
    Fixture *fx = *state;
    static char buf[1 << 16];
    static const SsaPass target[] = {{"lower", fake_target_pass, true}, {"regalloc", fake_target_pass, true}};
    for (int no_opt = 0; no_opt <= 1; no_opt++) {
        ssa_func_free(fx->f);
        fx->f = ssa_func_new(&fx->mem, "main.f", NULL, NULL);
        SsaFunc *f = fx->f;
        Block *b = ssa_block_new(f, BLOCK_RET, 0);
        Value *two = cnst(f, b, CLS_I64, 2), *three = cnst(f, b, CLS_I64, 3);
        ssa_block_add_control(f, b, val(f, b, SSA_OP_MUL, CLS_I64, 0, two, three, NULL));
        FILE *out = tmpfile();
        assert_non_null(out);
        SsaConfig cfg = {.dump_func = "f", .dump_out = out, .verify = true, .no_opt = no_opt};
        ssa_register_target_passes(&cfg, target, 2);
        ssa_run_passes(f, &cfg);
        slurp(out, buf, sizeof buf);
        fclose(out);
        assert_int_equal(count_str(buf, "pass build main.f"), 1);
        assert_int_equal(count_str(buf, "pass deadcode main.f"), 1);
        assert_int_equal(count_str(buf, "pass critical main.f"), 1);
        assert_int_equal(count_str(buf, "pass late-deadcode main.f"), 1);
        assert_int_equal(count_str(buf, "pass lower main.f"), 1);
        assert_int_equal(count_str(buf, "pass regalloc main.f"), 1);
        assert_int_equal(count_str(buf, "pass constfold main.f"), no_opt ? 0 : 1);
        assert_int_equal(count_str(buf, "pass cse main.f"), no_opt ? 0 : 1);
        /* -N leaves 2*3 alone; otherwise it is 6 */
        assert_int_equal(count_op(f, SSA_OP_MUL), no_opt ? 1 : 0);
        if (!no_opt) {
            assert_int_equal(b->controls[0]->op, SSA_OP_CONST);
            assert_int_equal(b->controls[0]->aux_int, 6);
        }
    }
}

/* Nothing is printed for a function the dump does not name. */
static void test_pipeline_no_dump(void **state) {
    Fixture *fx = *state;
    SsaFunc *f = fx->f;
    Block *b = ssa_block_new(f, BLOCK_RET, 0);
    ssa_block_add_control(f, b, cnst(f, b, CLS_I64, 1));
    FILE *out = tmpfile();
    assert_non_null(out);
    SsaConfig cfg = {.dump_func = "g", .dump_out = out, .verify = true};
    ssa_run_passes(f, &cfg);
    assert_int_equal(ftell(out), 0);
    fclose(out);
}

/* Runs every test with a fresh function. */
int main(void) {
    const struct CMUnitTest tests[] = {
#define T(fn) cmocka_unit_test_setup_teardown(fn, setup, teardown)
        T(test_copyelim_loop_phi),
        T(test_copyelim_keeps_real_phi),
        T(test_copyelim_nested_loop_phis),
        T(test_deadcode),
        T(test_deadcode_dead_cycle),
        T(test_rerun_after_edits),
        T(test_constfold_wraparound),
        T(test_constfold_shifts),
        T(test_constfold_compares),
        T(test_constfold_no_div_by_zero),
        T(test_constfold_conversions_and_identities),
        T(test_constfold_floats),
        T(test_constfold_chain),
        T(test_constfold_branch),
        T(test_divconst_8bit_exhaustive),
        T(test_divconst_16bit),
        T(test_divconst_wide),
        T(test_zeroelim_covered),
        T(test_zeroelim_partial),
        T(test_zeroelim_read_first),
        T(test_zeroelim_escaped),
        T(test_cse),
        T(test_cse_transitive),
        T(test_cse_phi_cycle),
        T(test_cse_phi_cycle_differs),
        T(test_cse_long_class),
        T(test_sort_keyed),
        T(test_func_dom_tree_cached),
        T(test_checkelim_range_loop),
        T(test_checkelim_unbounded_increment_kept),
        T(test_checkelim_offset_index),
        T(test_pipeline_range_loop),
        T(test_checkelim_constants_and_repeats),
        T(test_checkelim_nil),
        T(test_critical),
        T(test_critical_double_edge),
        T(test_dump_matches),
        T(test_pipeline_dump),
        T(test_pipeline_no_dump),
#undef T
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
