/*
 * fmt_strconv.c: the conversions fmt leans on, with Go's strconv results:
 * floats to decimal (shortest round-trip digits, or correctly rounded to
 * a precision), quoting of strings and runes, and the printable-rune test.
 *
 * Floats go through an exact decimal: the binary value m * 2^e is turned
 * into its decimal digits by repeated shifts of a digit array (enough
 * digits for every float64), then rounded.  Rounding to a precision is
 * round-half-even on the exact value, so the result is the correctly
 * rounded one, as Go's Ryu and big-decimal paths both give.  The shortest
 * form walks the digits of the value and of the two midpoints to its
 * neighbours (the interval that reads back as the value) and stops at
 * the first digit where the value can be told apart from both.
 */
#include <string.h>

#include "runtime/fmt.h"

/* Enough digits for the exact value of any float64 boundary to round
 * correctly; longer expansions are cut and marked truncated. */
enum { DECIMAL_CAP = 800, SHIFT_STEP = 60 };

/* An exact decimal number 0.d[0]d[1]...d[nd-1] * 10^dp (digits 0-9). */
typedef struct Decimal {
    uint8_t d[DECIMAL_CAP];
    int nd;
    int dp;
    bool trunc;          /* nonzero digits were dropped past DECIMAL_CAP */
} Decimal;

/* Layout of a binary float format. */
typedef struct FloatInfo {
    int mantbits, expbits, bias;
} FloatInfo;

static const FloatInfo FLOAT32_INFO = {23, 8, -127};
static const FloatInfo FLOAT64_INFO = {52, 11, -1023};

/* Drops trailing zero digits (the value is unchanged). */
static void decimal_trim(Decimal *a) {
    while (a->nd > 0 && a->d[a->nd - 1] == 0)
        a->nd--;
    if (a->nd == 0)
        a->dp = 0;
}

/* Sets a to the integer v. */
static void decimal_assign(Decimal *a, uint64_t v) {
    uint8_t tmp[24];
    int n = 0;
    while (v > 0) {
        tmp[n++] = (uint8_t)(v % 10);
        v /= 10;
    }
    a->nd = n;
    a->dp = n;
    a->trunc = false;
    for (int i = 0; i < n; i++)
        a->d[i] = tmp[n - 1 - i];
    decimal_trim(a);
}

/* a *= 2^k for 0 < k <= SHIFT_STEP: digits right to left with a carry
 * (d * 2^60 + carry stays below 2^64). */
static void decimal_lshift(Decimal *a, int k) {
    uint8_t tmp[DECIMAL_CAP + 24];
    int w = (int)sizeof tmp;
    uint64_t carry = 0;
    for (int r = a->nd - 1; r >= 0; r--) {
        uint64_t n = ((uint64_t)a->d[r] << k) + carry;
        tmp[--w] = (uint8_t)(n % 10);
        carry = n / 10;
    }
    while (carry > 0) {
        tmp[--w] = (uint8_t)(carry % 10);
        carry /= 10;
    }
    int nd = (int)sizeof tmp - w;
    a->dp += nd - a->nd;
    if (nd > DECIMAL_CAP) {
        for (int i = DECIMAL_CAP; i < nd; i++)
            if (tmp[w + i] != 0)
                a->trunc = true;
        nd = DECIMAL_CAP;
    }
    memcpy(a->d, tmp + w, (size_t)nd);
    a->nd = nd;
    decimal_trim(a);
}

/* a /= 2^k for 0 < k <= SHIFT_STEP: long division left to right; the
 * remainder stays below 2^k, so remainder * 10 + digit fits. */
