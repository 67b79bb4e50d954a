/* target.c — the System V AMD64 target: register file, calling convention
 * (docs/abi.md) and the allocator's constraints of each op. */
#include "codegen/amd64/amd64.h"

static const TargetReg REGS[AMD64_NREGS] = {
    {"rax", RC_INT}, {"rcx", RC_INT}, {"rdx", RC_INT}, {"rbx", RC_INT},
    {"rsp", RC_INT}, {"rbp", RC_INT}, {"rsi", RC_INT}, {"rdi", RC_INT},
    {"r8", RC_INT}, {"r9", RC_INT}, {"r10", RC_INT}, {"r11", RC_INT},
    {"r12", RC_INT}, {"r13", RC_INT}, {"r14", RC_INT}, {"r15", RC_INT},
    {"xmm0", RC_FLOAT}, {"xmm1", RC_FLOAT}, {"xmm2", RC_FLOAT}, {"xmm3", RC_FLOAT},
    {"xmm4", RC_FLOAT}, {"xmm5", RC_FLOAT}, {"xmm6", RC_FLOAT}, {"xmm7", RC_FLOAT},
    {"xmm8", RC_FLOAT}, {"xmm9", RC_FLOAT}, {"xmm10", RC_FLOAT}, {"xmm11", RC_FLOAT},
    {"xmm12", RC_FLOAT}, {"xmm13", RC_FLOAT}, {"xmm14", RC_FLOAT}, {"xmm15", RC_FLOAT},
};

/* Caller-saved first (they cost no save); rcx and rdx late, since shifts
 * and division take them; r11 and rax are scratch, never allocated. */
static const int8_t INT_ORDER[] = {
    AMD64_RSI, AMD64_RDI, AMD64_R8, AMD64_R9, AMD64_R10, AMD64_RCX, AMD64_RDX,
    AMD64_RBX, AMD64_R12, AMD64_R13, AMD64_R14, AMD64_R15,
};
static const int8_t FLOAT_ORDER[] = {
    AMD64_XMM0 + 0, AMD64_XMM0 + 1, AMD64_XMM0 + 2, AMD64_XMM0 + 3, AMD64_XMM0 + 4,
    AMD64_XMM0 + 5, AMD64_XMM0 + 6, AMD64_XMM0 + 7, AMD64_XMM0 + 8, AMD64_XMM0 + 9,
    AMD64_XMM0 + 10, AMD64_XMM0 + 11, AMD64_XMM0 + 12, AMD64_XMM0 + 13,
};

#define XMM_ALL ((RegMask)0xFFFF << AMD64_XMM0)
#define CALLER_SAVED                                                                      \
    (REG_BIT(AMD64_RAX) | REG_BIT(AMD64_RCX) | REG_BIT(AMD64_RDX) | REG_BIT(AMD64_RSI) |  \
     REG_BIT(AMD64_RDI) | REG_BIT(AMD64_R8) | REG_BIT(AMD64_R9) | REG_BIT(AMD64_R10) |    \
     REG_BIT(AMD64_R11) | XMM_ALL)
#define CALLEE_SAVED                                                                      \
    (REG_BIT(AMD64_RBX) | REG_BIT(AMD64_R12) | REG_BIT(AMD64_R13) | REG_BIT(AMD64_R14) |  \
     REG_BIT(AMD64_R15))

static const int8_t INT_ARGS[] = {AMD64_RDI, AMD64_RSI, AMD64_RDX, AMD64_RCX, AMD64_R8, AMD64_R9};

static const char *const OP_NAMES[] = {
#define X(k, s, f) s,
    AMD64_OP_LIST(X)
#undef X
};
static const unsigned OP_FLAGS[] = {
#define X(k, s, f) f,
    AMD64_OP_LIST(X)
#undef X
};

/* A register location of class cls. */
static Loc reg_loc(int reg, int cls) {
    return (Loc){.kind = LOC_REG, .cls = (uint8_t)cls, .reg = (int16_t)reg};
}

/* SysV: integer words in rdi, rsi, rdx, rcx, r8, r9 (the hidden result
 * pointer takes rdi first), floats in xmm0-7, the rest on the stack in
 * order, 8 bytes each; the closure context in r10. */
static void assign_args(const Target *t, const CallShape *shape, CallLocs *out) {
    (void)t;
    int ni = 0, nf = 0;
    int64_t stack = 0;
    out->result_ptr = (Loc){.kind = LOC_NONE};
    out->context = (Loc){.kind = LOC_NONE};
    if (shape->result_area)
        out->result_ptr = reg_loc(INT_ARGS[ni++], CLS_I64);
    if (shape->context)
        out->context = reg_loc(AMD64_R10, CLS_I64);
    for (int i = 0; i < shape->nwords; i++) {
        int cls = shape->cls[i];
        bool fl = reg_class_of(cls) == RC_FLOAT;
        if (fl && nf < 8) {
            out->words[i] = reg_loc(AMD64_XMM0 + nf++, cls);
        } else if (!fl && ni < 6) {
            out->words[i] = reg_loc(INT_ARGS[ni++], cls);
        } else {
            out->words[i] = (Loc){.kind = LOC_OUT_STACK, .cls = (uint8_t)cls, .off = stack};
            stack += 8;
        }
    }
    out->stack_bytes = (stack + 15) & ~(int64_t)15;
}

/* Up to two result words: integers in rax then rdx, floats in xmm0 then
 * xmm1, each class counted apart (a C struct of two words). */
