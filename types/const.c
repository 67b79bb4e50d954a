/* const.c — exact constant arithmetic (see const.h).
 *
 * Invariant: every CONST_INT a public function returns has a magnitude
 * below 2^512.  Intermediate results may use the headroom of the ninth limb
 * (an add or a left shift of a valid value never wraps 576 bits); products
 * and quotients work on magnitudes in wider scratch arrays. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lexer/runes.h"
#include "types/const.h"

#define NLIMBS CONST_INT_LIMBS
#define NBITS (NLIMBS * 64)

/* ---- Integers: two's complement over NLIMBS limbs --------------------- */

/* An integer holding v. */
static ConstInt int_from_u64(uint64_t v) {
    ConstInt x;
    memset(&x, 0, sizeof x);
    x.limb[0] = v;
    return x;
}

/* An integer holding v, sign-extended. */
static ConstInt int_from_i64(int64_t v) {
    ConstInt x;
    uint64_t fill = v < 0 ? ~(uint64_t)0 : 0;
    for (int i = 0; i < NLIMBS; i++)
        x.limb[i] = fill;
    x.limb[0] = (uint64_t)v;
    return x;
}

static bool int_is_neg(const ConstInt *x) { return (x->limb[NLIMBS - 1] >> 63) != 0; }

/* True if x is zero. */
static bool int_is_zero(const ConstInt *x) {
    for (int i = 0; i < NLIMBS; i++)
        if (x->limb[i])
            return false;
    return true;
}

/* x + y, wrapping at NBITS bits. */
static ConstInt int_add(const ConstInt *x, const ConstInt *y) {
    ConstInt z;
    uint64_t carry = 0;
    for (int i = 0; i < NLIMBS; i++) {
        uint64_t s = x->limb[i] + carry;
        carry = s < carry;
        z.limb[i] = s + y->limb[i];
        carry += z.limb[i] < s;
    }
    return z;
}

/* ^x: every bit flipped (-x-1). */
static ConstInt int_not(const ConstInt *x) {
    ConstInt z;
    for (int i = 0; i < NLIMBS; i++)
        z.limb[i] = ~x->limb[i];
    return z;
}

/* -x, wrapping. */
static ConstInt int_neg(const ConstInt *x) {
    ConstInt z = int_not(x);
    ConstInt one = int_from_u64(1);
    return int_add(&z, &one);
}

/* x - y, wrapping. */
static ConstInt int_sub(const ConstInt *x, const ConstInt *y) {
    ConstInt ny = int_neg(y);
    return int_add(x, &ny);
}

/* |x| (valid for every value whose magnitude fits NBITS-1 bits). */
static ConstInt int_abs(const ConstInt *x) { return int_is_neg(x) ? int_neg(x) : *x; }

/* The number of significant bits of an unsigned array of n limbs. */
static int limbs_bit_len(const uint64_t *w, int n) {
    for (int i = n - 1; i >= 0; i--) {
        if (w[i]) {
            int b = 64;
            while (!(w[i] >> (b - 1)))
                b--;
            return i * 64 + b;
        }
    }
    return 0;
}

/* Bits needed for |x|. */
static int int_bit_len(const ConstInt *x) {
    ConstInt m = int_abs(x);
    return limbs_bit_len(m.limb, NLIMBS);
}

/* True if x is a valid constant: |x| < 2^512. */
static bool int_in_range(const ConstInt *x) { return int_bit_len(x) <= CONST_INT_BITS; }

/* -1, 0 or +1 as x is below, equal to or above y (signed). */
static int int_cmp(const ConstInt *x, const ConstInt *y) {
    bool nx = int_is_neg(x), ny = int_is_neg(y);
    if (nx != ny)
        return nx ? -1 : 1;
    for (int i = NLIMBS - 1; i >= 0; i--)
        if (x->limb[i] != y->limb[i])
            return x->limb[i] < y->limb[i] ? -1 : 1;
    return 0;
}

/* x << n for 0 <= n, wrapping (bits above NBITS are lost). */
static ConstInt int_shl(const ConstInt *x, unsigned n) {
    ConstInt z;
    memset(&z, 0, sizeof z);
    if (n >= NBITS)
        return z;
    unsigned words = n / 64, bits = n % 64;
    for (int i = NLIMBS - 1; i >= (int)words; i--) {
        uint64_t v = x->limb[i - words] << bits;
        if (bits && i - (int)words - 1 >= 0)
            v |= x->limb[i - words - 1] >> (64 - bits);
        z.limb[i] = v;
    }
    return z;
}

