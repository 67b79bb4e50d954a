/* ast.h — the syntax tree of one Go source file.
 *
 * Modeled on gc's own tree (cmd/compile/internal/syntax/nodes.go): the same
 * node kinds, the same fields and the same positions, so that later phases
 * report errors at gc's columns.  Every node lives in the ast region.
 *
 * Layout: every node starts with an AstNode header (kind, flags, position).
 * Expression nodes (and type expressions, which are expressions in Go's
 * grammar) continue with an AstExpr header that reserves the slots the type
 * checker fills.  A node is used through its kind's struct: check n->kind,
 * then cast with AST_AS(AstCallExpr, n).
 *
 * Lists are exactly-sized arena arrays: `T **items; int n;`.
 *
 * Positions (as gc):
 *   Operation      binary: the operator; unary: the operator
 *   CallExpr       the "("           IndexExpr/SliceExpr  the "["
 *   SelectorExpr   the "."           AssertExpr/TypeSwitchGuard  the "."
 *   CompositeLit   the "{"           KeyValueExpr  the ":"
 *   AssignStmt     the operator (=, :=, op=, ++, --)
 *   SendStmt       the "<-"          RangeClause   the "range" keyword
 *   ExprStmt       the expression's position
 *   LabeledStmt    the ":"           ListExpr      its first element
 *   FuncType       the "(" (or "[" of type parameters) after the name or func
 *   Field          its name, or the type's position if anonymous
 *   others         their first token.
 * ast_start_pos() gives the leftmost position of any expression. */
#ifndef MGC_AST_H
#define MGC_AST_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "diag/diag.h"
#include "lexer/lexer.h"

/* Filled by later phases; incomplete here so ast/ depends on nothing later. */
struct Type;
struct Const;
struct Object;
struct FuncInfo;

#define AST_KIND_LIST(X)                                                       \
    X(AST_FILE, "File")                                                        \
    /* declarations */                                                         \
    X(AST_IMPORT_DECL, "ImportDecl") X(AST_CONST_DECL, "ConstDecl")            \
    X(AST_TYPE_DECL, "TypeDecl") X(AST_VAR_DECL, "VarDecl")                    \
    X(AST_FUNC_DECL, "FuncDecl")                                               \
    /* expressions */                                                          \
    X(AST_BAD_EXPR, "BadExpr") X(AST_NAME, "Name")                             \
    X(AST_BASIC_LIT, "BasicLit") X(AST_COMPOSITE_LIT, "CompositeLit")         \
    X(AST_KEY_VALUE_EXPR, "KeyValueExpr") X(AST_FUNC_LIT, "FuncLit")          \
    X(AST_PAREN_EXPR, "ParenExpr") X(AST_SELECTOR_EXPR, "SelectorExpr")       \
    X(AST_INDEX_EXPR, "IndexExpr") X(AST_SLICE_EXPR, "SliceExpr")             \
    X(AST_ASSERT_EXPR, "AssertExpr")                                           \
    X(AST_TYPE_SWITCH_GUARD, "TypeSwitchGuard")                                \
    X(AST_OPERATION, "Operation") X(AST_CALL_EXPR, "CallExpr")                 \
    X(AST_LIST_EXPR, "ListExpr")                                               \
    /* types */                                                                \
    X(AST_ARRAY_TYPE, "ArrayType") X(AST_SLICE_TYPE, "SliceType")             \
    X(AST_DOTS_TYPE, "DotsType") X(AST_STRUCT_TYPE, "StructType")             \
    X(AST_FIELD, "Field") X(AST_INTERFACE_TYPE, "InterfaceType")              \
    X(AST_FUNC_TYPE, "FuncType") X(AST_MAP_TYPE, "MapType")                   \
    X(AST_CHAN_TYPE, "ChanType")                                               \
    /* statements */                                                           \
    X(AST_EMPTY_STMT, "EmptyStmt") X(AST_LABELED_STMT, "LabeledStmt")         \
    X(AST_BLOCK_STMT, "BlockStmt") X(AST_EXPR_STMT, "ExprStmt")               \
    X(AST_SEND_STMT, "SendStmt") X(AST_DECL_STMT, "DeclStmt")                 \
    X(AST_ASSIGN_STMT, "AssignStmt") X(AST_BRANCH_STMT, "BranchStmt")         \
    X(AST_CALL_STMT, "CallStmt") X(AST_RETURN_STMT, "ReturnStmt")             \
    X(AST_IF_STMT, "IfStmt") X(AST_FOR_STMT, "ForStmt")                        \
    X(AST_SWITCH_STMT, "SwitchStmt") X(AST_SELECT_STMT, "SelectStmt")         \
    X(AST_RANGE_CLAUSE, "RangeClause") X(AST_CASE_CLAUSE, "CaseClause")       \
    X(AST_COMM_CLAUSE, "CommClause")

