/* check.h — internals of the type checker shared by its files.  Not for
 * other phases (they use types.h).
 *
 *   check.c     entry point, package-level declarations, resolution order
 *               with cycle detection, initialization order, imports
 *   typexpr.c   type expressions to Types
 *   expr.c      operands, unary and binary operations, constants, conversions,
 *               assignability and representability
 *   call.c      calls, selectors, method values and expressions, builtins
 *   index.c     index, slice and composite-literal expressions
 *   stmt.c      statements, labels, missing return, unused variables
 *   type.c      Type constructors, predicates, identity, layout, printing
 *   lookup.c    field and method lookup, method sets, interface satisfaction
 *   scope.c     scopes
 *   universe.c  the universe and the small standard library
 *   print.c     the -d types output
 *
 * Errors use gc's (types2's) words, checked against Go 1.19. */
#ifndef MGC_TYPES_CHECK_H
#define MGC_TYPES_CHECK_H

#include "types/const.h"
#include "types/types.h"

/* What an expression denotes (types2's operand modes). */
typedef enum OperandMode {
    MODE_INVALID,     /* an error was reported */
    MODE_NOVALUE,     /* a call without results */
    MODE_BUILTIN,     /* a builtin function name, not called */
    MODE_TYPEXPR,     /* a type */
    MODE_CONSTANT,    /* a constant: val is set */
    MODE_VARIABLE,    /* an addressable value */
    MODE_MAPINDEX,    /* m[k]: assignable, not addressable; comma-ok */
    MODE_VALUE,       /* a computed value */
    MODE_COMMAOK,     /* x.(T), <-ch: may be used in a comma-ok assignment */
} OperandMode;

typedef struct Operand {
    OperandMode mode;
    AstNode *expr;    /* the expression, for messages */
    Type *type;
    Const val;        /* MODE_CONSTANT */
    Builtin builtin;  /* MODE_BUILTIN */
} Operand;

/* A package-level declaration, found by Object.decl_index (objects in perm
 * hold no pointers into the AST). */
typedef struct DeclInfo {
    Object *obj;
    AstNode *decl;           /* ConstDecl, VarDecl (shared by its names), TypeDecl, FuncDecl */
    AstFile *file;
    Scope *file_scope;
    int lhs_count;           /* VarDecl x, y = f(): all names share one init */
    Object **deps;           /* package-level objects its initializer or body uses */
    int ndeps, capdeps;
    bool deps_indexed;       /* deps are also in Checker.dep_set (long lists) */
    struct FuncCtx *fn;      /* FuncDecl: context prepared with the signature */
    const void *body_block;  /* FuncDecl: what checking the body added to the ast region */
    uint32_t body_len;       /* (types_body_block), when it is one piece */
    uint32_t *methods;       /* TypeDecl: decl indices of its methods */
    int nmethods, capmethods;
    /* TypeDecl `type T U` met while U is still being defined: T waits for
     * U's underlying type (waits_for), U lists the types waiting for it. */
    Object *waits_for;
    Object **waiters;
    int nwaiters, capwaiters;
} DeclInfo;

/* A set of pairs of 32-bit numbers, open addressing on one 64-bit key;
 * the table is outside the regions (mem_xmalloc), freed with the checker. */
typedef struct PairSet {
    uint64_t *keys;          /* 0: empty slot; else 1 + (x << 32 | y) */
    uint32_t cap, count;
} PairSet;

/* Resolution state of a package-level object (Object.color). */
enum { COLOR_WHITE, COLOR_GREY, COLOR_BLACK };

/* The function whose body is being checked. */
typedef struct FuncCtx {
    struct FuncCtx *outer;   /* the enclosing function for a closure */
    Type *sig;               /* TY_FUNC */
    Scope *scope;            /* outermost scope of the body */
    Object **results;        /* result variables (named or not), sig's arity */
    bool has_named_results;
    AstNode *node;           /* FuncDecl or FuncLit */
    Object **captured;       /* free variables of a closure, in order of first use */
    int ncaptured, capcaptured;
} FuncCtx;

