/* lexer.c — the scanner: Go 1.19's tokens, comments, directives and
 * automatic semicolon insertion, with gc's error messages and positions.
 *
 * Invariant: lx->p is the read position, and the character there is valid:
 * a NUL byte before the end, an invalid UTF-8 byte or a byte order mark are
 * reported and stepped over as soon as the read position reaches them
 * (skip_junk), so scanning code never sees them.  They still count in byte
 * columns and remain in a literal's text, as in gc.  text[len] is NUL, so
 * a NUL byte at lx->p means the end of the file. */
#include "lexer/lexer.h"

#include <stdarg.h>
#include <string.h>

#include "lexer/runes.h"

#define END_OF_FILE (-1)

static const char *const TOKEN_NAMES[TOK_COUNT] = {
#define X(k, s) [k] = s,
    TOKEN_LIST(X)
#undef X
};

/* The spelling of k in gc's syntax errors. */
const char *token_name(TokenKind k) {
    if ((unsigned)k >= TOK_COUNT)
        return "?";
    return TOKEN_NAMES[k];
}

/* ---- Errors and positions ------------------------------------------- */

/* Reports a lexical error at pos. */
static void lex_verror(Lexer *lx, Pos pos, const char *fmt, va_list ap) {
    diag_verror(lx->diag, pos, fmt, ap);
}

/* The position of q, which lies on the current line. */
static Pos pos_at(const Lexer *lx, const char *q) {
    return pos_make(lx->file->index, lx->line, (uint32_t)(q - lx->line_start) + 1);
}

/* Reports an error at the read position (gc's errorf). */
__attribute__((format(printf, 2, 3)))
static void error_here(Lexer *lx, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    lex_verror(lx, pos_at(lx, lx->p), fmt, ap);
    va_end(ap);
}

/* Reports an error offset bytes after the start of the current token, on
 * the token's line (gc's errorAtf). */
__attribute__((format(printf, 3, 4)))
static void error_in_token(Lexer *lx, uint32_t offset, const char *fmt, ...) {
    Pos t = lx->tok.pos;
    va_list ap;
    va_start(ap, fmt);
    lex_verror(lx, pos_make(pos_file(t), pos_line(t), pos_col(t) + offset), fmt, ap);
    va_end(ap);
}

/* ---- Reading characters ---------------------------------------------- */

/* Reports whether byte c at q needs skip_junk's attention. */
static inline bool maybe_junk(const Lexer *lx, const char *q) {
    unsigned char c = (unsigned char)*q;
    return c >= RUNE_SELF || (c == 0 && q < lx->end);
}

/* Reports and steps over NUL bytes, invalid UTF-8 and byte order marks at
 * the read position.  A BOM is allowed only as the file's first character. */
static void skip_junk(Lexer *lx) {
    for (;;) {
        const unsigned char *q = (const unsigned char *)lx->p;
        if (*q == 0) {
            if (lx->p >= lx->end)
                return;
            error_here(lx, "invalid NUL character");
            lx->p++;
            continue;
        }
        if (*q < RUNE_SELF)
            return;
        int w;
        int32_t r = utf8_decode(q, (size_t)(lx->end - lx->p), &w);
        if (r == RUNE_ERROR && w == 1) {
            error_here(lx, "invalid UTF-8 encoding");
            lx->p++;
            continue;
        }
        if (r == RUNE_BOM) {
            if (lx->p != lx->src)
                error_here(lx, "invalid BOM in the middle of the file");
            lx->p += w;
            continue;
        }
        return;
    }
}

/* The character at the read position, or END_OF_FILE. */
static inline int32_t cur(const Lexer *lx) {
    unsigned char c = (unsigned char)*lx->p;
    if (c < RUNE_SELF)
        return c == 0 ? END_OF_FILE : c;
    int w;
    return utf8_decode((const unsigned char *)lx->p, (size_t)(lx->end - lx->p), &w);
}

/* Moves the read position past the current character. */
static inline void advance(Lexer *lx) {
    unsigned char c = (unsigned char)*lx->p;
    if (c == '\n') {
        lx->p++;
        lx->line++;
        lx->line_start = lx->p;
    } else if (c >= RUNE_SELF) {
        int w;
        utf8_decode((const unsigned char *)lx->p, (size_t)(lx->end - lx->p), &w);
        lx->p += w;
    } else if (c != 0) {
        lx->p++;
    } else {
        return;   /* at the end */
    }
    if (maybe_junk(lx, lx->p))
        skip_junk(lx);
}