/* x >> n, arithmetic (rounds toward negative infinity). */
static ConstInt int_shr(const ConstInt *x, uint64_t n) {
    uint64_t fill = int_is_neg(x) ? ~(uint64_t)0 : 0;
    ConstInt z;
    for (int i = 0; i < NLIMBS; i++)
        z.limb[i] = fill;
    if (n >= NBITS)
        return z;
    unsigned words = (unsigned)n / 64, bits = (unsigned)n % 64;
    for (int i = 0; i + (int)words < NLIMBS; i++) {
        uint64_t lo = x->limb[i + words];
        uint64_t hi = i + words + 1 < NLIMBS ? x->limb[i + words + 1] : fill;
        z.limb[i] = bits ? (lo >> bits) | (hi << (64 - bits)) : lo;
    }
    return z;
}

/* The full 128-bit product of a and b, as *hi:*lo. */
static void mul_64x64(uint64_t a, uint64_t b, uint64_t *hi, uint64_t *lo) {
    uint64_t a0 = a & 0xFFFFFFFFu, a1 = a >> 32, b0 = b & 0xFFFFFFFFu, b1 = b >> 32;
    uint64_t p00 = a0 * b0, p01 = a0 * b1, p10 = a1 * b0, p11 = a1 * b1;
    uint64_t mid = (p00 >> 32) + (p01 & 0xFFFFFFFFu) + (p10 & 0xFFFFFFFFu);
    *lo = (mid << 32) | (p00 & 0xFFFFFFFFu);
    *hi = p11 + (p01 >> 32) + (p10 >> 32) + (mid >> 32);
}

/* x * y; false if |x * y| needs more than 512 bits. */
static bool int_mul(const ConstInt *x, const ConstInt *y, ConstInt *out) {
    ConstInt a = int_abs(x), b = int_abs(y);
    uint64_t p[2 * NLIMBS] = {0};
    for (int i = 0; i < NLIMBS; i++) {
        if (!a.limb[i])
            continue;
        uint64_t carry = 0;
        for (int j = 0; j < NLIMBS; j++) {
            uint64_t hi, lo;
            mul_64x64(a.limb[i], b.limb[j], &hi, &lo);
            lo += carry;
            hi += lo < carry;
            p[i + j] += lo;
            hi += p[i + j] < lo;
            carry = hi;
        }
        p[i + NLIMBS] += carry;
    }
    if (limbs_bit_len(p, 2 * NLIMBS) > CONST_INT_BITS)
        return false;
    memcpy(out->limb, p, sizeof out->limb);
    if (int_is_neg(x) != int_is_neg(y))
        *out = int_neg(out);
    return true;
}

/* Unsigned a >= b over NLIMBS limbs. */
static bool mag_geq(const ConstInt *a, const ConstInt *b) {
    for (int i = NLIMBS - 1; i >= 0; i--)
        if (a->limb[i] != b->limb[i])
            return a->limb[i] > b->limb[i];
    return true;
}

/* Truncated division: *q = x / y rounded toward zero, *r = x - *q * y
 * (the sign of x).  y must not be zero. */
static void int_divmod(const ConstInt *x, const ConstInt *y, ConstInt *q, ConstInt *r) {
    ConstInt a = int_abs(x), b = int_abs(y);
    ConstInt quo = int_from_u64(0), rem = int_from_u64(0);
    /* Schoolbook binary long division; constants are few and short. */
    for (int i = limbs_bit_len(a.limb, NLIMBS) - 1; i >= 0; i--) {
        rem = int_shl(&rem, 1);
        rem.limb[0] |= (a.limb[i / 64] >> (i % 64)) & 1;
        if (mag_geq(&rem, &b)) {
            rem = int_sub(&rem, &b);
            quo.limb[i / 64] |= (uint64_t)1 << (i % 64);
        }
    }
    *q = int_is_neg(x) != int_is_neg(y) ? int_neg(&quo) : quo;
    *r = int_is_neg(x) ? int_neg(&rem) : rem;
}

/* x * m + add for a non-negative x; wraps like int_add. */
static ConstInt int_mul_small_add(const ConstInt *x, uint32_t m, uint32_t add) {
    ConstInt z;
    uint64_t carry = add;
    for (int i = 0; i < NLIMBS; i++) {
        uint64_t lo = (x->limb[i] & 0xFFFFFFFFu) * m + carry;
        uint64_t hi = (x->limb[i] >> 32) * m + (lo >> 32);
        z.limb[i] = (hi << 32) | (lo & 0xFFFFFFFFu);
        carry = hi >> 32;
    }
    return z;
}

