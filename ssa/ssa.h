/* ssa.h — the intermediate representation between the typed AST and the
 * targets: one Func of Blocks of Values per Go function, in SSA form.
 *
 * Memory (docs/design.md): Values and Blocks come from the two pools of
 * mem.h (MEM_POOL_VALUE, MEM_POOL_BLOCK), which live across functions;
 * when a function's assembly is written, ssa_func_free puts every Value and
 * Block back, cleared, and resets the func region.  A Func's own tables
 * (block lists, value lists, overflow args, names) are in the func region;
 * a pass's temporaries in the scratch region.  Nothing here points into
 * the ast region: positions are Pos integers; symbols and types are perm
 * Objects and Types; constant strings are interned in perm.
 *
 * Invariants (checked by ssa_verify after every pass in test builds):
 *   - every Value is in exactly one Block's value list, v->block is it;
 *   - a Value's args are defined before it: in a dominating block, or
 *     earlier in the same block (phis: in the corresponding predecessor);
 *   - phis come first in their block and have one arg per predecessor,
 *     in predecessor order;
 *   - b->succs[i]->preds contains b exactly as often as b lists it;
 *   - a block's kind fixes its number of successors and controls;
 *   - v->uses equals the number of arg slots and controls naming v.
 * Values are scalars (class below): strings, slices and interfaces are
 * decomposed into their words at construction; structs and arrays live in
 * memory (frame slots or heap objects) and are accessed through addresses.
 * Block order is the schedule: the values of a block execute in list order,
 * so side effects stay in source order without a memory token. */
#ifndef MGC_SSA_H
#define MGC_SSA_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "escape/escape.h"
#include "types/types.h"

/* Machine class of a value. */
typedef enum ValClass {
    CLS_VOID,   /* no value (stores, calls without results, checks) */
    CLS_B,      /* bool, one byte, 0 or 1 */
    CLS_I8, CLS_I16, CLS_I32, CLS_I64, /* integers and pointers (I64) */
    CLS_F32, CLS_F64,
    CLS_TUPLE,  /* a call's results: taken apart with OP_SELECT */
} ValClass;

/* Op flags. */
enum {
    OPF_PURE = 1 << 0,        /* no side effect, may be removed or merged when unused/equal */
    OPF_COMMUTATIVE = 1 << 1,
    OPF_CALL = 1 << 2,        /* clobbers caller-saved registers */
    OPF_PANICS = 1 << 3,      /* may not return (checks) */
    OPF_LOWERED = 1 << 4,     /* a target op, after lowering */
};

/* The generic ops.  NAME, printed name, args (-1: variadic), flags.  Integer
 * ops work on the class of the value (wrap-around at its width); signedness,
 * where it matters, is in the op (DIV/DIVU...).  aux_int and aux as noted. */
