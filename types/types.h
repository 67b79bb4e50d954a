/* types.h — the type checker: Go types, objects, scopes and the checked
 * program that escape analysis and SSA construction read.
 *
 * Memory (see docs/design.md): Types, package-level Objects, Packages and
 * constant values of package-level constants live in the perm region;
 * function-local Objects and Scopes live in the ast region and die with it.
 * Nothing in perm points into the ast region: an Object refers to its
 * declaration by index (decl_index into Checker's table), never by pointer;
 * the AST points to Objects and Types (ast -> perm is allowed). */
#ifndef MGC_TYPES_H
#define MGC_TYPES_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "ast/ast.h"
#include "diag/diag.h"
#include "mem/mem.h"

/* ---- Types ------------------------------------------------------------- */

#define TYPE_KIND_LIST(X)                                                   \
    X(TY_INVALID, "invalid type")                                           \
    /* basic types, in gc's order */                                        \
    X(TY_BOOL, "bool") X(TY_INT, "int") X(TY_INT8, "int8")                  \
    X(TY_INT16, "int16") X(TY_INT32, "int32") X(TY_INT64, "int64")          \
    X(TY_UINT, "uint") X(TY_UINT8, "uint8") X(TY_UINT16, "uint16")          \
    X(TY_UINT32, "uint32") X(TY_UINT64, "uint64") X(TY_UINTPTR, "uintptr")  \
    X(TY_FLOAT32, "float32") X(TY_FLOAT64, "float64")                       \
    X(TY_COMPLEX64, "complex64") X(TY_COMPLEX128, "complex128")             \
    X(TY_STRING, "string") X(TY_UNSAFE_POINTER, "unsafe.Pointer")           \
    /* untyped constants and nil */                                         \
    X(TY_UNTYPED_BOOL, "untyped bool") X(TY_UNTYPED_INT, "untyped int")     \
    X(TY_UNTYPED_RUNE, "untyped rune") X(TY_UNTYPED_FLOAT, "untyped float") \
    X(TY_UNTYPED_STRING, "untyped string") X(TY_UNTYPED_NIL, "untyped nil") \
    /* composite types */                                                   \
    X(TY_ARRAY, "array") X(TY_SLICE, "slice") X(TY_STRUCT, "struct")        \
    X(TY_POINTER, "pointer") X(TY_FUNC, "func")                             \
    X(TY_INTERFACE, "interface") X(TY_MAP, "map") X(TY_CHAN, "chan")        \
    X(TY_NAMED, "named") X(TY_TUPLE, "tuple")

typedef enum TypeKind {
#define X(k, s) k,
    TYPE_KIND_LIST(X)
#undef X
    TY_COUNT
} TypeKind;

typedef struct Type Type;
typedef struct Object Object;
typedef struct Scope Scope;
typedef struct Package Package;

/* A struct field. */
typedef struct TypeField {
    const char *name;      /* interned; for an embedded field, the type's name */
    Type *type;
    const char *tag;       /* NULL: none (decoded string) */
    int64_t offset;        /* byte offset, set when the layout is computed */
    bool embedded;
    Package *pkg;          /* package of an unexported name */
    Pos pos;
} TypeField;

/* A method of a named type or of an interface. */
typedef struct TypeMethod {
    const char *name;
    Object *func;          /* OBJ_FUNC; its type's recv says value or pointer */
} TypeMethod;

struct Type {
    TypeKind kind;
    uint32_t flags;        /* TYPE_* below */
    int64_t size;          /* -1 until the layout is computed */
    int32_t align;
    Type *ptr_to;          /* cache of the pointer type *this */
    union {
        struct { Type *elem; int64_t len; } array;           /* TY_ARRAY (len), TY_SLICE, TY_POINTER */
        struct { TypeField *fields; int n; } strct;          /* TY_STRUCT */
        struct {                                             /* TY_FUNC */
            Type *recv;          /* NULL: not a method; else receiver type (T or *T) */
            Type *params;        /* TY_TUPLE */
            Type *results;       /* TY_TUPLE */
            bool variadic;       /* the last parameter is ...T (its type is []T) */
        } func;
        struct {                                             /* TY_INTERFACE */
            TypeMethod *methods; int nmethods;   /* explicitly declared */
            Type **embeddeds; int nembeddeds;    /* embedded interfaces */
            Pos *embedpos;                       /* where each embedding is written (NULL: unknown) */
            TypeMethod *all; int nall;           /* method set, in gc's order: exported names
                                                    first, then by name (then package) */
            bool complete;
            bool is_comparable;                  /* the predeclared "comparable" */
        } iface;
        struct { Type *key, *elem; } map;                    /* TY_MAP */
        struct { Type *elem; ChanDir dir; } chan;            /* TY_CHAN */
        struct {                                             /* TY_NAMED */
            Object *obj;         /* the OBJ_TYPE */
            Type *underlying;    /* NULL while being resolved */
            TypeMethod *methods; int nmethods;   /* declared methods, in source order */
        } named;
        struct { Type **types; const char **names; int n; } tuple; /* TY_TUPLE; names may be NULL */
    } u;
};

