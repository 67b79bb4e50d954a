/* frame.c — the stack frame of one function (the picture is in codegen.h):
 * the save slots of the callee-saved registers the allocator handed out,
 * then f's slots (locals that escape analysis kept on the stack, struct and
 * array locals, outgoing hidden result areas, spills) each at its
 * alignment, then the outgoing stack arguments at the stack pointer; the
 * total rounded so that the stack pointer stays aligned at calls. */
#include "codegen/codegen.h"

#include <string.h>

/* Rounds x up to a multiple of a (a power of two). */
static int64_t round_up(int64_t x, int64_t a) {
    return (x + a - 1) & ~(a - 1);
}

/* Whether v is a call of the calling convention. */
static bool is_call(const Value *v) {
    return v->op == SSA_OP_CALL || v->op == SSA_OP_CALL_CLOSURE || v->op == SSA_OP_CALL_RUNTIME;
}

/* The stack argument bytes of calls, by call shape: calls of one shape
 * (kind, hidden result area, argument classes) pass their arguments in
 * the same places, and most calls of a function share a few shapes. */
#define SHAPE_MEMO 8
typedef struct ShapeMemo {
    uint64_t key[SHAPE_MEMO]; /* 0: empty */
    int64_t bytes[SHAPE_MEMO];
} ShapeMemo;

/* The shape of call v as a nonzero key, or 0 when it does not fit one. */
static uint64_t shape_key(const Value *v) {
    if (v->nargs > 13)
        return 0;
    uint64_t key = (uint64_t)1 << 63 | (uint64_t)(v->op == SSA_OP_CALL_CLOSURE) |
                   (uint64_t)((v->aux_int & SSA_CALL_RESULT_AREA) != 0) << 1 |
                   (uint64_t)v->nargs << 2;
    for (int i = 0; i < v->nargs; i++) {
        if (v->args[i]->cls >= 16)
            return 0;
        key |= (uint64_t)v->args[i]->cls << (6 + 4 * i);
    }
    return key;
}

/* The bytes of stack arguments of call v: its shape, as
 * codegen_call_arg_locs builds it, given to the convention once per shape. */
static int64_t call_stack_bytes(const Target *t, SsaFunc *f, const Value *v, ShapeMemo *memo) {
    uint64_t key = shape_key(v);
    int h = (int)((key * 0x9E3779B97F4A7C15u) >> 61) % SHAPE_MEMO;
    if (key && memo->key[h] == key)
        return memo->bytes[h];
    CallShape shape = {.context = v->op == SSA_OP_CALL_CLOSURE,
                       .result_area = (v->aux_int & SSA_CALL_RESULT_AREA) != 0};
    int first = shape.context + shape.result_area;
    if (v->nargs < first) {
        Loc locs[2];
        return codegen_call_arg_locs(t, v, locs); /* reports the malformed call */
    }
    shape.nwords = v->nargs - first;
    uint8_t cls_few[16];
    Loc words_few[16];
    Arena *a = mem_scratch(f->mem);
    uint8_t *cls = shape.nwords <= 16 ? cls_few : ARENA_NEW_ARRAY(a, uint8_t, shape.nwords);
    Loc *words = shape.nwords <= 16 ? words_few : ARENA_NEW_ARRAY(a, Loc, shape.nwords);
    for (int i = 0; i < shape.nwords; i++)
        cls[i] = v->args[first + i]->cls;
    shape.cls = cls;
    CallLocs cl = {.words = words};
    t->assign_args(t, &shape, &cl);
    if (key) {
        memo->key[h] = key;
        memo->bytes[h] = cl.stack_bytes;
    }
    return cl.stack_bytes;
}

/* Lays out f's frame into fr and sets every slot's fp-relative offset. */
void frame_layout(const Target *t, SsaFunc *f, Frame *fr) {
    memset(fr, 0, sizeof *fr);
    RegMask regs = 0;
    ShapeMemo memo = {{0}, {0}};
    for (int bi = 0; bi < f->nblocks; bi++) {
        Block *b = f->blocks[bi];
        for (int i = 0; i < b->nvalues; i++) {
            Value *v = b->values[i];
            if (v->reg >= 0)
                regs |= REG_BIT(v->reg);
            if (!(ssa_op_flags(v->op) & OPF_CALL))
                continue;
            fr->has_calls = true;
            if (is_call(v)) {
                int64_t bytes = call_stack_bytes(t, f, v, &memo);
                if (bytes > fr->out_args)
                    fr->out_args = bytes;
            }
        }
    }
    RegMask all = t->nregs < TARGET_MAX_REGS ? REG_BIT(t->nregs) - 1 : ~(RegMask)0;
    fr->saved = regs & t->callee_saved;
    int64_t used = 0;
    for (RegMask m = fr->saved & all; m; m &= m - 1) {
        int r = __builtin_ctzll(m);
        used += t->word_size;
        fr->save_off[r] = (int32_t)-used;
    }
    for (int i = 0; i < f->nslots; i++) {
        SsaSlot *s = f->slots[i];
        int64_t align = s->align > 0 ? s->align : 1;
        used = round_up(used + (s->size > 0 ? s->size : 0), align);
        s->offset = -used;
    }
    fr->out_args = round_up(fr->out_args, t->word_size);
    fr->size = round_up(used + fr->out_args, t->stack_align);
}