static void decimal_rshift(Decimal *a, int k) {
    uint64_t mask = ((uint64_t)1 << k) - 1, n = 0;
    int r = 0, w = 0;
    /* skip to the first digit of the quotient */
    while ((n >> k) == 0) {
        if (r < a->nd) {
            n = n * 10 + a->d[r];
        } else {
            if (n == 0) {
                a->nd = 0;
                a->dp = 0;
                return;
            }
            n *= 10;
        }
        r++;
    }
    a->dp -= r - 1;
    for (; r < a->nd; r++) {
        a->d[w++] = (uint8_t)(n >> k);
        n = (n & mask) * 10 + a->d[r];
    }
    while (n > 0) {
        uint8_t dig = (uint8_t)(n >> k);
        if (w < DECIMAL_CAP)
            a->d[w++] = dig;
        else if (dig != 0)
            a->trunc = true;
        n = (n & mask) * 10;
    }
    a->nd = w;
    decimal_trim(a);
}

/* a *= 2^k (k may be negative). */
static void decimal_shift(Decimal *a, int k) {
    if (a->nd == 0)
        return;
    while (k > 0) {
        int step = k < SHIFT_STEP ? k : SHIFT_STEP;
        decimal_lshift(a, step);
        k -= step;
    }
    while (k < 0) {
        int step = -k < SHIFT_STEP ? -k : SHIFT_STEP;
        decimal_rshift(a, step);
        k += step;
    }
}

/* Whether cutting a to nd digits must round up: above half, or exactly
 * half and the kept digit odd (half-even on the exact value). */
static bool decimal_round_up_needed(const Decimal *a, int nd) {
    if (a->d[nd] == 5 && nd + 1 == a->nd) {
        if (a->trunc)
            return true;
        return nd > 0 && a->d[nd - 1] % 2 == 1;
    }
    return a->d[nd] >= 5;
}

/* Cuts a to nd digits, rounding the last one up. */
static void decimal_round_up(Decimal *a, int nd) {
    for (int i = nd - 1; i >= 0; i--) {
        if (a->d[i] < 9) {
            a->d[i]++;
            a->nd = i + 1;
            return;
        }
    }
    a->d[0] = 1;
    a->nd = 1;
    a->dp++;
}

/* Cuts a to nd digits, dropping the rest. */
static void decimal_round_down(Decimal *a, int nd) {
    a->nd = nd;
    decimal_trim(a);
}

/* Rounds a to nd digits, correctly. */
static void decimal_round(Decimal *a, int nd) {
    if (nd < 0 || nd >= a->nd)
        return;
    if (decimal_round_up_needed(a, nd))
        decimal_round_up(a, nd);
    else
        decimal_round_down(a, nd);
}

/* Digit i of a counted from position 10^(top-1) downwards: 0 outside. */
static uint8_t decimal_digit_at(const Decimal *a, int top, int i) {
    int k = i - top + a->dp;
    return k >= 0 && k < a->nd ? a->d[k] : 0;
}

/* Cuts d (the exact value mant * 2^(exp - mantbits)) to the fewest digits
 * that still read back as the same float: the decimal lies strictly
 * between the midpoints to the neighbouring floats, or on one when the
 * mantissa is even (round-half-even parsing picks it). */