/* Divides the non-negative *x by d in place; returns the remainder. */
static uint32_t int_div_small(ConstInt *x, uint32_t d) {
    uint64_t rem = 0;
    for (int i = NLIMBS - 1; i >= 0; i--) {
        uint64_t hi = (rem << 32) | (x->limb[i] >> 32);
        uint64_t qhi = hi / d;
        rem = hi % d;
        uint64_t lo = (rem << 32) | (x->limb[i] & 0xFFFFFFFFu);
        uint64_t qlo = lo / d;
        rem = lo % d;
        x->limb[i] = (qhi << 32) | qlo;
    }
    return (uint32_t)rem;
}

/* The nearest double to x (ties to even). */
static double int_to_double(const ConstInt *x) {
    ConstInt m = int_abs(x);
    int len = limbs_bit_len(m.limb, NLIMBS);
    double d;
    if (len <= 64) {
        d = (double)m.limb[0];
    } else {
        /* The top 64 bits, with a sticky bit for anything below them: the
         * rounding of the 64-bit value to 53 bits is then correct. */
        ConstInt top = int_shr(&m, (uint64_t)(len - 64));
        ConstInt back = int_shl(&top, (unsigned)(len - 64));
        uint64_t t = top.limb[0];
        if (int_cmp(&back, &m) != 0)
            t |= 1;
        d = ldexp((double)t, len - 64);
    }
    return int_is_neg(x) ? -d : d;
}

/* True if the finite d has no fractional part (without libm's floor: the
 * library links with libc alone). */
static bool is_integral(double d) {
    if (fabs(d) >= 4503599627370496.0)   /* 2^52: no bits below the point */
        return true;
    return d == (double)(int64_t)d;
}

/* The integer equal to the finite, integral d; false if |d| >= 2^512. */
static bool int_from_double(double d, ConstInt *out) {
    double m = fabs(d);
    if (m < 18446744073709551616.0) {
        *out = int_from_u64((uint64_t)m);
    } else {
        int e;
        double f = frexp(m, &e);   /* m = f * 2^e, 0.5 <= f < 1 */
        if (e > CONST_INT_BITS)
            return false;
        ConstInt mant = int_from_u64((uint64_t)ldexp(f, 53));
        *out = int_shl(&mant, (unsigned)(e - 53));
    }
    if (d < 0)
        *out = int_neg(out);
    return true;
}

/* ---- Making constants ------------------------------------------------- */

/* The result of an error. */
Const const_make_unknown(void) {
    Const c;
    memset(&c, 0, sizeof c);
    c.kind = CONST_UNKNOWN;
    return c;
}

/* A bool constant. */
Const const_make_bool(bool b) {
    Const c = const_make_unknown();
    c.kind = CONST_BOOL;
    c.u.b = b;
    return c;
}

/* A CONST_INT holding x. */
static Const make_int(const ConstInt *x) {
    Const c = const_make_unknown();
    c.kind = CONST_INT;
    c.u.i = *x;
    return c;
}

/* An integer constant from a signed machine value. */
Const const_make_int64(int64_t v) {
    ConstInt x = int_from_i64(v);
    return make_int(&x);
}

/* An integer constant from an unsigned machine value. */
Const const_make_uint64(uint64_t v) {
    ConstInt x = int_from_u64(v);
    return make_int(&x);
}

/* A float constant; infinities and NaN give CONST_UNKNOWN. */
Const const_make_float(double f) {
    Const c = const_make_unknown();
    if (!isfinite(f))
        return c;
    c.kind = CONST_FLOAT;
    c.u.f = f == 0 ? 0.0 : f;    /* constants have no negative zero */
    return c;
}

/* A string constant over bytes the caller keeps alive. */
Const const_make_string(const char *bytes, uint32_t len) {
    Const c = const_make_unknown();
    c.kind = CONST_STRING;
    c.u.str.bytes = bytes;
    c.u.str.len = len;
    return c;
}

/* ---- Literals --------------------------------------------------------- */

/* The value of digit ch, or 99 if it is not a hexadecimal digit. */
static unsigned digit_value(char ch) {
    if (ch >= '0' && ch <= '9')
        return (unsigned)(ch - '0');
    if (ch >= 'a' && ch <= 'f')
        return (unsigned)(ch - 'a' + 10);
    if (ch >= 'A' && ch <= 'F')
        return (unsigned)(ch - 'A' + 10);
    return 99;
}

