/* runes.c — UTF-8 decoding and encoding, Unicode character classes and
 * the rune formats of gc's error messages. */
#include "lexer/runes.h"

#include <stdio.h>

typedef struct UnicodeRange {
    uint32_t lo, hi;
} UnicodeRange;

#include "lexer/unicode_tables.inc"

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

/* Reports whether r lies in one of the n sorted ranges of t. */
static bool in_ranges(const UnicodeRange *t, size_t n, int32_t r) {
    size_t lo = 0, hi = n;
    uint32_t u = (uint32_t)r;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (u < t[mid].lo)
            hi = mid;
        else if (u > t[mid].hi)
            lo = mid + 1;
        else
            return true;
    }
    return false;
}

/* Reports whether r is a letter (categories Lu, Ll, Lt, Lm, Lo). */
bool rune_is_letter(int32_t r) {
    if (r < RUNE_SELF)
        return (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z');
    return in_ranges(LETTER_RANGES, NELEM(LETTER_RANGES), r);
}

/* Reports whether r is a decimal digit (category Nd). */
bool rune_is_digit(int32_t r) {
    if (r < RUNE_SELF)
        return r >= '0' && r <= '9';
    return in_ranges(DIGIT_RANGES, NELEM(DIGIT_RANGES), r);
}

/* Reports whether Go prints r as itself (letters, marks, numbers,
 * punctuation, symbols and the ASCII space). */
bool rune_is_print(int32_t r) {
    if (r < RUNE_SELF)
        return r >= 0x20 && r < 0x7F;
    return in_ranges(PRINT_RANGES, NELEM(PRINT_RANGES), r);
}

/* Decodes one rune: the well-formed sequences of RFC 3629 (no overlong
 * forms, no surrogates, nothing above U+10FFFF), as unicode/utf8 does. */
int32_t utf8_decode(const unsigned char *s, size_t n, int *width) {
    unsigned c = s[0];
    *width = 1;
    if (c < 0x80)
        return (int32_t)c;
    int len;
    unsigned lo = 0x80, hi = 0xBF;   /* accepted range of the second byte */
    int32_t r;
    if (c >= 0xC2 && c <= 0xDF) {
        len = 2, r = c & 0x1F;
    } else if (c >= 0xE0 && c <= 0xEF) {
        len = 3, r = c & 0x0F;
        if (c == 0xE0) lo = 0xA0;
        if (c == 0xED) hi = 0x9F;
    } else if (c >= 0xF0 && c <= 0xF4) {
        len = 4, r = c & 0x07;
        if (c == 0xF0) lo = 0x90;
        if (c == 0xF4) hi = 0x8F;
    } else {
        return RUNE_ERROR;
    }
    if (n < (size_t)len || s[1] < lo || s[1] > hi)
        return RUNE_ERROR;
    r = (r << 6) | (s[1] & 0x3F);
    for (int i = 2; i < len; i++) {
        if ((s[i] & 0xC0) != 0x80)
            return RUNE_ERROR;
        r = (r << 6) | (s[i] & 0x3F);
    }
    *width = len;
    return r;
}

/* Encodes r in UTF-8 into buf; returns the byte count. */
int utf8_encode(char *buf, int32_t r) {
    unsigned char *b = (unsigned char *)buf;
    if (r < 0 || r > RUNE_MAX || (r >= 0xD800 && r < 0xE000))
        r = RUNE_ERROR;
    if (r < 0x80) {
        b[0] = (unsigned char)r;
        return 1;
    }
    if (r < 0x800) {
        b[0] = (unsigned char)(0xC0 | (r >> 6));
        b[1] = (unsigned char)(0x80 | (r & 0x3F));
        return 2;
    }
    if (r < 0x10000) {
        b[0] = (unsigned char)(0xE0 | (r >> 12));
        b[1] = (unsigned char)(0x80 | ((r >> 6) & 0x3F));
        b[2] = (unsigned char)(0x80 | (r & 0x3F));
        return 3;
    }
    b[0] = (unsigned char)(0xF0 | (r >> 18));
    b[1] = (unsigned char)(0x80 | ((r >> 12) & 0x3F));
    b[2] = (unsigned char)(0x80 | ((r >> 6) & 0x3F));
    b[3] = (unsigned char)(0x80 | (r & 0x3F));
    return 4;
}

/* Go's %#U: U+ and at least four hex digits, then the character in
 * quotes if it is printable. */
void rune_format_unicode(char *buf, size_t n, int64_t r) {
    int k = snprintf(buf, n, "U+%04llX", (unsigned long long)r);
    if (r >= 0 && r <= RUNE_MAX && rune_is_print((int32_t)r) && k > 0 && (size_t)k < n) {
        char enc[UTF8_MAX + 1];
        enc[utf8_encode(enc, (int32_t)r)] = 0;
        snprintf(buf + k, n - (size_t)k, " '%s'", enc);
    }
}

/* Go's %q of a rune (strconv.QuoteRune). */
void rune_format_quoted(char *buf, size_t n, int32_t r) {
    char body[16];
    if (r < 0 || r > RUNE_MAX || (r >= 0xD800 && r < 0xE000))
        r = RUNE_ERROR;
    if (r == '\'' || r == '\\') {
        snprintf(body, sizeof body, "\\%c", (char)r);
    } else if (rune_is_print(r)) {
        body[utf8_encode(body, r)] = 0;
    } else {
        switch (r) {
        case '\a': snprintf(body, sizeof body, "\\a"); break;
        case '\b': snprintf(body, sizeof body, "\\b"); break;
        case '\f': snprintf(body, sizeof body, "\\f"); break;
        case '\n': snprintf(body, sizeof body, "\\n"); break;
        case '\r': snprintf(body, sizeof body, "\\r"); break;
        case '\t': snprintf(body, sizeof body, "\\t"); break;
        case '\v': snprintf(body, sizeof body, "\\v"); break;
        default:
            if (r < ' ' || r == 0x7F)
                snprintf(body, sizeof body, "\\x%02x", (unsigned)r);
            else if (r < 0x10000)
                snprintf(body, sizeof body, "\\u%04x", (unsigned)r);
            else
                snprintf(body, sizeof body, "\\U%08x", (unsigned)r);
        }
    }
    snprintf(buf, n, "'%s'", body);
}