static void decimal_shortest(Decimal *d, uint64_t mant, int exp, const FloatInfo *flt) {
    if (mant == 0) {
        d->nd = 0;
        return;
    }
    int minexp = flt->bias + 1;
    /* the digits already present cannot be shortened: the next shorter
     * decimal is 10^(dp-nd) away, farther than the midpoints */
    if (exp > minexp && 332 * (d->dp - d->nd) >= 100 * (exp - flt->mantbits))
        return;
    Decimal upper, lower;
    decimal_assign(&upper, mant * 2 + 1);
    decimal_shift(&upper, exp - flt->mantbits - 1);
    uint64_t mantlo;
    int explo;
    if (mant > (uint64_t)1 << flt->mantbits || exp == minexp) {
        mantlo = mant - 1;
        explo = exp;
    } else {
        /* at a power of two the float below is half as far away */
        mantlo = mant * 2 - 1;
        explo = exp - 1;
    }
    decimal_assign(&lower, mantlo * 2 + 1);
    decimal_shift(&lower, explo - flt->mantbits - 1);
    bool inclusive = mant % 2 == 0;

    /* Walk digit positions from the top of upper (the largest of the
     * three).  gap_up: 0 while d and upper agree, 1 after they differed by
     * one unit followed only by 9s in d and 0s in upper (rounding up lands
     * exactly on upper's prefix), 2 once rounding up is surely below it. */
    int top = upper.dp;
    int gap_up = 0;
    for (int i = 0;; i++) {
        int mi = i - top + d->dp;
        if (mi >= d->nd)
            break;
        int li = i - top + lower.dp;
        uint8_t l = decimal_digit_at(&lower, top, i);
        uint8_t m = decimal_digit_at(d, top, i);
        uint8_t u = decimal_digit_at(&upper, top, i);
        bool can_down = l != m || (inclusive && li + 1 == lower.nd);
        if (gap_up == 0 && m + 1 < u)
            gap_up = 2;
        else if (gap_up == 0 && m != u)
            gap_up = 1;
        else if (gap_up == 1 && (m != 9 || u != 0))
            gap_up = 2;
        bool can_up = gap_up > 0 && (inclusive || gap_up > 1 || i + 1 < upper.nd);
        if (can_down && can_up) {
            decimal_round(d, mi + 1);
            return;
        }
        if (can_down) {
            decimal_round_down(d, mi + 1);
            return;
        }
        if (can_up) {
            decimal_round_up(d, mi + 1);
            return;
        }
    }
}

/* Appends the digits of a as characters, positions [from, to) of d[]
 * (0 where a has no digit). */
static void append_digits(FmtBuf *b, const Decimal *a, int from, int to) {
    for (int i = from; i < to; i++)
        fmtbuf_byte(b, (uint8_t)('0' + (i >= 0 && i < a->nd ? a->d[i] : 0)));
}

/* %e: d.ddddde±dd with prec digits after the point. */
static void format_e(FmtBuf *b, bool neg, const Decimal *a, int64_t prec, char fmt) {
    if (neg)
        fmtbuf_byte(b, '-');
    append_digits(b, a, 0, 1);
    if (prec > 0) {
        fmtbuf_byte(b, '.');
        append_digits(b, a, 1, (int)prec + 1);
    }
    fmtbuf_byte(b, (uint8_t)fmt);
    int exp = a->nd == 0 ? 0 : a->dp - 1;
    fmtbuf_byte(b, exp < 0 ? '-' : '+');
    if (exp < 0)
        exp = -exp;
    if (exp >= 100)
        fmtbuf_byte(b, (uint8_t)('0' + exp / 100));
    fmtbuf_byte(b, (uint8_t)('0' + exp / 10 % 10));
    fmtbuf_byte(b, (uint8_t)('0' + exp % 10));
}

/* %f: ddd.ddd with prec digits after the point. */
static void format_f(FmtBuf *b, bool neg, const Decimal *a, int64_t prec) {
    if (neg)
        fmtbuf_byte(b, '-');
    if (a->dp > 0)
        append_digits(b, a, 0, a->dp);
    else
        fmtbuf_byte(b, '0');
    if (prec > 0) {
        fmtbuf_byte(b, '.');
        append_digits(b, a, a->dp, a->dp + (int)prec);
    }
}

/* %b: mantissa p exponent, both decimal. */
static void format_b(FmtBuf *b, bool neg, uint64_t mant, int exp, const FloatInfo *flt) {
    char tmp[32];
    int n = 0;
    if (neg)
        fmtbuf_byte(b, '-');
    do {
        tmp[n++] = (char)('0' + mant % 10);
        mant /= 10;
    } while (mant > 0);
    while (n > 0)
        fmtbuf_byte(b, (uint8_t)tmp[--n]);
    fmtbuf_byte(b, 'p');
    exp -= flt->mantbits;
    fmtbuf_byte(b, exp < 0 ? '-' : '+');
    unsigned e = (unsigned)(exp < 0 ? -exp : exp);
    do {
        tmp[n++] = (char)('0' + e % 10);
        e /= 10;
    } while (e > 0);
    while (n > 0)
        fmtbuf_byte(b, (uint8_t)tmp[--n]);
}