typedef struct Checker {
    Mem *mem;
    Arena *perm;             /* types, package-level objects */
    Arena *ast;              /* local objects, scopes, operands' leftovers */
    Interner *names;
    Diag *diag;
    const TypesConfig *cfg;
    Program *prog;
    Package *pkg;            /* the package being checked */
    DeclInfo *decls;
    uint32_t ndecls, capdecls;
    DeclInfo *cur_decl;      /* collects dependencies (init order) */
    PairSet dep_set;         /* (decl index, dependency's decl index) of long deps lists */
    /* the constant values recorded in the AST (AstExpr.cval), one copy per
     * value: open addressing, the table outside the regions */
    Const **consts;
    uint32_t consts_cap, consts_count;
    Scope *scope;            /* the innermost scope */
    FuncCtx *fn;             /* NULL at package level */
    int iota;                /* -1 outside a constant declaration */
    Object **obj_path;       /* objects being resolved, for cycle errors */
    int nobj_path, capobj_path;
    /* POS_NONE, or where every error goes while an implicitly repeated
     * constant expression is checked: the repeating spec's name, as gc. */
    Pos errpos;
    /* checks that wait until the types they need are complete (types2's
     * check.later): map keys and embedded fields met while a type they
     * contain is still being defined */
    struct Delayed *delayed;
    int ndelayed, capdelayed;
    Type **ifaces;           /* every interface type written in the source (ast region), completed at the end */
    int nifaces, capifaces;
} Checker;

/* ---- recorded constants (check.c) */
/* The ast-region copy of constant v that expressions record: equal values
 * share one copy (AstExpr.cval is never written through). */
Const *check_const_ref(Checker *c, const Const *v);
/* Frees the table of check_const_ref (the copies stay in the ast region). */
void check_consts_free(Checker *c);

