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
 * itself) is trivial and becomes a copy of that value; copyelim forwards
 * every use of such copies before the passes run.
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
    enum { LV_BLANK, LV_VAR, LV_MEM, LV_MAP } kind;
    Type *type;
    LocalVar *var;      /* LV_VAR: a HOME_SSA local */
    Value *addr;        /* LV_MEM */
    Value *map, *key;   /* LV_MAP: the map and the address of a copy of the key */
    Type *map_type;
} LValue;

/* The units of a program being listed (ssa_collect_program_units). */
typedef struct UnitList {
    Arena *a;
    SsaUnit *items;
    int n, cap;
    Interner *names;
} UnitList;
void b_unit_push(UnitList *l, const SsaUnit *u);

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
    int ntrivial;       /* phis turned into copies, forwarded at the end */
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
    /* defer (build_defer.c) */
    SsaSlot *defer_frame;   /* the MgcDeferFrame slot; NULL: no defer */
    bool results_in_memory; /* with defer: result variables get frame slots */
    bool init_heap;         /* main.init's package variables: every allocation outlives
                               the frame (escape analysis does not see package-level
                               initializers), so b_alloc and make use the heap */
    SsaSlot **result_slots; /* with defer: where each result lives until the return */
    SsaSlot **result_ptrs;  /* with defer: slots holding heap results' cell addresses */
    int ndefers;            /* defer statements met so far (thunk names) */
    /* a defer thunk: the values of these expressions were evaluated at the defer */
    AstNode **preset_nodes;
    BVal *preset_vals;
    int npreset;
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

/* Small helpers every build file uses. */
static inline Type *ptr_type(void) { return type_basic(TY_UNSAFE_POINTER); }
static inline Type *int_type(void) { return type_basic(TY_INT); }
static inline Type *bool_type(void) { return type_basic(TY_BOOL); }

/* The type of expression e, an untyped constant's default type. */
static inline Type *type_of(AstNode *e) {
    Type *t = ((AstExpr *)e)->type;
    return t && type_is_untyped(t) ? type_default(t) : t;
}

/* p + off (p itself for 0). */
static inline Value *offptr(Builder *b, Value *p, int64_t off) {
    if (off == 0)
        return p;
    Value *v = b_value1(b, SSA_OP_OFFPTR, CLS_I64, ptr_type(), p);
    v->aux_int = off;
    return v;
}

/* The address of frame slot s. */
static inline Value *slot_addr(Builder *b, SsaSlot *s) {
    Value *v = b_value(b, SSA_OP_SLOT, CLS_I64, ptr_type());
    v->aux = s;
    return v;
}

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
/* Evaluates the right-hand side rhs of an assignment or declaration of nl
 * values (converted to types[i] where not NULL) into out: a list, a
 * multi-valued call, or a comma-ok assertion or map index. */
int b_eval_rhs(Builder *b, AstNode *rhs, int nl, Type **types, BVal *out, Pos pos);
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

/* Whether results of sig go through a hidden result area (ABI); the
 * classes and types of their register words otherwise. */
bool b_needs_result_area(Type *sig, ValClass *cls, Type **wt, int *nwords);

/* ---- build_stmt.c */
void b_stmt(Builder *b, AstNode *s);
void b_block_stmt(Builder *b, AstBlockStmt *blk);
/* Returns from the function with the current values of the results. */
void b_return_current(Builder *b);
/* Returns from the function with result values vals. */
void b_return_values(Builder *b, BVal *vals);

/* ---- build_iface.c: descriptors, interfaces, method values and wrappers */
/* The address of type t's descriptor "type:NAME" (recorded in f->syms). */
Value *b_type_desc(Builder *b, Type *t);
/* The address of the itab of concrete type t for interface iface. */
Value *b_itab(Builder *b, Type *t, Type *iface);
/* Whether values of t are stored directly in an interface's data word. */
bool b_is_direct_iface(Type *t);
/* v (not an interface) as an interface of type to; heap: where its box goes. */
BVal b_box(Builder *b, BVal v, Type *to, bool heap);
/* Interface v converted to interface type to. */
BVal b_convert_iface(Builder *b, BVal v, Type *to);
/* The dynamic type word of interface v (NULL for nil). */
Value *b_dyn_type(Builder *b, BVal v);
/* x.(T) (ok == NULL: panics on failure) and v, ok := x.(T). */
BVal b_assert(Builder *b, AstAssertExpr *e, Value **ok);
/* Interface comparison x == y (op OP_EQL or OP_NEQ). */
Value *b_iface_compare(Builder *b, AstOp op, BVal x, BVal y);
/* switch [v :=] x.(type) {...} */
void b_type_switch(Builder *b, AstSwitchStmt *s);
/* The type of the receiver b_method_receiver gives for sel: the method's
 * receiver type, or the interface reached. */
