/* test_regalloc.c — the shared register allocator, parallel moves and frame
 * layout, on a small made-up target (four allocatable integer registers, two
 * of them callee-saved; two float registers).
 *
 * The allocated functions are checked by running them: an interpreter walks
 * the CFG, reads every arg from the location the allocator gave it and
 * writes every result to its own, performs phi and call moves through
 * codegen's real parallel-move code, and destroys the caller-saved and
 * scratch registers at every call.  Each location read is compared with the
 * value the SSA semantics give, so a register shared by two live values, a
 * value left in a clobbered register, or a wrong phi move fails the test at
 * the read that sees it. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "codegen/codegen.h"
#include "ssa/ssa.h"

/* ---- the test target ----------------------------------------------------------- */

enum { R0, R1, R2, R3, R4, R5, RFP, RSP, F0, F1, F2, F3, NREGS };
#define GARBAGE ((int64_t)0x5A5A5A5A5A5A5A5Aull)

static const TargetReg TREGS[NREGS] = {
    {"r0", RC_INT}, {"r1", RC_INT}, {"r2", RC_INT}, {"r3", RC_INT}, {"r4", RC_INT}, {"r5", RC_INT},
    {"fp", RC_INT}, {"sp", RC_INT}, {"f0", RC_FLOAT}, {"f1", RC_FLOAT}, {"f2", RC_FLOAT}, {"f3", RC_FLOAT},
};
static const int8_t INT_ORDER[] = {R2, R3, R4, R5};
static const int8_t FLOAT_ORDER[] = {F2, F3};
#define CALLER_SAVED (REG_BIT(R0) | REG_BIT(R1) | REG_BIT(R2) | REG_BIT(R3) | REG_BIT(F0) | REG_BIT(F1) | REG_BIT(F2) | REG_BIT(F3))

/* Two integer argument registers, then 8-byte stack words; the context in r3. */
static void t_assign_args(const Target *t, const CallShape *s, CallLocs *out) {
    (void)t;
    int next = 0;
    int64_t stack = 0;
    static const int ARGS[] = {R2, R3};
    out->result_ptr = (Loc){.kind = LOC_NONE};
    out->context = (Loc){.kind = LOC_NONE};
    if (s->result_area)
        out->result_ptr = (Loc){.kind = LOC_REG, .reg = ARGS[next++]};
    if (s->context)
        out->context = (Loc){.kind = LOC_REG, .reg = R3};
    for (int i = 0; i < s->nwords; i++) {
        if (next < 2 && reg_class_of(s->cls[i]) == RC_INT) {
            out->words[i] = (Loc){.kind = LOC_REG, .reg = ARGS[next++]};
        } else {
            out->words[i] = (Loc){.kind = LOC_OUT_STACK, .off = stack};
            stack += 8;
        }
    }
    out->stack_bytes = (stack + 15) & ~15;
}

/* Results in r2, r3. */
static void t_assign_results(const Target *t, const uint8_t *cls, int n, Loc *out) {
    (void)t;
    (void)cls;
    for (int i = 0; i < n; i++)
        out[i] = (Loc){.kind = LOC_REG, .reg = (int16_t)(i ? R3 : R2)};
}

/* Calls clobber the caller-saved set; Mul prefers its first operand's register. */
static void t_constraints(const Target *t, const Value *v, RegConstraint *rc) {
    if (ssa_op_flags(v->op) & OPF_CALL)
        rc->clobbers = t->caller_saved;
    if (v->op == SSA_OP_MUL)
        rc->hint_arg0 = true;
}

/* The machine the interpreter runs: registers, slots, outgoing stack words. */
typedef struct Machine {
    int64_t reg[NREGS];
    int64_t slot[256];
    int64_t out[32];
    int moves, swaps;
} Machine;

/* The test keeps the machine next to the codegen context it hands out. */
typedef struct TestCtx {
    CodegenCtx c;
    Machine m;
} TestCtx;

static int64_t *cell(Machine *m, const Loc *l) {
    switch (l->kind) {
    case LOC_REG: return &m->reg[l->reg];
    case LOC_SLOT: assert_true(l->index < 256); return &m->slot[l->index];
    case LOC_OUT_STACK: return &m->out[l->off / 8];
    case LOC_ARG_STACK: return &m->out[l->off / 8];
    default: fail_msg("no cell for location kind %d", l->kind); return NULL;
    }
}

static int64_t read_loc(Machine *m, const Loc *l) {
    if (l->kind == LOC_IMM)
        return l->off;
    return *cell(m, l);
}