/* ---- errors (check.c) */
void check_errorf(Checker *c, Pos pos, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
/* "refuse": mgc does not support <what> */
#define REFUSAL_PREFIX "mgc does not support "
void check_unsupported(Checker *c, Pos pos, const char *what);
/* Describes x as gc does: `x (variable of type int)`, `1 (untyped int
 * constant)`, `f() (value of type string)`, `"a" (untyped string constant)`. */
char *operand_string(Checker *c, const Operand *x, char *buf, size_t size);
/* Writes an expression as gc prints it in messages (ast_string). */
char *expr_string(const AstNode *e, char *buf, size_t size);

/* ---- declarations (check.c) */
/* Resolves a package-level object (its type, and value for constants),
 * on demand; reports cycles. */
void check_obj_decl(Checker *c, Object *obj);
/* Declares obj in scope s; reports "x redeclared in this block". */
void check_declare(Checker *c, Scope *s, Object *obj);
Object *check_new_object(Checker *c, Arena *a, ObjKind kind, const char *name, Pos pos, Type *type);
/* Records that the current declaration uses obj (for initialization order). */
void check_record_use(Checker *c, Object *obj);
/* A local const, type or var declaration inside a function. */
void check_local_decl(Checker *c, AstNode *decl);
/* Reports "invalid recursive type" for the cycle of objects being resolved
 * that ends at obj (typexpr.c, for a type whose underlying type is still
 * unknown). */
void check_type_cycle(Checker *c, Object *obj);
/* "invalid recursive type T" (or "illegal cycle in declaration of x") with
 * the chain of references of cycle, started at its first object in source
 * order, as types2 words it. */
void check_cycle_error(Checker *c, Object **cycle, int n);
/* Variables declared by a VarDecl with values, or by := (stmt.c uses it). */
void check_init_vars(Checker *c, Object **lhs, int nlhs, AstNode *values, Pos pos);

/* ---- type expressions (typexpr.c) */
/* Evaluates e as a type; reports "x is not a type" and returns the invalid
 * type if it is not one. */
Type *check_type_expr(Checker *c, AstNode *e);
/* A function signature from a FuncType; recv may be NULL.  Declares the
 * parameters and results in scope (NULL: declares nothing). */
Type *check_signature(Checker *c, AstField *recv, AstFuncType *ft, Scope *scope, FuncCtx *fn);
/* The definition of named type obj from its TypeDecl. */
void check_type_decl(Checker *c, Object *obj, AstTypeDecl *d);
/* Runs the checks delayed until every type met so far is complete. */
void check_process_delayed(Checker *c);

/* ---- expressions (expr.c) */
/* Checks e; the result is in x (mode MODE_INVALID after an error). */
void check_expr(Checker *c, Operand *x, AstNode *e);
/* Like check_expr, with the type the context expects (for composite
 * literals with elided types and untyped constants). */
void check_expr_hint(Checker *c, Operand *x, AstNode *e, Type *hint);
/* Checks e, which may be a type or an expression (for conversions). */
void check_expr_or_type(Checker *c, Operand *x, AstNode *e);
/* A multi-valued expression (call with several results): fills xs (up to
 * max) and returns the count. */
int check_multi_expr(Checker *c, Operand *xs, int max, AstNode *e, bool allow_commaok);
/* Checks that x can be assigned to a variable of type t, converting an
 * untyped x; context is gc's phrase ("assignment", "argument",
 * "return statement", "variable declaration", ...). */
bool check_assignable_to(Checker *c, Operand *x, Type *t, const char *context);
/* Converts an untyped x to its default type (or to t if non-NULL). */
void check_convert_untyped(Checker *c, Operand *x, Type *t);
void check_use_default(Checker *c, Operand *x);
/* True if a value of type v is assignable to type t (spec "Assignability");
 * *reason may receive gc's explanation. */
bool types_assignable(Checker *c, Type *v, const Operand *x, Type *t, char *reason, size_t n);
bool types_convertible(Checker *c, const Operand *x, Type *t);
/* Records the final type and constant of e in the AST. */
void check_record(Checker *c, AstNode *e, const Operand *x);
/* An expression used as a boolean condition. */
void check_cond(Checker *c, Operand *x, AstNode *e, const char *what);

/* x op y (e NULL: the operation of an x op= y statement, lhs and rhs its
 * operands). */
void check_binary(Checker *c, Operand *x, AstNode *e, AstNode *lhs, AstNode *rhs, AstOp op);
/* x == y and friends; switch_case: y is a case of switch tag x. */
void check_comparison(Checker *c, Operand *x, Operand *y, AstOp op, bool switch_case);
/* T(x), with x already checked. */
void check_conversion(Checker *c, Operand *x, Type *t);
/* &e or a pointer-receiver call on e: marks the variable OBJ_ADDRTAKEN. */
void check_mark_addr_taken(Checker *c, AstNode *e);
/* Evaluates e only to mark what it uses (after an error). */
void check_use(Checker *c, AstNode *e);
/* Converts constant x to t if representable, else reports it. */
bool check_representable(Checker *c, Operand *x, Type *t);
/* Where constant values are allocated: ast in functions, perm at package level. */
Arena *check_const_arena(Checker *c);
/* An index operand: integer, non-negative constant unless allow_negative. */
bool check_valid_index(Checker *c, Operand *x, const char *what, bool allow_negative);
/* Checks index expression e against length max (-1: unknown); *val gets
 * its constant value or -1. */
Type *check_index_value(Checker *c, AstNode *e, int64_t max, int64_t *val);

/* ---- calls and selectors (call.c) */
void check_call(Checker *c, Operand *x, AstCallExpr *call);
void check_selector(Checker *c, Operand *x, AstSelectorExpr *sel);
void check_builtin(Checker *c, Operand *x, AstCallExpr *call, Builtin id);

/* ---- index, slice and composite literals (index.c) */
void check_index(Checker *c, Operand *x, AstIndexExpr *e);
void check_slice(Checker *c, Operand *x, AstSliceExpr *e);
void check_composite_lit(Checker *c, Operand *x, AstCompositeLit *e, Type *hint);

/* ---- statements (stmt.c) */
/* Checks a function body with its signature; fn is the function's context. */
void check_func_body(Checker *c, FuncCtx *fn, AstBlockStmt *body);
void check_func_lit(Checker *c, Operand *x, AstFuncLit *lit);

/* ---- lookup (lookup.c) */
Selection lookup_field_or_method(Checker *c, Type *t, bool addressable, Package *pkg, const char *name);
/* If t does not implement interface iface, returns false and writes gc's
 * reason ("missing method M", "method M has pointer receiver"). */
bool types_implements(Checker *c, Type *t, Type *iface, char *reason, size_t n);
/* Completes an interface's method set (embedded interfaces). */
void interface_complete(Checker *c, Type *iface);

/* ---- types (type.c) */
/* Writes a method as gc's "have"/"want" lines show it: "M(x int) string". */
char *type_method_string(const char *name, Type *sig, char *buf, size_t size);

/* ---- universe and standard library (universe.c) */
Scope *universe_new(Checker *c);
/* The package for an import path of the small standard library, or NULL.
 * Each package is made once per program: the first call builds it and
 * appends it to c->prog->imports, later calls find it there (callers must
 * not append it themselves). */
Package *stdlib_package(Checker *c, const char *path);
/* Whether Go 1.19's package path exports name (declared by mgc or not). */
bool stdlib_declares(const char *path, const char *name);

/* (check.c) Parses src, the Go source of a standard package declared inside
 * mgc (bodyless functions, types, constants and variables), and checks it as
 * package `path` (Package.fake set): its objects live in perm like those of
 * package main.  Saves and restores the checker's current package. */
Package *check_package_source(Checker *c, const char *path, const char *src);

#endif