/* Steps over the non-ASCII or NUL character at the read position in a
 * byte-wise loop: junk is reported and skipped, a valid rune passed. */
static void skip_other(Lexer *lx) {
    const char *q = lx->p;
    skip_junk(lx);
    if (lx->p == q && lx->p < lx->end) {
        int w;
        utf8_decode((const unsigned char *)lx->p, (size_t)(lx->end - lx->p), &w);
        lx->p += w;
    }
}

/* ASCII classes, as gc's scanner defines them; lower(c) folds ASCII letters. */
static inline int lower(int32_t c) { return (int)(c | ('a' - 'A')); }
static inline bool is_ascii_letter(int32_t c) {
    return (lower(c) >= 'a' && lower(c) <= 'z') || c == '_';
}
static inline bool is_decimal(int32_t c) { return c >= '0' && c <= '9'; }
static inline bool is_hex(int32_t c) {
    return is_decimal(c) || (lower(c) >= 'a' && lower(c) <= 'f');
}

/* ---- Tokens ----------------------------------------------------------- */

/* Sets the current token to a literal spanning start up to the read position. */
static void set_literal(Lexer *lx, TokenKind kind, const char *start, bool ok) {
    size_t n = (size_t)(lx->p - start);
    lx->nlsemi = true;
    lx->tok.kind = kind;
    lx->tok.lit = arena_strndup(lx->arena, start, n);
    lx->tok.len = (uint32_t)n;
    lx->tok.bad = !ok;
}

/* A perfect hash of the keywords by first two letters and length; the
 * table below fails to compile (-Woverride-init) if two collide. */
#define KW_HASH(c0, c1, n) (((unsigned)(c0) + 4u * (unsigned)(c1) + 6u * (unsigned)(n)) & 63u)
#define KW(c0, c1, n, k) [KW_HASH(c0, c1, n)] = k,

static const TokenKind KEYWORDS[64] = {
    KW('b', 'r', 5, TOK_BREAK) KW('c', 'a', 4, TOK_CASE) KW('c', 'h', 4, TOK_CHAN)
    KW('c', 'o', 5, TOK_CONST) KW('c', 'o', 8, TOK_CONTINUE) KW('d', 'e', 7, TOK_DEFAULT)
    KW('d', 'e', 5, TOK_DEFER) KW('e', 'l', 4, TOK_ELSE) KW('f', 'a', 11, TOK_FALLTHROUGH)
    KW('f', 'o', 3, TOK_FOR) KW('f', 'u', 4, TOK_FUNC) KW('g', 'o', 2, TOK_GO)
    KW('g', 'o', 4, TOK_GOTO) KW('i', 'f', 2, TOK_IF) KW('i', 'm', 6, TOK_IMPORT)
    KW('i', 'n', 9, TOK_INTERFACE) KW('m', 'a', 3, TOK_MAP) KW('p', 'a', 7, TOK_PACKAGE)
    KW('r', 'a', 5, TOK_RANGE) KW('r', 'e', 6, TOK_RETURN) KW('s', 'e', 6, TOK_SELECT)
    KW('s', 't', 6, TOK_STRUCT) KW('s', 'w', 6, TOK_SWITCH) KW('t', 'y', 4, TOK_TYPE)
    KW('v', 'a', 3, TOK_VAR)
};

/* The keyword spelled s[0:n], or TOK_NAME. */
static TokenKind lookup_keyword(const char *s, size_t n) {
    if (n < 2 || n > 11)
        return TOK_NAME;
    TokenKind k = KEYWORDS[KW_HASH((unsigned char)s[0], (unsigned char)s[1], n)];
    if (k < TOK_FIRST_KEYWORD)
        return TOK_NAME;
    const char *kw = TOKEN_NAMES[k];
    if (strncmp(kw, s, n) != 0 || kw[n] != 0)
        return TOK_NAME;
    return k;
}

/* Checks that the non-ASCII rune r may appear in an identifier, reporting
 * gc's error if not; the character is taken into the identifier anyway. */
static void check_ident_rune(Lexer *lx, int32_t r, bool first) {
    char u[32];
    if (rune_is_letter(r))
        return;
    rune_format_unicode(u, sizeof u, r);
    if (rune_is_digit(r)) {
        if (first)
            error_here(lx, "identifier cannot begin with digit %s", u);
        return;
    }
    error_here(lx, "invalid character %s in identifier", u);
}

/* identifier = letter { letter | unicode_digit } .  The first character is
 * at start and already checked; the read position is past it. */