enum {
    TYPE_BROKEN = 1 << 0,    /* an error was reported for it; say nothing more */
};

/* The basic types and untyped kinds are unique: compare them with ==.
 * Exception: byte and rune are distinct Types of kind TY_UINT8 and TY_INT32
 * (identical to uint8 and int32; gc prints them by their own names), so
 * test integer types by kind, not by pointer. */
Type *type_basic(TypeKind k);
Type *type_invalid(void);
Type *type_byte(void);
Type *type_rune(void);
/* The empty interface the universe's `any` denotes (printed "any"; an
 * interface{} written out is another Type, printed "interface{}"). */
Type *type_any(void);
/* Whether a name is exported (starts with an upper-case letter). */
bool name_is_exported(const char *name);

/* Constructors: types live in perm. */
Type *type_new_pointer(Arena *perm, Type *elem);  /* cached in elem->ptr_to */
Type *type_new_slice(Arena *perm, Type *elem);
Type *type_new_array(Arena *perm, Type *elem, int64_t len);
Type *type_new_map(Arena *perm, Type *key, Type *elem);
Type *type_new_chan(Arena *perm, Type *elem, ChanDir dir);
Type *type_new_tuple(Arena *perm, Type **types, const char **names, int n);
Type *type_new_func(Arena *perm, Type *recv, Type *params, Type *results, bool variadic);
Type *type_new_struct(Arena *perm, TypeField *fields, int n);
Type *type_new_interface(Arena *perm, TypeMethod *methods, int nmethods, Type **embeddeds, int nembeddeds);
Type *type_new_named(Arena *perm, Object *obj, Type *underlying);

/* The underlying type (itself for all but TY_NAMED). */
Type *type_underlying(Type *t);
bool type_is_untyped(const Type *t);
bool type_is_integer(const Type *t);   /* of the underlying type, untyped included */
bool type_is_unsigned(const Type *t);
bool type_is_float(const Type *t);
bool type_is_numeric(const Type *t);
bool type_is_string(const Type *t);
bool type_is_boolean(const Type *t);
bool type_is_interface(const Type *t);
/* The default type of an untyped constant kind (untyped int -> int, ...). */
Type *type_default(Type *t);

bool type_identical(Type *a, Type *b);
bool type_comparable(Type *t);
/* Sizes and alignments: amd64 and arm64 share them (LP64).  Computing the
 * size of a struct also sets its fields' offsets.  As gc, a struct of
 * non-zero size whose last field has size 0 gets one byte of padding. */
int64_t type_size(Type *t);
int32_t type_align(Type *t);

/* Writes t as gc writes types in messages (`[]int`, `*main.T` written as
 * `*T` for the local package, `struct{x int}`, `func(int) string`). */
char *type_string(Type *t, char *buf, size_t size);

/* Method lookup: finds field or method `name` in t (following embedded
 * fields and automatic dereference), as gc's LookupFieldOrMethod. */
typedef struct Selection {
    enum { SEL_NONE, SEL_FIELD, SEL_METHOD, SEL_AMBIGUOUS } kind;
    Object *method;        /* SEL_METHOD */
    TypeField *field;      /* SEL_FIELD */
    int *path;             /* embedded-field indices taken to reach it, then its
                              own index (depth + 1 entries; ast region) */
    int depth;
    bool indirect;         /* a pointer was followed on the way */
} Selection;
/* SEL_NONE with method != NULL: the method exists but has a pointer
 * receiver and x is neither a pointer nor addressable (gc: "cannot call
 * pointer method M on T"). */

/* The method set of t (spec "Method sets": for T the value-receiver
 * methods, promoted ones included; for *T all of them; for an interface its
 * methods), in gc's order, as selections (kind SEL_METHOD) allocated in a;
 * tmp holds temporaries (it is released to where it was).  Returns the
 * count. */
int type_method_set(Arena *a, Arena *tmp, Type *t, Selection **out);

/* ---- Constants --------------------------------------------------------- */

struct Const; /* types/const.h */

/* ---- Objects and scopes ------------------------------------------------ */

typedef enum ObjKind {
    OBJ_BAD, OBJ_CONST, OBJ_TYPE, OBJ_VAR, OBJ_FUNC, OBJ_PKG, OBJ_BUILTIN, OBJ_NIL, OBJ_LABEL
} ObjKind;