/* Moves execute on the machine instead of printing. */
static void t_emit_move(CodegenCtx *c, const Loc *dst, const Loc *src) {
    Machine *m = &((TestCtx *)c)->m;
    /* memory-to-memory moves must have been split through a scratch register */
    bool dmem = dst->kind == LOC_SLOT || dst->kind == LOC_OUT_STACK;
    bool smem = src->kind == LOC_SLOT || src->kind == LOC_OUT_STACK || src->kind == LOC_ARG_STACK;
    assert_false(dmem && smem);
    *cell(m, dst) = read_loc(m, src);
    m->moves++;
}

static void t_emit_swap(CodegenCtx *c, int r1, int r2) {
    Machine *m = &((TestCtx *)c)->m;
    int64_t x = m->reg[r1];
    m->reg[r1] = m->reg[r2];
    m->reg[r2] = x;
    m->swaps++;
}

/* Emission hooks for the assembly test: real instructions, no meaning. */
static void t_lower(const Target *t, CodegenCtx *c, SsaFunc *f) {
    (void)t;
    (void)c;
    (void)f;
}

static void t_emit_prologue(CodegenCtx *c, const Frame *fr) {
    codegen_printf(c->out, "\tpushq %%rbp\n\t.cfi_def_cfa_offset 16\n\t.cfi_offset %%rbp, -16\n"
                    "\tmovq %%rsp, %%rbp\n\t.cfi_def_cfa_register %%rbp\n\tsubq $%lld, %%rsp\n",
            (long long)fr->size);
}

static void t_emit_epilogue(CodegenCtx *c, const Frame *fr) {
    (void)fr;
    codegen_printf(c->out, "\tleave\n\tret\n");
}

static void t_emit_value(CodegenCtx *c, Value *v) {
    if (v->op == SSA_OP_CONST_STRING) {
        codegen_printf(c->out, "\tleaq ");
        codegen_put_string_label(c, v);
        codegen_printf(c->out, "(%%rip), %%rax\n");
    } else if (v->op == SSA_OP_CALL_RUNTIME) {
        codegen_printf(c->out, "\tcall ");
        codegen_put_symbol(c->out, codegen_value_symbol(c, v));
        codegen_printf(c->out, "\n");
    } else {
        codegen_printf(c->out, "\tnop\n");
    }
}

static void t_emit_block_end(CodegenCtx *c, Block *b, Block *next) {
    if (b->kind == BLOCK_RET) {
        t_emit_epilogue(c, &c->frame);
        return;
    }
    for (int i = b->nsuccs - 1; i >= 0; i--)
        if (b->succs[i] != next) {
            codegen_printf(c->out, "\t%s ", i == 0 && b->nsuccs == 2 ? "jne" : "jmp");
            codegen_put_block_label(c, b->succs[i]);
            codegen_printf(c->out, "\n");
        }
}

static const Target TEST_TARGET_NOSWAP = {
    .name = "test", .word_size = 8, .stack_align = 16,
    .regs = TREGS, .nregs = NREGS,
    .alloc_order = {INT_ORDER, FLOAT_ORDER}, .nalloc_order = {4, 2},
    .caller_saved = CALLER_SAVED,
    .callee_saved = REG_BIT(R4) | REG_BIT(R5),
    .scratch = {{R0, R1}, {F0, F1}},
    .fp_reg = RFP, .sp_reg = RSP, .context_reg = R3,
    .assign_args = t_assign_args, .assign_results = t_assign_results,
    .constraints = t_constraints,
    .emit_move = t_emit_move,
};

static const Target TEST_TARGET_SWAP = {
    .name = "test", .word_size = 8, .stack_align = 16,
    .regs = TREGS, .nregs = NREGS,
    .alloc_order = {INT_ORDER, FLOAT_ORDER}, .nalloc_order = {4, 2},
    .caller_saved = CALLER_SAVED,
    .callee_saved = REG_BIT(R4) | REG_BIT(R5),
    .scratch = {{R0, R1}, {F0, F1}},
    .fp_reg = RFP, .sp_reg = RSP, .context_reg = R3,
    .assign_args = t_assign_args, .assign_results = t_assign_results,
    .constraints = t_constraints,
    .emit_move = t_emit_move, .emit_swap = t_emit_swap,
    .lower = t_lower, .emit_prologue = t_emit_prologue, .emit_epilogue = t_emit_epilogue,
    .emit_value = t_emit_value, .emit_block_end = t_emit_block_end,
};

/* ---- building functions ---------------------------------------------------------- */

static Mem mem;

static int setup(void **state) {
    (void)state;
    mem_init(&mem, false);
    ssa_init(&mem, 0);
    return 0;
}

static int teardown(void **state) {
    (void)state;
    mem_free(&mem);
    return 0;
}

