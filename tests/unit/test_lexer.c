/* test_lexer.c — the scanner against Go 1.19: every token, every literal
 * form, semicolon insertion, directives, and gc's lexical errors at gc's
 * positions (each expected message was checked with go tool compile). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "lexer/lexer.h"

enum { WITH_POS = 1 };

/* The result of lexing one source text. */
typedef struct Run {
    char toks[8192];   /* tokens, space-separated (see describe) */
    char errs[4096];   /* the error report, as the user sees it */
    unsigned pragmas;  /* directives gathered before the first token */
    Token first;       /* the first token (lit cleared: its memory dies) */
    bool first_has_lit;
} Run;

/* Appends a token's description: names and literals as written, keywords
 * and operators by name, ";" ";nl" ";eof" for semicolons. */
static void describe(char *buf, size_t n, const Token *t, int flags) {
    size_t used = strlen(buf);
    const char *text = t->lit ? t->lit : token_name(t->kind);
    if (t->kind == TOK_SEMICOLON)
        text = t->semi == SEMI_NEWLINE ? ";nl" : t->semi == SEMI_EOF ? ";eof" : ";";
    if (flags & WITH_POS)
        snprintf(buf + used, n - used, "%s%s@%u:%u", used ? " " : "", text,
                 pos_line(t->pos), pos_col(t->pos));
    else
        snprintf(buf + used, n - used, "%s%s", used ? " " : "", text);
}

/* Lexes src[0:len] as file x.go. */
static void lex_n(Run *r, const char *src, size_t len, int flags) {
    Mem mem;
    Diag diag;
    char *report = NULL;
    size_t report_len = 0;
    FILE *out = open_memstream(&report, &report_len);
    assert_non_null(out);
    memset(r, 0, sizeof *r);
    mem_init(&mem, false);
    diag_init(&diag, mem_perm(&mem), out);
    SourceFile *f = diag_add_source(&diag, "x.go", src, len);
    Lexer lx;
    lexer_init(&lx, f, &diag, mem_ast(&mem), &mem.names);
    for (int i = 0; i < 10000; i++) {
        lexer_next(&lx);
        if (i == 0) {
            r->first = lx.tok;
            r->first_has_lit = lx.tok.lit != NULL;
            r->first.lit = NULL;   /* its memory dies below */
            r->pragmas = lexer_take_pragmas(&lx);
        }
        if (lx.tok.kind == TOK_EOF)
            break;
        describe(r->toks, sizeof r->toks, &lx.tok, flags);
    }
    diag_flush(&diag);
    fclose(out);
    snprintf(r->errs, sizeof r->errs, "%s", report ? report : "");
    free(report);
    diag_free(&diag);
    mem_free(&mem);
}

static void lex(Run *r, const char *src, int flags) { lex_n(r, src, strlen(src), flags); }

/* Asserts that src lexes without errors into the tokens toks. */
static void check_tokens(const char *src, const char *toks, int flags) {
    Run r;
    lex(&r, src, flags);
    assert_string_equal(r.errs, "");
    assert_string_equal(r.toks, toks);
}

/* Asserts the error report for src. */
static void check_errors(const char *src, const char *errs) {
    Run r;
    lex(&r, src, 0);
    assert_string_equal(r.errs, errs);
}

/* ---- Tokens ------------------------------------------------------------ */

static void test_every_operator(void **state) {
    (void)state;
    for (TokenKind k = TOK_ADD; k <= TOK_TILDE; k++) {
        Run r;
        char src[16];
        snprintf(src, sizeof src, " %s ", token_name(k));
        lex(&r, src, 0);
        assert_string_equal(r.errs, "");
        assert_int_equal(r.first.kind, k);
        assert_int_equal(pos_col(r.first.pos), 2);
    }
}

static void test_operators_longest_match(void **state) {
    (void)state;
    check_tokens("a&^=b&&^c<<=d>>e<-f...g..h.i", "a &^= b && ^ c <<= d >> e <- f ... g . . h . i ;eof", 0);
    check_tokens("x+++y---z", "x ++ + y -- - z ;eof", 0);
    check_tokens("a:=b!=c!d<=e>=f==g=h", "a := b != c ! d <= e >= f == g = h ;eof", 0);
    check_tokens("p/q/=r%s%=t*u*=v|w|=x||y^z^=~", "p / q /= r % s %= t * u *= v | w |= x || y ^ z ^= ~", 0);
}

static void test_every_keyword(void **state) {
    (void)state;
    for (TokenKind k = TOK_FIRST_KEYWORD; k <= TOK_LAST_KEYWORD; k++) {
        Run r;
        lex(&r, token_name(k), 0);
        assert_string_equal(r.errs, "");
        assert_int_equal(r.first.kind, k);
        assert_false(r.first_has_lit);
    }
}