/* An integer literal in any base, with '_' separators. */
static ConstError int_literal(const char *s, uint32_t len, Const *out) {
    uint32_t i = 0;
    unsigned base = 10;
    if (len >= 2 && s[0] == '0') {
        char p = s[1];
        if (p == 'x' || p == 'X')
            base = 16, i = 2;
        else if (p == 'b' || p == 'B')
            base = 2, i = 2;
        else if (p == 'o' || p == 'O')
            base = 8, i = 2;
        else
            base = 8, i = 1;   /* 0777, 0_7: legacy octal */
    }
    ConstInt x = int_from_u64(0);
    bool any = base == 8 && i == 1;
    for (; i < len; i++) {
        if (s[i] == '_')
            continue;
        unsigned d = digit_value(s[i]);
        if (d >= base)
            return CONST_ERR_MALFORMED;
        x = int_mul_small_add(&x, base, d);
        if (x.limb[NLIMBS - 1] != 0)   /* beyond 512 bits */
            return CONST_ERR_OVERFLOW;
        any = true;
    }
    if (!any)
        return CONST_ERR_MALFORMED;
    *out = make_int(&x);
    return CONST_OK;
}

/* A decimal or hexadecimal float literal, with '_' separators. */
static ConstError float_literal(Arena *a, const char *s, uint32_t len, Const *out) {
    char small[64];
    char *text = len < sizeof small ? small : arena_alloc(a, (size_t)len + 1, 1);
    uint32_t n = 0;
    for (uint32_t i = 0; i < len; i++)
        if (s[i] != '_')
            text[n++] = s[i];
    text[n] = 0;
    char *end;
    double f = strtod(text, &end);
    if (n == 0 || end != text + n)
        return CONST_ERR_MALFORMED;
    if (isinf(f))
        return CONST_ERR_OVERFLOW;
    *out = const_make_float(f);
    return CONST_OK;
}

/* The value of a literal token, by its kind. */
ConstError const_from_literal(Arena *a, TokenKind kind, const char *lit, uint32_t len, Const *out) {
    *out = const_make_unknown();
    switch (kind) {
    case TOK_INT:
        return int_literal(lit, len, out);
    case TOK_FLOAT:
        return float_literal(a, lit, len, out);
    case TOK_RUNE: {
        int32_t r;
        if (!lexer_unquote_rune(lit, len, &r))
            return CONST_ERR_MALFORMED;
        *out = const_make_int64(r);
        return CONST_OK;
    }
    case TOK_STRING: {
        char *bytes;
        uint32_t n;
        if (!lexer_unquote_string(a, lit, len, &bytes, &n))
            return CONST_ERR_MALFORMED;
        *out = const_make_string(bytes, n);
        return CONST_OK;
    }
    default:
        return CONST_ERR_MALFORMED;
    }
}

/* ---- Operations ------------------------------------------------------- */

static bool is_number(const Const *c) { return c->kind == CONST_INT || c->kind == CONST_FLOAT; }

/* Stores the result x in *out, or CONST_UNKNOWN and an overflow error if x
 * is beyond 512 bits. */
static ConstError finish_int(const ConstInt *x, Const *out) {
    if (!int_in_range(x)) {
        *out = const_make_unknown();
        return CONST_ERR_OVERFLOW;
    }
    *out = make_int(x);
    return CONST_OK;
}

/* Stores a float result, or an overflow error if it left the double range. */
static ConstError finish_float(double f, Const *out) {
    *out = const_make_float(f);
    return out->kind == CONST_UNKNOWN ? CONST_ERR_OVERFLOW : CONST_OK;
}

/* Returns err after setting *out to CONST_UNKNOWN. */
static ConstError fail(ConstError err, Const *out) {
    *out = const_make_unknown();
    return err;
}

/* +x, -x, ^x (in uint_bits bits if non-zero) or !x. */
ConstError const_unary(TokenKind op, const Const *x, int uint_bits, Const *out) {
    if (x->kind == CONST_UNKNOWN)
        return fail(CONST_OK, out);
    switch (op) {
    case TOK_ADD:
        if (!is_number(x))
            return fail(CONST_ERR_BAD_OP, out);
        *out = *x;
        return CONST_OK;
    case TOK_SUB:
        if (x->kind == CONST_FLOAT)
            return finish_float(-x->u.f, out);
        if (x->kind == CONST_INT) {
            ConstInt z = int_neg(&x->u.i);
            return finish_int(&z, out);
        }
        return fail(CONST_ERR_BAD_OP, out);
    case TOK_XOR: {
        if (x->kind != CONST_INT)
            return fail(CONST_ERR_BAD_OP, out);
        ConstInt z = int_not(&x->u.i);
        if (uint_bits > 0 && uint_bits < NBITS) {
            /* Keep only the type's bits: z &^ (-1 << uint_bits). */
            ConstInt ones = int_from_i64(-1);
            ConstInt high = int_shl(&ones, (unsigned)uint_bits);
            for (int i = 0; i < NLIMBS; i++)
                z.limb[i] &= ~high.limb[i];
        }
        return finish_int(&z, out);
    }
    case TOK_NOT:
        if (x->kind != CONST_BOOL)
            return fail(CONST_ERR_BAD_OP, out);
        *out = const_make_bool(!x->u.b);
        return CONST_OK;
    default:
        return fail(CONST_ERR_BAD_OP, out);
    }
}