typedef enum Builtin {
    BUILTIN_NONE,
    BUILTIN_APPEND, BUILTIN_CAP, BUILTIN_CLOSE, BUILTIN_COMPLEX, BUILTIN_COPY,
    BUILTIN_DELETE, BUILTIN_IMAG, BUILTIN_LEN, BUILTIN_MAKE, BUILTIN_NEW,
    BUILTIN_PANIC, BUILTIN_PRINT, BUILTIN_PRINTLN, BUILTIN_REAL, BUILTIN_RECOVER,
    /* package unsafe */
    BUILTIN_ALIGNOF, BUILTIN_OFFSETOF, BUILTIN_SIZEOF, BUILTIN_ADD, BUILTIN_SLICE,
} Builtin;

enum {
    OBJ_USED = 1 << 0,          /* a variable or import that is used */
    OBJ_PARAM = 1 << 1,         /* a parameter or receiver */
    OBJ_RESULT = 1 << 2,        /* a (named or unnamed) result */
    OBJ_FIELD = 1 << 3,         /* a struct field (not in any scope) */
    OBJ_CAPTURED = 1 << 4,      /* a local referenced from a nested closure */
    OBJ_ADDRTAKEN = 1 << 5,     /* &x appears, or x.m() with a pointer receiver */
    OBJ_REASSIGNED = 1 << 6,    /* assigned after its declaration */
    OBJ_HEAP = 1 << 7,          /* escape analysis: lives on the heap */
    OBJ_ALIAS = 1 << 8,         /* a type alias */
    OBJ_EXPORTED = 1 << 9,
    OBJ_PKG_LEVEL = 1 << 10,
};

struct Object {
    ObjKind kind;
    uint32_t flags;            /* OBJ_* above */
    const char *name;          /* interned */
    Pos pos;
    Type *type;
    Package *pkg;
    Scope *parent;             /* the scope it is declared in */
    union {
        struct Const *val;     /* OBJ_CONST */
        Builtin builtin;       /* OBJ_BUILTIN */
        Package *imported;     /* OBJ_PKG */
        unsigned pragma;       /* OBJ_FUNC: PRAGMA_* bits */
    } u;
    uint32_t decl_index;       /* package-level: index into the checker's declarations */
    uint32_t color;            /* resolution state while checking declarations */
    uint32_t esc_slot;         /* escape analysis: index of the variable's location in the
                                  batch being analyzed; checked against the batch before use */
    struct FuncInfo *func;     /* OBJ_FUNC / closures: filled by escape analysis (tags) */
};

struct Scope {
    Scope *parent;
    const char *kind;          /* "universe", "package", "file", "func", "block" */
    Object **objs;             /* open-addressed by name pointer */
    uint32_t cap, count;
    Object **order;            /* in declaration order */
    uint32_t norder, caporder;
    bool is_func;              /* the outermost scope of a function body */
};

Scope *scope_new(Arena *a, Scope *parent, const char *kind);
Object *scope_lookup_local(const Scope *s, const char *name);
/* Walks outward from s; *found receives the scope it was found in. */
Object *scope_lookup(const Scope *s, const char *name, const Scope **found);
/* Inserts obj; returns the previous object of that name (and inserts
 * nothing) if there is one. */
Object *scope_insert(Arena *a, Scope *s, Object *obj);

struct Package {
    const char *path;          /* "main", "fmt", ... */
    const char *name;
    Scope *scope;
    bool fake;                 /* declared inside mgc (the small standard library) */
    Object **funcs;            /* functions and methods with bodies, in source order */
    int nfuncs;
    Object **inits;            /* package variables in initialization order */
    int ninits;
};

/* ---- The checker ------------------------------------------------------- */

typedef struct TypesConfig {
    bool allow_missing_body;   /* mgc compile accepts bodyless functions */
    bool allow_unsupported;    /* not read: channels, go and select always type-check
                                  (analysis only; code generation refuses them) */
} TypesConfig;

/* The checked program: the main package, the imported standard packages,
 * and the universe. */
typedef struct Program {
    Package *main;
    Package **imports;
    int nimports;
    Scope *universe;
    bool uses_goroutines;      /* channels, go or select: analysis only */
    /* the checker's package-level declarations, by Object.decl_index
     * (read through types_decl_node) */
    const struct DeclInfo *decls;
    uint32_t ndecls;
} Program;

/* Type-checks the files of package main.  Reports errors to diag in gc's
 * words; returns the program (partial if diag has errors). */
Program *types_check(AstFile **files, int nfiles, const TypesConfig *cfg, Mem *mem, Diag *diag);

/* The declaration (FuncDecl, VarDecl, ConstDecl or TypeDecl) of
 * package-level object o of prog, or NULL when o is not one. */
AstNode *types_decl_node(const Program *prog, const Object *o);

/* The block of the ast region that checking the body of function o
 * filled (its local objects, constants, scopes): *len bytes from the
 * result; NULL when o is not a function of prog checked in one piece of
 * the region.  A later phase that walks the body may prefetch it. */
const void *types_body_block(const Program *prog, const Object *o, size_t *len);

/* The -d types output: every declaration with its type. */
void types_print(FILE *out, const Program *prog);

#endif