static void test_names_not_keywords(void **state) {
    (void)state;
    const char *names[] = {"breaks", "fo", "_", "Break", "go_", "gotoo", "i", "var1", "_if",
                           "mapp", "ty", "fallthroughs", "iff", "Type", "func_", "x"};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        Run r;
        lex(&r, names[i], 0);
        assert_int_equal(r.first.kind, TOK_NAME);
        assert_true(r.first_has_lit);
        assert_int_equal(r.first.len, strlen(names[i]));
    }
}

static void test_names_are_interned(void **state) {
    (void)state;
    Mem mem;
    Diag diag;
    mem_init(&mem, false);
    diag_init(&diag, mem_perm(&mem), stderr);
    const char *src = "alpha beta alpha";
    SourceFile *f = diag_add_source(&diag, "x.go", src, strlen(src));
    Lexer lx;
    lexer_init(&lx, f, &diag, mem_ast(&mem), &mem.names);
    lexer_next(&lx);
    const char *a1 = lx.tok.lit;
    lexer_next(&lx);
    const char *b = lx.tok.lit;
    lexer_next(&lx);
    assert_ptr_equal(lx.tok.lit, a1);
    assert_ptr_not_equal(a1, b);
    assert_ptr_equal(a1, intern(&mem.names, "alpha", 5));
    assert_string_equal(b, "beta");
    diag_free(&diag);
    mem_free(&mem);
}

static void test_token_names(void **state) {
    (void)state;
    assert_string_equal(token_name(TOK_EOF), "EOF");
    assert_string_equal(token_name(TOK_NAME), "name");
    assert_string_equal(token_name(TOK_STRING), "literal");
    assert_string_equal(token_name(TOK_AND_NOT_ASSIGN), "&^=");
    assert_string_equal(token_name(TOK_FALLTHROUGH), "fallthrough");
    assert_string_equal(token_name(TOK_TILDE), "~");
}

static void test_unicode_identifiers(void **state) {
    (void)state;
    check_tokens("αβ 日本語 x٣ été _٣ Ǆz", "αβ 日本語 x٣ été _٣ Ǆz ;eof", 0);
    Run r;
    lex(&r, "\u00e9t\u00e9 := 1", WITH_POS);
    assert_string_equal(r.toks, "été@1:1 :=@1:7 1@1:10 ;eof@1:11");
    assert_int_equal(r.first.len, 5);
}

static void test_bad_identifiers(void **state) {
    (void)state;
    /* gc takes the character into the identifier and reports it */
    check_errors("package p\n\nvar a\u00b7b = 1\n",
                 "x.go:3:6: invalid character U+00B7 '\u00b7' in identifier\n");
    check_errors("package p\n\nvar \u20acx = 2\nvar x\u20ac = 3\n",
                 "x.go:3:5: invalid character U+20AC '\u20ac' in identifier\n"
                 "x.go:4:6: invalid character U+20AC '\u20ac' in identifier\n");
    check_errors("package p\n\nvar \u0663x = 4\n",
                 "x.go:3:5: identifier cannot begin with digit U+0663 '\u0663'\n");
    check_errors("package p\n\nvar \u00a0y = 7\n",
                 "x.go:3:5: invalid character U+00A0 in identifier\n");
    Run r;
    lex(&r, "a\u00b7b", 0);
    assert_string_equal(r.toks, "a\u00b7b ;eof");
}

/* ---- Literals ------------------------------------------------------------ */

/* Asserts that src is one literal of kind k, spelled as written, with no error. */
static void check_literal(const char *src, TokenKind k) {
    Run r;
    lex(&r, src, 0);
    assert_string_equal(r.errs, "");
    assert_int_equal(r.first.kind, k);
    assert_false(r.first.bad);
    assert_int_equal(r.first.len, strlen(src));
    char want[256];
    snprintf(want, sizeof want, "%s ;eof", src);
    assert_string_equal(r.toks, want);
}

static void test_int_literals(void **state) {
    (void)state;
    const char *ints[] = {"0", "7", "123", "1_000_000", "0x0", "0xFF", "0XaBc", "0x_FF",
                          "0x1_2", "0o17", "0O17", "0o_7", "017", "0_17", "00", "0_0",
                          "0b1010", "0B1", "0b_1_0", "9223372036854775808"};
    for (size_t i = 0; i < sizeof ints / sizeof ints[0]; i++)
        check_literal(ints[i], TOK_INT);
}