typedef enum AstKind {
#define X(k, s) k,
    AST_KIND_LIST(X)
#undef X
    AST_KIND_COUNT
} AstKind;

/* Operators of Operation and AssignStmt, in gc's order; the precedence of
 * a binary operator is given by ast_op_prec. */
#define AST_OP_LIST(X)                                                         \
    X(OP_NONE, "")                                                             \
    X(OP_DEF, ":=") X(OP_NOT, "!") X(OP_RECV, "<-") X(OP_TILDE, "~")           \
    X(OP_OROR, "||") X(OP_ANDAND, "&&")                                        \
    X(OP_EQL, "==") X(OP_NEQ, "!=") X(OP_LSS, "<") X(OP_LEQ, "<=")             \
    X(OP_GTR, ">") X(OP_GEQ, ">=")                                             \
    X(OP_ADD, "+") X(OP_SUB, "-") X(OP_OR, "|") X(OP_XOR, "^")                 \
    X(OP_MUL, "*") X(OP_DIV, "/") X(OP_REM, "%") X(OP_AND, "&")                \
    X(OP_AND_NOT, "&^") X(OP_SHL, "<<") X(OP_SHR, ">>")

typedef enum AstOp {
#define X(k, s) k,
    AST_OP_LIST(X)
#undef X
    OP_COUNT
} AstOp;

typedef enum LitKind { LIT_INT, LIT_FLOAT, LIT_IMAG, LIT_RUNE, LIT_STRING } LitKind;
typedef enum ChanDir { CHAN_BOTH, CHAN_SEND, CHAN_RECV } ChanDir;

/* ---- Headers ----------------------------------------------------------- */

typedef struct AstNode {
    AstKind kind;
    uint32_t flags;     /* free for later phases (escape analysis marks) */
    Pos pos;
} AstNode;

typedef struct AstExpr {
    AstNode node;
    struct Type *type;  /* set by the type checker */
    struct Const *cval; /* constant value, set by the type checker */
} AstExpr;

#define AST_AS(T, n) ((T *)(void *)(n))

typedef struct AstName AstName;
typedef struct AstBasicLit AstBasicLit;
typedef struct AstField AstField;
typedef struct AstFuncType AstFuncType;
typedef struct AstBlockStmt AstBlockStmt;
typedef struct AstCallExpr AstCallExpr;

/* Lists: an exactly sized array in the ast region (items is NULL iff n == 0). */
typedef struct AstList { AstNode **items; int n; } AstList;
typedef struct AstNameList { AstName **items; int n; } AstNameList;
typedef struct AstFieldList { AstField **items; int n; } AstFieldList;

/* ---- File and declarations -------------------------------------------- */

typedef struct AstFile {
    AstNode node;          /* pos: the "package" keyword */
    const SourceFile *src;
    unsigned pragma;       /* PRAGMA_* bits before the package clause */
    AstName *pkg_name;
    AstList decls;         /* ImportDecl, ConstDecl, TypeDecl, VarDecl, FuncDecl */
    Pos eof;
} AstFile;

