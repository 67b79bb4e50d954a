/* build.h — internals of SSA construction shared by build.c (the Braun et
 * al. core, variable homes and the per-function driver), build_stmt.c
 * (statements and control flow), build_expr.c (expressions, addresses,
 * conversions, composite literals) and build_call.c (calls, builtins,
 * closures).  Not for other phases: they use ssa.h.
 *
 * Construction follows Braun et al. 2013: a variable's current value is
 * recorded per block as its definitions are met (write_var); a read in a
 * block without a definition looks in the predecessors, placing a phi where
 * they may disagree (read_var).  A block whose predecessors are not all
 * known yet is unsealed: reads there get an incomplete phi that is filled in
 * when the block is sealed.  A phi whose operands are all one value (or
 * itself) is trivial and becomes a copy of that value; build_finish
 * forwards every use of such copies before the passes run.
 *
 * Memory: the SsaFunc lives in the func region and the pools; the builder's
 * own tables (definitions, block states, homes of locals) live in the
 * scratch region and are released when the function is built.  Nothing is
 * written into AST nodes or Objects. */
#ifndef MGC_SSA_BUILD_H
#define MGC_SSA_BUILD_H

#include "ssa/ssa.h"
#include "types/const.h"

/* Where a local variable lives. */
typedef enum VarHome {
    HOME_SSA,    /* Braun variables var .. var+nwords-1 */
    HOME_SLOT,   /* a frame slot */
    HOME_PTR,    /* memory whose address is Braun variable var: a heap cell,
                    a variable captured by reference, a struct captured by value */
} VarHome;

typedef struct LocalVar {
    Object *obj;
    VarHome home;
    int var;            /* HOME_SSA: first word's variable; HOME_PTR: the pointer's */
    int nwords;         /* HOME_SSA */
    SsaSlot *slot;      /* HOME_SLOT */
} LocalVar;

/* One Braun variable: one word of a local. */
typedef struct BuildVar {
    ValClass cls;
    Type *type;
} BuildVar;

/* A definition of variable var in block block (open addressing). */
typedef struct DefEntry {
    uint32_t block;     /* block id + 1; 0: empty */
    int var;
    Value *val;
} DefEntry;

typedef struct IncompletePhi {
    int var;
    Value *phi;
    struct IncompletePhi *next;
} IncompletePhi;

/* Construction state of one block, indexed by block id. */
typedef struct BlockState {
    bool sealed;
    IncompletePhi *incomplete;
} BlockState;

/* Where break and continue go for an enclosing for, switch or select. */
typedef struct BranchTarget {
    AstNode *stmt;
    Block *brk, *cont;  /* cont NULL for switch */
    struct BranchTarget *outer;
} BranchTarget;

/* The block of a label (for goto) and of its statement's targets. */
typedef struct LabelBlock {
    AstNode *stmt;      /* the LabeledStmt */
    Block *block;
    struct LabelBlock *next;
} LabelBlock;

/* A captured variable of the closure being built. */
typedef struct Capture {
    Object *obj;
    bool byref;         /* the closure holds the variable's address */
    int64_t offset;     /* in the closure object */
    int64_t size;       /* bytes in the closure object */
} Capture;

/* The value of an expression: scalar words, or (structs and arrays) the
 * address of memory holding it. */
typedef struct BVal {
    Type *type;
    int n;              /* words; -1: in memory at addr; 0: no value */
    Value *w[3];
    Value *addr;
} BVal;

/* An assignable place. */
typedef struct LValue {
    enum { LV_BLANK, LV_VAR, LV_MEM } kind;
    Type *type;
    LocalVar *var;      /* LV_VAR: a HOME_SSA local */
    Value *addr;        /* LV_MEM */
} LValue;

typedef struct Builder {
    const SsaConfig *cfg;
    Mem *mem;
    Program *prog;
    SsaFunc *f;
    Arena *arena;       /* func region: what the SsaFunc keeps */
    Arena *tmp;         /* scratch region: the builder's tables */
    Block *cur;         /* NULL: unreachable code */
    Pos pos;            /* position given to new Values */
    bool failed;        /* an unsupported construct was reported */
    /* Braun */
    BuildVar *vars;
    int nvars, capvars;
    DefEntry *defs;
    uint32_t capdefs, ndefs;
    BlockState *bstate;
    uint32_t capbstate;
    Value **trivial;    /* phis turned into copies, forwarded at the end */
    int ntrivial, captrivial;
    /* locals */
    LocalVar **locals;  /* open addressing by Object pointer */
    uint32_t caplocals, nlocals;
    /* the function */
    Type *sig;
    AstNode *node;      /* FuncDecl, FuncLit, NULL for main.init */
    AstFile **files;    /* the package's files */
    int nfiles;
    Object **results;   /* result variables, in order (may be unnamed) */
    int nresults;
    bool result_area;   /* results go through the hidden pointer */
    Value *result_ptr;
    Capture *captures;
    int ncaptures;
    Value *context;
    BranchTarget *targets;
    LabelBlock *labels;
    Block *fallthrough_to;  /* the next clause's body while building a case */
} Builder;