#define SSA_OP_LIST(X)                                                              \
    X(OP_INVALID, "Invalid", 0, 0)                                                  \
    /* constants: aux_int = bits (floats: the IEEE bits); aux = interned string */  \
    X(OP_CONST, "Const", 0, OPF_PURE)                                               \
    X(OP_CONST_STRING, "ConstString", 0, OPF_PURE)   /* pointer to the bytes of aux (len in aux_int) */ \
    X(OP_CONST_NIL, "ConstNil", 0, OPF_PURE)                                        \
    /* function entry */                                                            \
    X(OP_ARG, "Arg", 0, 0)            /* aux_int = index of the flattened parameter word */ \
    X(OP_CONTEXT, "Context", 0, 0)    /* the closure context pointer */            \
    X(OP_PHI, "Phi", -1, OPF_PURE)                                                  \
    X(OP_COPY, "Copy", 1, OPF_PURE)                                                 \
    /* integer arithmetic */                                                        \
    X(OP_ADD, "Add", 2, OPF_PURE | OPF_COMMUTATIVE)                                 \
    X(OP_SUB, "Sub", 2, OPF_PURE)                                                   \
    X(OP_MUL, "Mul", 2, OPF_PURE | OPF_COMMUTATIVE)                                 \
    X(OP_DIV, "Div", 2, OPF_PURE)     /* signed, truncated; divisor != 0 checked before; MinInt/-1 = MinInt */ \
    X(OP_DIVU, "DivU", 2, OPF_PURE)                                                 \
    X(OP_MOD, "Mod", 2, OPF_PURE)     /* x % -1 == 0 */                             \
    X(OP_MODU, "ModU", 2, OPF_PURE)                                                 \
    X(OP_AND, "And", 2, OPF_PURE | OPF_COMMUTATIVE)                                 \
    X(OP_OR, "Or", 2, OPF_PURE | OPF_COMMUTATIVE)                                   \
    X(OP_XOR, "Xor", 2, OPF_PURE | OPF_COMMUTATIVE)                                 \
    X(OP_ANDNOT, "AndNot", 2, OPF_PURE)                                             \
    X(OP_SHL, "Shl", 2, OPF_PURE)     /* count unsigned, any class; count >= width gives 0 */ \
    X(OP_SHR, "Shr", 2, OPF_PURE)     /* arithmetic; count >= width gives sign fill */ \
    X(OP_SHRU, "ShrU", 2, OPF_PURE)   /* logical; count >= width gives 0 */        \
    X(OP_NEG, "Neg", 1, OPF_PURE)                                                   \
    X(OP_COM, "Com", 1, OPF_PURE)     /* bitwise complement */                      \
    X(OP_NOT, "Not", 1, OPF_PURE)     /* boolean */                                 \
    /* comparisons: result CLS_B; aux_int: class of the operands */                \
    X(OP_EQ, "Eq", 2, OPF_PURE | OPF_COMMUTATIVE)                                   \
    X(OP_NE, "Ne", 2, OPF_PURE | OPF_COMMUTATIVE)                                   \
    X(OP_LT, "Lt", 2, OPF_PURE) X(OP_LE, "Le", 2, OPF_PURE)                         \
    X(OP_GT, "Gt", 2, OPF_PURE) X(OP_GE, "Ge", 2, OPF_PURE)                         \
    X(OP_LTU, "LtU", 2, OPF_PURE) X(OP_LEU, "LeU", 2, OPF_PURE)                     \
    X(OP_GTU, "GtU", 2, OPF_PURE) X(OP_GEU, "GeU", 2, OPF_PURE)                     \
    /* floats (class F32/F64); comparisons with NaN false except Ne */             \
    X(OP_FADD, "FAdd", 2, OPF_PURE) X(OP_FSUB, "FSub", 2, OPF_PURE)                 \
    X(OP_FMUL, "FMul", 2, OPF_PURE) X(OP_FDIV, "FDiv", 2, OPF_PURE)                 \
    X(OP_FNEG, "FNeg", 1, OPF_PURE)                                                 \
    X(OP_FEQ, "FEq", 2, OPF_PURE) X(OP_FNE, "FNe", 2, OPF_PURE)                     \
    X(OP_FLT, "FLt", 2, OPF_PURE) X(OP_FLE, "FLe", 2, OPF_PURE)                     \
    X(OP_FGT, "FGt", 2, OPF_PURE) X(OP_FGE, "FGe", 2, OPF_PURE)                     \
    /* conversions between classes (source class from the arg) */                 \
    X(OP_SEXT, "SignExt", 1, OPF_PURE) X(OP_ZEXT, "ZeroExt", 1, OPF_PURE)           \
    X(OP_TRUNC, "Trunc", 1, OPF_PURE)                                               \
    X(OP_CVT_I2F, "CvtIntToFloat", 1, OPF_PURE)   /* signed */                      \
    X(OP_CVT_U2F, "CvtUintToFloat", 1, OPF_PURE)                                    \
    X(OP_CVT_F2I, "CvtFloatToInt", 1, OPF_PURE)   /* truncating, signed */          \
    X(OP_CVT_F2U, "CvtFloatToUint", 1, OPF_PURE)                                    \
    X(OP_CVT_F2F, "CvtFloatToFloat", 1, OPF_PURE)                                   \
    /* memory: aux_int = offset; loads/stores of the value's class */               \
    X(OP_LOAD, "Load", 1, 0)            /* *(arg0 + aux_int) */                     \
    X(OP_STORE, "Store", 2, 0)          /* *(arg0 + aux_int) = arg1 */              \
    X(OP_ZERO, "Zero", 1, 0)            /* memset(arg0, 0, aux_int) */              \
    X(OP_MOVE, "Move", 2, 0)            /* memmove(arg0, arg1, aux_int) */          \
    X(OP_ADDR, "Addr", 0, OPF_PURE)     /* address of global aux (Object*) or function */ \
    X(OP_SLOT, "LocalAddr", 0, OPF_PURE) /* address of frame slot aux (SsaSlot*) */ \
    X(OP_OFFPTR, "OffPtr", 1, OPF_PURE) /* arg0 + aux_int */                        \
    X(OP_ADDPTR, "AddPtr", 2, OPF_PURE) /* arg0 + arg1 */                           \
    /* calls: args are the flattened argument words; aux = callee Object* or     */ \
    /* runtime function name (const char*); result: class of the single result   */ \
    /* word, or CLS_TUPLE + OP_SELECT for several                                 */ \
    X(OP_CALL, "Call", -1, OPF_CALL)          /* static call to aux */              \
    X(OP_CALL_CLOSURE, "ClosureCall", -1, OPF_CALL) /* arg0 = closure pointer */   \
    X(OP_CALL_RUNTIME, "RuntimeCall", -1, OPF_CALL) /* aux = runtime symbol name */ \
    X(OP_SELECT, "Select", 1, OPF_PURE)       /* word aux_int of a tuple */        \
    /* checks: panic through the runtime when they fail */                         \
    X(OP_NIL_CHECK, "NilCheck", 1, OPF_PANICS)                                      \
    X(OP_BOUNDS_CHECK, "IsInBounds", 2, OPF_PANICS)  /* 0 <= arg0 < arg1 (aux_int: which Go panic) */ \
    X(OP_SLICE_CHECK, "IsSliceInBounds", 2, OPF_PANICS) /* 0 <= arg0 <= arg1 */     \
    X(OP_DIV_CHECK, "DivCheck", 1, OPF_PANICS)      /* arg0 != 0 */                 \
    X(OP_SHIFT_CHECK, "ShiftCheck", 1, OPF_PANICS)  /* signed count >= 0 */         \
    /* the heap: escape analysis decided */                                         \
    X(OP_NEW, "New", 0, OPF_CALL)       /* runtime allocation of aux (Type*); aux_int: noscan */ \
    X(OP_LAST_GENERIC, "LastGeneric", 0, 0)