static void assign_results(const Target *t, const uint8_t *cls, int n, Loc *out) {
    (void)t;
    static const int8_t INT_RES[] = {AMD64_RAX, AMD64_RDX};
    int ni = 0, nf = 0;
    for (int i = 0; i < n && i < 2; i++) {
        if (reg_class_of(cls[i]) == RC_FLOAT)
            out[i] = reg_loc(AMD64_XMM0 + nf++, cls[i]);
        else
            out[i] = reg_loc(INT_RES[ni++], cls[i]);
    }
}

/* Whether a shift's count is a register operand (not an immediate). */
static bool variable_count(const Value *v) {
    return v->args[1]->op != AMD64_OP_IMM;
}

/* The registers a Move of n bytes destroys: rep movsb's above the unroll
 * limit; below it rcx when a 2- or 1-byte piece is left after the 8- and
 * 4-byte ones (emit.c). */
RegMask amd64_move_clobbers(int64_t n) {
    if (n > AMD64_UNROLL_MAX)
        return REG_BIT(AMD64_RDI) | REG_BIT(AMD64_RSI) | REG_BIT(AMD64_RCX);
    return n % 4 != 0 ? REG_BIT(AMD64_RCX) : 0;
}

/* The allocator's view of v: values folded into their users need no
 * register; calls, division, variable shifts and long block operations
 * name the registers they destroy. */
static void constraints(const Target *t, const Value *v, RegConstraint *rc) {
    switch (v->op) {
    case AMD64_OP_IMM:
    case AMD64_OP_FRAME:
        rc->no_reg = true;
        return;
    case SSA_OP_CALL:
    case SSA_OP_CALL_CLOSURE:
    case SSA_OP_CALL_RUNTIME:
        rc->clobbers = t->caller_saved;
        return;
    case SSA_OP_DIV: case SSA_OP_DIVU: case SSA_OP_MOD: case SSA_OP_MODU:
    case SSA_OP_HMUL: case SSA_OP_HMULU:
        rc->clobbers = REG_BIT(AMD64_RDX);
        return;
    case SSA_OP_SHL: case SSA_OP_SHR: case SSA_OP_SHRU:
        if (variable_count(v))
            rc->clobbers = REG_BIT(AMD64_RCX);
        rc->hint_arg0 = true;
        return;
    case SSA_OP_DEFER_RESUMED:
        /* a resume restores only the callee-saved registers; the branch reads it in place */
        rc->clobbers = t->caller_saved;
        rc->no_reg = v->uses == 1 && v->block && v->block->kind == BLOCK_IF &&
                     v->block->controls[0] == v;
        return;
    case SSA_OP_ZERO:
        if (v->aux_int > AMD64_UNROLL_MAX)
            rc->clobbers = REG_BIT(AMD64_RDI) | REG_BIT(AMD64_RCX);
        return;
    case SSA_OP_MOVE:
        rc->clobbers = amd64_move_clobbers(v->aux_int);
        return;
    case SSA_OP_ADD: case SSA_OP_SUB: case SSA_OP_MUL: case SSA_OP_AND:
    case SSA_OP_OR: case SSA_OP_XOR: case SSA_OP_NEG: case SSA_OP_COM: case SSA_OP_NOT:
    case SSA_OP_FADD: case SSA_OP_FSUB: case SSA_OP_FMUL: case SSA_OP_FDIV: case SSA_OP_FNEG:
        rc->hint_arg0 = true;
        return;
    case SSA_OP_EQ: case SSA_OP_NE: case SSA_OP_LT: case SSA_OP_LE: case SSA_OP_GT:
    case SSA_OP_GE: case SSA_OP_LTU: case SSA_OP_LEU: case SSA_OP_GTU: case SSA_OP_GEU:
    case SSA_OP_FEQ: case SSA_OP_FNE: case SSA_OP_FLT: case SSA_OP_FLE: case SSA_OP_FGT:
    case SSA_OP_FGE:
        /* the comparisons of amd64_is_compare */
        rc->no_reg = amd64_fused_compare(v);
        return;
    default:
        return;
    }
}

const Target AMD64_TARGET = {
    .name = "amd64",
    .word_size = 8,
    .stack_align = 16,
    .regs = REGS,
    .nregs = AMD64_NREGS,
    .alloc_order = {INT_ORDER, FLOAT_ORDER},
    .nalloc_order = {(int)(sizeof INT_ORDER / sizeof INT_ORDER[0]),
                     (int)(sizeof FLOAT_ORDER / sizeof FLOAT_ORDER[0])},
    .caller_saved = CALLER_SAVED,
    .callee_saved = CALLEE_SAVED,
    .scratch = {{AMD64_R11, AMD64_RAX}, {AMD64_XMM15, AMD64_XMM14}},
    .fp_reg = AMD64_RBP,
    .sp_reg = AMD64_RSP,
    .context_reg = AMD64_R10,
    .assign_args = assign_args,
    .assign_results = assign_results,
    .op_names = OP_NAMES,
    .op_flags = OP_FLAGS,
    .nops = AMD64_NOPS,
    .lower = amd64_lower,
    .constraints = constraints,
    .emit_prologue = amd64_emit_prologue,
    .emit_epilogue = amd64_emit_epilogue,
    .emit_value = amd64_emit_value,
    .emit_block_end = amd64_emit_block_end,
    .emit_func_end = amd64_emit_func_end,
    .emit_move = amd64_emit_move,
    .emit_swap = amd64_emit_swap,
    .emit_equal = amd64_emit_equal,
};
