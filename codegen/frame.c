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

/* Lays out f's frame into fr and sets every slot's fp-relative offset. */
void frame_layout(const Target *t, SsaFunc *f, Frame *fr) {
    memset(fr, 0, sizeof *fr);
    for (int bi = 0; bi < f->nblocks; bi++) {
        Block *b = f->blocks[bi];
        for (int i = 0; i < b->nvalues; i++) {
            Value *v = b->values[i];
            if (v->reg >= 0 && (t->callee_saved & REG_BIT(v->reg)))
                fr->saved |= REG_BIT(v->reg);
            if (is_call(v)) {
                fr->has_calls = true;
                Loc locs[64];
                Loc *l = v->nargs <= 64 ? locs : ARENA_NEW_ARRAY(mem_scratch(f->mem), Loc, v->nargs);
                int64_t bytes = codegen_call_arg_locs(t, v, l);
                if (bytes > fr->out_args)
                    fr->out_args = bytes;
            } else if (ssa_op_flags(v->op) & OPF_CALL) {
                fr->has_calls = true;
            }
        }
    }
    int64_t used = 0;
    for (int r = 0; r < t->nregs && r < TARGET_MAX_REGS; r++)
        if (fr->saved & REG_BIT(r)) {
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