static Value *val(Block *b, Op op, int64_t aux_int, Value *x, Value *y) {
    Value *v = ssa_value_new(b, op, CLS_I64, NULL, pos_make(1, 1, 1));
    v->aux_int = aux_int;
    if (x)
        ssa_value_add_arg(b->func, v, x);
    if (y)
        ssa_value_add_arg(b->func, v, y);
    return v;
}

static Value *konst(Block *b, int64_t k) {
    return val(b, SSA_OP_CONST, k, NULL, NULL);
}

/* A runtime call "sum": the sum of its args, or a pair (sum, difference). */
static Value *call(Block *b, int cls, Value **args, int n) {
    Value *v = ssa_value_new(b, SSA_OP_CALL_RUNTIME, (ValClass)cls, NULL, pos_make(1, 1, 1));
    v->aux = "sum";
    for (int i = 0; i < n; i++)
        ssa_value_add_arg(b->func, v, args[i]);
    return v;
}

static Block *block(SsaFunc *f, BlockKind k) {
    return ssa_block_new(f, k, pos_make(1, 1, 1));
}

/* ---- the interpreter -------------------------------------------------------------- */

/* Reads arg v from its location and checks it against the SSA semantics. */
static int64_t get(TestCtx *tc, int64_t *shadow, Value *v) {
    Loc l = codegen_value_loc(v);
    assert_int_not_equal(l.kind, LOC_NONE);
    int64_t x = read_loc(&tc->m, &l);
    if (x != shadow[v->id])
        fail_msg("v%u read %lld from its location, expected %lld", v->id, (long long)x,
                 (long long)shadow[v->id]);
    return x;
}

static void put(TestCtx *tc, int64_t *shadow, Value *v, int64_t x) {
    shadow[v->id] = x;
    Loc l = codegen_value_loc(v);
    if (l.kind == LOC_REG || l.kind == LOC_SLOT)
        *cell(&tc->m, &l) = x;
}

/* Destroys what a call destroys. */
static void clobber(TestCtx *tc, RegMask m) {
    for (int r = 0; r < NREGS; r++)
        if (m & REG_BIT(r))
            tc->m.reg[r] = GARBAGE + r;
}

/* The phi moves of edge b -> s through codegen's parallel move, and the shadow phis. */
static void edge(TestCtx *tc, int64_t *shadow, Block *b, Block *s) {
    int k = 0;
    while (s->preds[k] != b)
        k++;
    Loc dst[16], src[16];
    int64_t newv[16];
    int n = 0;
    for (int i = 0; i < s->nvalues && s->values[i]->op == SSA_OP_PHI; i++) {
        Value *p = s->values[i];
        dst[n] = codegen_value_loc(p);
        src[n] = codegen_value_loc(p->args[k]);
        newv[n] = get(tc, shadow, p->args[k]);
        n++;
    }
    codegen_parallel_move(&tc->c, dst, src, n);
    for (int i = 0; i < n; i++) {
        shadow[s->values[i]->id] = newv[i];
        Loc l = codegen_value_loc(s->values[i]);
        assert_int_equal(read_loc(&tc->m, &l), newv[i]);
    }
}