static void scan_identifier(Lexer *lx, const char *start) {
    for (;;) {
        const char *q = lx->p;
        while (is_ascii_letter((unsigned char)*q) || is_decimal((unsigned char)*q))
            q++;
        lx->p = q;
        if (!maybe_junk(lx, q))
            break;
        skip_junk(lx);
        int32_t r = cur(lx);
        if (r < RUNE_SELF) {
            if (is_ascii_letter(r) || is_decimal(r))
                continue;
            break;
        }
        check_ident_rune(lx, r, false);
        advance(lx);
    }

    size_t n = (size_t)(lx->p - start);
    TokenKind k = lookup_keyword(start, n);
    if (k != TOK_NAME) {
        lx->tok.kind = k;
        lx->nlsemi = k == TOK_BREAK || k == TOK_CONTINUE || k == TOK_FALLTHROUGH || k == TOK_RETURN;
        return;
    }
    lx->nlsemi = true;
    lx->tok.kind = TOK_NAME;
    lx->tok.lit = intern(lx->names, start, n);
    lx->tok.len = (uint32_t)n;
}

/* ---- Numbers ----------------------------------------------------------- */

/* The name of a number base in error messages. */
static const char *base_name(int base) {
    switch (base) {
    case 2: return "binary";
    case 8: return "octal";
    case 10: return "decimal";
    default: return "hexadecimal";
    }
}

enum { HAS_DIGIT = 1, HAS_SEP = 2 };

/* digits = { digit | "_" } .  For base <= 10 any decimal digit is taken,
 * and the offset from start of the first one too large for base is kept
 * in *invalid.  Returns HAS_DIGIT and HAS_SEP bits for what was seen. */
static int scan_digits(Lexer *lx, int base, const char *start, long *invalid) {
    int seen = 0;
    if (base <= 10) {
        int32_t max = '0' + base;
        for (int32_t c = cur(lx); is_decimal(c) || c == '_'; c = cur(lx)) {
            if (c == '_') {
                seen |= HAS_SEP;
            } else {
                seen |= HAS_DIGIT;
                if (c >= max && *invalid < 0)
                    *invalid = lx->p - start;
            }
            advance(lx);
        }
    } else {
        for (int32_t c = cur(lx); is_hex(c) || c == '_'; c = cur(lx)) {
            seen |= c == '_' ? HAS_SEP : HAS_DIGIT;
            advance(lx);
        }
    }
    return seen;
}

/* Returns the offset of the first '_' in the number literal x[0:n] that
 * does not separate two digits (or a base prefix and a digit), or -1. */
static long invalid_separator(const char *x, size_t n) {
    int prefix = ' ';
    int prev, d = '.';   /* '0' after a digit, '_' after '_', else '.' */
    size_t i = 0;
    if (n >= 2 && x[0] == '0') {
        prefix = lower((unsigned char)x[1]);
        if (prefix == 'x' || prefix == 'o' || prefix == 'b') {
            d = '0';
            i = 2;
        }
    }
    for (; i < n; i++) {
        prev = d;
        d = (unsigned char)x[i];
        if (d == '_') {
            if (prev != '0')
                return (long)i;
        } else if (is_decimal(d) || (prefix == 'x' && is_hex(d))) {
            d = '0';
        } else {
            if (prev == '_')
                return (long)i - 1;
            d = '.';
        }
    }
    return d == '_' ? (long)n - 1 : -1;
}

/* int_lit | float_lit | imaginary_lit, starting at start; if seen_point,
 * the literal began with '.' and the read position is past it. */