/* x op y on integers. */
static ConstError int_binary(TokenKind op, const ConstInt *x, const ConstInt *y, Const *out) {
    ConstInt z, r;
    switch (op) {
    case TOK_ADD: z = int_add(x, y); break;
    case TOK_SUB: z = int_sub(x, y); break;
    case TOK_MUL:
        if (!int_mul(x, y, &z))
            return fail(CONST_ERR_OVERFLOW, out);
        break;
    case TOK_QUO:
    case TOK_REM:
        if (int_is_zero(y))
            return fail(CONST_ERR_DIV_ZERO, out);
        int_divmod(x, y, &z, &r);
        if (op == TOK_REM)
            z = r;
        break;
    case TOK_AND:
    case TOK_OR:
    case TOK_XOR:
    case TOK_AND_NOT:
        for (int i = 0; i < NLIMBS; i++) {
            uint64_t a = x->limb[i], b = y->limb[i];
            z.limb[i] = op == TOK_AND ? a & b : op == TOK_OR ? a | b : op == TOK_XOR ? a ^ b : a & ~b;
        }
        break;
    default:
        return fail(CONST_ERR_BAD_OP, out);
    }
    return finish_int(&z, out);
}

/* x op y on floats. */
static ConstError float_binary(TokenKind op, double x, double y, Const *out) {
    switch (op) {
    case TOK_ADD: return finish_float(x + y, out);
    case TOK_SUB: return finish_float(x - y, out);
    case TOK_MUL: return finish_float(x * y, out);
    case TOK_QUO:
        if (y == 0)
            return fail(CONST_ERR_DIV_ZERO, out);
        return finish_float(x / y, out);
    default:
        return fail(CONST_ERR_BAD_OP, out);
    }
}

/* x op y for arithmetic, bitwise, logical and string operators. */
ConstError const_binary(Arena *a, TokenKind op, const Const *x, const Const *y, Const *out) {
    if (x->kind == CONST_UNKNOWN || y->kind == CONST_UNKNOWN)
        return fail(CONST_OK, out);
    if (is_number(x) && is_number(y)) {
        if (x->kind == CONST_INT && y->kind == CONST_INT)
            return int_binary(op, &x->u.i, &y->u.i, out);
        return float_binary(op, const_to_double(x), const_to_double(y), out);
    }
    if (x->kind != y->kind)
        return fail(CONST_ERR_MISMATCH, out);
    if (x->kind == CONST_BOOL) {
        if (op == TOK_LAND)
            *out = const_make_bool(x->u.b && y->u.b);
        else if (op == TOK_LOR)
            *out = const_make_bool(x->u.b || y->u.b);
        else
            return fail(CONST_ERR_BAD_OP, out);
        return CONST_OK;
    }
    if (op != TOK_ADD)
        return fail(CONST_ERR_BAD_OP, out);
    uint32_t nx = x->u.str.len, ny = y->u.str.len;
    if (ny == 0 || nx == 0) {
        *out = ny == 0 ? *x : *y;
        return CONST_OK;
    }
    char *s = arena_alloc(a, (size_t)nx + ny, 1);
    memcpy(s, x->u.str.bytes, nx);
    memcpy(s + nx, y->u.str.bytes, ny);
    *out = const_make_string(s, nx + ny);
    return CONST_OK;
}

