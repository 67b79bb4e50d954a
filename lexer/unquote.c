/* unquote.c — the values of rune and string literals, for the type
 * checker.  The scanner has already reported malformed literals; these
 * functions only refuse them. */
#include <string.h>

#include "lexer/lexer.h"
#include "lexer/runes.h"

/* Decodes the escape sequence at s (just after the backslash, before end)
 * of a literal closed by quote.  Stores the value in *val and whether it
 * is a single byte (octal and \x escapes) in *is_byte; returns the number
 * of characters read, or -1 if the escape is malformed. */
static int decode_escape(const char *s, const char *end, char quote, uint32_t *val, bool *is_byte) {
    static const char SIMPLE[] = "a\ab\bf\fn\nr\rt\tv\v\\\\";
    int n;
    uint32_t base, max;
    *is_byte = false;
    if (s >= end)
        return -1;
    char c = *s;
    if (c == quote) {
        *val = (unsigned char)c;
        return 1;
    }
    for (const char *e = SIMPLE; *e; e += 2) {
        if (c == e[0]) {
            *val = (unsigned char)e[1];
            return 1;
        }
    }
    int read = 1;
    switch (c) {
    case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7':
        n = 3, base = 8, max = 255, read = 0, *is_byte = true;
        break;
    case 'x': n = 2, base = 16, max = 255, *is_byte = true; break;
    case 'u': n = 4, base = 16, max = RUNE_MAX; break;
    case 'U': n = 8, base = 16, max = RUNE_MAX; break;
    default: return -1;
    }
    uint32_t x = 0;
    for (int i = 0; i < n; i++, read++) {
        if (s + read >= end)
            return -1;
        char d = s[read];
        uint32_t v = base;
        if (d >= '0' && d <= '9')
            v = (uint32_t)(d - '0');
        else if ((d | 0x20) >= 'a' && (d | 0x20) <= 'f')
            v = (uint32_t)((d | 0x20) - 'a' + 10);
        if (v >= base)
            return -1;
        x = x * base + v;
    }
    if (x > max || (!*is_byte && x >= 0xD800 && x < 0xE000))
        return -1;
    *val = x;
    return read;
}

/* Decodes an interpreted or raw string literal into bytes in a. */
bool lexer_unquote_string(Arena *a, const char *lit, uint32_t len, char **out, uint32_t *out_len) {
    /* escapes never expand, so the value fits in len bytes */
    char *buf = arena_alloc(a, (size_t)len + 1, 1);
    uint32_t n = 0;
    bool ok = len >= 2 && lit[len - 1] == lit[0] && (lit[0] == '"' || lit[0] == '`');
    if (ok && lit[0] == '`') {
        for (uint32_t i = 1; i + 1 < len; i++)
            if (lit[i] != '\r')
                buf[n++] = lit[i];
    } else if (ok) {
        const char *s = lit + 1, *end = lit + len - 1;
        while (s < end) {
            if (*s == '\n' || *s == '"') {
                ok = false;
                break;
            }
            if (*s != '\\') {
                buf[n++] = *s++;
                continue;
            }
            uint32_t v;
            bool is_byte;
            int k = decode_escape(s + 1, end, '"', &v, &is_byte);
            if (k < 0) {
                ok = false;
                break;
            }
            s += 1 + k;
            if (is_byte)
                buf[n++] = (char)v;
            else
                n += (uint32_t)utf8_encode(buf + n, (int32_t)v);
        }
    }
    buf[n] = 0;
    *out = buf;
    *out_len = n;
    return ok;
}

/* Decodes a rune literal: one character or one escape between quotes. */
bool lexer_unquote_rune(const char *lit, uint32_t len, int32_t *out) {
    *out = 0;
    if (len < 3 || lit[0] != '\'' || lit[len - 1] != '\'')
        return false;
    const char *s = lit + 1, *end = lit + len - 1;
    int k;
    if (*s == '\\') {
        uint32_t v;
        bool is_byte;
        k = decode_escape(s + 1, end, '\'', &v, &is_byte);
        if (k < 0)
            return false;
        k++;
        *out = (int32_t)v;
    } else {
        if (*s == '\'' || *s == '\n')
            return false;
        int32_t r = utf8_decode((const unsigned char *)s, (size_t)(end - s), &k);
        if (r == RUNE_ERROR && k == 1)
            return false;
        *out = r;
    }
    return s + k == end;
}