/* %x: -0x1.8p+01, the mantissa in hex with prec digits after the point
 * (all of them when prec < 0), rounded half-even. */
static void format_x(FmtBuf *b, int64_t prec, char fmt, bool neg, uint64_t mant, int exp,
                     const FloatInfo *flt) {
    const char *hex = fmt == 'X' ? "0123456789ABCDEF" : "0123456789abcdef";
    const uint64_t one = (uint64_t)1 << 60;
    if (mant == 0)
        exp = 0;
    /* the leading 1 at bit 60 */
    mant <<= 60 - flt->mantbits;
    while (mant != 0 && (mant & one) == 0) {
        mant <<= 1;
        exp--;
    }
    if (prec >= 0 && prec < 15) {
        unsigned shift = (unsigned)prec * 4;
        uint64_t extra = (mant << shift) & (one - 1);
        mant >>= 60 - shift;
        if ((extra | (mant & 1)) > one / 2)
            mant++;
        mant <<= 60 - shift;
        if (mant & (one << 1)) {
            mant >>= 1;
            exp++;
        }
    }
    if (neg)
        fmtbuf_byte(b, '-');
    fmtbuf_byte(b, '0');
    fmtbuf_byte(b, (uint8_t)fmt);
    fmtbuf_byte(b, (uint8_t)('0' + ((mant >> 60) & 1)));
    mant <<= 4;
    if ((prec < 0 && mant != 0) || prec > 0) {
        fmtbuf_byte(b, '.');
        for (int64_t i = 0; prec < 0 ? mant != 0 : i < prec; i++) {
            fmtbuf_byte(b, (uint8_t)hex[(mant >> 60) & 15]);
            mant <<= 4;
        }
    }
    fmtbuf_byte(b, fmt == 'X' ? 'P' : 'p');
    fmtbuf_byte(b, exp < 0 ? '-' : '+');
    unsigned e = (unsigned)(exp < 0 ? -exp : exp);
    if (e >= 1000)
        fmtbuf_byte(b, (uint8_t)('0' + e / 1000));
    if (e >= 100)
        fmtbuf_byte(b, (uint8_t)('0' + e / 100 % 10));
    fmtbuf_byte(b, (uint8_t)('0' + e / 10 % 10));
    fmtbuf_byte(b, (uint8_t)('0' + e % 10));
}

/* Writes the rounded digits in format fmt (strconv's formatDigits). */
static void format_digits(FmtBuf *b, bool shortest, bool neg, const Decimal *a,
                          int64_t prec, char fmt) {
    if (fmt == 'e' || fmt == 'E') {
        format_e(b, neg, a, prec, fmt);
        return;
    }
    if (fmt == 'f') {
        format_f(b, neg, a, prec);
        return;
    }
    /* %g: exponent form when the exponent is below -4 or reaches the
     * precision (6 for the shortest form) */
    int64_t eprec = prec;
    if (eprec > a->nd && a->nd >= a->dp)
        eprec = a->nd;
    if (shortest)
        eprec = 6;
    int64_t exp = a->dp - 1;
    if (exp < -4 || exp >= eprec) {
        if (prec > a->nd)
            prec = a->nd;
        format_e(b, neg, a, prec - 1, fmt == 'g' ? 'e' : 'E');
        return;
    }
    if (prec > a->dp)
        prec = a->nd;
    format_f(b, neg, a, prec - a->dp > 0 ? prec - a->dp : 0);
}