/* x << count or x >> count, gc's bounds and overflow rules included. */
ConstError const_shift(TokenKind op, const Const *x, const Const *count, Const *out) {
    if (x->kind == CONST_UNKNOWN || count->kind == CONST_UNKNOWN)
        return fail(CONST_OK, out);
    if (op != TOK_SHL && op != TOK_SHR)
        return fail(CONST_ERR_BAD_OP, out);
    Const xi, ni;
    ConstError err = const_to_int(x, &xi);
    if (err != CONST_OK)
        return fail(err, out);
    err = const_to_int(count, &ni);
    if (err != CONST_OK)
        return fail(err, out);
    if (int_is_neg(&ni.u.i))
        return fail(CONST_ERR_SHIFT_NEG, out);
    uint64_t n;
    if (!const_to_uint64(&ni, &n) || n > CONST_SHIFT_BOUND)
        return fail(CONST_ERR_SHIFT_COUNT, out);
    if (op == TOK_SHR) {
        ConstInt z = int_shr(&xi.u.i, n);
        return finish_int(&z, out);
    }
    if (int_is_zero(&xi.u.i)) {
        *out = xi;
        return CONST_OK;
    }
    /* |x << n| has exactly bit_len(x) + n bits. */
    if (int_bit_len(&xi.u.i) + (int)n > CONST_INT_BITS)
        return fail(CONST_ERR_OVERFLOW, out);
    ConstInt z = int_shl(&xi.u.i, (unsigned)n);
    return finish_int(&z, out);
}

/* The comparison x op y. */
ConstError const_compare(TokenKind op, const Const *x, const Const *y, bool *out) {
    *out = false;
    if (x->kind == CONST_UNKNOWN || y->kind == CONST_UNKNOWN)
        return CONST_OK;
    int cmp;
    if (is_number(x) && is_number(y)) {
        if (x->kind == CONST_INT && y->kind == CONST_INT) {
            cmp = int_cmp(&x->u.i, &y->u.i);
        } else {
            double a = const_to_double(x), b = const_to_double(y);
            cmp = a < b ? -1 : a > b;
        }
    } else if (x->kind != y->kind) {
        return CONST_ERR_MISMATCH;
    } else if (x->kind == CONST_BOOL) {
        if (op != TOK_EQL && op != TOK_NEQ)
            return CONST_ERR_BAD_OP;
        cmp = x->u.b != y->u.b;
    } else {
        uint32_t nx = x->u.str.len, ny = y->u.str.len;
        int m = nx || ny ? memcmp(x->u.str.bytes, y->u.str.bytes, nx < ny ? nx : ny) : 0;
        cmp = m != 0 ? (m < 0 ? -1 : 1) : nx < ny ? -1 : nx > ny;
    }
    switch (op) {
    case TOK_EQL: *out = cmp == 0; break;
    case TOK_NEQ: *out = cmp != 0; break;
    case TOK_LSS: *out = cmp < 0; break;
    case TOK_LEQ: *out = cmp <= 0; break;
    case TOK_GTR: *out = cmp > 0; break;
    case TOK_GEQ: *out = cmp >= 0; break;
    default: return CONST_ERR_BAD_OP;
    }
    return CONST_OK;
}

/* gc's word for an operation in "constant %s overflow". */
const char *const_op_name(TokenKind op, bool unary) {
    if (unary)
        return op == TOK_XOR ? "bitwise complement" : "";
    switch (op) {
    case TOK_ADD: return "addition";
    case TOK_SUB: return "subtraction";
    case TOK_MUL: return "multiplication";
    case TOK_XOR: return "bitwise XOR";
    case TOK_SHL: return "shift";
    default: return "";
    }
}

/* ---- Conversions ------------------------------------------------------ */

ConstError const_to_int(const Const *c, Const *out) {
    if (c->kind == CONST_INT) {
        *out = *c;
        return CONST_OK;
    }
    if (c->kind != CONST_FLOAT)
        return fail(CONST_ERR_MISMATCH, out);
    if (!is_integral(c->u.f))
        return fail(CONST_ERR_NOT_INTEGER, out);
    ConstInt x;
    if (!int_from_double(c->u.f, &x))
        return fail(CONST_ERR_OVERFLOW, out);
    *out = make_int(&x);
    return CONST_OK;
}

/* A number as a CONST_FLOAT. */
ConstError const_to_float(const Const *c, Const *out) {
    if (!is_number(c))
        return fail(CONST_ERR_MISMATCH, out);
    *out = const_make_float(const_to_double(c));
    return CONST_OK;
}

/* The value as an int64, if it is an integer that fits. */
bool const_to_int64(const Const *c, int64_t *out) {
    Const x;
    if (const_to_int(c, &x) != CONST_OK)
        return false;
    ConstInt lo = int_from_i64(INT64_MIN), hi = int_from_i64(INT64_MAX);
    if (int_cmp(&x.u.i, &lo) < 0 || int_cmp(&x.u.i, &hi) > 0)
        return false;
    *out = (int64_t)x.u.i.limb[0];
    return true;
}

