/* parser_impl.h — the parser's state and the functions its files share.
 * Private to parser/.  Shared functions are prefixed parser_ (machinery)
 * or parse_ (grammar rules); the rest are static to their file. */
#ifndef MGC_PARSER_IMPL_H
#define MGC_PARSER_IMPL_H

#include "parser/parser.h"

typedef struct Parser {
    Lexer lx;              /* lx.tok is the current token */
    Diag *diag;
    Arena *ast;
    Interner *names;
    const char *blank;     /* interned "_" */
    int fnest;             /* function nesting (error recovery stops at statement keywords) */
    int xnest;             /* expression nesting; < 0 in if/for/switch headers */
    int depth;             /* nesting depth, bounded by PARSER_MAX_DEPTH */
    bool stopped;          /* depth limit reached: the token stream is at EOF for good */
    int nerrors;           /* errors reported by the parser */
    int diag_errors0;      /* diag's count when parsing began (the lexer reports there) */
    uint32_t ngroups;      /* declaration groups so far */
    /* The directives taken by declarations, each with the DIRECTIVE_*
     * places its declaration accepts; checked at the end of the file. */
    struct AttachedDirective *attached;
    uint32_t nattached, attached_cap;
    /* A stack of list items under construction, in the ast region; each list
     * is copied to an exactly sized array when complete. */
    void **stk;
    int top, cap;
} Parser;

#define CUR(p) ((p)->lx.tok.kind)
#define CUR_POS(p) ((p)->lx.tok.pos)

/* When gc's noder checks the directives a declaration took: the package
 * clause and imports first, then the package's types, then its other
 * declarations, then function bodies.  The order decides which ten errors
 * it shows. */
typedef enum DirectiveCheck {
    CHECK_IMPORTS,
    CHECK_TYPES,
    CHECK_DECLS,
    CHECK_BODIES,
    CHECK_COUNT
} DirectiveCheck;

/* A directive taken by a declaration that accepts the places in allowed. */
typedef struct AttachedDirective {
    Directive d;
    unsigned allowed;
    DirectiveCheck when;
} AttachedDirective;

/* parser.c: tokens, errors, lists, directives, declarations */
void parser_next(Parser *p);
bool parser_got(Parser *p, TokenKind k);
void parser_want(Parser *p, TokenKind k);
bool parser_got_assign(Parser *p);
void parser_syntax_error_at(Parser *p, Pos pos, const char *msg);
void parser_syntax_error(Parser *p, const char *msg);
void parser_error_at(Parser *p, Pos pos, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
int parser_error_count(const Parser *p);
unsigned parser_take_pragmas(Parser *p, unsigned allowed, DirectiveCheck when);
void parser_clear_pragmas(Parser *p);
/* Skips to a token of follow (a list ended by TOK_EOF; NULL: skip one). */
void parser_advance(Parser *p, const TokenKind *follow);
#define ADVANCE(p, ...) parser_advance((p), (const TokenKind[]){__VA_ARGS__, TOK_EOF})
const char *parser_tokstring(TokenKind k);
void parser_enter(Parser *p);
void parser_leave(Parser *p);
int parser_list_begin(const Parser *p);
void parser_list_push(Parser *p, void *x);
void **parser_list_end(Parser *p, int base, int *n);
bool parser_list_continue(Parser *p, const char *context, TokenKind sep, TokenKind close);
Pos parser_list_close(Parser *p, TokenKind close, bool ok);
void *parser_new_node(Parser *p, size_t size, AstKind kind, Pos pos);
#define NEW(p, T, kind, pos) ((T *)parser_new_node((p), sizeof(T), (kind), (pos)))
AstList parser_list_end_nodes(Parser *p, int base);

AstName *parser_new_name(Parser *p, Pos pos, const char *value);
AstName *parse_name(Parser *p);
AstNameList parse_name_list(Parser *p, AstName *first);
AstNode *parser_bad_expr(Parser *p);
typedef AstNode *DeclFunc(Parser *p, uint32_t group, int index, AstNode *prev);
void parse_group(Parser *p, DeclFunc *f);
AstNode *parse_const_decl(Parser *p, uint32_t group, int index, AstNode *prev);
AstNode *parse_type_decl(Parser *p, uint32_t group, int index, AstNode *prev);
AstNode *parse_var_decl(Parser *p, uint32_t group, int index, AstNode *prev);
AstBlockStmt *parse_func_body(Parser *p);

/* parser_expr.c: expressions and types */
AstNode *parse_expr(Parser *p);
AstNode *parse_binary_expr(Parser *p, AstNode *x, int prec);
AstNode *parse_pexpr(Parser *p, AstNode *x, bool keep_parens);
AstNode *parse_expr_list(Parser *p);
AstNode *parse_type(Parser *p);
AstNode *parse_type_or_nil(Parser *p);
AstFuncType *parse_func_type(Parser *p, const char *context, AstFieldList *tparams);
AstNode *parse_array_type(Parser *p, Pos pos, AstNode *len);
AstNode *parse_slice_type(Parser *p, Pos pos);
AstFieldList parse_param_list(Parser *p, AstName *name, AstNode *typ, TokenKind close, bool require_names);

/* parser_stmt.c: statements */
AstBlockStmt *parse_block_stmt(Parser *p, const char *context);

/* branches.c: labels and branch targets of one function body */
void parser_check_branches(Parser *p, AstBlockStmt *body);

#endif