/* Declarations that came from one parenthesized group share a group number
 * (unique within the file, > 0); 0 means not part of a group. */
typedef struct AstImportDecl {
    AstNode node;
    uint32_t group;
    unsigned pragma;
    AstName *local_name;   /* NULL: none; "." for dot imports */
    AstBasicLit *path;     /* NULL if missing */
} AstImportDecl;

/* A ConstSpec.  type and values are as written; a spec without either
 * inside a group repeats the previous spec's: implicit points at the spec
 * whose type and values apply (NULL if this spec has its own). */
typedef struct AstConstDecl {
    AstNode node;
    uint32_t group;
    unsigned pragma;
    int iota;              /* index of the spec in its group (0 if alone) */
    AstNameList names;
    AstNode *type;         /* NULL: none */
    AstNode *values;       /* NULL: none; ListExpr if several */
    struct AstConstDecl *implicit;
} AstConstDecl;

typedef struct AstTypeDecl {
    AstNode node;
    uint32_t group;
    unsigned pragma;
    bool alias;            /* type T = U */
    AstName *name;
    AstFieldList tparams;  /* n == 0: not generic */
    AstNode *type;
} AstTypeDecl;

typedef struct AstVarDecl {
    AstNode node;
    uint32_t group;
    unsigned pragma;
    AstNameList names;
    AstNode *type;         /* NULL: none */
    AstNode *values;       /* NULL: none; ListExpr if several */
} AstVarDecl;

typedef struct AstFuncDecl {
    AstNode node;          /* pos: the "func" keyword */
    unsigned pragma;
    AstField *recv;        /* NULL: a function, not a method */
    AstName *name;
    AstFieldList tparams;
    AstFuncType *type;
    AstBlockStmt *body;    /* NULL: declared without body */
    struct FuncInfo *info; /* set by later phases */
} AstFuncDecl;

/* ---- Expressions ------------------------------------------------------- */

typedef struct AstBadExpr { AstExpr expr; } AstBadExpr;

struct AstName {
    AstExpr expr;
    const char *value;     /* interned: compare with == */
    struct Object *obj;    /* set by the type checker */
};

struct AstBasicLit {
    AstExpr expr;
    LitKind lit_kind;
    bool bad;              /* malformed; already reported */
    uint32_t len;
    const char *value;     /* source text, as written */
};

typedef struct AstCompositeLit {
    AstExpr expr;          /* pos: the "{" */
    AstNode *type;         /* NULL: elided inside an outer literal */
    AstList elems;
    int nkeys;             /* elements that are KeyValueExpr */
    Pos rbrace;
} AstCompositeLit;

typedef struct AstKeyValueExpr { AstExpr expr; AstNode *key, *value; } AstKeyValueExpr;

typedef struct AstFuncLit {
    AstExpr expr;          /* pos: the "func" keyword */
    AstFuncType *type;
    AstBlockStmt *body;
    struct FuncInfo *info; /* set by later phases */
} AstFuncLit;

/* Kept only where gc keeps it: around a composite literal's type and
 * around the operand of go/defer (for error messages). */
typedef struct AstParenExpr { AstExpr expr; AstNode *x; } AstParenExpr;

/* What a checked selector x.f denotes (set by the type checker). */
typedef enum AstSelKind {
    AST_SEL_UNKNOWN,            /* not checked, or invalid */
    AST_SEL_QUALIFIED,          /* pkg.Name: sel->obj is the package's object */
    AST_SEL_FIELD,              /* a struct field, possibly promoted */
    AST_SEL_METHOD,             /* a concrete method, called: x.m(...) */
    AST_SEL_METHOD_VALUE,       /* a concrete method, not called: f := x.m */
    AST_SEL_IFACE_METHOD,       /* an interface method, called */
    AST_SEL_IFACE_METHOD_VALUE, /* an interface method, not called */
    AST_SEL_METHOD_EXPR,        /* T.m or (*T).m: a function of the receiver */
} AstSelKind;

