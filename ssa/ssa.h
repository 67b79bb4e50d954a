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
    CLS_TUPLE,  /* a call's results: taken apart with SSA_OP_SELECT */
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
 * where it matters, is in the op (DIV/DIVU...).  aux_int and aux as noted.
 * The members are SSA_OP_*: ast.h's AstOp already names OP_ADD, OP_SHL...
 * and both headers meet in the builder. */
#define SSA_OP_LIST(X)                                                              \
    X(SSA_OP_INVALID, "Invalid", 0, 0)                                              \
    /* constants: aux_int = bits (floats: the IEEE bits); aux = interned string */  \
    X(SSA_OP_CONST, "Const", 0, OPF_PURE)                                           \
    X(SSA_OP_CONST_STRING, "ConstString", 0, OPF_PURE)   /* pointer to the bytes of aux (len in aux_int) */ \
    X(SSA_OP_CONST_NIL, "ConstNil", 0, OPF_PURE)                                    \
    /* function entry */                                                            \
    X(SSA_OP_ARG, "Arg", 0, 0)            /* aux_int = index of the flattened parameter word */ \
    X(SSA_OP_CONTEXT, "Context", 0, 0)    /* the closure context pointer */        \
    X(SSA_OP_PHI, "Phi", -1, OPF_PURE)                                              \
    X(SSA_OP_COPY, "Copy", 1, OPF_PURE)                                             \
    /* integer arithmetic */                                                        \
    X(SSA_OP_ADD, "Add", 2, OPF_PURE | OPF_COMMUTATIVE)                             \
    X(SSA_OP_SUB, "Sub", 2, OPF_PURE)                                               \
    X(SSA_OP_MUL, "Mul", 2, OPF_PURE | OPF_COMMUTATIVE)                             \
    X(SSA_OP_DIV, "Div", 2, OPF_PURE)     /* signed, truncated; divisor != 0 checked before; MinInt/-1 = MinInt */ \
    X(SSA_OP_DIVU, "DivU", 2, OPF_PURE)                                             \
    X(SSA_OP_MOD, "Mod", 2, OPF_PURE)     /* x % -1 == 0 */                         \
    X(SSA_OP_MODU, "ModU", 2, OPF_PURE)                                             \
    X(SSA_OP_AND, "And", 2, OPF_PURE | OPF_COMMUTATIVE)                             \
    X(SSA_OP_OR, "Or", 2, OPF_PURE | OPF_COMMUTATIVE)                               \
    X(SSA_OP_XOR, "Xor", 2, OPF_PURE | OPF_COMMUTATIVE)                             \
    X(SSA_OP_ANDNOT, "AndNot", 2, OPF_PURE)                                         \
    X(SSA_OP_SHL, "Shl", 2, OPF_PURE)     /* count unsigned, any class; count >= width gives 0 */ \
    X(SSA_OP_SHR, "Shr", 2, OPF_PURE)     /* arithmetic; count >= width gives sign fill */ \
    X(SSA_OP_SHRU, "ShrU", 2, OPF_PURE)   /* logical; count >= width gives 0 */    \
    X(SSA_OP_NEG, "Neg", 1, OPF_PURE)                                               \
    X(SSA_OP_COM, "Com", 1, OPF_PURE)     /* bitwise complement */                  \
    X(SSA_OP_NOT, "Not", 1, OPF_PURE)     /* boolean */                             \
    /* comparisons: result CLS_B; aux_int: class of the operands */                \
    X(SSA_OP_EQ, "Eq", 2, OPF_PURE | OPF_COMMUTATIVE)                               \
    X(SSA_OP_NE, "Ne", 2, OPF_PURE | OPF_COMMUTATIVE)                               \
    X(SSA_OP_LT, "Lt", 2, OPF_PURE) X(SSA_OP_LE, "Le", 2, OPF_PURE)                 \
    X(SSA_OP_GT, "Gt", 2, OPF_PURE) X(SSA_OP_GE, "Ge", 2, OPF_PURE)                 \
    X(SSA_OP_LTU, "LtU", 2, OPF_PURE) X(SSA_OP_LEU, "LeU", 2, OPF_PURE)             \
    X(SSA_OP_GTU, "GtU", 2, OPF_PURE) X(SSA_OP_GEU, "GeU", 2, OPF_PURE)             \
    /* floats (class F32/F64); comparisons with NaN false except Ne */             \
    X(SSA_OP_FADD, "FAdd", 2, OPF_PURE) X(SSA_OP_FSUB, "FSub", 2, OPF_PURE)         \
    X(SSA_OP_FMUL, "FMul", 2, OPF_PURE) X(SSA_OP_FDIV, "FDiv", 2, OPF_PURE)         \
    X(SSA_OP_FNEG, "FNeg", 1, OPF_PURE)                                             \
    X(SSA_OP_FEQ, "FEq", 2, OPF_PURE) X(SSA_OP_FNE, "FNe", 2, OPF_PURE)             \
    X(SSA_OP_FLT, "FLt", 2, OPF_PURE) X(SSA_OP_FLE, "FLe", 2, OPF_PURE)             \
    X(SSA_OP_FGT, "FGt", 2, OPF_PURE) X(SSA_OP_FGE, "FGe", 2, OPF_PURE)             \
    /* conversions between classes (source class from the arg) */                 \
    X(SSA_OP_SEXT, "SignExt", 1, OPF_PURE) X(SSA_OP_ZEXT, "ZeroExt", 1, OPF_PURE)   \
    X(SSA_OP_TRUNC, "Trunc", 1, OPF_PURE)                                           \
    X(SSA_OP_CVT_I2F, "CvtIntToFloat", 1, OPF_PURE)   /* signed */                  \
    X(SSA_OP_CVT_U2F, "CvtUintToFloat", 1, OPF_PURE)                                \
    X(SSA_OP_CVT_F2I, "CvtFloatToInt", 1, OPF_PURE)   /* truncating, signed */      \
    X(SSA_OP_CVT_F2U, "CvtFloatToUint", 1, OPF_PURE)                                \
    X(SSA_OP_CVT_F2F, "CvtFloatToFloat", 1, OPF_PURE)                               \
    /* memory: aux_int = offset; loads/stores of the value's class */               \
    X(SSA_OP_LOAD, "Load", 1, 0)            /* *(arg0 + aux_int) */                 \
    X(SSA_OP_STORE, "Store", 2, 0)          /* *(arg0 + aux_int) = arg1 */          \
    X(SSA_OP_ZERO, "Zero", 1, 0)            /* memset(arg0, 0, aux_int) */          \
    X(SSA_OP_MOVE, "Move", 2, 0)            /* memmove(arg0, arg1, aux_int) */      \
    X(SSA_OP_ADDR, "Addr", 0, OPF_PURE)     /* address of global aux (Object*) or function */ \
    X(SSA_OP_SLOT, "LocalAddr", 0, OPF_PURE) /* address of frame slot aux (SsaSlot*) */ \
    X(SSA_OP_OFFPTR, "OffPtr", 1, OPF_PURE) /* arg0 + aux_int */                    \
    X(SSA_OP_ADDPTR, "AddPtr", 2, OPF_PURE) /* arg0 + arg1 */                       \
    /* calls: args are the flattened argument words; aux = callee Object* or     */ \
    /* runtime function name (const char*); result: class of the single result   */ \
    /* word, or CLS_TUPLE + SSA_OP_SELECT for several                                 */ \
    X(SSA_OP_CALL, "Call", -1, OPF_CALL)          /* static call to aux */          \
    X(SSA_OP_CALL_CLOSURE, "ClosureCall", -1, OPF_CALL) /* arg0 = closure pointer */   \
    X(SSA_OP_CALL_RUNTIME, "RuntimeCall", -1, OPF_CALL) /* aux = runtime symbol name */ \
    X(SSA_OP_SELECT, "Select", 1, OPF_PURE)       /* word aux_int of a tuple */    \
    /* checks: panic through the runtime when they fail */                         \
    X(SSA_OP_NIL_CHECK, "NilCheck", 1, OPF_PANICS)                                  \
    X(SSA_OP_BOUNDS_CHECK, "IsInBounds", 2, OPF_PANICS)  /* 0 <= arg0 < arg1 (aux_int: which Go panic) */ \
    X(SSA_OP_SLICE_CHECK, "IsSliceInBounds", 2, OPF_PANICS) /* 0 <= arg0 <= arg1 */ \
    X(SSA_OP_DIV_CHECK, "DivCheck", 1, OPF_PANICS)      /* arg0 != 0 */             \
    X(SSA_OP_SHIFT_CHECK, "ShiftCheck", 1, OPF_PANICS)  /* signed count >= 0 */     \
    /* the heap: escape analysis decided */                                         \
    X(SSA_OP_NEW, "New", 0, OPF_CALL)       /* runtime allocation of aux (Type*); aux_int: noscan */ \
    /* added by construction */                                                     \
    X(SSA_OP_SYMADDR, "SymAddr", 0, OPF_PURE) /* address of the symbol named aux (interned const char*): code or static closure */ \
    X(SSA_OP_RESULT_PTR, "ResultPtr", 0, 0)  /* the hidden result-area pointer this function was passed */ \
    X(SSA_OP_NEW_SIZED, "NewSized", 1, OPF_CALL) /* runtime allocation of arg0 elements of aux (Type*); aux_int: noscan */ \
    /* added for defer and recover (docs/abi.md) */                               \
    X(SSA_OP_FRAME_PTR, "FramePtr", 0, 0)    /* this function's frame pointer (rbp, x29) */ \
    X(SSA_OP_DEFER_RESUMED, "DeferResumed", 0, 0) /* CLS_B, false when executed; the If it controls */ \
        /* has as succs[0] the resume path: codegen stores that block's address as the */ \
        /* defer frame's resume_pc, where a recover continues */                    \
    /* added for division by constants (divconst.c): class I64 */                 \
    X(SSA_OP_HMUL, "Hmul", 2, OPF_PURE | OPF_COMMUTATIVE)   /* high word of the signed 128-bit product */ \
    X(SSA_OP_HMULU, "HmulU", 2, OPF_PURE | OPF_COMMUTATIVE) /* high word of the unsigned 128-bit product */ \
    X(SSA_OP_LAST_GENERIC, "LastGeneric", 0, 0)

