/* target.h — what a code generator target provides: its register file, its
 * calling convention, the lowering of generic SSA ops to its own ops, and the
 * emission of GNU assembler text.  One constant Target per target
 * (codegen/amd64, later codegen/arm64), filled with data and function
 * pointers as QBE's Target is.  Everything in the codegen/ folder's own .c files is written against
 * this interface only: nothing target-specific lives outside the target's
 * folder.
 *
 * The pipeline of one function (codegen.c):
 *   prepare (generic)  selects moved next to their call, entry words first,
 *                      NEW/NEW_SIZED turned into runtime calls
 *   t->lower           generic ops to target ops (numbers >= SSA_OP_FIRST_TARGET,
 *                      registered with ssa_register_target_ops)
 *   regalloc           linear scan over the SSA: v->reg or v->slot for every value
 *                      that needs a location (regalloc.c)
 *   frame              slot offsets, saved registers, frame size (frame.c)
 *   emit               prologue, parameter moves, values, block ends, phi moves
 *
 * The allocator's model of an instruction (RegConstraint): every value has ONE
 * location for its whole life (a register, or a spill slot); the target's
 * emitter reads args from their locations and writes the result to its own,
 * using the scratch registers (never allocated) for whatever the instruction
 * needs: a spilled operand, a fixed register (x86 division, shift counts), a
 * two-address form.  A register the instruction destroys is declared in
 * `clobbers`: no value live across the instruction is given that register,
 * while the instruction's dying args and its result may use it (args are read
 * before the clobber, the result is written after it). */
#ifndef MGC_CODEGEN_TARGET_H
#define MGC_CODEGEN_TARGET_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "ssa/ssa.h"

/* Registers are numbered 0 .. nregs-1 in the target's table; sets of them are
 * bit masks, so a target has at most 64 registers. */
#define TARGET_MAX_REGS 64
#define REG_NONE (-1)
typedef uint64_t RegMask;
#define REG_BIT(r) ((RegMask)1 << (r))

typedef enum RegClass { RC_INT, RC_FLOAT, RC_NCLASSES } RegClass;

/* The register class that holds a value of class cls (ValClass). */
static inline RegClass reg_class_of(int cls) {
    return cls == CLS_F32 || cls == CLS_F64 ? RC_FLOAT : RC_INT;
}

typedef struct TargetReg {
    const char *name;         /* full-width name as the assembler spells it: "rax", "xmm0", "x0" */
    uint8_t cls;              /* RegClass */
} TargetReg;

/* Where a word is: for the allocator's results, for the calling convention,
 * and for the parallel moves (codegen_parallel_move). */
typedef enum LocKind {
    LOC_NONE,
    LOC_REG,                  /* reg */
    LOC_SLOT,                 /* frame slot f->slots[index] (spills and locals) */
    LOC_ARG_STACK,            /* incoming stack argument: off bytes from the first one */
    LOC_OUT_STACK,            /* outgoing stack argument: off bytes from the stack pointer */
    LOC_IMM,                  /* a constant (off holds the bits): a move source only */
} LocKind;

typedef struct Loc {
    uint8_t kind;             /* LocKind */
    uint8_t cls;              /* ValClass of the word moved */
    int16_t reg;              /* LOC_REG */
    int32_t index;            /* LOC_SLOT */
    int64_t off;              /* LOC_ARG_STACK, LOC_OUT_STACK, LOC_IMM */
} Loc;

/* The shape of a call for the calling convention: the flattened argument
 * words as the caller passes them (docs/abi.md), without the hidden result
 * pointer and the closure context, which are flagged. */
typedef struct CallShape {
    const uint8_t *cls;       /* ValClass of each argument word, in order */
    int nwords;
    bool result_area;         /* a hidden result-area pointer is passed */
    bool context;             /* a closure context pointer is passed */
} CallShape;

/* Where the convention puts each part of a call (the callee sees the same
 * places as LOC_ARG_STACK where the caller writes LOC_OUT_STACK). */
typedef struct CallLocs {
    Loc *words;               /* nwords entries, provided by the caller of assign_args */
    Loc result_ptr;           /* LOC_NONE unless shape->result_area */
    Loc context;              /* LOC_NONE unless shape->context */
    int64_t stack_bytes;      /* bytes of stack arguments, rounded to the stack alignment */
} CallLocs;

/* What the allocator must honour for one value (filled by t->constraints;
 * zero-initialized by the caller, with result_hint REG_NONE). */
typedef struct RegConstraint {
    bool no_reg;              /* needs no location: folded into its users (an
                                 immediate, an address mode) or left in the flags
                                 for the branch that follows; its args are then
                                 kept alive until those users */
    RegMask clobbers;         /* registers the instruction destroys (calls: the
                                 caller-saved set; x86 division: rax, rdx) */
    int16_t result_hint;      /* preferred result register, or REG_NONE */
    bool hint_arg0;           /* prefer arg0's register when arg0 dies here
                                 (two-address forms) */
} RegConstraint;

/* One step of a type's equality function (docs/abi.md, MgcType.equal):
 * the function compares two values at a and b, step by step, and is
 * false at the first step that differs. */
typedef enum EqKind {
    EQ_MEM,                   /* size (1, 2, 4, 8) bytes at off compared as an integer */
    EQ_F32, EQ_F64,           /* a float at off (NaN is unequal to itself) */
    EQ_STRING,                /* a string at off: lengths, then bytes */
    EQ_EFACE, EQ_IFACE,       /* an interface at off: mgc_efaceeq / mgc_ifaceeq */
    EQ_LOOP,                  /* count elements at off, stride apart: equality function fn */
} EqKind;