static void scan_number(Lexer *lx, const char *start, bool seen_point) {
    bool ok = true;
    TokenKind kind = TOK_INT;
    int base = 10;
    int prefix = 0;   /* 0 (decimal), '0' (leading-zero octal), 'x', 'o' or 'b' */
    int seen = 0;
    long invalid = -1;
    char q[16];

    if (!seen_point) {
        if (cur(lx) == '0') {
            advance(lx);
            switch (lower(cur(lx))) {
            case 'x': advance(lx); base = 16, prefix = 'x'; break;
            case 'o': advance(lx); base = 8, prefix = 'o'; break;
            case 'b': advance(lx); base = 2, prefix = 'b'; break;
            default: base = 8, prefix = '0', seen = HAS_DIGIT; break;
            }
        }
        seen |= scan_digits(lx, base, start, &invalid);
        if (cur(lx) == '.') {
            if (prefix == 'o' || prefix == 'b') {
                error_here(lx, "invalid radix point in %s literal", base_name(base));
                ok = false;
            }
            advance(lx);
            seen_point = true;
        }
    }
    if (seen_point) {
        kind = TOK_FLOAT;
        seen |= scan_digits(lx, base, start, &invalid);
    }
    if (!(seen & HAS_DIGIT) && ok) {
        error_here(lx, "%s literal has no digits", base_name(base));
        ok = false;
    }

    int32_t e = cur(lx);
    if (lower(e) == 'e' || lower(e) == 'p') {
        if (ok) {
            if (lower(e) == 'e' && prefix != 0 && prefix != '0') {
                rune_format_quoted(q, sizeof q, e);
                error_here(lx, "%s exponent requires decimal mantissa", q);
                ok = false;
            } else if (lower(e) == 'p' && prefix != 'x') {
                rune_format_quoted(q, sizeof q, e);
                error_here(lx, "%s exponent requires hexadecimal mantissa", q);
                ok = false;
            }
        }
        advance(lx);
        kind = TOK_FLOAT;
        if (cur(lx) == '+' || cur(lx) == '-')
            advance(lx);
        long unused = -1;
        seen = scan_digits(lx, 10, start, &unused) | (seen & HAS_SEP);
        if (!(seen & HAS_DIGIT) && ok) {
            error_here(lx, "exponent has no digits");
            ok = false;
        }
    } else if (prefix == 'x' && kind == TOK_FLOAT && ok) {
        error_here(lx, "hexadecimal mantissa requires a 'p' exponent");
        ok = false;
    }

    if (cur(lx) == 'i') {
        kind = TOK_IMAG;
        advance(lx);
    }

    set_literal(lx, kind, start, ok);
    if (kind == TOK_INT && invalid >= 0 && ok) {
        rune_format_quoted(q, sizeof q, (unsigned char)start[invalid]);
        error_in_token(lx, (uint32_t)invalid, "invalid digit %s in %s literal", q, base_name(base));
        ok = false;
    }
    if ((seen & HAS_SEP) && ok) {
        long i = invalid_separator(start, (size_t)(lx->p - start));
        if (i >= 0) {
            error_in_token(lx, (uint32_t)i, "'_' must separate successive digits");
            ok = false;
        }
    }
    lx->tok.bad = !ok;
}

/* ---- Runes, strings and comments ---------------------------------------- */

/* Scans the escape sequence after a backslash inside a literal closed by
 * quote.  Returns false after reporting a malformed escape; at the end of
 * the file it returns true and leaves the complaint to the caller. */
static bool scan_escape(Lexer *lx, int32_t quote) {
    int n;
    uint32_t base, max;
    int32_t c = cur(lx);
    char q[32];

    switch (c) {
    case 'a': case 'b': case 'f': case 'n': case 'r': case 't': case 'v': case '\\':
        advance(lx);
        return true;
    case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7':
        n = 3, base = 8, max = 255;
        break;
    case 'x':
        advance(lx);
        n = 2, base = 16, max = 255;
        break;
    case 'u':
        advance(lx);
        n = 4, base = 16, max = RUNE_MAX;
        break;
    case 'U':
        advance(lx);
        n = 8, base = 16, max = RUNE_MAX;
        break;
    default:
        if (c == quote) {
            advance(lx);
            return true;
        }
        if (c == END_OF_FILE)
            return true;
        error_here(lx, "unknown escape");
        return false;
    }

    uint32_t x = 0;
    for (; n > 0; n--) {
        c = cur(lx);
        if (c == END_OF_FILE)
            return true;
        uint32_t d = base;
        if (is_decimal(c))
            d = (uint32_t)(c - '0');
        else if (lower(c) >= 'a' && lower(c) <= 'f')
            d = (uint32_t)(lower(c) - 'a' + 10);
        if (d >= base) {
            rune_format_quoted(q, sizeof q, c);
            error_here(lx, "invalid character %s in %s escape", q, base_name((int)base));
            return false;
        }
        x = x * base + d;
        advance(lx);
    }
    if (x > max && base == 8) {
        error_here(lx, "octal escape value %u > 255", (unsigned)x);
        return false;
    }
    if (x > max || (x >= 0xD800 && x < 0xE000)) {
        rune_format_unicode(q, sizeof q, x);
        error_here(lx, "escape is invalid Unicode code point %s", q);
        return false;
    }
    return true;
}