typedef enum Op {
#define X(k, s, n, f) k,
    SSA_OP_LIST(X)
#undef X
    SSA_OP_FIRST_TARGET = 256 /* targets number their ops from here */
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
    int ncontrols, capcontrols;
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

/* A type descriptor or itab a function refers to (through SSA_OP_SYMADDR
 * of the same name): codegen emits one of each per program, as weak
 * symbols, from these records.  Recorded by construction, in the func
 * region, each name once per function. */
typedef enum SsaSymKind {
    SSA_SYM_TYPE,             /* "type:NAME": the MgcType of type */
    SSA_SYM_ITAB,             /* "itab:T,I": the MgcItab of concrete type for iface */
} SsaSymKind;

typedef struct SsaSymRef {
    SsaSymKind kind;
    const char *name;         /* the symbol (interned in perm) */
    Type *type;               /* the type described; an itab's concrete type */
    Type *iface;              /* SSA_SYM_ITAB: the interface type */
} SsaSymRef;

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
    /* descriptors and itabs the function's SymAddr values name */
    SsaSymRef *syms;
    int nsyms, capsyms;
    /* a function with defer: its MgcDeferFrame slot (docs/abi.md) */
    SsaSlot *defer_frame;
    bool wrapper;             /* compiler-made (thunks, method wrappers): MGC_FUNC_WRAPPER */
    /* What passes keep while the control flow graph stays as it is: every
     * function of func.c and dom.c that changes blocks, edges or the block
     * order increments cfg_version. */
    uint32_t census;          /* SSA_HAS_*: kinds of op some value was made with (never cleared) */
    uint32_t cfg_version;
    uint32_t rpo_version;     /* the cfg_version ssa_order_blocks left (reverse postorder, all reachable) */
    struct SsaDomTree *dom;   /* ssa_func_dom_tree's tree (func region), of cfg_version dom_version */
    uint32_t dom_version;
    /* What deadcode and copyelim leave until values change: func.c
     * increments value_version when a value is made or freed or loses an
     * arg or a control (the only ways a value can become dead), and
     * copy_version when a value becomes a copy or a phi's args change (the
     * only ways a copy or a trivial phi can appear).  A pass that writes
     * args, controls or ops itself increments them as func.c would. */
    uint32_t value_version;
    uint32_t dead_version;    /* the value_version deadcode left (all values live) */
    uint32_t copy_version;
    uint32_t copyelim_version; /* the copy_version copyelim left (no copy, no trivial phi) */
};