/* Runs f with integer arguments args; returns its first result word. */
static int64_t run(TestCtx *tc, SsaFunc *f, const int64_t *args, int nargs) {
    int64_t *shadow = ARENA_NEW_ARRAY(mem_scratch(&mem), int64_t, f->next_value_id + 1);
    memset(&tc->m, 0, sizeof tc->m);
    clobber(tc, ~(RegMask)0);
    /* the prologue's parameter moves */
    Loc in[8], rp, ctx, dst[8], src[8];
    codegen_param_locs(tc->c.t, f, in, nargs, &rp, &ctx);
    for (int i = 0; i < nargs; i++)
        *cell(&tc->m, &in[i]) = args[i];
    int n = 0;
    Block *b = f->blocks[0];
    for (int i = 0; i < b->nvalues; i++)
        if (b->values[i]->op == SSA_OP_ARG) {
            Value *v = b->values[i];
            dst[n] = codegen_value_loc(v);
            src[n] = in[v->aux_int];
            shadow[v->id] = args[v->aux_int];
            n++;
        }
    codegen_parallel_move(&tc->c, dst, src, n);
    int64_t result = 0;
    for (int steps = 0; steps < 100000; steps++) {
        for (int i = 0; i < b->nvalues; i++) {
            Value *v = b->values[i];
            switch (v->op) {
            case SSA_OP_ARG:
            case SSA_OP_PHI:
            case SSA_OP_SELECT: break;
            case SSA_OP_CONST: put(tc, shadow, v, v->aux_int); break;
            case SSA_OP_ADD: put(tc, shadow, v, get(tc, shadow, v->args[0]) + get(tc, shadow, v->args[1])); break;
            case SSA_OP_SUB: put(tc, shadow, v, get(tc, shadow, v->args[0]) - get(tc, shadow, v->args[1])); break;
            case SSA_OP_MUL: put(tc, shadow, v, get(tc, shadow, v->args[0]) * get(tc, shadow, v->args[1])); break;
            case SSA_OP_LT: put(tc, shadow, v, get(tc, shadow, v->args[0]) < get(tc, shadow, v->args[1])); break;
            case SSA_OP_CALL_RUNTIME: {
                int64_t sum = 0, diff = 0;
                for (int k = 0; k < v->nargs; k++)
                    get(tc, shadow, v->args[k]);
                codegen_emit_call_args(&tc->c, v);
                Loc locs[16];
                codegen_call_arg_locs(tc->c.t, v, locs);
                for (int k = 0; k < v->nargs; k++) {
                    int64_t x = read_loc(&tc->m, &locs[k]);
                    assert_int_equal(x, shadow[v->args[k]->id]);
                    sum += x;
                    diff = k ? diff - x : x;
                }
                clobber(tc, tc->c.t->caller_saved);
                tc->m.reg[R2] = sum;
                tc->m.reg[R3] = diff;
                codegen_emit_call_results(&tc->c, v);
                if (v->cls == CLS_TUPLE) {
                    for (int k = i + 1; k < b->nvalues && b->values[k]->op == SSA_OP_SELECT; k++) {
                        Value *s = b->values[k];
                        shadow[s->id] = s->aux_int ? diff : sum;
                    }
                } else if (v->cls != CLS_VOID) {
                    shadow[v->id] = sum;
                }
                break;
            }
            default: fail_msg("op %s not interpreted", ssa_op_name(v->op));
            }
        }
        if (b->kind == BLOCK_RET) {
            if (b->ncontrols)
                result = get(tc, shadow, b->controls[0]);
            return result;
        }
        Block *next = b->kind == BLOCK_IF ? b->succs[get(tc, shadow, b->controls[0]) ? 0 : 1] : b->succs[0];
        edge(tc, shadow, b, next);
        b = next;
    }
    fail_msg("the function did not return");
    return 0;
}

/* Sets up the context for f on target t and allocates registers. */
static void allocate(TestCtx *tc, const Target *t, SsaFunc *f) {
    codegen_init(&tc->c, t, &mem, NULL, NULL, 0, stdout);
    tc->c.f = f;
    regalloc_run(t, f);
    frame_layout(t, f, &tc->c.frame);
}

/* Checks the static invariants: classes, forbidden registers, slots. */
static void check_locations(const Target *t, SsaFunc *f) {
    for (int bi = 0; bi < f->nblocks; bi++)
        for (int i = 0; i < f->blocks[bi]->nvalues; i++) {
            Value *v = f->blocks[bi]->values[i];
            if (v->cls == CLS_VOID || v->cls == CLS_TUPLE) {
                assert_int_equal(v->reg, REG_NONE);
                continue;
            }
            assert_true((v->reg >= 0) != (v->slot >= 0));
            if (v->reg >= 0) {
                assert_int_equal(t->regs[v->reg].cls, reg_class_of(v->cls));
                assert_int_not_equal(v->reg, t->scratch[0][0]);
                assert_int_not_equal(v->reg, t->scratch[0][1]);
                assert_int_not_equal(v->reg, t->fp_reg);
                assert_int_not_equal(v->reg, t->sp_reg);
            } else {
                assert_true(v->slot < f->nslots);
                assert_null(f->slots[v->slot]->type);
            }
        }
}

/* ---- tests ------------------------------------------------------------------------- */

/* Twelve values live at once on four registers: some must be spilled, and
 * the sum still comes out right. */
static void test_spill_under_pressure(void **state) {
    (void)state;
    SsaFunc *f = ssa_func_new(&mem, "main.pressure", NULL, NULL);
    Block *b = block(f, BLOCK_RET);
    Value *a = val(b, SSA_OP_ARG, 0, NULL, NULL);
    Value *x[12];
    for (int i = 0; i < 12; i++)
        x[i] = val(b, SSA_OP_MUL, 0, a, konst(b, i + 1));
    Value *sum = x[0];
    for (int i = 1; i < 12; i++)
        sum = val(b, SSA_OP_ADD, 0, sum, x[i]);
    ssa_block_add_control(f, b, sum);
    TestCtx tc;
    allocate(&tc, &TEST_TARGET_SWAP, f);
    check_locations(&TEST_TARGET_SWAP, f);
    int spilled = 0;
    for (int i = 0; i < 12; i++)
        spilled += x[i]->slot >= 0;
    assert_true(spilled >= 12 - 4);
    int64_t args[] = {3};
    assert_int_equal(run(&tc, f, args, 1), 3 * 78);
    /* the frame holds the spill slots, aligned and disjoint, and stays 16-aligned */
    assert_int_equal(tc.c.frame.size % 16, 0);
    for (int i = 0; i < f->nslots; i++) {
        assert_true(f->slots[i]->offset < 0);
        assert_true(-f->slots[i]->offset <= tc.c.frame.size);
        for (int j = 0; j < i; j++)
            assert_int_not_equal(f->slots[i]->offset, f->slots[j]->offset);
    }
    ssa_func_free(f);
}