/* rune_lit = "'" ( unicode_value | byte_value ) "'" . */
static void scan_rune(Lexer *lx, const char *start) {
    bool ok = true;
    advance(lx);   /* opening quote */
    for (int n = 0;; n++) {
        int32_t c = cur(lx);
        if (c == '\'') {
            if (ok) {
                if (n == 0) {
                    error_here(lx, "empty rune literal or unescaped '");
                    ok = false;
                } else if (n != 1) {
                    error_in_token(lx, 0, "more than one character in rune literal");
                    ok = false;
                }
            }
            advance(lx);
            break;
        }
        if (c == '\\') {
            advance(lx);
            if (!scan_escape(lx, '\''))
                ok = false;
            continue;
        }
        if (c == '\n') {
            if (ok) {
                error_here(lx, "newline in rune literal");
                ok = false;
            }
            break;
        }
        if (c == END_OF_FILE) {
            if (ok) {
                error_in_token(lx, 0, "rune literal not terminated");
                ok = false;
            }
            break;
        }
        advance(lx);
    }
    set_literal(lx, TOK_RUNE, start, ok);
}

/* string_lit = `"` { unicode_value | byte_value } `"` . */
static void scan_string(Lexer *lx, const char *start) {
    bool ok = true;
    lx->p++;   /* opening quote */
    for (;;) {
        unsigned char c = (unsigned char)*lx->p;
        if (c == '"') {
            advance(lx);
            break;
        }
        if (c == '\\') {
            advance(lx);
            if (!scan_escape(lx, '"'))
                ok = false;
            continue;
        }
        if (c == '\n') {
            error_here(lx, "newline in string");
            ok = false;
            break;
        }
        if (c == 0 && lx->p >= lx->end) {
            error_in_token(lx, 0, "string not terminated");
            ok = false;
            break;
        }
        if (c >= RUNE_SELF || c == 0)
            skip_other(lx);
        else
            lx->p++;
    }
    set_literal(lx, TOK_STRING, start, ok);
}

/* raw_string_lit = "`" { unicode_char | newline } "`" .  Carriage returns
 * stay in the literal's text; lexer_unquote_string drops them. */
static void scan_raw_string(Lexer *lx, const char *start) {
    bool ok = true;
    lx->p++;   /* opening quote */
    for (;;) {
        unsigned char c = (unsigned char)*lx->p;
        if (c == '`') {
            advance(lx);
            break;
        }
        if (c == '\n') {
            lx->p++;
            lx->line++;
            lx->line_start = lx->p;
        } else if (c >= RUNE_SELF || c == 0) {
            if (c == 0 && lx->p >= lx->end) {
                error_in_token(lx, 0, "string not terminated");
                ok = false;
                break;
            }
            skip_other(lx);
        } else {
            lx->p++;
        }
    }
    set_literal(lx, TOK_STRING, start, ok);
}

/* The PRAGMA_* bit of the //go: directive text (after the "//"). */
static unsigned directive_flag(const char *text, size_t n) {
    static const struct { const char *verb; unsigned flag; } VERBS[] = {
        {"go:noescape", PRAGMA_NOESCAPE},
        {"go:noinline", PRAGMA_NOINLINE},
        {"go:nosplit", PRAGMA_NOSPLIT},
    };
    if (n >= 12 && memcmp(text, "go:linkname ", 12) == 0)
        return PRAGMA_LINKNAME;
    if (n >= 7 && memcmp(text, "go:cgo_", 7) == 0)
        return PRAGMA_CGO;
    size_t verb = 0;
    while (verb < n && text[verb] != ' ')
        verb++;
    for (size_t i = 0; i < sizeof VERBS / sizeof VERBS[0]; i++)
        if (strlen(VERBS[i].verb) == verb && memcmp(VERBS[i].verb, text, verb) == 0)
            return VERBS[i].flag;
    return PRAGMA_OTHER;
}

/* The DIRECTIVE_* place of the //go: directive text (after the "//"), as
 * gc's noder classifies it: go:embed with patterns is for a var, a verb
 * with a pragma flag is for what that flag modifies, the rest have none. */