typedef enum Op {
#define X(k, s, n, f) k,
    SSA_OP_LIST(X)
#undef X
    OP_FIRST_TARGET = 256 /* targets number their ops from here */
} Op;

typedef struct Block Block;
typedef struct Value Value;
typedef struct SsaFunc SsaFunc;

#define VALUE_INLINE_ARGS 3

struct Value {
    uint32_t id;
    uint16_t op;
    uint8_t cls;              /* ValClass */
    uint8_t flags;
    Type *type;               /* the Go type of the word, when it has one (perm) */
    int64_t aux_int;
    const void *aux;          /* Object*, Type*, SsaSlot*, interned string: never ast */
    Value **args;             /* inline_args or a func-region array */
    uint16_t nargs, capargs;
    int32_t uses;
    Value *inline_args[VALUE_INLINE_ARGS];
    Block *block;
    Pos pos;
    /* for codegen */
    int32_t reg;              /* register, or -1 */
    int32_t slot;             /* spill slot, or -1 */
};

typedef enum BlockKind {
    BLOCK_INVALID,
    BLOCK_PLAIN,              /* one successor */
    BLOCK_IF,                 /* control: CLS_B; succs[0] taken if true */
    BLOCK_RET,                /* returns; controls: result words */
    BLOCK_EXIT,               /* does not return (panic) */
} BlockKind;

struct Block {
    uint32_t id;
    uint8_t kind;             /* BlockKind */
    int8_t likely;            /* +1 succs[0] likely, -1 succs[1], 0 unknown */
    Value **values;           /* func region */
    int nvalues, capvalues;
    Value **controls;         /* func region; BLOCK_IF: 1; BLOCK_RET: result words */
    int ncontrols;
    Block *succs[2];
    int nsuccs;
    Block **preds;            /* func region */
    int npreds, cappreds;
    Pos pos;
    SsaFunc *func;
    int32_t order;            /* index in f->blocks, maintained by passes */
};

/* A frame slot: a stack variable whose address is taken, a struct or array
 * local, a spill, or an outgoing hidden result area. */
