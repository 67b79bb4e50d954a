/* parser.h — Go 1.19's syntax, type parameters included: one source file
 * to one AstFile.  Recursive descent, as gc's cmd/compile/internal/syntax;
 * syntax errors are reported in gc's words and at gc's positions. */
#ifndef MGC_PARSER_H
#define MGC_PARSER_H

#include "ast/ast.h"
#include "diag/diag.h"
#include "mem/mem.h"

/* Deepest nesting of expressions, types, statements and blocks accepted;
 * beyond it the file is refused with one error, so that every later
 * recursive walk of the tree has a bounded depth. */
#define PARSER_MAX_DEPTH 10000

/* Parses src.  Never returns NULL: on errors (reported to diag) the tree is
 * partial.  Every node, list and literal is allocated in ast; names are
 * interned in names.  Also checks labels and branches as gc's parser does
 * (undefined and unused labels, misplaced break/continue/fallthrough). */
AstFile *parse_file(const SourceFile *src, Diag *diag, Arena *ast, Interner *names);

#endif