static unsigned directive_place(const char *text, size_t n) {
    static const struct { const char *verb; unsigned place; } VERBS[] = {
        {"go:build", DIRECTIVE_PACKAGE},
        {"go:notinheap", DIRECTIVE_TYPE},
        {"go:noescape", DIRECTIVE_FUNC},
        {"go:norace", DIRECTIVE_FUNC},
        {"go:nosplit", DIRECTIVE_FUNC},
        {"go:noinline", DIRECTIVE_FUNC},
        {"go:nocheckptr", DIRECTIVE_FUNC},
        {"go:systemstack", DIRECTIVE_FUNC},
        {"go:nowritebarrier", DIRECTIVE_FUNC},
        {"go:nowritebarrierrec", DIRECTIVE_FUNC},
        {"go:yeswritebarrierrec", DIRECTIVE_FUNC},
        {"go:cgo_unsafe_args", DIRECTIVE_FUNC},
        {"go:uintptrkeepalive", DIRECTIVE_FUNC},
        {"go:uintptrescapes", DIRECTIVE_FUNC},
        {"go:registerparams", DIRECTIVE_FUNC},
    };
    if (n >= 12 && memcmp(text, "go:linkname ", 12) == 0)
        return 0;
    if (n >= 8 && memcmp(text, "go:embed", 8) == 0 && (n == 8 || text[8] == ' ')) {
        /* without a pattern gc rejects the directive itself */
        for (size_t i = 8; i < n; i++)
            if (text[i] != ' ' && text[i] != '\t')
                return DIRECTIVE_EMBED;
        return 0;
    }
    size_t verb = 0;
    while (verb < n && text[verb] != ' ')
        verb++;
    for (size_t i = 0; i < sizeof VERBS / sizeof VERBS[0]; i++)
        if (strlen(VERBS[i].verb) == verb && memcmp(VERBS[i].verb, text, verb) == 0)
            return VERBS[i].place;
    return 0;
}

/* Appends a directive with a place to the list the parser takes. */
static void add_directive(Lexer *lx, unsigned place, Pos pos) {
    if (lx->ndirectives == lx->directives_cap) {
        uint32_t cap = lx->directives_cap ? 2 * lx->directives_cap : 8;
        Directive *d = ARENA_NEW_ARRAY(lx->arena, Directive, cap);
        if (lx->ndirectives)
            memcpy(d, lx->directives, lx->ndirectives * sizeof *d);
        lx->directives = d;
        lx->directives_cap = cap;
    }
    lx->directives[lx->ndirectives++] = (Directive){place, pos};
}

/* Skips a // comment (the read position is past the "//") up to, not
 * including, the newline, and records a directive in it.  gc honors a
 * //go: directive only when nothing but white space precedes it on its
 * line (blank) and reports it as misplaced otherwise. */
static void scan_line_comment(Lexer *lx, bool blank) {
    const char *text = lx->p;
    /* fast path: a line of ASCII without NUL bytes */
    const char *nl = memchr(text, '\n', (size_t)(lx->end - text));
    if (!nl)
        nl = lx->end;
    const char *q = text;
    while (q < nl && (unsigned char)(*q - 1) < RUNE_SELF - 1)
        q++;
    lx->p = q;
    for (;;) {
        unsigned char c = (unsigned char)*lx->p;
        if (c == '\n' || (c == 0 && lx->p >= lx->end))
            break;
        if (c >= RUNE_SELF || c == 0)
            skip_other(lx);
        else
            lx->p++;
    }
    size_t n = (size_t)(lx->p - text);
    if (n > 0 && text[n - 1] == '\r')
        n--;
    if (n >= 3 && memcmp(text, "go:", 3) == 0) {
        Pos t = lx->tok.pos;
        Pos pos = pos_make(pos_file(t), pos_line(t), pos_col(t) + 2);
        if (!blank) {
            lexer_directive_error(lx, pos, "misplaced compiler directive");
            return;
        }
        lx->pragmas |= directive_flag(text, n);
        unsigned place = directive_place(text, n);
        if (place)
            add_directive(lx, place, pos);
    } else if (blank && n >= 6 && memcmp(text, "export", 6) == 0 && (n == 6 || text[6] == ' ')) {
        lx->pragmas |= PRAGMA_CGO;
    }
}

/* Skips a general comment; the read position is past the opening. */
static void scan_general_comment(Lexer *lx) {
    for (;;) {
        unsigned char c = (unsigned char)*lx->p;
        if (c == '*') {
            lx->p++;
            if (maybe_junk(lx, lx->p))
                skip_junk(lx);
            if (*lx->p == '/') {
                advance(lx);
                return;
            }
        } else if (c == '\n') {
            lx->p++;
            lx->line++;
            lx->line_start = lx->p;
        } else if (c >= RUNE_SELF || c == 0) {
            if (c == 0 && lx->p >= lx->end) {
                error_in_token(lx, 0, "comment not terminated");
                return;
            }
            skip_other(lx);
        } else {
            lx->p++;
        }
    }
}

/* ---- The scanner -------------------------------------------------------- */

/* Starts scanning file; a byte order mark at its very start is skipped. */
void lexer_init(Lexer *lx, const SourceFile *file, Diag *diag, Arena *ast, Interner *names) {
    memset(lx, 0, sizeof *lx);
    lx->file = file;
    lx->diag = diag;
    lx->arena = ast;
    lx->names = names;
    lx->src = file->text;
    lx->end = file->text + file->len;
    lx->p = lx->src;
    lx->line = 1;
    lx->line_start = lx->src;
    if (maybe_junk(lx, lx->p))
        skip_junk(lx);
}

