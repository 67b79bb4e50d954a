/*
 * fmt_format.c: one operand under its flags, width and precision, as Go's
 * fmt/format.go writes it: padding (counted in runes), integers in any
 * base with sign and prefix, runes, strings (truncated to the precision),
 * hex dumps, quoted strings, and floats around strconv's conversion.
 */
#include <string.h>

#include "runtime/fmt.h"

static const char LOWER_DIGITS[] = "0123456789abcdefx";
static const char UPPER_DIGITS[] = "0123456789ABCDEFX";

void fmt_clear_flags(FmtState *f) {
    FmtBuf *buf = f->buf;
    memset(f, 0, sizeof *f);
    f->buf = buf;
}

void fmt_padding(FmtState *f, int64_t n) {
    uint8_t c = f->zero ? '0' : ' ';
    for (int64_t i = 0; i < n; i++)
        fmtbuf_byte(f->buf, c);
}

void fmt_pad(FmtState *f, const uint8_t *s, int64_t n) {
    if (!f->wid_present || f->wid == 0) {
        fmtbuf_write(f->buf, s, n);
        return;
    }
    int64_t width = f->wid - fmt_rune_count(s, n);
    if (!f->minus) {
        fmt_padding(f, width);
        fmtbuf_write(f->buf, s, n);
    } else {
        fmtbuf_write(f->buf, s, n);
        fmt_padding(f, width);
    }
}

void fmt_pad_cstr(FmtState *f, const char *s) {
    fmt_pad(f, (const uint8_t *)s, (int64_t)strlen(s));
}

void fmt_boolean(FmtState *f, bool v) {
    fmt_pad_cstr(f, v ? "true" : "false");
}

/* Pads s[0:n] with the zero flag ignored (numbers zero-pad through their
 * precision instead). */
static void pad_no_zero(FmtState *f, const uint8_t *s, int64_t n) {
    bool zero = f->zero;
    f->zero = false;
    fmt_pad(f, s, n);
    f->zero = zero;
}

/* %U: U+0041, with ' 'A'' after it under #. */
void fmt_unicode(FmtState *f, uint64_t u) {
    uint8_t tmp[96];
    int64_t prec = f->prec_present && f->prec > 4 ? f->prec : 4;
    if (prec > 64)
        prec = 64;
    int i = (int)sizeof tmp;
    if (f->sharp && u <= 0x10FFFF && strconv_is_print((int32_t)u)) {
        uint8_t enc[4];
        int n = (int)mgc_encoderune(enc, (int32_t)u);
        tmp[--i] = '\'';
        i -= n;
        memcpy(tmp + i, enc, (size_t)n);
        tmp[--i] = '\'';
        tmp[--i] = ' ';
    }
    do {
        tmp[--i] = (uint8_t)UPPER_DIGITS[u & 0xF];
        prec--;
        u >>= 4;
    } while (u > 0);
    for (; prec > 0; prec--)
        tmp[--i] = '0';
    tmp[--i] = '+';
    tmp[--i] = 'U';
    pad_no_zero(f, tmp + i, (int64_t)sizeof tmp - i);
}