/* The value as a uint64, if it is an integer that fits. */
bool const_to_uint64(const Const *c, uint64_t *out) {
    Const x;
    if (const_to_int(c, &x) != CONST_OK || int_is_neg(&x.u.i))
        return false;
    for (int i = 1; i < NLIMBS; i++)
        if (x.u.i.limb[i])
            return false;
    *out = x.u.i.limb[0];
    return true;
}

/* The nearest double to a number. */
double const_to_double(const Const *c) {
    if (c->kind == CONST_FLOAT)
        return c->u.f;
    if (c->kind == CONST_INT)
        return int_to_double(&c->u.i);
    return 0;
}

/* The sign of a number. */
int const_sign(const Const *c) {
    if (c->kind == CONST_FLOAT)
        return c->u.f < 0 ? -1 : c->u.f > 0;
    if (c->kind == CONST_INT)
        return int_is_neg(&c->u.i) ? -1 : !int_is_zero(&c->u.i);
    return 0;
}

/* The bits needed for the magnitude of an integer. */
int const_bit_len(const Const *c) { return c->kind == CONST_INT ? int_bit_len(&c->u.i) : 0; }

/* The range of an integer type: bits and signedness. */
static void int_type_range(ConstType t, int *bits, bool *is_unsigned) {
    static const int BITS[] = {
        [CTYPE_INT] = 64, [CTYPE_INT8] = 8, [CTYPE_INT16] = 16, [CTYPE_INT32] = 32,
        [CTYPE_INT64] = 64, [CTYPE_UINT] = 64, [CTYPE_UINT8] = 8, [CTYPE_UINT16] = 16,
        [CTYPE_UINT32] = 32, [CTYPE_UINT64] = 64, [CTYPE_UINTPTR] = 64,
    };
    *bits = BITS[t];
    *is_unsigned = t >= CTYPE_UINT;
}

/* True if the integer x fits in integer type t. */
static bool int_fits(const Const *x, ConstType t) {
    int bits;
    bool is_unsigned;
    int_type_range(t, &bits, &is_unsigned);
    if (is_unsigned) {
        uint64_t u;
        return const_to_uint64(x, &u) && (bits == 64 || u >> bits == 0);
    }
    int64_t v;
    if (!const_to_int64(x, &v))
        return false;
    if (bits == 64)
        return true;
    int64_t lim = (int64_t)1 << (bits - 1);
    return v >= -lim && v < lim;
}

/* Whether c is a value of type t, and the value it takes there. */
ConstError const_representable(const Const *c, ConstType t, Const *out) {
    Const tmp;
    if (!out)
        out = &tmp;
    switch (c->kind) {
    case CONST_UNKNOWN:
        return fail(CONST_OK, out);
    case CONST_BOOL:
    case CONST_STRING:
        if (t != (c->kind == CONST_BOOL ? CTYPE_BOOL : CTYPE_STRING))
            return fail(CONST_ERR_MISMATCH, out);
        *out = *c;
        return CONST_OK;
    case CONST_INT:
    case CONST_FLOAT:
        break;
    }
    if (t == CTYPE_BOOL || t == CTYPE_STRING)
        return fail(CONST_ERR_MISMATCH, out);
    if (t == CTYPE_FLOAT32 || t == CTYPE_FLOAT64) {
        double d = const_to_double(c);
        if (t == CTYPE_FLOAT32)
            d = (float)d;
        if (isinf(d))
            return fail(CONST_ERR_OVERFLOW, out);
        *out = const_make_float(d);
        return CONST_OK;
    }
    ConstError bad = c->kind == CONST_FLOAT ? CONST_ERR_TRUNCATED : CONST_ERR_OVERFLOW;
    Const x;
    if (const_to_int(c, &x) != CONST_OK || !int_fits(&x, t))
        return fail(bad, out);
    *out = x;
    return CONST_OK;
}

/* ---- Printing --------------------------------------------------------- */

/* An output buffer that counts what does not fit. */
typedef struct Out {
    char *buf;
    size_t cap, len;
} Out;

/* Appends n bytes of s. */
static void out_bytes(Out *o, const char *s, size_t n) {
    for (size_t i = 0; i < n; i++, o->len++)
        if (o->len + 1 < o->cap)
            o->buf[o->len] = s[i];
}

static void out_str(Out *o, const char *s) { out_bytes(o, s, strlen(s)); }