/* Hands the directives gathered so far to the parser. */
unsigned lexer_take_pragmas(Lexer *lx) {
    unsigned p = lx->pragmas;
    lx->pragmas = 0;
    lx->ndirectives = 0;
    return p;
}

/* Hands the directives gathered so far to the parser, with their places. */
unsigned lexer_take_directives(Lexer *lx, const Directive **list, uint32_t *n) {
    *list = lx->directives;
    *n = lx->ndirectives;
    return lexer_take_pragmas(lx);
}

/* Reports an error about a directive, counting it apart from syntax errors. */
void lexer_directive_error(Lexer *lx, Pos pos, const char *msg) {
    int before = lx->diag->nerrors;
    diag_error(lx->diag, pos, "%s", msg);
    lx->directive_errors += lx->diag->nerrors - before;
}

/* Sets the current token to an operator of kind k, n bytes long. */
static inline void set_op(Lexer *lx, TokenKind k, int n) {
    lx->tok.kind = k;
    lx->p += n;
    if (maybe_junk(lx, lx->p))
        skip_junk(lx);
}

/* Ends an operator that may be followed by '=' (x, x=); the read position
 * is past x. */
static inline void op_assign(Lexer *lx, TokenKind op, TokenKind op_assign_kind) {
    if (*lx->p == '=')
        set_op(lx, op_assign_kind, 1);
    else
        lx->tok.kind = op;
}

/* Scans the next token (gc's scanner.next): skips white space and comments,
 * turns a newline or the end of the file into a semicolon when the previous
 * token may end a statement (nlsemi). */