static void test_float_literals(void **state) {
    (void)state;
    const char *floats[] = {"1.", ".5", "1.5", "1.5e10", "1E-5", "1e+5", "1_0.2_5", "08.5",
                            "09e1", "00.1", "0x1p-2", "0X.8P+1", "0x1.fp10", "0x_1p0",
                            "0x1.p-2", "0x1P+1_0", "6.67428e-11", "1_5e1_0"};
    for (size_t i = 0; i < sizeof floats / sizeof floats[0]; i++)
        check_literal(floats[i], TOK_FLOAT);
}

static void test_imaginary_literals(void **state) {
    (void)state;
    const char *imags[] = {"1i", "0i", "089i", "0o17i", "0b1i", "0x1i", "1.5i", ".5i",
                           "1E5i", "0X.8P+1i", "1_0i"};
    for (size_t i = 0; i < sizeof imags / sizeof imags[0]; i++)
        check_literal(imags[i], TOK_IMAG);
}

static void test_rune_literals(void **state) {
    (void)state;
    const char *runes[] = {"'a'", "'\u00e9'", "'\U0001F600'", "'\\a'", "'\\b'", "'\\f'",
                           "'\\n'", "'\\r'", "'\\t'", "'\\v'", "'\\\\'", "'\\''", "'\"'",
                           "'\\x41'", "'\\101'", "'\\377'", "'\\u00e9'", "'\\U0010FFFF'"};
    for (size_t i = 0; i < sizeof runes / sizeof runes[0]; i++)
        check_literal(runes[i], TOK_RUNE);
}

static void test_string_literals(void **state) {
    (void)state;
    const char *strs[] = {"\"\"", "\"abc\"", "\"\\a\\b\\f\\n\\r\\t\\v\\\\\\\"\"", "\"'\"",
                          "\"\\101\\x41\\u00e9\\U0001F600\"", "\"h\u00e9llo\"", "``",
                          "`a\\nb`", "`\"`", "`a\r\nb`"};
    for (size_t i = 0; i < sizeof strs / sizeof strs[0]; i++)
        check_literal(strs[i], TOK_STRING);
}

static void test_raw_string_lines(void **state) {
    (void)state;
    Run r;
    lex(&r, "x = `a\nb\n\tc` + y\nz", WITH_POS);
    assert_string_equal(r.errs, "");
    assert_string_equal(r.toks, "x@1:1 =@1:3 `a\nb\n\tc`@1:5 +@3:5 y@3:7 ;nl@3:8 z@4:1 ;eof@4:2");
}

/* Wraps a literal in a line that gc was run on: "\tvar x = LIT". */
static void check_literal_error(const char *lit, const char *errs) {
    char src[256];
    snprintf(src, sizeof src, "package p\n\n\tvar x = %s\n", lit);
    Run r;
    lex(&r, src, 0);
    assert_string_equal(r.errs, errs);
}