void fmt_integer(FmtState *f, uint64_t u, int base, bool is_signed, int32_t verb,
                 bool upper) {
    const char *digits = upper ? UPPER_DIGITS : LOWER_DIGITS;
    bool negative = is_signed && (int64_t)u < 0;
    if (negative)
        u = -u;
    int64_t prec = 0;
    if (f->prec_present) {
        prec = f->prec;
        if (prec == 0 && u == 0) {
            bool zero = f->zero;
            f->zero = false;
            fmt_padding(f, f->wid);
            f->zero = zero;
            return;
        }
    } else if (f->zero && f->wid_present) {
        prec = f->wid;
        if (negative || f->plus || f->space)
            prec--;    /* room for the sign */
    }
    /* 64 binary digits, the precision's zeros, a prefix and a sign */
    int64_t size = 72 + (prec > 0 ? prec : 0);
    uint8_t small[128];
    uint8_t *tmp = size <= (int64_t)sizeof small ? small
                                                 : mgc_alloc((uint64_t)size, NULL, MGC_ALLOC_NOSCAN);
    int64_t i = size;
    unsigned shift = base == 16 ? 4 : base == 8 ? 3 : 1;
    if (base == 10) {
        do {
            tmp[--i] = (uint8_t)('0' + u % 10);
            u /= 10;
        } while (u > 0);
    } else {
        do {
            tmp[--i] = (uint8_t)digits[u & (uint64_t)(base - 1)];
            u >>= shift;
        } while (u > 0);
    }
    while (i > 0 && prec > size - i)
        tmp[--i] = '0';
    if (f->sharp) {
        if (base == 2) {
            tmp[--i] = 'b';
            tmp[--i] = '0';
        } else if (base == 8 && tmp[i] != '0') {
            tmp[--i] = '0';
        } else if (base == 16) {
            tmp[--i] = (uint8_t)digits[16];
            tmp[--i] = '0';
        }
    }
    if (verb == 'O') {
        tmp[--i] = 'o';
        tmp[--i] = '0';
    }
    if (negative)
        tmp[--i] = '-';
    else if (f->plus)
        tmp[--i] = '+';
    else if (f->space)
        tmp[--i] = ' ';
    pad_no_zero(f, tmp + i, size - i);
}

/* The rune of an integer operand: values beyond Unicode become U+FFFD. */
static int32_t rune_of(uint64_t c) {
    return c > 0x10FFFF ? 0xFFFD : (int32_t)c;
}

void fmt_c(FmtState *f, uint64_t c) {
    uint8_t enc[4];
    int64_t n = mgc_encoderune(enc, rune_of(c));
    fmt_pad(f, enc, n);
}

void fmt_qc(FmtState *f, uint64_t c) {
    uint8_t small[32];
    FmtBuf b;
    fmtbuf_init(&b, small, sizeof small);
    strconv_append_quote_rune(&b, rune_of(c), f->plus);
    fmt_pad(f, b.p, b.len);
}

/* The length of s cut to the precision, counted in runes. */
static int64_t truncated_len(const FmtState *f, const uint8_t *s, int64_t n) {
    if (!f->prec_present)
        return n;
    int64_t left = f->prec;
    for (int64_t i = 0; i < n;) {
        if (left-- == 0)
            return i;
        int w = 1;
        if (s[i] >= 0x80)
            fmt_decode_rune(s + i, n - i, &w);
        i += w;
    }
    return n;
}

void fmt_s(FmtState *f, const uint8_t *s, int64_t n) {
    fmt_pad(f, s, truncated_len(f, s, n));
}

/* %x/%X of a string or byte slice: two hex digits a byte, "0x" before
 * each byte under "# " or once under #, spaces between under space. */
void fmt_sbx(FmtState *f, const uint8_t *s, int64_t n, bool upper) {
    const char *digits = upper ? UPPER_DIGITS : LOWER_DIGITS;
    int64_t length = n;
    if (f->prec_present && f->prec < length)
        length = f->prec;
    int64_t width = 2 * length;
    if (width <= 0) {
        if (f->wid_present)
            fmt_padding(f, f->wid);
        return;
    }
    if (f->space) {
        if (f->sharp)
            width *= 2;
        width += length - 1;
    } else if (f->sharp) {
        width += 2;
    }
    if (f->wid_present && f->wid > width && !f->minus)
        fmt_padding(f, f->wid - width);
    if (f->sharp) {
        fmtbuf_byte(f->buf, '0');
        fmtbuf_byte(f->buf, (uint8_t)digits[16]);
    }
    for (int64_t i = 0; i < length; i++) {
        if (f->space && i > 0) {
            fmtbuf_byte(f->buf, ' ');
            if (f->sharp) {
                fmtbuf_byte(f->buf, '0');
                fmtbuf_byte(f->buf, (uint8_t)digits[16]);
            }
        }
        fmtbuf_byte(f->buf, (uint8_t)digits[s[i] >> 4]);
        fmtbuf_byte(f->buf, (uint8_t)digits[s[i] & 0xF]);
    }
    if (f->wid_present && f->wid > width && f->minus)
        fmt_padding(f, f->wid - width);
}

