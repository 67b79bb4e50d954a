/* lexer.h — Go 1.19's lexical grammar: tokens, literals, comments,
 * automatic semicolon insertion.  Positions are byte columns from 1, as gc
 * counts them. */
#ifndef MGC_LEXER_H
#define MGC_LEXER_H

#include <stdbool.h>
#include <stdint.h>

#include "diag/diag.h"
#include "mem/mem.h"

#define TOKEN_LIST(X)                                   \
    X(TOK_EOF, "EOF")                                   \
    X(TOK_NAME, "name")                                 \
    X(TOK_INT, "literal")                               \
    X(TOK_FLOAT, "literal")                             \
    X(TOK_IMAG, "literal")                              \
    X(TOK_RUNE, "literal")                              \
    X(TOK_STRING, "literal")                            \
    /* operators and punctuation */                     \
    X(TOK_ADD, "+") X(TOK_SUB, "-") X(TOK_MUL, "*")     \
    X(TOK_QUO, "/") X(TOK_REM, "%")                     \
    X(TOK_AND, "&") X(TOK_OR, "|") X(TOK_XOR, "^")      \
    X(TOK_SHL, "<<") X(TOK_SHR, ">>") X(TOK_AND_NOT, "&^") \
    X(TOK_ADD_ASSIGN, "+=") X(TOK_SUB_ASSIGN, "-=")     \
    X(TOK_MUL_ASSIGN, "*=") X(TOK_QUO_ASSIGN, "/=")     \
    X(TOK_REM_ASSIGN, "%=") X(TOK_AND_ASSIGN, "&=")     \
    X(TOK_OR_ASSIGN, "|=") X(TOK_XOR_ASSIGN, "^=")      \
    X(TOK_SHL_ASSIGN, "<<=") X(TOK_SHR_ASSIGN, ">>=")   \
    X(TOK_AND_NOT_ASSIGN, "&^=")                        \
    X(TOK_LAND, "&&") X(TOK_LOR, "||") X(TOK_ARROW, "<-") \
    X(TOK_INC, "++") X(TOK_DEC, "--")                   \
    X(TOK_EQL, "==") X(TOK_LSS, "<") X(TOK_GTR, ">")    \
    X(TOK_ASSIGN, "=") X(TOK_NOT, "!")                  \
    X(TOK_NEQ, "!=") X(TOK_LEQ, "<=") X(TOK_GEQ, ">=")  \
    X(TOK_DEFINE, ":=") X(TOK_ELLIPSIS, "...")          \
    X(TOK_LPAREN, "(") X(TOK_LBRACK, "[") X(TOK_LBRACE, "{") \
    X(TOK_COMMA, ",") X(TOK_PERIOD, ".")                \
    X(TOK_RPAREN, ")") X(TOK_RBRACK, "]") X(TOK_RBRACE, "}") \
    X(TOK_SEMICOLON, ";") X(TOK_COLON, ":")             \
    X(TOK_TILDE, "~")                                   \
    /* keywords */                                      \
    X(TOK_BREAK, "break") X(TOK_CASE, "case")           \
    X(TOK_CHAN, "chan") X(TOK_CONST, "const")           \
    X(TOK_CONTINUE, "continue") X(TOK_DEFAULT, "default") \
    X(TOK_DEFER, "defer") X(TOK_ELSE, "else")           \
    X(TOK_FALLTHROUGH, "fallthrough") X(TOK_FOR, "for") \
    X(TOK_FUNC, "func") X(TOK_GO, "go") X(TOK_GOTO, "goto") \
    X(TOK_IF, "if") X(TOK_IMPORT, "import")             \
    X(TOK_INTERFACE, "interface") X(TOK_MAP, "map")     \
    X(TOK_PACKAGE, "package") X(TOK_RANGE, "range")     \
    X(TOK_RETURN, "return") X(TOK_SELECT, "select")     \
    X(TOK_STRUCT, "struct") X(TOK_SWITCH, "switch")     \
    X(TOK_TYPE, "type") X(TOK_VAR, "var")

typedef enum TokenKind {
#define X(k, s) k,
    TOKEN_LIST(X)
#undef X
    TOK_COUNT
} TokenKind;