void lexer_next(Lexer *lx) {
    bool nlsemi = lx->nlsemi;
    lx->nlsemi = false;
    lx->tok.lit = NULL;
    lx->tok.len = 0;
    lx->tok.bad = false;

redo:;
    /* white space; a newline is a token when it ends a statement */
    uint32_t start_line = lx->line;
    const char *start_p = lx->p;
    for (;;) {
        const char *q = lx->p;
        for (;;) {
            unsigned char c = (unsigned char)*q;
            if (c == ' ' || c == '\t' || c == '\r') {
                q++;
            } else if (c == '\n' && !nlsemi) {
                q++;
                lx->line++;
                lx->line_start = q;
            } else {
                break;
            }
        }
        lx->p = q;
        if (!maybe_junk(lx, q))
            break;
        skip_junk(lx);
        if (lx->p == q)
            break;
    }
    bool blank = lx->line > start_line || start_p == lx->line_start;

    const char *start = lx->p;
    lx->tok.pos = pos_at(lx, start);
    unsigned char c = (unsigned char)*start;

    if (is_ascii_letter(c)) {
        lx->p++;
        scan_identifier(lx, start);
        return;
    }
    if (c >= RUNE_SELF) {
        check_ident_rune(lx, cur(lx), true);
        advance(lx);
        scan_identifier(lx, start);
        return;
    }

    switch (c) {
    case 0:   /* the end: skip_junk has consumed any NUL before it */
        if (nlsemi) {
            lx->tok.kind = TOK_SEMICOLON;
            lx->tok.semi = SEMI_EOF;
            break;
        }
        lx->tok.kind = TOK_EOF;
        break;
    case '\n':
        advance(lx);
        lx->tok.kind = TOK_SEMICOLON;
        lx->tok.semi = SEMI_NEWLINE;
        break;
    case '0': case '1': case '2': case '3': case '4':
    case '5': case '6': case '7': case '8': case '9':
        scan_number(lx, start, false);
        break;
    case '"':
        scan_string(lx, start);
        break;
    case '`':
        scan_raw_string(lx, start);
        break;
    case '\'':
        scan_rune(lx, start);
        break;
    case '(': set_op(lx, TOK_LPAREN, 1); break;
    case '[': set_op(lx, TOK_LBRACK, 1); break;
    case '{': set_op(lx, TOK_LBRACE, 1); break;
    case ',': set_op(lx, TOK_COMMA, 1); break;
    case ';':
        set_op(lx, TOK_SEMICOLON, 1);
        lx->tok.semi = SEMI_EXPLICIT;
        break;
    case ')': set_op(lx, TOK_RPAREN, 1); lx->nlsemi = true; break;
    case ']': set_op(lx, TOK_RBRACK, 1); lx->nlsemi = true; break;
    case '}': set_op(lx, TOK_RBRACE, 1); lx->nlsemi = true; break;
    case '~': set_op(lx, TOK_TILDE, 1); break;
    case ':':
        advance(lx);
        if (*lx->p == '=')
            set_op(lx, TOK_DEFINE, 1);
        else
            lx->tok.kind = TOK_COLON;
        break;
    case '.':
        advance(lx);
        if (is_decimal((unsigned char)*lx->p)) {
            scan_number(lx, start, true);
            break;
        }
        lx->tok.kind = TOK_PERIOD;
        if (*lx->p == '.') {
            const char *second = lx->p;
            advance(lx);
            if (*lx->p == '.')
                set_op(lx, TOK_ELLIPSIS, 1);
            else
                lx->p = second;   /* ".." is two periods */
        }
        break;
    case '+':
        advance(lx);
        if (*lx->p == '+') {
            set_op(lx, TOK_INC, 1);
            lx->nlsemi = true;
        } else if (*lx->p == '=') {
            set_op(lx, TOK_ADD_ASSIGN, 1);
        } else {
            lx->tok.kind = TOK_ADD;
        }
        break;
    case '-':
        advance(lx);
        if (*lx->p == '-') {
            set_op(lx, TOK_DEC, 1);
            lx->nlsemi = true;
        } else if (*lx->p == '=') {
            set_op(lx, TOK_SUB_ASSIGN, 1);
        } else {
            lx->tok.kind = TOK_SUB;
        }
        break;
    case '*':
        advance(lx);
        op_assign(lx, TOK_MUL, TOK_MUL_ASSIGN);
        break;
    case '/':
        advance(lx);
        if (*lx->p == '/') {
            lx->p++;
            scan_line_comment(lx, blank);
            goto redo;
        }
        if (*lx->p == '*') {
            uint32_t line = lx->line;
            lx->p++;
            scan_general_comment(lx);
            if (lx->line > line && nlsemi) {
                /* a comment spanning lines acts as a newline */
                lx->tok.kind = TOK_SEMICOLON;
                lx->tok.semi = SEMI_NEWLINE;
                break;
            }
            goto redo;
        }
        op_assign(lx, TOK_QUO, TOK_QUO_ASSIGN);
        break;
    case '%':
        advance(lx);
        op_assign(lx, TOK_REM, TOK_REM_ASSIGN);
        break;
    case '&':
        advance(lx);
        if (*lx->p == '&') {
            set_op(lx, TOK_LAND, 1);
        } else if (*lx->p == '^') {
            advance(lx);
            op_assign(lx, TOK_AND_NOT, TOK_AND_NOT_ASSIGN);
        } else if (*lx->p == '=') {
            set_op(lx, TOK_AND_ASSIGN, 1);
        } else {
            lx->tok.kind = TOK_AND;
        }
        break;
    case '|':
        advance(lx);
        if (*lx->p == '|')
            set_op(lx, TOK_LOR, 1);
        else if (*lx->p == '=')
            set_op(lx, TOK_OR_ASSIGN, 1);
        else
            lx->tok.kind = TOK_OR;
        break;
    case '^':
        advance(lx);
        op_assign(lx, TOK_XOR, TOK_XOR_ASSIGN);
        break;
    case '<':
        advance(lx);
        if (*lx->p == '=')
            set_op(lx, TOK_LEQ, 1);
        else if (*lx->p == '<')
            advance(lx), op_assign(lx, TOK_SHL, TOK_SHL_ASSIGN);
        else if (*lx->p == '-')
            set_op(lx, TOK_ARROW, 1);
        else
            lx->tok.kind = TOK_LSS;
        break;
    case '>':
        advance(lx);
        if (*lx->p == '=')
            set_op(lx, TOK_GEQ, 1);
        else if (*lx->p == '>')
            advance(lx), op_assign(lx, TOK_SHR, TOK_SHR_ASSIGN);
        else
            lx->tok.kind = TOK_GTR;
        break;
    case '=':
        advance(lx);
        if (*lx->p == '=')
            set_op(lx, TOK_EQL, 1);
        else
            lx->tok.kind = TOK_ASSIGN;
        break;
    case '!':
        advance(lx);
        if (*lx->p == '=')
            set_op(lx, TOK_NEQ, 1);
        else
            lx->tok.kind = TOK_NOT;
        break;
    default: {
        char u[32];
        rune_format_unicode(u, sizeof u, c);
        error_here(lx, "invalid character %s", u);
        advance(lx);
        goto redo;
    }
    }
}