/* Writes x in decimal. */
static void format_int(Out *o, const ConstInt *x) {
    /* 512 bits need at most 155 decimal digits; 9 per chunk. */
    uint32_t chunks[24];
    int n = 0;
    ConstInt m = int_abs(x);
    do
        chunks[n++] = int_div_small(&m, 1000000000u);
    while (!int_is_zero(&m));
    char tmp[16];
    if (int_is_neg(x))
        out_str(o, "-");
    snprintf(tmp, sizeof tmp, "%u", (unsigned)chunks[n - 1]);
    out_str(o, tmp);
    for (int i = n - 2; i >= 0; i--) {
        snprintf(tmp, sizeof tmp, "%09u", (unsigned)chunks[i]);
        out_str(o, tmp);
    }
}

/* Writes into piece rune r of a string being quoted, escaped as
 * strconv.Quote does, and returns its length; src is the rune's encoding
 * (width bytes), and an invalid byte comes as r == -1. */
static int quote_rune(char piece[16], const char *src, int32_t r, int width) {
    static const char SIMPLE[] = "\aa\bb\ff\nn\rr\tt\vv";
    if (r < 0)
        return snprintf(piece, 16, "\\x%02x", (unsigned)(unsigned char)src[0]);
    if (r == '"' || r == '\\')
        return snprintf(piece, 16, "\\%c", (char)r);
    if ((r >= 0x20 && r < 0x7F) || (r >= RUNE_SELF && rune_is_print(r))) {
        memcpy(piece, src, (size_t)width);
        return width;
    }
    for (const char *e = SIMPLE; *e; e += 2)
        if (r == e[0])
            return snprintf(piece, 16, "\\%c", e[1]);
    if (r < 0x20 || r == 0x7F)
        return snprintf(piece, 16, "\\x%02x", (unsigned)r);
    if (r < 0x10000)
        return snprintf(piece, 16, "\\u%04x", (unsigned)r);
    return snprintf(piece, 16, "\\U%08x", (unsigned)r);
}

enum { QUOTE_MAX_RUNES = 72 };   /* go/constant's limit for a quoted string */

/* The beginning of a quoted string: its bytes and where each rune ends. */
typedef struct Quoted {
    char bytes[(QUOTE_MAX_RUNES + 16) * UTF8_MAX];
    size_t end[QUOTE_MAX_RUNES + 16];
    size_t len;
    int nrunes;
} Quoted;

/* Appends a piece of n bytes: one rune if one_rune, else n ASCII runes. */
static void quoted_add(Quoted *q, const char *piece, int n, bool one_rune) {
    for (int i = 0; i < n; i++) {
        q->bytes[q->len++] = piece[i];
        if (!one_rune || i == n - 1)
            q->end[q->nrunes++] = q->len;
    }
}

/* Writes s quoted as strconv.Quote, then cut as go/constant does: a quoted
 * form longer than 72 runes keeps its first 69 runes and gets "...". */
static void format_string(Out *o, const char *s, uint32_t len) {
    Quoted q;
    q.len = 0;
    q.nrunes = 0;
    quoted_add(&q, "\"", 1, false);
    for (uint32_t i = 0; i < len && q.nrunes <= QUOTE_MAX_RUNES;) {
        int width;
        int32_t r = utf8_decode((const unsigned char *)s + i, len - i, &width);
        if (r == RUNE_ERROR && width == 1)
            r = -1;
        char piece[16];
        int n = quote_rune(piece, s + i, r, width);
        quoted_add(&q, piece, n, r >= RUNE_SELF && piece[0] != '\\');
        i += (uint32_t)width;
    }
    if (q.nrunes <= QUOTE_MAX_RUNES)
        quoted_add(&q, "\"", 1, false);
    if (q.nrunes > QUOTE_MAX_RUNES) {
        out_bytes(o, q.bytes, q.end[QUOTE_MAX_RUNES - 4]);
        out_str(o, "...");
        return;
    }
    out_bytes(o, q.bytes, q.len);
}

/* Writes c as go/constant's String does. */
size_t const_format(char *buf, size_t n, const Const *c) {
    Out o = {buf, n, 0};
    char tmp[64];
    switch (c->kind) {
    case CONST_UNKNOWN: out_str(&o, "unknown"); break;
    case CONST_BOOL: out_str(&o, c->u.b ? "true" : "false"); break;
    case CONST_INT: format_int(&o, &c->u.i); break;
    case CONST_FLOAT:
        snprintf(tmp, sizeof tmp, "%.6g", c->u.f);
        out_str(&o, tmp);
        break;
    case CONST_STRING: format_string(&o, c->u.str.bytes, c->u.str.len); break;
    }
    if (n > 0)
        buf[o.len < n ? o.len : n - 1] = 0;
    return o.len;
}