Type *b_receiver_type(AstSelectorExpr *sel, Object *m);
/* The receiver words for method m selected by sel (path followed). */
BVal b_method_receiver(Builder *b, AstSelectorExpr *sel, Object *m);
/* Calls interface method index of interface value iv with receiver data
 * and the argument words ws (after the receiver). */
Value *b_iface_fun(Builder *b, BVal iv, int index);
/* Builds a wrapper unit (kind != SSA_UNIT_BODY) into b->f. */
void b_build_wrapper(Builder *b, const SsaUnit *u);
/* Adds to l the wrapper units node n needs, n alone: those of a type
 * declaration, of a struct literal type with embedded fields, of a method
 * value or method expression (see ssa_collect_program_units). */
void b_collect_wrappers_at(UnitList *l, Mem *mem, AstNode *n);
/* The same for every node under n, n included. */
void b_collect_wrappers_in(UnitList *l, Mem *mem, AstNode *n);
/* Follows the embedded fields path[0..depth) from base, the address of a
 * *t (a pointer to check for nil first when *is_ptr); an embedded pointer
 * field is loaded.  Returns the address of the last one reached, whose
 * type is left in *t (*is_ptr: the address is such a loaded pointer). */
Value *b_follow_path(Builder *b, Value *base, Type **t, const int32_t *path, int depth, bool *is_ptr);

/* ---- build_map.c: maps through the runtime (docs/abi.md) */
Value *b_map_type_desc(Builder *b, Type *mt);
BVal b_make_map(Builder *b, Type *t, Value *hint);
BVal b_map_index(Builder *b, AstIndexExpr *ix, Value **ok);
LValue b_map_lvalue(Builder *b, AstIndexExpr *ix);
void b_map_assign(Builder *b, const LValue *lv, BVal v);
BVal b_map_load(Builder *b, const LValue *lv);
BVal b_map_literal(Builder *b, AstCompositeLit *lit, Type *t);
void b_map_delete(Builder *b, AstCallExpr *call);
Value *b_map_len(Builder *b, BVal m);
/* for k, v := range m */
void b_map_range(Builder *b, AstForStmt *s);

/* ---- build_defer.c */
/* At entry of a function with defer: the frame, its push, the resume path. */
void b_defer_prologue(Builder *b, AstBlockStmt *body);
void b_defer_stmt(Builder *b, AstCallStmt *s);
/* A return of a function with defer: the results vals (NULL: as they
 * are) to their slots, the deferred calls run, the slots' values returned. */
void b_defer_return(Builder *b, BVal *vals);
/* Adds the thunk units of unit's defer statements (unit->ndefers) to l. */
void b_collect_thunks(UnitList *l, int unit, Mem *mem);
BVal b_recover(Builder *b, Type *t);
/* Builds a defer thunk unit into b->f. */
void b_build_defer_thunk(Builder *b, const SsaUnit *u);
/* The symbol of the thunk of the k-th defer statement (from 1) of unit name. */
const char *b_defer_thunk_name(Builder *b, const char *unit, int k);
/* The preset value of e in a defer thunk, or NULL. */
const BVal *b_preset(Builder *b, AstNode *e);

/* ---- build_call.c */
/* Argument values of call against sig, one per parameter (variadic ones
 * packed into their slice); returns the count. */
int b_eval_args(Builder *b, AstCallExpr *call, Type *sig, BVal *vals, int max);
/* Emits a call of kind op (SSA_OP_CALL: aux callee; SSA_OP_CALL_CLOSURE:
 * fn is the closure or code-address cell) with receiver words recv (n 0:
 * none) and the argument values; collects the results of sig into out. */
int b_emit_call(Builder *b, Op op, const void *aux, Value *fn, Type *sig, BVal recv, BVal *args, int nargs,
                BVal *out, int maxout);
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