static void test_number_errors(void **state) {
    (void)state;
    static const struct { const char *lit, *err; } cases[] = {
        {"0b102", "x.go:3:14: invalid digit '2' in binary literal\n"},
        {"0o78", "x.go:3:13: invalid digit '8' in octal literal\n"},
        {"09", "x.go:3:11: invalid digit '9' in octal literal\n"},
        {"0_8", "x.go:3:12: invalid digit '8' in octal literal\n"},
        {"0B2", "x.go:3:12: invalid digit '2' in binary literal\n"},
        {"0b12_3", "x.go:3:13: invalid digit '2' in binary literal\n"},
        {"0o_8", "x.go:3:13: invalid digit '8' in octal literal\n"},
        {"1__2", "x.go:3:12: '_' must separate successive digits\n"},
        {"1_", "x.go:3:11: '_' must separate successive digits\n"},
        {"0_x", "x.go:3:11: '_' must separate successive digits\n"},
        {"1_.5", "x.go:3:11: '_' must separate successive digits\n"},
        {"1._5", "x.go:3:12: '_' must separate successive digits\n"},
        {"0x1_p2", "x.go:3:13: '_' must separate successive digits\n"},
        {"0x1p1_", "x.go:3:15: '_' must separate successive digits\n"},
        {"123_456__7", "x.go:3:18: '_' must separate successive digits\n"},
        {"0b1_0_", "x.go:3:15: '_' must separate successive digits\n"},
        {"0_i", "x.go:3:11: '_' must separate successive digits\n"},
        {"0x1.2", "x.go:3:15: hexadecimal mantissa requires a 'p' exponent\n"},
        {"0x1.0e2", "x.go:3:17: hexadecimal mantissa requires a 'p' exponent\n"},
        {"0x1p", "x.go:3:14: exponent has no digits\n"},
        {"0x1P", "x.go:3:14: exponent has no digits\n"},
        {"1e+", "x.go:3:13: exponent has no digits\n"},
        {".5e", "x.go:3:13: exponent has no digits\n"},
        {"1.e+_", "x.go:3:15: exponent has no digits\n"},
        {"0b1.0", "x.go:3:13: invalid radix point in binary literal\n"},
        {"0b.", "x.go:3:12: invalid radix point in binary literal\n"},
        {"0o1e2", "x.go:3:13: 'e' exponent requires decimal mantissa\n"},
        {"0b1e1", "x.go:3:13: 'e' exponent requires decimal mantissa\n"},
        {"1p2", "x.go:3:11: 'p' exponent requires hexadecimal mantissa\n"},
        {"0x", "x.go:3:12: hexadecimal literal has no digits\n"},
        {"0x_", "x.go:3:13: hexadecimal literal has no digits\n"},
        {"0xp1", "x.go:3:12: hexadecimal literal has no digits\n"},
        {"0x.p1", "x.go:3:13: hexadecimal literal has no digits\n"},
        {"0b", "x.go:3:12: binary literal has no digits\n"},
        {"0o", "x.go:3:12: octal literal has no digits\n"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        check_literal_error(cases[i].lit, cases[i].err);
    Run r;
    lex(&r, "0b102", 0);
    assert_true(r.first.bad);
    assert_int_equal(r.first.kind, TOK_INT);
    lex(&r, "0x1.2", 0);
    assert_true(r.first.bad);
    assert_int_equal(r.first.kind, TOK_FLOAT);
}

static void test_escape_errors(void **state) {
    (void)state;
    static const struct { const char *lit, *err; } cases[] = {
        {"\"\\q\"", "x.go:3:12: unknown escape\n"},
        {"\"\\8\"", "x.go:3:12: unknown escape\n"},
        {"\"\\'\"", "x.go:3:12: unknown escape\n"},
        {"'\\\"'", "x.go:3:12: unknown escape\n"},
        {"'\\z'", "x.go:3:12: unknown escape\n"},
        {"\"h\u00e9llo\\q\"", "x.go:3:18: unknown escape\n"},
        {"\"\\400\"", "x.go:3:15: octal escape value 256 > 255\n"},
        {"'\\400'", "x.go:3:15: octal escape value 256 > 255\n"},
        {"\"\\x4\"", "x.go:3:14: invalid character '\"' in hexadecimal escape\n"},
        {"\"\\u12\"", "x.go:3:15: invalid character '\"' in hexadecimal escape\n"},
        {"\"\\xg0\"", "x.go:3:13: invalid character 'g' in hexadecimal escape\n"},
        {"'\\x'", "x.go:3:13: invalid character '\\'' in hexadecimal escape\n"},
        {"'\\U\u00e9'", "x.go:3:13: invalid character '\u00e9' in hexadecimal escape\n"},
        {"'\\01'", "x.go:3:14: invalid character '\\'' in octal escape\n"},
        {"\"\\0\"", "x.go:3:13: invalid character '\"' in octal escape\n"},
        {"\"\\U00110000\"", "x.go:3:21: escape is invalid Unicode code point U+110000\n"},
        {"'\\UFFFFFFFF'", "x.go:3:21: escape is invalid Unicode code point U+FFFFFFFF\n"},
        {"'\\uD800'", "x.go:3:17: escape is invalid Unicode code point U+D800\n"},
        {"\"\\uDFFF\"", "x.go:3:17: escape is invalid Unicode code point U+DFFF\n"},
        {"'ab'", "x.go:3:10: more than one character in rune literal\n"},
        {"'\u00e9\u00e9'", "x.go:3:10: more than one character in rune literal\n"},
        {"'\\t\\t'", "x.go:3:10: more than one character in rune literal\n"},
        {"''", "x.go:3:11: empty rune literal or unescaped '\n"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        check_literal_error(cases[i].lit, cases[i].err);
}

static void test_unterminated_literals(void **state) {
    (void)state;
    check_errors("package p\n\nvar a = 'ab", "x.go:3:9: rune literal not terminated\n");
    check_errors("package p\n\nvar a = '\\", "x.go:3:9: rune literal not terminated\n");
    check_errors("package p\n\nvar a = '\n", "x.go:3:10: newline in rune literal\n");
    check_errors("package p\n\nvar a = \"abc", "x.go:3:9: string not terminated\n");
    check_errors("package p\n\nvar a = \"abc\\", "x.go:3:9: string not terminated\n");
    check_errors("package p\n\nvar a = \"abc\nvar b", "x.go:3:13: newline in string\n");
    check_errors("package p\n\nvar a = `abc\n\ndef", "x.go:3:9: string not terminated\n");
    check_errors("package p\n\nvar a = 1 /* abc\n\ndef", "x.go:3:11: comment not terminated\n");
    /* a backslash before the newline: both errors, as gc */
    check_errors("package p\n\n\tvar x = \"\\x\n\tvar q = 1\n",
                 "x.go:3:13: invalid character '\\n' in hexadecimal escape\n"
                 "x.go:3:13: newline in string\n");
    Run r;
    lex(&r, "\"abc\nx", 0);
    assert_true(r.first.bad);
    assert_string_equal(r.toks, "\"abc ;nl x ;eof");
}

/* ---- Characters the lexer refuses ---------------------------------------- */

static void test_invalid_characters(void **state) {
    (void)state;
    check_errors("package p\n\nvar a = 1 @ 2\nvar b = # 3\nvar c = $\nvar d = ?\nvar e = \\\n",
                 "x.go:3:11: invalid character U+0040 '@'\n"
                 "x.go:4:9: invalid character U+0023 '#'\n"
                 "x.go:5:9: invalid character U+0024 '$'\n"
                 "x.go:6:9: invalid character U+003F '?'\n"
                 "x.go:7:9: invalid character U+005C '\\'\n");
    check_errors("var f = \x01\nvar g = \x7f\n\tvar h = \t@\n",
                 "x.go:1:9: invalid character U+0001\n"
                 "x.go:2:9: invalid character U+007F\n"
                 "x.go:3:11: invalid character U+0040 '@'\n");
    /* the character is skipped */
    Run r;
    lex(&r, "a @ b", 0);
    assert_string_equal(r.toks, "a b ;eof");
}

static void test_nul_characters(void **state) {
    (void)state;
    static const char src[] = "package p\n\nvar x = 1\0 + 2\nvar s = \"a\0b\"\n// c\0\nvar y\0z = 3\n";
    Run r;
    lex_n(&r, src, sizeof src - 1, 0);
    assert_string_equal(r.errs, "x.go:3:10: invalid NUL character\n"
                                "x.go:4:11: invalid NUL character\n"
                                "x.go:5:5: invalid NUL character\n"
                                "x.go:6:6: invalid NUL character\n");
}

static void test_invalid_utf8(void **state) {
    (void)state;
    check_errors("package p\n\nvar s = \"a\xff" "b\"\n// \xfe comment\nvar t = \xc3\x28 1\n"
                 "var u = \"\xed\xa0\x80\"\n",
                 "x.go:3:11: invalid UTF-8 encoding\n"
                 "x.go:4:4: invalid UTF-8 encoding\n"
                 "x.go:5:9: invalid UTF-8 encoding\n"
                 "x.go:6:10: invalid UTF-8 encoding\n");
}

static void test_byte_order_marks(void **state) {
    (void)state;
    Run r;
    lex(&r, "\xef\xbb\xbfpackage p\n", WITH_POS);
    assert_string_equal(r.errs, "");
    assert_string_equal(r.toks, "package@1:4 p@1:12 ;nl@1:13");
    check_errors("\xef\xbb\xbfpackage p\n\nvar x = 1 \xef\xbb\xbf+ 2\nvar s = \"\xef\xbb\xbf\"\n",
                 "x.go:3:11: invalid BOM in the middle of the file\n"
                 "x.go:4:10: invalid BOM in the middle of the file\n");
    check_errors("\xef\xbb\xbf\xef\xbb\xbfpackage p\n",
                 "x.go:1:4: invalid BOM in the middle of the file\n");
}

/* ---- Positions and semicolons ---------------------------------------------- */

static void test_positions(void **state) {
    (void)state;
    check_tokens("\tx := \"\u00e9\" + y\n\t\t\tz",
                 "x@1:2 :=@1:4 \"\u00e9\"@1:7 +@1:12 y@1:14 ;nl@1:15 z@2:4 ;eof@2:5", WITH_POS);
    check_tokens("a\r\nb", "a@1:1 ;nl@1:3 b@2:1 ;eof@2:2", WITH_POS);
    check_errors("package p\n\n\t\tvar x = 0b12\n\t\t\t var y = \"\\z\"\n",
                 "x.go:3:14: invalid digit '2' in binary literal\n"
                 "x.go:4:15: unknown escape\n");
}

static void test_semicolon_after_tokens(void **state) {
    (void)state;
    /* tokens that end a statement */
    check_tokens("x\n1\n1.5\n2i\n'a'\n\"s\"\n`r`\nbreak\ncontinue\nfallthrough\nreturn\n"
                 "i++\ni--\n)\n]\n}\n",
                 "x ;nl 1 ;nl 1.5 ;nl 2i ;nl 'a' ;nl \"s\" ;nl `r` ;nl break ;nl continue ;nl "
                 "fallthrough ;nl return ;nl i ++ ;nl i -- ;nl ) ;nl ] ;nl } ;nl", 0);
    /* and some that do not */
    check_tokens("a +\nb,\nc(\nd{\nif\nfunc\n:=\n=\n.\n", "a + b , c ( d { if func := = .", 0);
    check_tokens("a; b;", "a ; b ;", 0);
}

static void test_semicolon_at_eof(void **state) {
    (void)state;
    check_tokens("x", "x@1:1 ;eof@1:2", WITH_POS);
    check_tokens("x // c", "x@1:1 ;eof@1:7", WITH_POS);
    check_tokens("f()", "f@1:1 (@1:2 )@1:3 ;eof@1:4", WITH_POS);
    check_tokens("x +", "x +", 0);
    check_tokens("", "", 0);
}

static void test_semicolon_and_comments(void **state) {
    (void)state;
    /* a line comment does not hide the newline after it */
    check_tokens("x // c\ny", "x@1:1 ;nl@1:7 y@2:1 ;eof@2:2", WITH_POS);
    /* a general comment spanning lines is a newline, at the comment */
    check_tokens("x /* a\nb */ y", "x@1:1 ;nl@1:3 y@2:6 ;eof@2:7", WITH_POS);
    /* on one line it is white space */
    check_tokens("x /* a */ y\nz", "x@1:1 y@1:11 ;nl@1:12 z@2:1 ;eof@2:2", WITH_POS);
    check_tokens("x /* a */\ny", "x@1:1 ;nl@1:10 y@2:1 ;eof@2:2", WITH_POS);
    /* without a pending semicolon, comments and newlines are skipped */
    check_tokens("+ /* a\nb */ y", "+@1:1 y@2:6 ;eof@2:7", WITH_POS);
    check_tokens("(\n\n// c\n)", "(@1:1 )@4:1 ;eof@4:2", WITH_POS);
}

/* ---- Directives ------------------------------------------------------------- */

static unsigned pragmas_of(const char *src, const char *errs) {
    Run r;
    lex(&r, src, 0);
    assert_string_equal(r.errs, errs);
    return r.pragmas;
}

static void test_pragmas(void **state) {
    (void)state;
    assert_int_equal(pragmas_of("//go:noinline\nfunc f()", ""), PRAGMA_NOINLINE);
    assert_int_equal(pragmas_of("//go:noescape\nfunc f()", ""), PRAGMA_NOESCAPE);
    assert_int_equal(pragmas_of("//go:nosplit\nfunc f()", ""), PRAGMA_NOSPLIT);
    assert_int_equal(pragmas_of("//go:linkname f runtime.f\nfunc f()", ""), PRAGMA_LINKNAME);
    assert_int_equal(pragmas_of("//go:build linux\npackage p", ""), PRAGMA_OTHER);
    assert_int_equal(pragmas_of("//go:norace\nfunc f()", ""), PRAGMA_OTHER);
    assert_int_equal(pragmas_of("//go:noinlinex\nfunc f()", ""), PRAGMA_OTHER);
    assert_int_equal(pragmas_of("//go:noinline with words\nfunc f()", ""), PRAGMA_NOINLINE);
    assert_int_equal(pragmas_of("//go:noinline\r\nfunc f()", ""), PRAGMA_NOINLINE);
    assert_int_equal(pragmas_of("//go:cgo_import_dynamic x\nfunc f()", ""), PRAGMA_CGO);
    assert_int_equal(pragmas_of("//export f\nfunc f()", ""), PRAGMA_CGO);
    assert_int_equal(pragmas_of("//go:noinline\n//go:noescape\n\nfunc f()", ""),
                     PRAGMA_NOINLINE | PRAGMA_NOESCAPE);
    /* gc accepts a directive with only white space before it on its line */
    assert_int_equal(pragmas_of("\t//go:noinline\nfunc f()", ""), PRAGMA_NOINLINE);
    /* not directives */
    assert_int_equal(pragmas_of("// go:noinline\nfunc f()", ""), 0);
    assert_int_equal(pragmas_of("/*go:noinline*/\nfunc f()", ""), 0);
    assert_int_equal(pragmas_of("//exported\nfunc f()", ""), 0);
    assert_int_equal(pragmas_of("//line x.go:10\nfunc f()", ""), 0);
}

static void test_misplaced_directives(void **state) {
    (void)state;
    check_errors("package p\n\nvar x = 1 //go:noinline\n/* c */ //go:noescape\n\t//go:nosplit\nfunc f() {}\n",
                 "x.go:3:13: misplaced compiler directive\n"
                 "x.go:4:11: misplaced compiler directive\n");
}

static void test_take_pragmas_clears(void **state) {
    (void)state;
    Mem mem;
    Diag diag;
    mem_init(&mem, false);
    diag_init(&diag, mem_perm(&mem), stderr);
    const char *src = "//go:noinline\nfunc f() {}\n//go:nosplit\nfunc g() {}\n";
    SourceFile *f = diag_add_source(&diag, "x.go", src, strlen(src));
    Lexer lx;
    lexer_init(&lx, f, &diag, mem_ast(&mem), &mem.names);
    lexer_next(&lx);
    assert_int_equal(lx.tok.kind, TOK_FUNC);
    assert_int_equal(lexer_take_pragmas(&lx), PRAGMA_NOINLINE);
    assert_int_equal(lexer_take_pragmas(&lx), 0);
    while (lx.tok.kind != TOK_FUNC || pos_line(lx.tok.pos) != 4)
        lexer_next(&lx);
    assert_int_equal(lexer_take_pragmas(&lx), PRAGMA_NOSPLIT);
    diag_free(&diag);
    mem_free(&mem);
}

/* Lexes src up to its first token and describes the directives gathered
 * before it as "place@line:col" items (place: func, type, package, embed). */
static void directives_of(const char *src, char *out, size_t n) {
    Mem mem;
    Diag diag;
    mem_init(&mem, false);
    diag_init(&diag, mem_perm(&mem), stderr);
    SourceFile *f = diag_add_source(&diag, "x.go", src, strlen(src));
    Lexer lx;
    lexer_init(&lx, f, &diag, mem_ast(&mem), &mem.names);
    lexer_next(&lx);
    const Directive *list;
    uint32_t count;
    lexer_take_directives(&lx, &list, &count);
    out[0] = 0;
    for (uint32_t i = 0; i < count; i++) {
        const char *place = list[i].place == DIRECTIVE_FUNC      ? "func"
                            : list[i].place == DIRECTIVE_TYPE    ? "type"
                            : list[i].place == DIRECTIVE_PACKAGE ? "package"
                            : list[i].place == DIRECTIVE_EMBED   ? "embed"
                                                                 : "?";
        size_t used = strlen(out);
        snprintf(out + used, n - used, "%s%s@%u:%u", used ? " " : "", place,
                 pos_line(list[i].pos), pos_col(list[i].pos));
    }
    /* taking them clears them */
    lexer_take_directives(&lx, &list, &count);
    assert_int_equal(count, 0);
    assert_int_equal(diag.nerrors, 0);
    diag_free(&diag);
    mem_free(&mem);
}

static void check_directives(const char *src, const char *want) {
    char got[512];
    directives_of(src, got, sizeof got);
    if (strcmp(got, want) != 0)
        fail_msg("source:\n%s\nwant directives: %s\ngot: %s", src, want, got);
}

static void test_directive_places(void **state) {
    (void)state;
    /* in order, each at its "go:", with the place gc's noder gives it */
    check_directives("//go:build linux\n\t//go:noinline\n//go:notinheap\n//go:embed a b\nx",
                     "package@1:3 func@2:4 type@3:3 embed@4:3");
    check_directives("//go:nosplit\n//go:norace\n//go:nocheckptr\n//go:systemstack\n"
                     "//go:nowritebarrier\n//go:nowritebarrierrec\n//go:yeswritebarrierrec\n"
                     "//go:cgo_unsafe_args\n//go:uintptrkeepalive\n//go:uintptrescapes\n"
                     "//go:registerparams\n//go:noescape\nx",
                     "func@1:3 func@2:3 func@3:3 func@4:3 func@5:3 func@6:3 func@7:3 "
                     "func@8:3 func@9:3 func@10:3 func@11:3 func@12:3");
    check_directives("//go:noinline with words\r\nx", "func@1:3");
    /* directives gc does not place: never misplaced */
    check_directives("//go:linkname f runtime.f\n//go:generate echo\n//go:nointerface\n"
                     "//go:cgo_import_dynamic a b \"c\"\n//go:noinlinex\n//go:noinline\tx\n"
                     "//go:embed\n//go:embedx y\n//go:linkname\n//export f\nx",
                     "");
    /* not directives at all */
    check_directives("// go:noinline\n/*go:noinline*/\n//line x.go:1\nx", "");
    /* many: the list grows */
    char src[2048] = "";
    for (int i = 0; i < 40; i++)
        strcat(src, "//go:noinline\n");
    strcat(src, "x");
    char got[1024];
    directives_of(src, got, sizeof got);
    assert_non_null(strstr(got, "func@40:3"));
    assert_null(strstr(got, "func@41:3"));
}

/* ---- Literal values ----------------------------------------------------------- */

/* Asserts that the string literal lit decodes to want[0:want_len]. */
static void check_unquote_string(const char *lit, const char *want, uint32_t want_len) {
    Arena a;
    arena_init(&a, "test", 4096);
    char *out;
    uint32_t n;
    assert_true(lexer_unquote_string(&a, lit, (uint32_t)strlen(lit), &out, &n));
    assert_int_equal(n, want_len);
    assert_memory_equal(out, want, want_len);
    assert_int_equal(out[n], 0);
    arena_free(&a);
}

static void test_unquote_string(void **state) {
    (void)state;
    check_unquote_string("\"\"", "", 0);
    check_unquote_string("\"abc\"", "abc", 3);
    check_unquote_string("\"\\a\\b\\f\\n\\r\\t\\v\\\\\\\"\"", "\a\b\f\n\r\t\v\\\"", 9);
    check_unquote_string("\"\\101\\x41\\u00e9\\U0001F600\"", "AA\xc3\xa9\xf0\x9f\x98\x80", 8);
    check_unquote_string("\"\\377\\xff\"", "\xff\xff", 2);   /* bytes, not runes */
    check_unquote_string("\"\\000\"", "\0", 1);
    check_unquote_string("\"h\u00e9llo\"", "h\xc3\xa9llo", 6);
    check_unquote_string("`a\\n\r\nb\r`", "a\\n\nb", 5);      /* raw: CRs dropped */
    check_unquote_string("``", "", 0);

    Arena a;
    arena_init(&a, "test", 4096);
    char *out;
    uint32_t n;
    const char *bad[] = {"\"\\q\"", "\"\\400\"", "\"\\x4\"", "\"\\uD800\"", "\"\\U00110000\"",
                         "\"abc", "`abc", "\"a\nb\"", "\"\\'\"", "x"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
        assert_false(lexer_unquote_string(&a, bad[i], (uint32_t)strlen(bad[i]), &out, &n));
    arena_free(&a);
}

static void test_unquote_rune(void **state) {
    (void)state;
    static const struct { const char *lit; int32_t value; } good[] = {
        {"'a'", 'a'}, {"'\u00e9'", 0xE9}, {"'\U0001F600'", 0x1F600}, {"'\\a'", 7},
        {"'\\b'", 8}, {"'\\f'", 12}, {"'\\n'", 10}, {"'\\r'", 13}, {"'\\t'", 9},
        {"'\\v'", 11}, {"'\\\\'", '\\'}, {"'\\''", '\''}, {"'\"'", '"'}, {"'\\x41'", 'A'},
        {"'\\101'", 'A'}, {"'\\377'", 255}, {"'\\xff'", 255}, {"'\\u00e9'", 0xE9},
        {"'\\U0010FFFF'", 0x10FFFF}, {"'\\000'", 0},
    };
    for (size_t i = 0; i < sizeof good / sizeof good[0]; i++) {
        int32_t v = -1;
        assert_true(lexer_unquote_rune(good[i].lit, (uint32_t)strlen(good[i].lit), &v));
        assert_int_equal(v, good[i].value);
    }
    const char *bad[] = {"''", "'ab'", "'\\z'", "'\\400'", "'\\uD800'", "'\\\"'", "'a",
                         "'\\x4'", "'\xff'", "'\\U00110000'"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        int32_t v;
        assert_false(lexer_unquote_rune(bad[i], (uint32_t)strlen(bad[i]), &v));
    }
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_operator),
        cmocka_unit_test(test_operators_longest_match),
        cmocka_unit_test(test_every_keyword),
        cmocka_unit_test(test_names_not_keywords),
        cmocka_unit_test(test_names_are_interned),
        cmocka_unit_test(test_token_names),
        cmocka_unit_test(test_unicode_identifiers),
        cmocka_unit_test(test_bad_identifiers),
        cmocka_unit_test(test_int_literals),
        cmocka_unit_test(test_float_literals),
        cmocka_unit_test(test_imaginary_literals),
        cmocka_unit_test(test_rune_literals),
        cmocka_unit_test(test_string_literals),
        cmocka_unit_test(test_raw_string_lines),
        cmocka_unit_test(test_number_errors),
        cmocka_unit_test(test_escape_errors),
        cmocka_unit_test(test_unterminated_literals),
        cmocka_unit_test(test_invalid_characters),
        cmocka_unit_test(test_nul_characters),
        cmocka_unit_test(test_invalid_utf8),
        cmocka_unit_test(test_byte_order_marks),
        cmocka_unit_test(test_positions),
        cmocka_unit_test(test_semicolon_after_tokens),
        cmocka_unit_test(test_semicolon_at_eof),
        cmocka_unit_test(test_semicolon_and_comments),
        cmocka_unit_test(test_pragmas),
        cmocka_unit_test(test_misplaced_directives),
        cmocka_unit_test(test_take_pragmas_clears),
        cmocka_unit_test(test_directive_places),
        cmocka_unit_test(test_unquote_string),
        cmocka_unit_test(test_unquote_rune),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