/* Values live across calls go to callee-saved registers or to memory; the
 * arguments and the tuple result move through the convention. */
static void test_values_across_calls(void **state) {
    (void)state;
    SsaFunc *f = ssa_func_new(&mem, "main.calls", NULL, NULL);
    Block *b = block(f, BLOCK_RET);
    Value *p = val(b, SSA_OP_ARG, 0, NULL, NULL);
    Value *q = val(b, SSA_OP_ARG, 1, NULL, NULL);
    Value *k[5];
    for (int i = 0; i < 5; i++)
        k[i] = val(b, SSA_OP_ADD, 0, p, konst(b, 100 * (i + 1)));
    /* sum(q, p, k0, k1): two register words and two stack words */
    Value *args1[] = {q, p, k[0], k[1]};
    Value *c1 = call(b, CLS_I64, args1, 4);
    /* a tuple (sum, diff) whose words are used in the opposite order */
    Value *args2[] = {c1, q};
    Value *c2 = call(b, CLS_TUPLE, args2, 2);
    Value *s0 = val(b, SSA_OP_SELECT, 0, c2, NULL);
    Value *s1 = val(b, SSA_OP_SELECT, 1, c2, NULL);
    Value *r = val(b, SSA_OP_SUB, 0, s1, s0);
    for (int i = 0; i < 5; i++)
        r = val(b, SSA_OP_ADD, 0, r, k[i]);
    r = val(b, SSA_OP_ADD, 0, r, p);
    ssa_block_add_control(f, b, r);
    TestCtx tc;
    allocate(&tc, &TEST_TARGET_NOSWAP, f);
    check_locations(&TEST_TARGET_NOSWAP, f);
    for (int i = 0; i < 5; i++)
        if (k[i]->reg >= 0)
            assert_true(TEST_TARGET_NOSWAP.callee_saved & REG_BIT(k[i]->reg));
    assert_true(tc.c.frame.has_calls);
    assert_int_equal(tc.c.frame.out_args, 16);
    assert_true(tc.c.frame.saved != 0);
    for (int r = 0; r < NREGS; r++)
        if (tc.c.frame.saved & REG_BIT(r))
            assert_true(tc.c.frame.save_off[r] < 0);
    int64_t args[] = {7, 5};
    /* c1 = 5+7+107+207 = 326; s0 = 331, s1 = 321; r = -10 + 107+207+307+407+507 + 7 */
    assert_int_equal(run(&tc, f, args, 2), -10 + 1535 + 7);
    ssa_func_free(f);
}

/* With registers to spare, a value live across a call still avoids the
 * caller-saved ones, where the allocation order would put it first. */
static void test_call_clobbers(void **state) {
    (void)state;
    SsaFunc *f = ssa_func_new(&mem, "main.clobber", NULL, NULL);
    Block *b = block(f, BLOCK_RET);
    Value *p = val(b, SSA_OP_ARG, 0, NULL, NULL);
    Value *k = val(b, SSA_OP_ADD, 0, p, konst(b, 100));
    Value *args[] = {k, k};
    Value *c = call(b, CLS_I64, args, 2);
    Value *d = call(b, CLS_I64, args, 2);
    Value *r = val(b, SSA_OP_ADD, 0, c, k);
    r = val(b, SSA_OP_ADD, 0, r, d);
    ssa_block_add_control(f, b, r);
    TestCtx tc;
    allocate(&tc, &TEST_TARGET_SWAP, f);
    check_locations(&TEST_TARGET_SWAP, f);
    assert_true(k->reg == R4 || k->reg == R5);
    /* c is live across the second call too; d is not live across any */
    assert_true(c->slot >= 0 || c->reg == R4 || c->reg == R5);
    assert_true(tc.c.frame.saved & REG_BIT(k->reg));
    int64_t in[] = {1};
    assert_int_equal(run(&tc, f, in, 1), 202 + 101 + 202);
    ssa_func_free(f);
}

/* A loop whose phis swap (a, b = b, a) and rotate three values each
 * iteration: the edge moves are cycles. */