/* SsaFunc.census: ops are set when a value is made (passes only turn
 * values into constants and copies), so a pass that rewrites one kind of
 * op skips a function that never had it. */
enum {
    SSA_HAS_DIV = 1 << 0,     /* Div, DivU, Mod, ModU (divconst) */
    SSA_HAS_ZERO = 1 << 1,    /* Zero (zeroelim) */
    SSA_HAS_CHECK = 1 << 2,   /* an OPF_PANICS op (checkelim) */
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
/* The OPF_* flags of the generic ops, by op (func.c). */
extern const uint8_t SSA_OP_FLAGS[SSA_OP_LAST_GENERIC + 1];
/* The flags of a target op (OPF_LOWERED included); 0 for an unknown op. */
unsigned ssa_target_op_flags(int op);
/* Returns the OPF_* flags of op: every pass asks for each value, so the
 * generic ops' flags are a table lookup here. */
static inline unsigned ssa_op_flags(int op) {
    if (op >= 0 && op < SSA_OP_LAST_GENERIC)
        return SSA_OP_FLAGS[op];
    return ssa_target_op_flags(op);
}
bool ssa_op_valid(int op);                  /* a generic op or a registered target op */
/* Sizes the Value and Block pools (once, before the first function) and
 * sets the retention-bug mode: retain == SSA_RETAIN_POOL (the driver's
 * RETAIN_POOL) makes released Values and Blocks stay uncleared and unused,
 * and keeps the func region alive with them.  ssa_func_new sizes the pools
 * itself if this was not called. */
#define SSA_RETAIN_POOL 2
void ssa_init(Mem *mem, int retain);
/* Removes arg i of v (the others keep their order). */
void ssa_value_remove_arg(Value *v, int i);
/* Removes v from its block's list without freeing it (v->block = NULL);
 * it must be attached again (or freed) before the function is freed. */
void ssa_value_detach(Value *v);
void ssa_value_attach(Block *b, int index, Value *v);
/* Removes predecessor i of b and arg i of each of b's phis. */
void ssa_block_remove_pred(Block *b, int i);
/* Removes b's successor edge i, with the successor's matching predecessor
 * entry and phi args; succs[1] moves to succs[0] when i == 0. */
void ssa_block_remove_succ(Block *b, int i);
void ssa_block_reset_controls(Block *b);
/* Removes b (no edges left; its values used only within b) from f and
 * returns it and its values to the pools. */
void ssa_block_free(SsaFunc *f, Block *b);
/* Internal invariant failure: prints "line:col: internal compiler error:
 * ssa: ..." to stderr and exits 3. */
_Noreturn void ssa_ice(Pos pos, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Target ops register their names here (codegen fills it). */
void ssa_register_target_ops(const char *const *names, const unsigned *flags, int n);

/* ---- building from the typed AST (build.c, build_*.c) */
typedef struct SsaConfig {
    bool no_opt;              /* -N: only required passes */
    const char *dump_func;    /* -d ssa=FUNC */
    FILE *dump_out;
    Diag *diag;               /* where construction reports what it does not support (NULL: stderr) */
    bool verify;              /* run the verifier after every pass */
    int retain;               /* driver's Retain: the retention-bug modes */
    const struct SsaPass *target_passes; /* lower, regalloc, layout: see ssa_register_target_passes */
    int ntarget_passes;
} SsaConfig;

/* A function body to compile: a FuncDecl with a body, or a FuncLit (built
 * as a separate function named as gc names it: main.f.func1, main.f.func1.1). */
typedef enum SsaUnitKind {
    SSA_UNIT_BODY,            /* node: a FuncDecl, a FuncLit, or NULL for main.init */
    SSA_UNIT_PTR_WRAPPER,     /* main.(*T).M: a method of *T's method set that is not a
                                 pointer method of T itself (a value method, or one promoted
                                 through embedding); recv is *T; what itabs of *T and of
                                 T (boxed) call with the data word */
    SSA_UNIT_PROMOTED,        /* main.T.M: a method promoted into value type T (recv), for T.M */
    SSA_UNIT_METHOD_VALUE,    /* SYM-fm: the code of method value closures {code, receiver} of method */
    SSA_UNIT_IFACE_METHOD_VALUE, /* main.I.M-fm: closures {code, tab, data}; recv: I, index */
    SSA_UNIT_IFACE_METHOD_EXPR, /* main.I.M: the method expression I.M, a function of (I, args); recv: I, index */
    SSA_UNIT_DEFER_THUNK,     /* node: a defer statement (AstCallStmt); the deferred call made
                                 from the closure {code, function, arguments} built at it */
    SSA_UNIT_DIRECT_WRAPPER,  /* main.T.M·i: what itabs of a pointer-shaped struct or array
                                 type T (recv) call: the data word is the value itself,
                                 while T's methods take T by address */
} SsaUnitKind;

typedef struct SsaUnit {
    AstNode *node;            /* AstFuncDecl or AstFuncLit; NULL: the package initializer main.init */
    AstFile **files;          /* the package's files (main.init reads the variable declarations) */
    int nfiles;
    const char *name;         /* linker symbol (perm) */
    /* wrappers (kind != SSA_UNIT_BODY) */
    SsaUnitKind kind;
    Type *recv;               /* the receiver type the wrapper is called with */
    Object *method;           /* the method finally called */
    int *path;                /* PTR_WRAPPER, PROMOTED: embedded fields to follow, then the method */
    int depth;
    int index;                /* IFACE_METHOD_VALUE: the method's index in the interface */
    int ndefers;              /* BODY: the defer statements of the body, its literals' apart
                                 (counted by ssa_collect_program_units) */
} SsaUnit;

/* Lists every function body of the program, declarations in source order,
 * each followed by its literals (ast region). */
int ssa_collect_units(Program *prog, Mem *mem, SsaUnit **out);
/* The same from the parsed files (Program keeps no pointers into the AST),
 * the package initializer main.init first; ssa_collect_units cannot find
 * the bodies without them and returns 0. */
int ssa_collect_program_units(Program *prog, AstFile **files, int nfiles, Mem *mem, SsaUnit **out);
/* Calls: aux_int & SSA_CALL_RESULT_AREA says the first word argument (after
 * the closure pointer of SSA_OP_CALL_CLOSURE) is the hidden result-area pointer;
 * the area is laid out as a struct of the results, and the call's value is
 * CLS_VOID. */
#define SSA_CALL_RESULT_AREA 1
/* The linker symbol of a function or method object (main.f, main.T.M,
 * main.(*T).M, main.init.0 for the first init function), interned in perm. */
const char *ssa_func_symbol(Program *prog, Mem *mem, Object *fn);

/* The runtime's name of a type, as %T prints it and as its descriptor
 * symbol "type:NAME" spells it: main.T, *main.T, []int, map[string]int,
 * func(int) string, struct { X int }, interface {}. */
void ssa_type_name(Type *t, char *buf, size_t n);
/* Symbol names keep apart types that %T prints alike; the runtime's name
 * drops these marks: a type declared in a function body has the suffix
 * "·LINE" (main.T·12), and a field embedded through an alias its name
 * before SSA_EMBED_ALIAS_MARK (struct { Int·=int } for struct{ Int }, Int = int). */
#define SSA_EMBED_ALIAS_MARK "\xc2\xb7="

/* The code symbols of the itab of concrete type t for interface iface,
 * in the interface's method order (interned in perm): what fun[i] holds.
 * Returns the number of methods. */
int ssa_itab_funcs(Program *prog, Mem *mem, Type *t, Type *iface, const char **out, int max);
/* The code symbol an itab or method table of concrete type t holds for
 * method name, called with the interface's data word as the receiver
 * (interned in perm). */
const char *ssa_method_code(Mem *mem, Type *t, const char *name);

/* Lowers one function body (with its escape marks) to SSA in the func
 * region and the pools. */
SsaFunc *ssa_build_func(const SsaConfig *cfg, Mem *mem, Program *prog, const SsaUnit *unit);

/* ---- passes (passes.c) */
typedef struct SsaPass {
    const char *name;
    void (*run)(SsaFunc *f);
    bool required;            /* runs under -N too */
} SsaPass;

/* Runs the generic passes of the table, then the target's, printing and
 * verifying as configured: the function is printed first as built (pass
 * "build"), then after every pass that ran, when cfg->dump_func names it
 * (gc's GOSSAFUNC matching: the name without "main.", or the full name). */
void ssa_run_passes(SsaFunc *f, const SsaConfig *cfg);
/* The extension point of the table: the target's passes (its lower,
 * regalloc and layout), run in this order after the generic ones. */
void ssa_register_target_passes(SsaConfig *cfg, const SsaPass *passes, int n);
/* Whether cfg->dump_func selects the function named name. */
bool ssa_dump_matches(const char *dump_func, const char *name);
/* The generic passes, callable alone (tests).  Their temporaries are in
 * the scratch region, which ssa_run_passes releases after each pass. */
void ssa_pass_copyelim(SsaFunc *f);   /* copies and trivial phis (copyelim.c) */
void ssa_pass_deadcode(SsaFunc *f);   /* unreachable blocks, unused pure values (deadcode.c) */
void ssa_pass_constfold(SsaFunc *f);  /* constants and algebraic identities, constant branches (constfold.c) */
void ssa_pass_cse(SsaFunc *f);        /* common subexpressions over the dominator tree (cse.c) */
void ssa_pass_checkelim(SsaFunc *f);  /* provably redundant nil and bounds checks (checkelim.c) */
void ssa_pass_critical(SsaFunc *f);   /* splits critical edges (critical.c) */
void ssa_pass_divconst(SsaFunc *f);   /* division and modulus by constants as shifts and multiplications (divconst.c) */
void ssa_pass_zeroelim(SsaFunc *f);   /* Zeros of frame slots that stores overwrite before any read (zeroelim.c) */
/* Constants: the bits of an integer of class cls, sign-extended from its
 * width (the form constfold writes into aux_int; it reads any form). */
int64_t ssa_const_sext(int64_t bits, int cls);
/* Whether v (copies skipped) is an integer or bool constant; its value,
 * sign-extended, in *c. */
bool ssa_int_const(Value *v, int64_t *c);
/* v with the copies in front of it skipped. */
Value *ssa_skip_copies(Value *v);
/* A record for ssa_sort_keyed: what it is ordered by, and what it carries. */
typedef struct SsaKeyed {
    uint64_t key;
    Value *v;
} SsaKeyed;
/* Sorts a[0..n) by key, stably and without calls through a comparison
 * function (sort.c); tmp holds n records (NULL will do for n <= 16). */
void ssa_sort_keyed(SsaKeyed *a, int n, SsaKeyed *tmp);
void ssa_print_func(FILE *out, const SsaFunc *f, const char *after_pass);
/* One value's line of ssa_print_func ("  v5 = Add <int> v3 v4 (line 7) uses=1"). */
void ssa_print_value(FILE *out, const Value *v);
const char *ssa_class_name(int cls);        /* "I64", "F32", "B", "void"... */
/* Checks the invariants above (and b->order == position, ids below
 * next_*_id, args and controls naming live values of f).  On the first
 * violation returns false with "FUNC: after pass PASS: bN: ..." in why;
 * the caller reports the ICE. */
bool ssa_verify(const SsaFunc *f, const char *pass, char *why, size_t n);

/* dominators (dom.c), used by passes.  Both require b->order to be b's
 * index in f->blocks (ssa_block_new and ssa_order_blocks keep it so). */
Block **ssa_dominators(SsaFunc *f);     /* idom per block order (scratch); NULL for the entry and unreachable blocks */
void ssa_order_blocks(SsaFunc *f);      /* reverse postorder; removes unreachable */
/* Whether a dominates b (a == b included), walking b's idom chain. */
bool ssa_dominates(Block *const *idom, const Block *a, const Block *b);
/* The dominator tree numbered for O(1) queries: a dominates b iff
 * pre[a] <= pre[b] && post[b] <= post[a] (arrays by block order, scratch;
 * unreachable blocks have pre -1). */
typedef struct SsaDomTree {
    Block **idom;
    int32_t *pre, *post;
    int n;
} SsaDomTree;
void ssa_dom_tree(SsaFunc *f, SsaDomTree *dt);
/* The same, kept in the func region and computed again only when the
 * control flow graph changed (cfg_version): what passes use.  The
 * verifier computes its own with ssa_dom_tree. */
const SsaDomTree *ssa_func_dom_tree(SsaFunc *f);
bool ssa_dom_tree_dominates(const SsaDomTree *dt, const Block *a, const Block *b);
/* Per block order: whether the block is a loop header, i.e. the target of
 * a back edge from a block it dominates (scratch). */
bool *ssa_loop_headers(SsaFunc *f, Block *const *idom);

#endif