void strconv_append_float(FmtBuf *b, double v, char fmt, int64_t prec, int bitsize) {
    const FloatInfo *flt = bitsize == 32 ? &FLOAT32_INFO : &FLOAT64_INFO;
    uint64_t bits;
    if (bitsize == 32) {
        float f = (float)v;
        uint32_t u;
        memcpy(&u, &f, sizeof u);
        bits = u;
    } else {
        memcpy(&bits, &v, sizeof bits);
    }
    bool neg = (bits >> (flt->expbits + flt->mantbits)) != 0;
    int exp = (int)(bits >> flt->mantbits) & ((1 << flt->expbits) - 1);
    uint64_t mant = bits & (((uint64_t)1 << flt->mantbits) - 1);
    if (exp == (1 << flt->expbits) - 1) {
        fmtbuf_str(b, mant != 0 ? "NaN" : neg ? "-Inf" : "+Inf");
        return;
    }
    if (exp == 0)
        exp++;
    else
        mant |= (uint64_t)1 << flt->mantbits;
    exp += flt->bias;
    if (fmt == 'b') {
        format_b(b, neg, mant, exp, flt);
        return;
    }
    if (fmt == 'x' || fmt == 'X') {
        format_x(b, prec, fmt, neg, mant, exp, flt);
        return;
    }
    Decimal d;
    decimal_assign(&d, mant);
    decimal_shift(&d, exp - flt->mantbits);
    bool shortest = prec < 0;
    if (shortest) {
        decimal_shortest(&d, mant, exp, flt);
        switch (fmt) {
        case 'e': case 'E': prec = d.nd - 1; break;
        case 'f': prec = d.nd - d.dp > 0 ? d.nd - d.dp : 0; break;
        default: prec = d.nd; break;
        }
    } else {
        switch (fmt) {
        case 'e': case 'E':
            decimal_round(&d, (int)(prec + 1 < DECIMAL_CAP ? prec + 1 : DECIMAL_CAP));
            break;
        case 'f':
            decimal_round(&d, (int)(d.dp + prec < DECIMAL_CAP ? d.dp + prec : DECIMAL_CAP));
            break;
        default:
            if (prec == 0)
                prec = 1;
            decimal_round(&d, (int)(prec < DECIMAL_CAP ? prec : DECIMAL_CAP));
            break;
        }
    }
    format_digits(b, shortest, neg, &d, prec, fmt);
}

/* ---- Runes and quoting ----------------------------------------------------- */

int32_t fmt_decode_rune(const uint8_t *s, int64_t n, int *width) {
    MgcRuneNext r = mgc_decoderune((MgcString){s, n}, 0);
    *width = (int)r.next;
    return r.rune;
}

int64_t fmt_rune_count(const uint8_t *s, int64_t n) {
    int64_t count = 0;
    for (int64_t i = 0; i < n; count++) {
        if (s[i] < 0x80) {
            i++;
            continue;
        }
        int w;
        fmt_decode_rune(s + i, n - i, &w);
        i += w;
    }
    return count;
}

/* Ranges of non-ASCII code points that are not printable: controls,
 * format characters, separators other than the ASCII space, surrogates,
 * private use and noncharacters.  (Go's tables also exclude unassigned
 * code points, which are treated as printable here.) */
static const int32_t NOT_PRINTABLE[][2] = {
    {0x0080, 0x00A0}, {0x00AD, 0x00AD}, {0x0378, 0x0379}, {0x0380, 0x0383},
    {0x038B, 0x038B}, {0x038D, 0x038D}, {0x03A2, 0x03A2},
    {0x0600, 0x0605}, {0x061C, 0x061C}, {0x06DD, 0x06DD}, {0x070F, 0x070F},
    {0x08E2, 0x08E2}, {0x1680, 0x1680}, {0x180E, 0x180E}, {0x2000, 0x200F},
    {0x2028, 0x202F}, {0x205F, 0x2064}, {0x2065, 0x206F}, {0x3000, 0x3000},
    {0xD800, 0xF8FF}, {0xFDD0, 0xFDEF}, {0xFEFF, 0xFEFF}, {0xFFF0, 0xFFFB},
    {0xFFFE, 0xFFFF}, {0x110BD, 0x110BD}, {0x110CD, 0x110CD},
    {0x1BCA0, 0x1BCA3}, {0x1D173, 0x1D17A}, {0xE0000, 0xE0FFF},
    {0xF0000, 0x10FFFF},
};