static void phi_cycles(const Target *t) {
    SsaFunc *f = ssa_func_new(&mem, "main.cycles", NULL, NULL);
    Block *entry = block(f, BLOCK_PLAIN);
    Block *head = block(f, BLOCK_IF);
    Block *body = block(f, BLOCK_PLAIN);
    Block *exit = block(f, BLOCK_RET);
    Value *x = val(entry, SSA_OP_ARG, 0, NULL, NULL);
    Value *y = val(entry, SSA_OP_ARG, 1, NULL, NULL);
    Value *z = val(entry, SSA_OP_ADD, 0, x, y);
    Value *zero = konst(entry, 0);
    ssa_block_add_edge(f, entry, head);
    ssa_block_add_edge(f, head, body);
    ssa_block_add_edge(f, head, exit);
    ssa_block_add_edge(f, body, head);
    Value *a = val(head, SSA_OP_PHI, 0, NULL, NULL);
    Value *bb = val(head, SSA_OP_PHI, 0, NULL, NULL);
    Value *u = val(head, SSA_OP_PHI, 0, NULL, NULL);
    Value *v = val(head, SSA_OP_PHI, 0, NULL, NULL);
    Value *w = val(head, SSA_OP_PHI, 0, NULL, NULL);
    Value *i = val(head, SSA_OP_PHI, 0, NULL, NULL);
    Value *n = konst(head, 5);
    Value *cond = val(head, SSA_OP_LT, 0, i, n);
    ssa_block_set_control(f, head, cond);
    Value *one = konst(body, 1);
    Value *i1 = val(body, SSA_OP_ADD, 0, i, one);
    /* entry edge */
    ssa_value_add_arg(f, a, x);
    ssa_value_add_arg(f, bb, y);
    ssa_value_add_arg(f, u, x);
    ssa_value_add_arg(f, v, y);
    ssa_value_add_arg(f, w, z);
    ssa_value_add_arg(f, i, zero);
    /* back edge: a, b = b, a; u, v, w = v, w, u */
    ssa_value_add_arg(f, a, bb);
    ssa_value_add_arg(f, bb, a);
    ssa_value_add_arg(f, u, v);
    ssa_value_add_arg(f, v, w);
    ssa_value_add_arg(f, w, u);
    ssa_value_add_arg(f, i, i1);
    Value *t1 = val(exit, SSA_OP_MUL, 0, a, konst(exit, 1000000));
    Value *t2 = val(exit, SSA_OP_MUL, 0, bb, konst(exit, 10000));
    Value *t3 = val(exit, SSA_OP_MUL, 0, u, konst(exit, 100));
    Value *r = val(exit, SSA_OP_ADD, 0, t1, t2);
    r = val(exit, SSA_OP_ADD, 0, r, t3);
    r = val(exit, SSA_OP_ADD, 0, r, v);
    ssa_block_add_control(f, exit, r);
    TestCtx tc;
    allocate(&tc, t, f);
    check_locations(t, f);
    int64_t args[] = {1, 2};
    /* after 5 iterations: a, b = 2, 1; (u, v, w) rotated 5 times from (1, 2, 3) = (3, 1, 2) */
    assert_int_equal(run(&tc, f, args, 2), 2 * 1000000 + 1 * 10000 + 3 * 100 + 1);
    if (t->emit_swap)
        assert_true(tc.m.swaps > 0 || a->reg < 0 || bb->reg < 0);
    ssa_func_free(f);
}

static void test_phi_cycles_scratch(void **state) {
    (void)state;
    phi_cycles(&TEST_TARGET_NOSWAP);
}

static void test_phi_cycles_swap(void **state) {
    (void)state;
    phi_cycles(&TEST_TARGET_SWAP);
}

/* Parallel moves over registers and slots, every permutation of four
 * places with a duplicate source: each destination gets what its source
 * held before the first move. */