/* x.sel.  The type checker records how it resolved: path[0..npath) are
 * indices into struct fields, starting at x's type (after one implicit *
 * if x is a pointer), through each embedded field followed, ending for
 * AST_SEL_FIELD at the selected field itself; for a method the last index
 * is the method's position in its named type's declared methods (in the
 * interface's full method set for an interface method).  So a promoted
 * field x.f of depth 2 has npath 3.  indirect: a pointer is dereferenced
 * on the way (x itself or an embedded pointer field).  path lives in the
 * ast region. */
typedef struct AstSelectorExpr {
    AstExpr expr;
    AstNode *x;
    AstName *sel;
    int32_t *path;
    int32_t npath;
    uint8_t sel_kind;      /* AstSelKind */
    bool indirect;
} AstSelectorExpr;

/* x[index]; an instantiation with several type arguments has a ListExpr
 * as index (x[A, B]), as in gc. */
typedef struct AstIndexExpr { AstExpr expr; AstNode *x, *index; } AstIndexExpr;

typedef struct AstSliceExpr {
    AstExpr expr;
    AstNode *x;
    AstNode *index[3];     /* lo, hi, max; NULL when absent */
    bool full;             /* 3-index form */
} AstSliceExpr;

typedef struct AstAssertExpr { AstExpr expr; AstNode *x, *type; } AstAssertExpr;

/* [lhs :=] x.(type), only as the tag of a type switch. */
typedef struct AstTypeSwitchGuard { AstExpr expr; AstName *lhs; AstNode *x; } AstTypeSwitchGuard;

/* Unary (y == NULL) or binary operation.  Unary * is also the pointer
 * type *T; unary ~ appears in constraint type sets. */
typedef struct AstOperation { AstExpr expr; AstOp op; AstNode *x, *y; } AstOperation;

struct AstCallExpr {
    AstExpr expr;          /* pos: the "(" */
    AstNode *fun;
    AstList args;
    bool has_dots;         /* the last argument is followed by ... */
};

typedef struct AstListExpr { AstExpr expr; AstList elems; } AstListExpr;

/* ---- Types ------------------------------------------------------------- */

typedef struct AstArrayType { AstExpr expr; AstNode *len, *elem; } AstArrayType; /* len NULL: [...]T */
typedef struct AstSliceType { AstExpr expr; AstNode *elem; } AstSliceType;
typedef struct AstDotsType { AstExpr expr; AstNode *elem; } AstDotsType;    /* ...T, last parameter */

typedef struct AstStructType {
    AstExpr expr;
    AstFieldList fields;
    AstBasicLit **tags;    /* NULL if no field has a tag; else fields.n entries */
} AstStructType;

/* A struct field, a parameter, a result, a type parameter, or an element
 * of an interface.  name NULL: embedded field, unnamed parameter, or an
 * embedded interface element (type name, ~T, or union A | ~B).  Names
 * declared in one list (a, b int) share the same type node. */
struct AstField {
    AstNode node;
    AstName *name;
    AstNode *type;
};

typedef struct AstInterfaceType { AstExpr expr; AstFieldList methods; } AstInterfaceType;

struct AstFuncType {
    AstExpr expr;
    AstFieldList params;
    AstFieldList results;
};

typedef struct AstMapType { AstExpr expr; AstNode *key, *value; } AstMapType;
typedef struct AstChanType { AstExpr expr; ChanDir dir; AstNode *elem; } AstChanType;

/* ---- Statements -------------------------------------------------------- */

typedef struct AstEmptyStmt { AstNode node; } AstEmptyStmt;
typedef struct AstLabeledStmt { AstNode node; AstName *label; AstNode *stmt; } AstLabeledStmt;