typedef struct SsaSlot {
    int64_t size;
    int32_t align;
    Type *type;               /* NULL for spills */
    const char *name;         /* for listings */
    int64_t offset;           /* set by frame layout */
} SsaSlot;

struct SsaFunc {
    const char *name;         /* linker symbol, e.g. main.(*T).M, main.f.func1 (perm) */
    Object *obj;              /* NULL for a function literal */
    Type *sig;
    Mem *mem;
    Arena *arena;             /* the func region */
    Block **blocks;           /* in layout order; blocks[0] is the entry */
    int nblocks, capblocks;
    SsaSlot **slots;
    int nslots, capslots;
    uint32_t next_value_id, next_block_id;
    bool has_context;         /* a closure body */
};

/* ---- construction and recycling (func.c) */
SsaFunc *ssa_func_new(Mem *mem, const char *name, Object *obj, Type *sig);
/* Puts every Value and Block back in the pools, cleared, and resets the
 * func region (unless the retention-bug mode says otherwise). */
void ssa_func_free(SsaFunc *f);
Block *ssa_block_new(SsaFunc *f, BlockKind kind, Pos pos);
Value *ssa_value_new(Block *b, Op op, ValClass cls, Type *t, Pos pos);
Value *ssa_value_new_at(Block *b, int index, Op op, ValClass cls, Type *t, Pos pos); /* insert at index */
void ssa_value_add_arg(SsaFunc *f, Value *v, Value *arg);
void ssa_value_set_arg(Value *v, int i, Value *arg);
void ssa_value_reset_args(Value *v);
/* Turns v into a copy of w (uses of v stay valid). */
void ssa_value_copy_of(SsaFunc *f, Value *v, Value *w);
void ssa_block_add_edge(SsaFunc *f, Block *from, Block *to);
void ssa_block_set_control(SsaFunc *f, Block *b, Value *v);
void ssa_block_add_control(SsaFunc *f, Block *b, Value *v);
/* Removes value v (must be unused) from its block and returns it to the pool. */
void ssa_value_free(SsaFunc *f, Value *v);
SsaSlot *ssa_slot_new(SsaFunc *f, int64_t size, int32_t align, Type *t, const char *name);
const char *ssa_op_name(int op);
int ssa_op_nargs(int op);
unsigned ssa_op_flags(int op);
/* Target ops register their names here (codegen fills it). */
void ssa_register_target_ops(const char *const *names, const unsigned *flags, int n);

/* ---- building from the typed AST (build.c, build_*.c) */
typedef struct SsaConfig {
    bool no_opt;              /* -N: only required passes */
    const char *dump_func;    /* -d ssa=FUNC */
    FILE *dump_out;
    bool verify;              /* run the verifier after every pass */
    int retain;               /* driver's Retain: the retention-bug modes */
} SsaConfig;

/* A function body to compile: a FuncDecl with a body, or a FuncLit (built
 * as a separate function named as gc names it: main.f.func1, main.f.func1.1). */
typedef struct SsaUnit {
    AstNode *node;            /* AstFuncDecl or AstFuncLit */
    const char *name;         /* linker symbol (perm) */
} SsaUnit;

/* Lists every function body of the program, declarations in source order,
 * each followed by its literals (ast region). */
int ssa_collect_units(Program *prog, Mem *mem, SsaUnit **out);

/* Lowers one function body (with its escape marks) to SSA in the func
 * region and the pools. */
SsaFunc *ssa_build_func(const SsaConfig *cfg, Mem *mem, Program *prog, const SsaUnit *unit);

/* ---- passes (passes.c) */
typedef struct SsaPass {
    const char *name;
    void (*run)(SsaFunc *f);
    bool required;            /* runs under -N too */
} SsaPass;

/* Runs the generic passes of the table, printing and verifying as configured. */
void ssa_run_passes(SsaFunc *f, const SsaConfig *cfg);
void ssa_print_func(FILE *out, const SsaFunc *f, const char *after_pass);
/* Checks the invariants above; on violation reports an ICE naming the pass. */
bool ssa_verify(const SsaFunc *f, const char *pass, char *why, size_t n);

/* dominators (dom.c), used by passes */
Block **ssa_dominators(SsaFunc *f);     /* idom per block order (scratch) */
void ssa_order_blocks(SsaFunc *f);      /* reverse postorder; removes unreachable */

#endif