#define TOK_FIRST_KEYWORD TOK_BREAK
#define TOK_LAST_KEYWORD TOK_VAR

/* What a TOK_SEMICOLON stands for, as gc names it in errors. */
typedef enum SemiKind { SEMI_EXPLICIT, SEMI_NEWLINE, SEMI_EOF } SemiKind;

/* //go: directives seen in the comments before a declaration. */
enum {
    PRAGMA_NOESCAPE = 1 << 0,
    PRAGMA_NOINLINE = 1 << 1,
    PRAGMA_LINKNAME = 1 << 2,
    PRAGMA_NOSPLIT = 1 << 3,
    PRAGMA_OTHER = 1 << 4,     /* any other //go: directive */
    PRAGMA_CGO = 1 << 5,       /* //go:cgo_* or //export */
};

/* Where gc accepts a //go: directive: the declarations its noder lets the
 * directive modify.  A directive gc does not check (go:linkname, go:generate,
 * an unknown verb) has no place and is never misplaced. */
enum {
    DIRECTIVE_FUNC = 1 << 0,     /* go:noinline, go:nosplit, ...: a func decl */
    DIRECTIVE_TYPE = 1 << 1,     /* go:notinheap: a type spec, not an alias */
    DIRECTIVE_PACKAGE = 1 << 2,  /* go:build: the package clause */
    DIRECTIVE_EMBED = 1 << 3,    /* go:embed: a var spec */
};

/* A //go: directive alone on its line, which the parser must attach to the
 * declaration that follows or report as misplaced. */
typedef struct Directive {
    unsigned place;        /* its DIRECTIVE_* bit */
    Pos pos;               /* of the "go:" after the "//" */
} Directive;

typedef struct Token {
    TokenKind kind;
    Pos pos;
    /* TOK_NAME: the interned name.  Literals: the source text, exactly as
     * written (quotes and prefixes included), NUL-terminated, in the ast
     * region.  Other tokens: NULL. */
    const char *lit;
    uint32_t len;          /* length of lit */
    SemiKind semi;         /* for TOK_SEMICOLON */
    bool bad;              /* a literal with an error already reported */
} Token;

typedef struct Lexer {
    const SourceFile *file;
    Diag *diag;
    Arena *arena;          /* ast region: literal text */
    Interner *names;
    const char *src, *end, *p;  /* text, its end, the read position */
    uint32_t line;
    const char *line_start;
    bool nlsemi;           /* a newline here ends a statement */
    unsigned pragmas;      /* PRAGMA_* bits collected since the last take */
    /* The directives with a place collected since the last take, in order,
     * in the ast region (grown by doubling). */
    Directive *directives;
    uint32_t ndirectives, directives_cap;
    /* Errors about misplaced directives reported so far (counted by diag,
     * but not syntax errors: they do not stop gc's parser checks). */
    int directive_errors;
    Token tok;             /* the current token */
} Lexer;

void lexer_init(Lexer *lx, const SourceFile *file, Diag *diag, Arena *ast, Interner *names);
/* Scans the next token into lx->tok. */
void lexer_next(Lexer *lx);
/* Returns the PRAGMA_* bits gathered since the last call, and clears them
 * and the directives. */
unsigned lexer_take_pragmas(Lexer *lx);
/* As lexer_take_pragmas, also handing over the directives gathered: *list
 * (*n of them, in source order) stays valid until the next lexer_next. */
unsigned lexer_take_directives(Lexer *lx, const Directive **list, uint32_t *n);
/* Reports "msg" at pos as an error about a directive (not a syntax error);
 * counts it in lx->directive_errors if diag counted it. */
void lexer_directive_error(Lexer *lx, Pos pos, const char *msg);
const char *token_name(TokenKind k);   /* "+", "if", "name", "literal", ... */

/* Literal values, shared with the type checker.  Each returns false on a
 * malformed literal (which the lexer has already reported). */
/* Decodes a string or raw string literal (with quotes) into UTF-8 bytes,
 * allocated in a; *out_len receives the length. */
bool lexer_unquote_string(Arena *a, const char *lit, uint32_t len, char **out, uint32_t *out_len);
/* Decodes a rune literal (with quotes). */
bool lexer_unquote_rune(const char *lit, uint32_t len, int32_t *out);

#endif