struct AstBlockStmt {
    AstNode node;          /* pos: the "{" */
    AstList stmts;
    Pos rbrace;
};

typedef struct AstExprStmt { AstNode node; AstNode *x; } AstExprStmt;
typedef struct AstSendStmt { AstNode node; AstNode *chan, *value; } AstSendStmt;
typedef struct AstDeclStmt { AstNode node; AstList decls; } AstDeclStmt;

/* lhs op= rhs.  op OP_NONE: plain =; OP_DEF: :=; rhs NULL: lhs++ (OP_ADD)
 * or lhs-- (OP_SUB). */
typedef struct AstAssignStmt { AstNode node; AstOp op; AstNode *lhs, *rhs; } AstAssignStmt;

/* break, continue, goto, fallthrough; target is the statement it leaves
 * or continues (ForStmt, SwitchStmt, SelectStmt) or, for goto, the
 * LabeledStmt; filled by the parser's branch check. */
typedef struct AstBranchStmt {
    AstNode node;
    TokenKind tok;
    AstName *label;        /* NULL: none */
    AstNode *target;
} AstBranchStmt;

typedef struct AstCallStmt { AstNode node; TokenKind tok; AstCallExpr *call; } AstCallStmt; /* go, defer */
typedef struct AstReturnStmt { AstNode node; AstNode *results; } AstReturnStmt;  /* results NULL or ListExpr */

typedef struct AstIfStmt {
    AstNode node;
    AstNode *init;         /* simple statement or NULL */
    AstNode *cond;
    AstBlockStmt *then;
    AstNode *els;          /* NULL, IfStmt or BlockStmt */
} AstIfStmt;

typedef struct AstForStmt {
    AstNode node;
    AstNode *init;         /* simple statement, RangeClause, or NULL */
    AstNode *cond;
    AstNode *post;
    AstBlockStmt *body;
} AstForStmt;

typedef struct AstRangeClause {
    AstNode node;          /* pos: the "range" keyword */
    AstNode *lhs;          /* NULL: for range x */
    bool def;              /* := */
    AstNode *x;
} AstRangeClause;

typedef struct AstSwitchStmt {
    AstNode node;
    AstNode *init;
    AstNode *tag;          /* NULL, an expression, or a TypeSwitchGuard */
    AstList body;          /* CaseClause */
    Pos rbrace;
} AstSwitchStmt;

typedef struct AstSelectStmt { AstNode node; AstList body; Pos rbrace; } AstSelectStmt; /* body: CommClause */

typedef struct AstCaseClause {
    AstNode node;
    AstNode *cases;        /* NULL: default; ListExpr if several */
    AstList body;
    Pos colon;
} AstCaseClause;

typedef struct AstCommClause {
    AstNode node;
    AstNode *comm;         /* send or receive statement; NULL: default */
    AstList body;
    Pos colon;
} AstCommClause;

/* ---- Helpers (ast.c) --------------------------------------------------- */

const char *ast_kind_name(AstKind k);
const char *ast_op_name(AstOp op);
/* Precedence of a binary operator (1 for || .. 5 for * / etc.), 0 if none. */
int ast_op_prec(AstOp op);
const char *ast_chan_dir_name(ChanDir d);
/* x without any enclosing ParenExpr. */
AstNode *ast_unparen(AstNode *x);
/* The leftmost source position of n (gc's StartPos). */
Pos ast_start_pos(const AstNode *n);
/* Writes n in gc's short form (function and literal bodies as "{…}"), the
 * text gc puts in messages such as "cannot use x := 1 as value".  Writes
 * at most size-1 bytes plus a NUL; returns buf. */
char *ast_string(const AstNode *n, char *buf, size_t size);

/* The -d ast output: an indented tree, one node per line (ast_print.c). */
void ast_print(FILE *out, const AstFile *f);
void ast_print_node(FILE *out, const AstNode *n, int indent);

#endif
