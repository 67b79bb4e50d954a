/* escape.h — escape analysis, as Go 1.19's gc does it
 * (cmd/compile/internal/escape): which variables and allocations may live
 * on the stack, which must move to the heap, and each function's parameter
 * tags.  `-m` prints the decisions in gc's words and order.
 *
 * The results later phases read:
 *   - Object.flags & OBJ_HEAP     a variable that moves to the heap
 *   - AstNode.flags & AST_ESC_*   allocation sites (below)
 *   - FuncInfo (perm)             each function's parameter tags
 * The escape graph itself lives in the scratch region and dies when the
 * analysis ends. */
#ifndef MGC_ESCAPE_H
#define MGC_ESCAPE_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "types/types.h"

/* Marks on AST nodes (AstNode.flags) for allocation sites. */
enum {
    AST_ESC_SITE = 1u << 0,       /* the node allocates (&T{}, new, make, closure, literal, conversion...) */
    AST_ESC_HEAP = 1u << 1,       /* ...and the allocation must be on the heap */
    AST_ESC_CONV_SITE = 1u << 2,  /* an implicit conversion of this expression to an interface allocates */
    AST_ESC_CONV_HEAP = 1u << 3,  /* ...on the heap */
    AST_ESC_DEVIRT = 1u << 4,     /* an interface method call turned into a direct call */
    AST_ESC_DEAD = 1u << 5,       /* a statement removed as dead (constant-false condition) */
    AST_ESC_TRANSIENT = 1u << 6,  /* a stack allocation that does not outlive its statement */
    AST_ESC_DDD_SITE = 1u << 7,   /* on a call: the implicit slice of its variadic arguments allocates */
    AST_ESC_DDD_HEAP = 1u << 8,   /* ...on the heap */
};

/* Results a leak can flow to, as gc's numEscResults. */
#define ESC_NUM_RESULTS 7

/* Where a parameter's value flows: to the heap, or to result i, each with
 * the minimal number of dereferences (gc's "leaks"; 0 = no flow, else
 * derefs + 1). */
typedef struct EscLeaks {
    uint8_t heap;
    uint8_t result[ESC_NUM_RESULTS];
} EscLeaks;

/* A function's escape summary (perm): what its callers need. */
typedef struct FuncInfo {
    int nparams;             /* receiver (if any) first, then parameters in order */
    EscLeaks *leaks;         /* one per parameter */
    bool tagged;             /* analysis done (or tags given: //go:noescape, std library) */
    bool noescape;           /* //go:noescape on a bodyless function */
} FuncInfo;

typedef struct EscapeConfig {
    int m;                   /* -m level: 0 none, 1 decisions, 2 with flows */
    bool off;                /* -d escape=off: everything addressable goes to the heap */
    FILE *out;               /* where -m lines go */
    AstFile **files;         /* the parsed files of package main (function bodies) */
    int nfiles;
} EscapeConfig;

/* Analyzes every function of prog, bottom-up over the call graph, marking
 * the AST and objects and writing FuncInfos; prints -m lines to cfg->out.
 * Graph memory comes from the scratch region and is released at the end. */
void escape_analyze(Program *prog, const EscapeConfig *cfg, Mem *mem, Diag *diag);

#endif