/* ---- build.c: values, blocks, Braun variables, homes, errors */
Value *b_value(Builder *b, Op op, ValClass cls, Type *t);
Value *b_value1(Builder *b, Op op, ValClass cls, Type *t, Value *x);
Value *b_value2(Builder *b, Op op, ValClass cls, Type *t, Value *x, Value *y);
Value *b_const(Builder *b, ValClass cls, Type *t, int64_t bits);
Value *b_const_int(Builder *b, int64_t v);            /* int */
Value *b_const_string(Builder *b, const char *s, int64_t len);  /* the pointer word */
Block *b_block(Builder *b, BlockKind kind);
/* Gives unreachable code (after a jump) a block of its own. */
void b_ensure_block(Builder *b);
/* Ends the current block with a jump to to (if reachable). */
void b_jump(Builder *b, Block *to);
/* Ends the current block with a branch on cond. */
void b_branch(Builder *b, Value *cond, Block *yes, Block *no);
/* Makes blk the current block. */
void b_start(Builder *b, Block *blk);
void b_seal(Builder *b, Block *blk);
int b_new_var(Builder *b, ValClass cls, Type *t);
void b_write_var(Builder *b, int var, Block *blk, Value *v);
Value *b_read_var(Builder *b, int var, Block *blk);
/* The home of a local (created on first use from its flags). */
LocalVar *b_local(Builder *b, Object *obj);
/* Declares obj afresh (a new heap cell, a zeroed slot) at the current point. */
LocalVar *b_declare(Builder *b, Object *obj);
/* Reports "mgc does not support WHAT in code generation yet" at pos. */
void b_unsupported(Builder *b, Pos pos, const char *what);
void b_ice(Builder *b, const char *why);
const char *b_intern(Builder *b, const char *s);

/* Word layout of a Go type: number of words (their classes and types in
 * cls/wt), or -1 for types kept in memory (structs, arrays). */
int b_type_words(Type *t, ValClass cls[3], Type *wt[3]);
ValClass b_class_of(Type *t);   /* a one-word type's class */
bool b_is_memory_type(Type *t);

/* ---- build_expr.c */
BVal b_expr(Builder *b, AstNode *e);
/* e as one scalar word. */
Value *b_expr1(Builder *b, AstNode *e);
/* e converted to type t (assignability: untyped constants, interfaces). */
BVal b_expr_to(Builder *b, AstNode *e, Type *t);
/* Branches on boolean e (short-circuit && || ! without materializing). */
void b_cond(Builder *b, AstNode *e, Block *yes, Block *no);
/* The address of addressable e (checks nil and bounds as Go does). */
Value *b_addr(Builder *b, AstNode *e);
LValue b_lvalue(Builder *b, AstNode *e);
void b_assign(Builder *b, const LValue *lv, BVal v);
BVal b_load(Builder *b, Value *addr, Type *t);
void b_store(Builder *b, Value *addr, BVal v);
BVal b_zero(Builder *b, Type *t);
/* Copies a memory value into a fresh slot (value semantics). */
Value *b_copy_to_temp(Builder *b, BVal v);
/* v in memory: its address (storing words into a temporary slot if needed). */
Value *b_spill(Builder *b, BVal v);
BVal b_words(Type *t, int n, Value *w0, Value *w1, Value *w2);
BVal b_convert(Builder *b, BVal v, Type *to, Pos pos);
Value *b_nil_check(Builder *b, Value *p);
void b_bounds_check(Builder *b, Value *i, Value *len, int kind);
Value *b_compare(Builder *b, AstOp op, BVal x, BVal y);
/* A composite literal into memory at addr (zeroed first when zero). */
void b_composite_into(Builder *b, AstCompositeLit *lit, Type *t, Value *addr, bool zero);
/* A frame slot or a heap object for a value of type t, per escape marks of n. */
Value *b_alloc(Builder *b, Type *t, const AstNode *n, const char *name);
BVal b_const_value(Builder *b, const Const *c, Type *t);
/* x op y for an arithmetic, logical or shift operator (op-assign too). */
BVal b_binary(Builder *b, AstOp op, BVal x, BVal y, Type *t, Pos pos);
/* Whether name declares a new object (not a := redeclaration). */
bool b_is_new_name(AstName *name);
/* The offset of result i in a hidden result area laid out as a struct. */
int64_t b_result_offset(Type *results, int i);

/* ---- build_stmt.c */
void b_stmt(Builder *b, AstNode *s);
void b_block_stmt(Builder *b, AstBlockStmt *blk);
/* Returns from the function with the current values of the results. */
void b_return_current(Builder *b);

/* ---- build_call.c */
/* A call: its results (CallExpr of a function, method, closure or builtin). */
int b_call(Builder *b, AstCallExpr *call, BVal *out, int maxout);
BVal b_call1(Builder *b, AstCallExpr *call);
/* A func value for a FuncLit, a function name or a method value. */
BVal b_func_lit(Builder *b, AstFuncLit *lit);
BVal b_func_value(Builder *b, Object *fn, Pos pos);
BVal b_method_value(Builder *b, AstSelectorExpr *sel);
/* Calls a runtime function with the given words; cls: the result class
 * (CLS_TUPLE for two words). */
Value *b_runtime(Builder *b, const char *name, ValClass cls, Type *t, Value **args, int nargs);
/* The captures of a function literal, in order of first use (tmp). */
int b_lit_captures(Builder *b, AstFuncLit *lit, Capture **out);
/* Visits n and, while visit returns true, its children (statements and
 * expressions; not type expressions). */
void ssa_walk_ast(AstNode *n, bool (*visit)(AstNode *n, void *ctx), void *ctx);
/* The linker symbol of a function or method object. */
const char *b_func_symbol(Builder *b, Object *fn);

#endif