static void parallel_moves(const Target *t) {
    TestCtx tc;
    codegen_init(&tc.c, t, &mem, NULL, NULL, 0, stdout);
    Loc places[5] = {
        {.kind = LOC_REG, .reg = R2}, {.kind = LOC_REG, .reg = R3}, {.kind = LOC_SLOT, .index = 0},
        {.kind = LOC_REG, .reg = R4}, {.kind = LOC_SLOT, .index = 1},
    };
    int perm[5] = {0, 1, 2, 3, 4};
    int count = 0;
    /* all 120 permutations by Heap's algorithm, iteratively */
    int cnt[5] = {0};
    int k = 1;
    for (;;) {
        Loc dst[6], src[6];
        for (int j = 0; j < 5; j++) {
            dst[j] = places[j];
            src[j] = places[perm[j]];
            dst[j].cls = src[j].cls = CLS_I64;
        }
        /* plus a fan-out: R5 also receives the old contents of places[perm[0]] */
        dst[5] = (Loc){.kind = LOC_REG, .cls = CLS_I64, .reg = R5};
        src[5] = src[0];
        memset(&tc.m, 0, sizeof tc.m);
        for (int j = 0; j < 5; j++)
            *cell(&tc.m, &places[j]) = 10 + j;
        codegen_parallel_move(&tc.c, dst, src, 6);
        for (int j = 0; j < 5; j++)
            assert_int_equal(*cell(&tc.m, &places[j]), 10 + perm[j]);
        assert_int_equal(tc.m.reg[R5], 10 + perm[0]);
        count++;
        while (k < 5 && cnt[k] >= k) {
            cnt[k] = 0;
            k++;
        }
        if (k == 5)
            break;
        int a = k % 2 == 0 ? 0 : cnt[k];
        int x = perm[a];
        perm[a] = perm[k];
        perm[k] = x;
        cnt[k]++;
        k = 1;
    }
    assert_int_equal(count, 120);
    asm_out_flush(tc.c.out);
    codegen_free(&tc.c);
}

static void test_parallel_moves(void **state) {
    (void)state;
    parallel_moves(&TEST_TARGET_NOSWAP);
    parallel_moves(&TEST_TARGET_SWAP);
}

/* A long chain with a value kept alive to the end: the allocator reuses the
 * registers of dead values (nothing spills) and honours the two-address hint. */
static void test_reuse_and_hints(void **state) {
    (void)state;
    SsaFunc *f = ssa_func_new(&mem, "main.chain", NULL, NULL);
    Block *b = block(f, BLOCK_RET);
    Value *a = val(b, SSA_OP_ARG, 0, NULL, NULL);
    Value *cur = a;
    Value *muls[20];
    for (int i = 0; i < 20; i++) {
        Value *k = konst(b, 3);
        cur = muls[i] = val(b, SSA_OP_MUL, 0, i ? cur : val(b, SSA_OP_ADD, 0, a, k), k);
    }
    Value *r = val(b, SSA_OP_ADD, 0, cur, a);
    ssa_block_add_control(f, b, r);
    TestCtx tc;
    allocate(&tc, &TEST_TARGET_SWAP, f);
    check_locations(&TEST_TARGET_SWAP, f);
    assert_int_equal(f->nslots, 0);
    for (int i = 1; i < 20; i++)
        assert_int_equal(muls[i]->reg, muls[i - 1]->reg);
    /* the parameter stays in its incoming register r2 */
    assert_int_equal(a->reg, R2);
    int64_t args[] = {2};
    int64_t want = 2 + 3;
    for (int i = 0; i < 20; i++)
        want *= 3;
    assert_int_equal(run(&tc, f, args, 1), want + 2);
    ssa_func_free(f);
}

/* A value read only after a loop (a, in the exit, laid out between the
 * header and the body) stays live through the body: liveness reaches the
 * body over the back edge only, on a later round.  The body's call
 * destroys the caller-saved registers, so an interval cut short at the
 * exit would leave a wrong a there.  The calls of the exit and the body
 * pass one and three words on the stack: the frame reserves the larger. */
static void test_live_around_back_edge(void **state) {
    (void)state;
    SsaFunc *f = ssa_func_new(&mem, "main.backedge", NULL, NULL);
    Block *entry = block(f, BLOCK_PLAIN);
    Block *head = block(f, BLOCK_IF);
    Block *exit = block(f, BLOCK_RET);
    Block *body = block(f, BLOCK_PLAIN);
    Value *a = val(entry, SSA_OP_ARG, 0, NULL, NULL);
    Value *n = val(entry, SSA_OP_ARG, 1, NULL, NULL);
    Value *zero = konst(entry, 0);
    ssa_block_add_edge(f, entry, head);
    ssa_block_add_edge(f, head, body);
    ssa_block_add_edge(f, head, exit);
    ssa_block_add_edge(f, body, head);
    Value *i = val(head, SSA_OP_PHI, 0, NULL, NULL);
    Value *acc = val(head, SSA_OP_PHI, 0, NULL, NULL);
    Value *cond = val(head, SSA_OP_LT, 0, i, n);
    ssa_block_set_control(f, head, cond);
    Value *x = val(body, SSA_OP_MUL, 0, i, konst(body, 3));
    Value *y = val(body, SSA_OP_MUL, 0, i, konst(body, 2));
    Value *args1[] = {x, acc, i, y, i};
    Value *acc2 = call(body, CLS_I64, args1, 5);
    Value *i2 = val(body, SSA_OP_ADD, 0, i, konst(body, 1));
    ssa_value_add_arg(f, i, zero);
    ssa_value_add_arg(f, acc, zero);
    ssa_value_add_arg(f, i, i2);
    ssa_value_add_arg(f, acc, acc2);
    Value *args2[] = {acc, a, n};
    Value *r = call(exit, CLS_I64, args2, 3);
    ssa_block_add_control(f, exit, r);
    TestCtx tc;
    allocate(&tc, &TEST_TARGET_NOSWAP, f);
    check_locations(&TEST_TARGET_NOSWAP, f);
    assert_true(a->slot >= 0 || (TEST_TARGET_NOSWAP.callee_saved & REG_BIT(a->reg)));
    assert_int_equal(tc.c.frame.out_args, 32);
    /* acc gains 3i + i + 2i + i = 7i per iteration; the exit adds a and n */
    int64_t args[] = {100, 5};
    assert_int_equal(run(&tc, f, args, 2), 7 * 10 + 100 + 5);
    ssa_func_free(f);
}