bool strconv_is_print(int32_t r) {
    if (r < 0x80)
        return r >= 0x20 && r < 0x7F;
    if (r > 0x10FFFF)
        return false;
    if ((r & 0xFFFE) == 0xFFFE)
        return false;
    for (size_t i = 0; i < sizeof NOT_PRINTABLE / sizeof NOT_PRINTABLE[0]; i++)
        if (r >= NOT_PRINTABLE[i][0] && r <= NOT_PRINTABLE[i][1])
            return false;
    return true;
}

static const char LOWER_HEX[] = "0123456789abcdef";

/* Appends \ then c then the low 4*ndigits bits of v in hex. */
static void append_hex_escape(FmtBuf *b, char c, uint32_t v, int ndigits) {
    fmtbuf_byte(b, '\\');
    fmtbuf_byte(b, (uint8_t)c);
    for (int s = (ndigits - 1) * 4; s >= 0; s -= 4)
        fmtbuf_byte(b, (uint8_t)LOWER_HEX[(v >> s) & 0xF]);
}

/* Appends rune r as it appears inside quotes of kind quote. */
static void append_escaped_rune(FmtBuf *b, int32_t r, char quote, bool ascii) {
    if (r == quote || r == '\\') {
        fmtbuf_byte(b, '\\');
        fmtbuf_byte(b, (uint8_t)r);
        return;
    }
    if (ascii ? r < 0x80 && strconv_is_print(r) : strconv_is_print(r)) {
        fmtbuf_rune(b, r);
        return;
    }
    switch (r) {
    case '\a': fmtbuf_str(b, "\\a"); return;
    case '\b': fmtbuf_str(b, "\\b"); return;
    case '\f': fmtbuf_str(b, "\\f"); return;
    case '\n': fmtbuf_str(b, "\\n"); return;
    case '\r': fmtbuf_str(b, "\\r"); return;
    case '\t': fmtbuf_str(b, "\\t"); return;
    case '\v': fmtbuf_str(b, "\\v"); return;
    default: break;
    }
    if (r < ' ' || r == 0x7F)
        append_hex_escape(b, 'x', (uint32_t)r, 2);
    else if (r > 0x10FFFF || (r >= 0xD800 && r <= 0xDFFF))
        append_hex_escape(b, 'u', 0xFFFD, 4);
    else if (r < 0x10000)
        append_hex_escape(b, 'u', (uint32_t)r, 4);
    else
        append_hex_escape(b, 'U', (uint32_t)r, 8);
}

void strconv_append_quote(FmtBuf *b, const uint8_t *s, int64_t n, bool ascii) {
    fmtbuf_byte(b, '"');
    for (int64_t i = 0; i < n;) {
        int w = 1;
        int32_t r = s[i] < 0x80 ? s[i] : fmt_decode_rune(s + i, n - i, &w);
        if (w == 1 && r == 0xFFFD)
            append_hex_escape(b, 'x', s[i], 2);   /* an invalid byte */
        else
            append_escaped_rune(b, r, '"', ascii);
        i += w;
    }
    fmtbuf_byte(b, '"');
}

void strconv_append_quote_rune(FmtBuf *b, int32_t r, bool ascii) {
    if (r < 0 || r > 0x10FFFF || (r >= 0xD800 && r <= 0xDFFF))
        r = 0xFFFD;
    fmtbuf_byte(b, '\'');
    append_escaped_rune(b, r, '\'', ascii);
    fmtbuf_byte(b, '\'');
}

bool strconv_can_backquote(const uint8_t *s, int64_t n) {
    for (int64_t i = 0; i < n;) {
        int w = 1;
        int32_t r = s[i] < 0x80 ? s[i] : fmt_decode_rune(s + i, n - i, &w);
        i += w;
        if (w > 1) {
            if (r == 0xFEFF)
                return false;
            continue;
        }
        if (r == 0xFFFD)
            return false;
        if ((r < ' ' && r != '\t') || r == '`' || r == 0x7F)
            return false;
    }
    return true;
}
