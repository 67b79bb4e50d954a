/* amd64.h — the System V AMD64 target: its Target (target.c), lowering
 * (lower.c) and emitter (emit.c).
 *
 * Registers are numbered as the hardware encodes them: 0-15 the integer
 * registers rax..r15, 16-31 xmm0..xmm15.  r11 and rax are the integer
 * scratch registers and xmm15, xmm14 the float ones (target.h: never
 * allocated, free inside one value's code); rbp is the frame pointer.
 *
 * Invariant of the generated code: a value of class B, I8, I16 or I32 is
 * correct in the low bits of its register (or spill slot) only; the bits
 * above are undefined, so every instruction whose result depends on them
 * (compares, division, right shifts, extensions, conversions) works at the
 * value's own width or extends it first. */
#ifndef MGC_CODEGEN_AMD64_H
#define MGC_CODEGEN_AMD64_H

#include "codegen/codegen.h"
#include "codegen/target.h"

/* The target the driver passes to codegen_init. */
extern const Target AMD64_TARGET;

enum {
    AMD64_RAX, AMD64_RCX, AMD64_RDX, AMD64_RBX, AMD64_RSP, AMD64_RBP, AMD64_RSI, AMD64_RDI,
    AMD64_R8, AMD64_R9, AMD64_R10, AMD64_R11, AMD64_R12, AMD64_R13, AMD64_R14, AMD64_R15,
    AMD64_XMM0, AMD64_XMM14 = AMD64_XMM0 + 14, AMD64_XMM15 = AMD64_XMM0 + 15,
    AMD64_NREGS
};

/* The target ops (numbered from SSA_OP_FIRST_TARGET).  An address mode
 * [base + index*scale + disp] keeps disp and scale in aux_int: see
 * AMD64_AMODE. */
#define AMD64_OP_LIST(X)                                                       \
    X(AMD64_OP_IMM, "AMD64Imm", OPF_PURE)        /* a constant only used as an immediate operand */ \
    X(AMD64_OP_FRAME, "AMD64Frame", OPF_PURE)    /* a slot address only used inside address modes (aux: SsaSlot*) */ \
    X(AMD64_OP_LOADX, "AMD64LoadIdx", 0)         /* *(arg0 + arg1*scale + disp) */ \
    X(AMD64_OP_STOREX, "AMD64StoreIdx", 0)       /* *(arg0 + arg1*scale + disp) = arg2 */ \
    X(AMD64_OP_LEAX, "AMD64LeaIdx", OPF_PURE)    /* arg0 + arg1*scale + disp */

enum {
#define X(k, s, f) k,
    AMD64_OP_FIRST_ = SSA_OP_FIRST_TARGET - 1,
    AMD64_OP_LIST(X)
#undef X
    AMD64_OP_END_
};
#define AMD64_NOPS (AMD64_OP_END_ - SSA_OP_FIRST_TARGET)

/* aux_int of the indexed ops: disp (int32) in the low half, scale above. */
#define AMD64_AMODE(disp, scale) ((int64_t)(((uint64_t)(uint32_t)(int32_t)(disp)) | ((uint64_t)(scale) << 32)))
#define AMD64_AMODE_DISP(a) ((int32_t)(uint32_t)((uint64_t)(a) & 0xFFFFFFFFu))
#define AMD64_AMODE_SCALE(a) ((int)(((uint64_t)(a) >> 32) & 0xF))

/* Sizes above this are zeroed and copied with rep stosb / rep movsb. */
#define AMD64_UNROLL_MAX 64

/* The registers a Move of n bytes destroys (target.c). */
RegMask amd64_move_clobbers(int64_t n);

/* lower.c */
void amd64_lower(const Target *t, CodegenCtx *c, SsaFunc *f);
/* Whether compare v is left in the flags for its block's branch. */
bool amd64_fused_compare(const Value *v);
bool amd64_is_compare(int op);
bool amd64_is_fcompare(int op);

/* emit.c */
void amd64_emit_prologue(CodegenCtx *c, const Frame *fr);
void amd64_emit_epilogue(CodegenCtx *c, const Frame *fr);
void amd64_emit_value(CodegenCtx *c, Value *v);
void amd64_emit_block_end(CodegenCtx *c, Block *b, Block *next);
void amd64_emit_func_end(CodegenCtx *c);
void amd64_emit_move(CodegenCtx *c, const Loc *dst, const Loc *src);
void amd64_emit_swap(CodegenCtx *c, int r1, int r2);

/* equal.c */
void amd64_emit_equal(CodegenCtx *c, const char *sym, const EqStep *steps, int n);

#endif