/* A whole file through codegen_begin, codegen_func and codegen_end is
 * accepted by the GNU assembler: quoted symbols, .loc lines, the string
 * literal, and one 48-byte mgc_pctab record per function. */
static void test_file_assembles(void **state) {
    (void)state;
    char path[] = "/tmp/mgc_test_codegen_XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    FILE *out = fdopen(fd, "w");
    assert_non_null(out);
    static const char *const files[] = {"/src/x.go"};
    TestCtx tc;
    codegen_init(&tc.c, &TEST_TARGET_SWAP, &mem, NULL, files, 1, out);
    codegen_begin(&tc.c);
    const char *names[] = {"main.(*T).M", "main.main"};
    for (int k = 0; k < 2; k++) {
        SsaFunc *f = ssa_func_new(&mem, names[k], NULL, NULL);
        Block *b0 = block(f, BLOCK_IF);
        Block *b1 = block(f, BLOCK_PLAIN);
        Block *b2 = block(f, BLOCK_RET);
        Block *split = block(f, BLOCK_PLAIN);
        b0->pos = pos_make(1, 3, 1);
        Value *a = val(b0, SSA_OP_ARG, 0, NULL, NULL);
        a->pos = pos_make(1, 3, 6);
        Value *cmp = val(b0, SSA_OP_LT, 0, a, konst(b0, 10));
        cmp->pos = pos_make(1, 4, 2);
        ssa_block_set_control(f, b0, cmp);
        ssa_block_add_edge(f, b0, b1);
        ssa_block_add_edge(f, b0, split);
        ssa_block_add_edge(f, split, b2);
        ssa_block_add_edge(f, b1, b2);
        Value *str = ssa_value_new(b1, SSA_OP_CONST_STRING, CLS_I64, NULL, pos_make(1, 5, 3));
        str->aux = "hi \"there\"\n";
        str->aux_int = 11;
        Value *args[] = {str, konst(b1, 11)};
        call(b1, CLS_VOID, args, 2)->aux = "mgc_printstring";
        Value *r = val(b2, SSA_OP_PHI, 0, a, NULL);
        ssa_value_add_arg(f, r, konst(b1, 7));
        ssa_block_add_control(f, b2, r);
        codegen_func(&TEST_TARGET_SWAP, f, &tc.c);
        ssa_func_free(f);
    }
    codegen_end(&tc.c);
    codegen_free(&tc.c);
    fclose(out);
    char cmd[512];
    snprintf(cmd, sizeof cmd, "as --64 -o %s.o %s && readelf -SW %s.o | grep -q 'mgc_pctab.* 000060 '"
             " && grep -q '^\\.LS[0-9]*:' %s && grep -q '\\.loc 1 5 3' %s && grep -q '\\.quad \"main.(\\*T).M\", ' %s",
             path, path, path, path, path, path);
    int rc = system(cmd);
    if (rc != 0) {
        snprintf(cmd, sizeof cmd, "cat %s", path);
        (void)system(cmd);
    }
    assert_int_equal(rc, 0);
    snprintf(cmd, sizeof cmd, "%s.o", path);
    unlink(cmd);
    unlink(path);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_spill_under_pressure),
        cmocka_unit_test(test_values_across_calls),
        cmocka_unit_test(test_call_clobbers),
        cmocka_unit_test(test_phi_cycles_scratch),
        cmocka_unit_test(test_phi_cycles_swap),
        cmocka_unit_test(test_parallel_moves),
        cmocka_unit_test(test_reuse_and_hints),
        cmocka_unit_test(test_live_around_back_edge),
        cmocka_unit_test(test_file_assembles),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