typedef struct EqStep {
    uint8_t kind;             /* EqKind */
    int64_t off, size;
    int64_t count, stride;    /* EQ_LOOP */
    const char *fn;           /* EQ_LOOP: the element type's equality function symbol */
} EqStep;

typedef struct CodegenCtx CodegenCtx;
typedef struct Frame Frame;
typedef struct Target Target;

struct Target {
    const char *name;         /* "amd64" */
    int word_size;            /* 8 */
    int stack_align;          /* 16: the stack pointer's alignment at calls */

    /* ---- the register file */
    const TargetReg *regs;
    int nregs;
    /* Allocation order per class: the allocator takes the first free register
     * of this list (put caller-saved first: they cost no save). Registers
     * absent from the lists are never allocated. */
    const int8_t *alloc_order[RC_NCLASSES];
    int nalloc_order[RC_NCLASSES];
    RegMask caller_saved;     /* destroyed by a call */
    RegMask callee_saved;     /* preserved by a call: saved by the prologue if used */
    /* Two scratch registers per class, never allocated: the emitter may use
     * them freely inside one value's code; parallel moves use [0] to break
     * cycles and [1] for memory-to-memory moves. */
    int8_t scratch[RC_NCLASSES][2];
    int8_t fp_reg;            /* frame pointer (rbp, x29): never allocated */
    int8_t sp_reg;            /* stack pointer: never allocated */
    int8_t context_reg;       /* closure context (r10, x18) */

    /* ---- the calling convention (docs/abi.md) */
    /* Locations of a call's arguments (caller's view: stack words are
     * LOC_OUT_STACK; the callee's view of the same call is obtained by
     * codegen_param_locs, which turns them into LOC_ARG_STACK). */
    void (*assign_args)(const Target *t, const CallShape *shape, CallLocs *out);
    /* Registers of n <= 2 result words of classes cls[0..n-1]. */
    void (*assign_results)(const Target *t, const uint8_t *cls, int n, Loc *out);

    /* ---- ops, lowering and the allocator's constraints */
    const char *const *op_names;  /* target ops SSA_OP_FIRST_TARGET + i */
    const unsigned *op_flags;     /* OPF_* */
    int nops;
    /* Rewrites generic ops to target ops, in place (ssa_value_* of ssa.h),
     * in the func region; runs after codegen's generic preparation.  Calls
     * (SSA_OP_CALL, SSA_OP_CALL_CLOSURE, SSA_OP_CALL_RUNTIME), SSA_OP_SELECT,
     * SSA_OP_PHI, SSA_OP_COPY, SSA_OP_ARG, SSA_OP_CONTEXT and
     * SSA_OP_RESULT_PTR stay generic: codegen knows them; SSA_OP_SYMADDR
     * too (codegen writes the static closures "SYM·f" it names).  So do
     * SSA_OP_CONST and SSA_OP_CONST_NIL: a constant marked no_reg is then an
     * immediate (LOC_IMM) wherever a location is asked for it (phi moves,
     * call arguments), and the emitter folds it into its users. */
    void (*lower)(const Target *t, CodegenCtx *c, SsaFunc *f);
    /* The allocator's view of v (see RegConstraint). */
    void (*constraints)(const Target *t, const Value *v, RegConstraint *rc);

    /* ---- emitting (write to codegen_out(c)) */
    /* After the function's label and .cfi_startproc: save the frame pointer,
     * set it, reserve fr->size bytes, save fr->saved registers. */
    void (*emit_prologue)(CodegenCtx *c, const Frame *fr);
    /* Restore saved registers and the frame pointer and return (results are
     * already in place: codegen_emit_return_moves). */
    void (*emit_epilogue)(CodegenCtx *c, const Frame *fr);
    /* One value (not a phi; codegen never passes phis, and selects after
     * their call is emitted).  For calls the target uses
     * codegen_emit_call_args before and codegen_emit_call_results after
     * its call instruction. */
    void (*emit_value)(CodegenCtx *c, Value *v);
    /* The end of block b: branch or jump to its successors (next is the block
     * laid out after b, NULL at the end, so a jump to it can be omitted), or
     * return (BLOCK_RET: codegen_emit_return_moves, then the epilogue), or
     * nothing for BLOCK_EXIT.  Phi moves have already been emitted. */
    void (*emit_block_end)(CodegenCtx *c, Block *b, Block *next);
    /* After the last block: out-of-line code (panic calls of failed checks). */
    void (*emit_func_end)(CodegenCtx *c);
    /* Move a word between two locations (either may be a register, a slot or
     * a stack argument; not both memory: codegen routes those through
     * scratch[cls][1]); src may be LOC_IMM. */
    void (*emit_move)(CodegenCtx *c, const Loc *dst, const Loc *src);
    /* Exchange two registers of the same class, or NULL: then codegen breaks
     * cycles through scratch[cls][0]. */
    void (*emit_swap)(CodegenCtx *c, int r1, int r2);
    /* A type's equality function, bool sym(const void *a, const void *b) in
     * the C ABI, as a weak function in .text made of steps[0..n). */
    void (*emit_equal)(CodegenCtx *c, const char *sym, const EqStep *steps, int n);
};

#endif