void fmt_q(FmtState *f, const uint8_t *s, int64_t n) {
    n = truncated_len(f, s, n);
    uint8_t small[128];
    FmtBuf b;
    fmtbuf_init(&b, small, sizeof small);
    if (f->sharp && strconv_can_backquote(s, n)) {
        fmtbuf_byte(&b, '`');
        fmtbuf_write(&b, s, n);
        fmtbuf_byte(&b, '`');
    } else {
        strconv_append_quote(&b, s, n, f->plus);
    }
    fmt_pad(f, b.p, b.len);
}

/* Under #, restores the point and trailing zeros %g drops; digits counts
 * the significant digits still owed. */
static void sharp_float(FmtBuf *num, int32_t verb, int64_t prec) {
    int64_t digits = 0;
    if (verb == 'v' || verb == 'g' || verb == 'G' || verb == 'x' || verb == 'X')
        digits = prec == -1 ? 6 : prec;
    uint8_t tail[8];
    int64_t ntail = 0;
    bool has_point = false, seen_nonzero = false;
    for (int64_t i = 1; i < num->len; i++) {
        uint8_t c = num->p[i];
        if (c == '.') {
            has_point = true;
        } else if (c == 'p' || c == 'P' ||
                   ((c == 'e' || c == 'E') && verb != 'x' && verb != 'X')) {
            ntail = num->len - i;
            memcpy(tail, num->p + i, (size_t)ntail);
            num->len = i;
            break;
        } else {
            if (c != '0')
                seen_nonzero = true;
            if (seen_nonzero)
                digits--;
        }
    }
    if (!has_point) {
        if (num->len == 2 && num->p[1] == '0')
            digits--;
        fmtbuf_byte(num, '.');
    }
    for (; digits > 0; digits--)
        fmtbuf_byte(num, '0');
    fmtbuf_write(num, tail, ntail);
}

void fmt_float(FmtState *f, double v, int size, int32_t verb, int64_t prec) {
    if (f->prec_present)
        prec = f->prec;
    uint8_t small[64];
    FmtBuf num;
    fmtbuf_init(&num, small, sizeof small);
    fmtbuf_byte(&num, '+');     /* room for a sign */
    strconv_append_float(&num, v, (char)verb, prec, size);
    uint8_t *p = num.p;
    int64_t n = num.len;
    if (p[1] == '-' || p[1] == '+') {
        p++;
        n--;
    }
    if (f->space && p[0] == '+' && !f->plus)
        p[0] = ' ';
    if (p[1] == 'I' || p[1] == 'N') {
        /* infinities and NaN are never zero-padded; NaN shows a sign
         * only when asked */
        if (p[1] == 'N' && !f->space && !f->plus) {
            p++;
            n--;
        }
        pad_no_zero(f, p, n);
        return;
    }
    FmtBuf copy;
    uint8_t csmall[96];
    if (f->sharp && verb != 'b') {
        fmtbuf_init(&copy, csmall, sizeof csmall);
        fmtbuf_write(&copy, p, n);
        sharp_float(&copy, verb, prec);
        p = copy.p;
        n = copy.len;
    }
    if (f->plus || p[0] != '+') {
        /* zero padding goes between the sign and the digits */
        if (f->zero && f->wid_present && f->wid > n) {
            fmtbuf_byte(f->buf, p[0]);
            fmt_padding(f, f->wid - n);
            fmtbuf_write(f->buf, p + 1, n - 1);
            return;
        }
        fmt_pad(f, p, n);
        return;
    }
    fmt_pad(f, p + 1, n - 1);
}
