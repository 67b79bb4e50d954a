/* const.c — exact constant arithmetic (see const.h).
 *
 * Invariant: every CONST_INT a public function returns has a magnitude
 * below 2^512.  Intermediate results may use the headroom of the ninth limb
 * (an add or a left shift of a valid value never wraps 576 bits); products
 * and quotients work on magnitudes in wider scratch arrays.
 *
 * Invariant: every CONST_FLOAT is normalized (see ConstFloat) and was
 * rounded once, to nearest even, from the exact result of the operation
 * that made it (for a decimal literal that cannot be exact, from a value
 * rounded to odd at 1152 bits; see the Floats section). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lexer/runes.h"
#include "types/const.h"

#define NLIMBS CONST_INT_LIMBS
#define NBITS (NLIMBS * 64)

/* ---- Limb arrays: unsigned magnitudes, least significant limb first --- */

/* The full 128-bit product of a and b, as *hi:*lo. */
static void mul_64x64(uint64_t a, uint64_t b, uint64_t *hi, uint64_t *lo) {
    uint64_t a0 = a & 0xFFFFFFFFu, a1 = a >> 32, b0 = b & 0xFFFFFFFFu, b1 = b >> 32;
    uint64_t p00 = a0 * b0, p01 = a0 * b1, p10 = a1 * b0, p11 = a1 * b1;
    uint64_t mid = (p00 >> 32) + (p01 & 0xFFFFFFFFu) + (p10 & 0xFFFFFFFFu);
    *lo = (mid << 32) | (p00 & 0xFFFFFFFFu);
    *hi = p11 + (p01 >> 32) + (p10 >> 32) + (mid >> 32);
}

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


/* True if all n limbs of w are zero. */
static bool limbs_is_zero(const uint64_t *w, int n) {
    for (int i = 0; i < n; i++)
        if (w[i])
            return false;
    return true;
}

/* w <<= k in place; bits shifted beyond n limbs are lost. */
static void limbs_shl(uint64_t *w, int n, int64_t k) {
    if (k <= 0)
        return;
    if (k >= (int64_t)n * 64) {
        memset(w, 0, (size_t)n * sizeof *w);
        return;
    }
    int words = (int)(k / 64), bits = (int)(k % 64);
    for (int i = n - 1; i >= 0; i--) {
        uint64_t v = i - words >= 0 ? w[i - words] << bits : 0;
        if (bits && i - words - 1 >= 0)
            v |= w[i - words - 1] >> (64 - bits);
        w[i] = v;
    }
}

/* w >>= k in place; returns true if a one bit was shifted out. */
static bool limbs_shr(uint64_t *w, int n, int64_t k) {
    if (k <= 0)
        return false;
    if (k >= (int64_t)n * 64) {
        bool lost = !limbs_is_zero(w, n);
        memset(w, 0, (size_t)n * sizeof *w);
        return lost;
    }
    int words = (int)(k / 64), bits = (int)(k % 64);
    bool lost = false;
    for (int i = 0; i < words; i++)
        lost |= w[i] != 0;
    if (bits)
        lost |= (w[words] << (64 - bits)) != 0;
    for (int i = 0; i < n; i++) {
        uint64_t lo = i + words < n ? w[i + words] : 0;
        uint64_t hi = i + words + 1 < n ? w[i + words + 1] : 0;
        w[i] = bits ? (lo >> bits) | (hi << (64 - bits)) : lo;
    }
    return lost;
}

/* w += x over n limbs; returns the carry out. */
static uint64_t limbs_add(uint64_t *w, const uint64_t *x, int n) {
    uint64_t carry = 0;
    for (int i = 0; i < n; i++) {
        uint64_t s = w[i] + carry;
        carry = s < carry;
        w[i] = s + x[i];
        carry += w[i] < s;
    }
    return carry;
}

/* w -= x over n limbs, for w >= x. */
static void limbs_sub(uint64_t *w, const uint64_t *x, int n) {
    uint64_t borrow = 0;
    for (int i = 0; i < n; i++) {
        uint64_t d = w[i] - x[i];
        uint64_t b = w[i] < x[i];
        w[i] = d - borrow;
        borrow = b | (d < borrow);
    }
}

/* -1, 0 or +1 as a is below, equal to or above b (n limbs each). */
static int limbs_cmp(const uint64_t *a, const uint64_t *b, int n) {
    for (int i = n - 1; i >= 0; i--)
        if (a[i] != b[i])
            return a[i] < b[i] ? -1 : 1;
    return 0;
}

/* out = a * b; out has na + nb limbs and must not overlap a or b. */
static void limbs_mul(uint64_t *out, const uint64_t *a, int na, const uint64_t *b, int nb) {
    memset(out, 0, (size_t)(na + nb) * sizeof *out);
    for (int i = 0; i < na; i++) {
        if (!a[i])
            continue;
        uint64_t carry = 0;
        for (int j = 0; j < nb; j++) {
            uint64_t hi, lo;
            mul_64x64(a[i], b[j], &hi, &lo);
            lo += carry;
            hi += lo < carry;
            out[i + j] += lo;
            hi += out[i + j] < lo;
            carry = hi;
        }
        out[i + nb] += carry;
    }
}

/* w = w * m + add over n limbs (bits beyond n limbs are lost). */
static void limbs_mul_small(uint64_t *w, int n, uint32_t m, uint32_t add) {
    uint64_t carry = add;
    for (int i = 0; i < n; i++) {
        uint64_t lo = (w[i] & 0xFFFFFFFFu) * m + carry;
        uint64_t hi = (w[i] >> 32) * m + (lo >> 32);
        w[i] = (hi << 32) | (lo & 0xFFFFFFFFu);
        carry = hi >> 32;
    }
}

/* w /= d in place; returns the remainder. */
static uint32_t limbs_div_small(uint64_t *w, int n, uint32_t d) {
    uint64_t rem = 0;
    for (int i = n - 1; i >= 0; i--) {
        uint64_t hi = (rem << 32) | (w[i] >> 32);
        uint64_t qhi = hi / d;
        rem = hi % d;
        uint64_t lo = (rem << 32) | (w[i] & 0xFFFFFFFFu);
        w[i] = (qhi << 32) | (lo / d);
        rem = lo % d;
    }
    return (uint32_t)rem;
}

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

/* x * y; false if |x * y| needs more than 512 bits. */
static bool int_mul(const ConstInt *x, const ConstInt *y, ConstInt *out) {
    ConstInt a = int_abs(x), b = int_abs(y);
    uint64_t p[2 * NLIMBS];
    limbs_mul(p, a.limb, NLIMBS, b.limb, NLIMBS);
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

/* ---- Floats ------------------------------------------------------------
 *
 * Arithmetic works on an XFloat, a sign, an unbounded integer m and a
 * binary exponent, in a scratch array wide enough for the exact sum,
 * product or scaled quotient of two CONST_FLOAT_BITS-bit mantissas.  The
 * result is then rounded once to CONST_FLOAT_BITS bits, ties to even.
 * Where a step cannot be exact (a quotient, a power of five in a decimal
 * literal), it is rounded "to odd" at XP >= CONST_FLOAT_BITS + 2 bits: the
 * lowest bit is set when anything was lost.  Such a value is never on a
 * rounding boundary of the final precision, so the final rounding is the
 * one the exact value would get. */

#define FL CONST_FLOAT_LIMBS
#define FBITS CONST_FLOAT_BITS

enum {
    XP = FBITS + 64,            /* working precision of inexact steps */
    XL = 2 * (XP / 64) + 2,     /* scratch limbs: a product of two XP-bit values */
};

/* (-1)^neg * m * 2^exp. */
typedef struct XFloat {
    uint64_t m[XL];
    int64_t exp;
    bool neg;
} XFloat;

/* An XFloat holding the small integer v. */
static XFloat x_from_u64(uint64_t v) {
    XFloat x;
    memset(&x, 0, sizeof x);
    x.m[0] = v;
    return x;
}

/* The value of f as an XFloat. */
static XFloat x_from_float(const ConstFloat *f) {
    XFloat x = x_from_u64(0);
    memcpy(x.m, f->mant, sizeof f->mant);
    x.exp = (int64_t)f->exp - FBITS;
    x.neg = f->neg;
    return x;
}

/* The value of the integer v as an XFloat. */
static XFloat x_from_int(const ConstInt *v) {
    XFloat x = x_from_u64(0);
    ConstInt m = int_abs(v);
    memcpy(x.m, m.limb, sizeof m.limb);
    x.neg = int_is_neg(v);
    return x;
}

/* Rounds x to prec bits, to odd: if lost (or any bit shifted out) is set,
 * the lowest bit becomes 1.  x must have at least prec bits when lost. */
static void x_round_odd(XFloat *x, int prec, bool lost) {
    int len = limbs_bit_len(x->m, XL);
    if (len > prec) {
        lost |= limbs_shr(x->m, XL, len - prec);
        x->exp += len - prec;
    }
    if (lost)
        x->m[0] |= 1;
}

/* Rounds x to prec bits, to nearest, ties to even. */
static void x_round_even(XFloat *x, int prec) {
    int len = limbs_bit_len(x->m, XL);
    if (len <= prec)
        return;
    int k = len - prec;
    bool below = limbs_shr(x->m, XL, k - 1);
    bool half = x->m[0] & 1;
    limbs_shr(x->m, XL, 1);
    x->exp += k;
    if (half && (below || (x->m[0] & 1))) {
        uint64_t one[XL] = {1};
        limbs_add(x->m, one, XL);
        if (limbs_bit_len(x->m, XL) > prec) {
            limbs_shr(x->m, XL, 1);
            x->exp++;
        }
    }
}

/* Rounds x to a ConstFloat; CONST_ERR_RANGE if its exponent is beyond
 * int32, zero if below (big.Float's underflow). */
static ConstError x_pack(XFloat *x, ConstFloat *out) {
    memset(out, 0, sizeof *out);
    x_round_even(x, FBITS);
    int len = limbs_bit_len(x->m, XL);
    if (len == 0)
        return CONST_OK;
    int64_t e = x->exp + len;   /* 2^(e-1) <= |x| < 2^e */
    if (e > INT32_MAX)
        return CONST_ERR_RANGE;
    if (e < INT32_MIN)
        return CONST_OK;
    limbs_shl(x->m, XL, FBITS - len);
    memcpy(out->mant, x->m, sizeof out->mant);
    out->exp = (int32_t)e;
    out->neg = x->neg;
    return CONST_OK;
}

/* x * y, both of at most XP bits, rounded to odd at XP bits. */
static void x_mul(XFloat *x, const XFloat *y) {
    uint64_t p[XL];
    limbs_mul(p, x->m, XL / 2, y->m, XL / 2);
    memcpy(x->m, p, sizeof p);
    x->exp += y->exp;
    x->neg ^= y->neg;
    x_round_odd(x, XP, false);
}

/* base^n (n > 0) by squaring, each step rounded to odd at XP bits (exact
 * while the powers fit). */
static XFloat x_pow(XFloat base, uint64_t n) {
    XFloat r = x_from_u64(1);
    for (;;) {
        if (n & 1)
            x_mul(&r, &base);
        n >>= 1;
        if (!n)
            return r;
        x_mul(&base, &base);
    }
}

/* True if f is zero. */
static bool float_is_zero(const ConstFloat *f) { return f->mant[FL - 1] == 0; }

/* The float equal to the integer v (exact: integers have at most 512 bits). */
static ConstFloat float_from_int(const ConstInt *v) {
    XFloat x = x_from_int(v);
    ConstFloat f;
    x_pack(&x, &f);
    return f;
}

/* a + b, or a - b if sub. */
static ConstError float_add(const ConstFloat *a, const ConstFloat *b, bool sub, ConstFloat *out) {
    XFloat x = x_from_float(a), y = x_from_float(b);
    y.neg ^= sub;
    if (float_is_zero(b) || float_is_zero(a)) {
        XFloat *z = float_is_zero(b) ? &x : &y;
        return x_pack(z, out);
    }
    if (a->exp < b->exp) {
        XFloat t = x;
        x = y;
        y = t;
    }
    int64_t d = x.exp - y.exp;
    if (d > FBITS + 8) {
        /* y is below half a unit of x's eighth bit past its last: any
         * value of the same sign there rounds the same way. */
        limbs_shl(x.m, XL, 8);
        x.exp -= 8;
        bool yneg = y.neg;
        y = x_from_u64(1);
        y.neg = yneg;
        y.exp = x.exp;
    } else {
        limbs_shl(x.m, XL, d);
        x.exp = y.exp;
    }
    if (x.neg == y.neg) {
        limbs_add(x.m, y.m, XL);
    } else if (limbs_cmp(x.m, y.m, XL) >= 0) {
        limbs_sub(x.m, y.m, XL);
    } else {
        limbs_sub(y.m, x.m, XL);
        memcpy(x.m, y.m, sizeof x.m);
        x.neg = y.neg;
    }
    if (limbs_is_zero(x.m, XL))
        x.neg = false;
    return x_pack(&x, out);
}

/* a * b. */
static ConstError float_mul(const ConstFloat *a, const ConstFloat *b, ConstFloat *out) {
    XFloat x = x_from_float(a), y = x_from_float(b);
    limbs_mul(x.m, a->mant, FL, b->mant, FL);
    x.exp += y.exp;
    x.neg ^= y.neg;
    if (limbs_is_zero(x.m, XL))
        x.neg = false;
    return x_pack(&x, out);
}

/* q = a / b and r = a % b over n limbs, by binary long division; b != 0. */
static void limbs_divmod(uint64_t *q, uint64_t *r, const uint64_t *a, const uint64_t *b, int n) {
    memset(q, 0, (size_t)n * sizeof *q);
    memset(r, 0, (size_t)n * sizeof *r);
    int active = limbs_bit_len(b, n) / 64 + 2;   /* r < 2b fits in these */
    if (active > n)
        active = n;
    for (int i = limbs_bit_len(a, n) - 1; i >= 0; i--) {
        uint64_t carry = (a[i / 64] >> (i % 64)) & 1;
        for (int j = 0; j < active; j++) {   /* r = r << 1 | bit i of a */
            uint64_t top = r[j] >> 63;
            r[j] = r[j] << 1 | carry;
            carry = top;
        }
        if (limbs_cmp(r, b, active) >= 0) {
            limbs_sub(r, b, active);
            q[i / 64] |= (uint64_t)1 << (i % 64);
        }
    }
}

/* a / b for b != 0: a quotient of at least FBITS + 8 bits, rounded to odd,
 * then to nearest. */
static ConstError float_div(const ConstFloat *a, const ConstFloat *b, ConstFloat *out) {
    XFloat x = x_from_float(a), y = x_from_float(b);
    uint64_t num[XL], r[XL];
    memcpy(num, x.m, sizeof num);
    limbs_shl(num, XL, FBITS + 8);
    limbs_divmod(x.m, r, num, y.m, XL);
    x.exp -= FBITS + 8 + y.exp;
    x.neg ^= y.neg;
    if (limbs_is_zero(x.m, XL))
        x.neg = false;
    x_round_odd(&x, limbs_bit_len(x.m, XL), !limbs_is_zero(r, XL));
    return x_pack(&x, out);
}

/* -1, 0 or +1 as a is below, equal to or above b. */
static int float_cmp(const ConstFloat *a, const ConstFloat *b) {
    int sa = float_is_zero(a) ? 0 : a->neg ? -1 : 1;
    int sb = float_is_zero(b) ? 0 : b->neg ? -1 : 1;
    if (sa != sb)
        return sa < sb ? -1 : 1;
    if (sa == 0)
        return 0;
    int mag = a->exp != b->exp ? (a->exp < b->exp ? -1 : 1) : limbs_cmp(a->mant, b->mant, FL);
    return sa * mag;
}

/* floor(f / 2^shift) as an integer; *exact tells whether nothing was
 * dropped.  False if the result needs more than 512 bits. */
static bool float_floor_int(const ConstFloat *f, int64_t shift, ConstInt *out, bool *exact) {
    uint64_t m[XL] = {0};
    memcpy(m, f->mant, sizeof f->mant);
    int64_t e = (int64_t)f->exp - FBITS - shift;   /* |f| / 2^shift = m * 2^e */
    *exact = true;
    if (float_is_zero(f)) {
        *out = int_from_u64(0);
        return true;
    }
    if (e > 0) {
        if (FBITS + e > CONST_INT_BITS)
            return false;
        limbs_shl(m, XL, e);
    } else {
        *exact = !limbs_shr(m, XL, -e);
    }
    if (f->neg && !*exact) {
        uint64_t one[XL] = {1};
        limbs_add(m, one, XL);
    }
    if (limbs_bit_len(m, XL) > CONST_INT_BITS)
        return false;
    memset(out, 0, sizeof *out);
    memcpy(out->limb, m, sizeof out->limb);
    if (f->neg)
        *out = int_neg(out);
    return true;
}

/* True if f has no fractional part. */
static bool float_is_integral(const ConstFloat *f) {
    if (float_is_zero(f) || f->exp >= FBITS)
        return true;
    if (f->exp <= 0)
        return false;
    uint64_t m[FL];
    memcpy(m, f->mant, sizeof m);
    return !limbs_shr(m, FL, FBITS - f->exp);
}

/* f rounded once to a binary format of mant_bits significant bits whose
 * lowest bit is worth at least 2^min_unit (subnormals) and whose values
 * are below 2^max_exp, ties to even.  False if it rounds beyond the
 * format's range. */
static bool float_round_to(const ConstFloat *f, int mant_bits, int min_unit, int max_exp, double *out) {
    *out = 0;
    if (float_is_zero(f))
        return true;
    int64_t unit = (int64_t)f->exp - mant_bits;   /* weight of the result's lowest bit */
    if (unit < min_unit)
        unit = min_unit;
    int64_t drop = unit - ((int64_t)f->exp - FBITS);
    if (drop > FBITS + 1)
        return true;                 /* below a quarter of the smallest unit */
    uint64_t m[FL];
    memcpy(m, f->mant, sizeof m);
    bool below = limbs_shr(m, FL, drop - 1);
    bool half = m[0] & 1;
    limbs_shr(m, FL, 1);
    uint64_t q = m[0];
    if (half && (below || (q & 1)))
        q++;
    if (q == 0)
        return true;
    if (limbs_bit_len(&q, 1) + unit > max_exp)
        return false;
    *out = ldexp((double)q, (int)unit);
    if (f->neg)
        *out = -*out;
    return true;
}

/* f as the nearest double; false if it rounds beyond the double range. */
static bool float_to_double(const ConstFloat *f, double *out) { return float_round_to(f, 53, -1074, 1024, out); }

/* The float equal to the finite double d. */
static ConstFloat float_from_double(double d) {
    ConstFloat f;
    memset(&f, 0, sizeof f);
    if (d == 0)
        return f;
    int e;
    double fr = frexp(d < 0 ? -d : d, &e);   /* 0.5 <= fr < 1 */
    f.mant[FL - 1] = (uint64_t)ldexp(fr, 64);
    f.exp = e;
    f.neg = d < 0;
    return f;
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

/* A CONST_FLOAT holding f. */
static Const make_float(const ConstFloat *f) {
    Const c = const_make_unknown();
    c.kind = CONST_FLOAT;
    c.u.f = *f;
    return c;
}

/* A float constant, exactly d; infinities and NaN give CONST_UNKNOWN, and
 * -0 is 0 (constants have no negative zero). */
Const const_make_float(double d) {
    if (!isfinite(d))
        return const_make_unknown();
    ConstFloat f = float_from_double(d);
    return make_float(&f);
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
        limbs_mul_small(x.limb, NLIMBS, base, d);
        if (x.limb[NLIMBS - 1] != 0)   /* beyond 512 bits */
            return CONST_ERR_OVERFLOW;
        any = true;
    }
    if (!any)
        return CONST_ERR_MALFORMED;
    *out = make_int(&x);
    return CONST_OK;
}

/* Multiplies x by 5^n (n may be negative), rounding to odd at XP bits
 * where the result is not exact. */
static void x_scale_pow5(XFloat *x, int64_t n) {
    if (n > 0) {
        XFloat p = x_pow(x_from_u64(5), (uint64_t)n);
        x_mul(x, &p);
        return;
    }
    if (n < -4096) {
        /* Far below: multiply by (1/5)^-n, itself rounded to odd. */
        XFloat fifth = x_from_u64(1);
        limbs_shl(fifth.m, XL, XP + 64);
        fifth.exp = -(XP + 64);
        x_round_odd(&fifth, XP, limbs_div_small(fifth.m, XL, 5) != 0);
        XFloat p = x_pow(fifth, (uint64_t)-n);
        x_mul(x, &p);
        return;
    }
    /* Divide by 5^13 at a time (5^13 < 2^31), with 64 bits of headroom
     * below XP: a quotient that is exact stays exact. */
    while (n < 0) {
        int k = n < -13 ? 13 : (int)-n;
        uint32_t d = 1;
        for (int i = 0; i < k; i++)
            d *= 5;
        int shift = XP + 64 - limbs_bit_len(x->m, XL);
        limbs_shl(x->m, XL, shift);
        x->exp -= shift;
        uint32_t rem = limbs_div_small(x->m, XL, d);
        x_round_odd(x, XP, rem != 0);
        n += k;
    }
}

/* The exponent after 'e' or 'p' in s[*i..len): an optional sign and digits
 * (clamped far beyond any valid exponent); false if malformed. */
static bool scan_exponent(const char *s, uint32_t len, uint32_t *i, int64_t *out) {
    bool neg = false, any = false;
    int64_t e = 0;
    if (*i < len && (s[*i] == '+' || s[*i] == '-'))
        neg = s[(*i)++] == '-';
    for (; *i < len; (*i)++) {
        if (s[*i] == '_')
            continue;
        if (s[*i] < '0' || s[*i] > '9')
            return false;
        if (e < (int64_t)1 << 40)
            e = e * 10 + (s[*i] - '0');
        any = true;
    }
    *out = neg ? -e : e;
    return any;
}

/* A decimal or hexadecimal float literal, with '_' separators, read
 * exactly: the digits as an integer (XP bits; the rest folded in as a
 * sticky bit), times 2^exp or 10^exp, rounded once. */
static ConstError float_literal(const char *s, uint32_t len, Const *out) {
    bool hex = len >= 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X');
    unsigned base = hex ? 16 : 10;
    XFloat x = x_from_u64(0);
    int64_t scale = 0;   /* digits after the point (negative), dropped digits before it */
    bool lost = false, any = false, point = false;
    uint32_t i = hex ? 2 : 0;
    for (; i < len; i++) {
        if (s[i] == '_')
            continue;
        if (s[i] == '.') {
            if (point)
                return CONST_ERR_MALFORMED;
            point = true;
            continue;
        }
        unsigned d = digit_value(s[i]);
        if (d >= base)
            break;
        any = true;
        if (limbs_bit_len(x.m, XL) < XP) {
            limbs_mul_small(x.m, XL, base, d);
            scale -= point;
        } else {
            lost |= d != 0;
            scale += !point;
        }
    }
    int64_t e = 0;
    if (!any)
        return CONST_ERR_MALFORMED;
    if (i < len) {
        char c = s[i++];
        if ((hex ? (c != 'p' && c != 'P') : (c != 'e' && c != 'E')) || !scan_exponent(s, len, &i, &e))
            return CONST_ERR_MALFORMED;
    } else if (hex) {
        return CONST_ERR_MALFORMED;
    }
    Const c = const_make_unknown();
    c.kind = CONST_FLOAT;
    if (limbs_is_zero(x.m, XL) && !lost) {
        *out = c;
        return CONST_OK;
    }
    if (lost) {
        limbs_shl(x.m, XL, 2);
        x.m[0] |= 1;
        x.exp -= 2;
    }
    int64_t pow2 = hex ? scale * 4 + e : scale + e;
    x.exp += pow2;
    /* big.Float refuses a binary exponent beyond int32 before scaling. */
    int64_t bin = x.exp + limbs_bit_len(x.m, XL);
    if (bin > INT32_MAX || bin < INT32_MIN)
        return CONST_ERR_RANGE;
    if (!hex)
        x_scale_pow5(&x, pow2);
    ConstError err = x_pack(&x, &c.u.f);
    if (err != CONST_OK)
        return err;
    *out = c;
    return CONST_OK;
}

/* The value of a literal token, by its kind. */
ConstError const_from_literal(Arena *a, TokenKind kind, const char *lit, uint32_t len, Const *out) {
    *out = const_make_unknown();
    switch (kind) {
    case TOK_INT:
        return int_literal(lit, len, out);
    case TOK_FLOAT:
        return float_literal(lit, len, out);
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

/* Stores a float result, or err (CONST_UNKNOWN) if it is not CONST_OK. */
static ConstError finish_float(ConstError err, const ConstFloat *f, Const *out) {
    if (err != CONST_OK) {
        *out = const_make_unknown();
        return err;
    }
    *out = make_float(f);
    return CONST_OK;
}

/* The value of a number as a float (exact). */
static ConstFloat number_float(const Const *c) {
    return c->kind == CONST_FLOAT ? c->u.f : float_from_int(&c->u.i);
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
        if (x->kind == CONST_FLOAT) {
            ConstFloat z = x->u.f;
            z.neg = !float_is_zero(&z) && !z.neg;
            return finish_float(CONST_OK, &z, out);
        }
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
static ConstError float_binary(TokenKind op, const ConstFloat *x, const ConstFloat *y, Const *out) {
    ConstFloat z;
    switch (op) {
    case TOK_ADD: return finish_float(float_add(x, y, false, &z), &z, out);
    case TOK_SUB: return finish_float(float_add(x, y, true, &z), &z, out);
    case TOK_MUL: return finish_float(float_mul(x, y, &z), &z, out);
    case TOK_QUO:
        if (float_is_zero(y))
            return fail(CONST_ERR_DIV_ZERO, out);
        return finish_float(float_div(x, y, &z), &z, out);
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
        ConstFloat fx = number_float(x), fy = number_float(y);
        return float_binary(op, &fx, &fy, out);
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
    bool wide = op == TOK_SHR && x->kind == CONST_FLOAT && float_is_integral(&x->u.f);
    ConstError err = wide ? CONST_OK : const_to_int(x, &xi);
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
    if (wide) {
        /* An integral float of any size: floor(x / 2^n). */
        ConstInt z;
        bool exact;
        if (!float_floor_int(&x->u.f, (int64_t)n, &z, &exact))
            return fail(CONST_ERR_OVERFLOW, out);
        *out = make_int(&z);
        return CONST_OK;
    }
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
            ConstFloat a = number_float(x), b = number_float(y);
            cmp = float_cmp(&a, &b);
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

/* The integer value of an integral number. */
ConstError const_to_int(const Const *c, Const *out) {
    if (c->kind == CONST_INT) {
        *out = *c;
        return CONST_OK;
    }
    if (c->kind != CONST_FLOAT)
        return fail(CONST_ERR_MISMATCH, out);
    if (!float_is_integral(&c->u.f))
        return fail(CONST_ERR_NOT_INTEGER, out);
    ConstInt x;
    bool exact;
    if (!float_floor_int(&c->u.f, 0, &x, &exact))
        return fail(CONST_ERR_OVERFLOW, out);
    *out = make_int(&x);
    return CONST_OK;
}

/* A number as a CONST_FLOAT. */
ConstError const_to_float(const Const *c, Const *out) {
    if (!is_number(c))
        return fail(CONST_ERR_MISMATCH, out);
    ConstFloat f = number_float(c);
    *out = make_float(&f);
    return CONST_OK;
}

/* True if c is a number without a fractional part. */
bool const_is_integral(const Const *c) {
    return c->kind == CONST_INT || (c->kind == CONST_FLOAT && float_is_integral(&c->u.f));
}

/* The value as an int64, if it is an integer that fits. */
bool const_to_int64(const Const *c, int64_t *out) {
    if (c->kind == CONST_INT) {
        /* two's complement: it fits when every higher limb extends limb 0's sign */
        uint64_t ext = (int64_t)c->u.i.limb[0] < 0 ? UINT64_MAX : 0;
        for (int i = 1; i < NLIMBS; i++)
            if (c->u.i.limb[i] != ext)
                return false;
        *out = (int64_t)c->u.i.limb[0];
        return true;
    }
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
    if (!is_number(c))
        return 0;
    ConstFloat f = number_float(c);
    double d;
    if (!float_to_double(&f, &d))
        return f.neg ? -HUGE_VAL : HUGE_VAL;
    return d;
}

/* The sign of a number. */
int const_sign(const Const *c) {
    if (c->kind == CONST_FLOAT)
        return float_is_zero(&c->u.f) ? 0 : c->u.f.neg ? -1 : 1;
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
        ConstFloat f = number_float(c);
        double d;
        bool ok = t == CTYPE_FLOAT32 ? float_round_to(&f, 24, -149, 128, &d) : float_to_double(&f, &d);
        if (!ok)
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
        chunks[n++] = limbs_div_small(m.limb, NLIMBS, 1000000000u);
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

/* 10^y for |y| < 1, to within a few ulps (the library links with libc
 * alone, so there is no pow): exp(y ln 10) as (exp(y ln 10 / 16))^16. */
static double pow10_frac(double y) {
    double t = y * 2.302585092994045684017991454684364208 / 16, term = 1, sum = 1;
    for (int k = 1; k < 24; k++) {
        term *= t / k;
        sum += term;
    }
    for (int k = 0; k < 4; k++)
        sum *= sum;
    return sum;
}

/* Writes f as go/constant does: %.6g of the nearest double, or outside
 * the double range its approximation m·10^e from the binary exponent. */
static void format_float(Out *o, const ConstFloat *f) {
    char tmp[64];
    double d;
    if (float_is_zero(f) || (float_to_double(f, &d) && d != 0)) {
        snprintf(tmp, sizeof tmp, "%.6g", float_is_zero(f) ? 0.0 : d);
        out_str(o, tmp);
        return;
    }
    ConstFloat mant = *f;   /* 0.5 <= |mant| < 1 */
    mant.exp = 0;
    double m;
    float_to_double(&mant, &m);
    double dexp = (double)f->exp * 0.301029995663981195213738894724493026768;   /* log10(2) */
    int64_t e = (int64_t)dexp;
    m *= pow10_frac(dexp - (double)e);
    double am = m < 0 ? -m : m;
    if (am < 1 - 0.5e-6) {
        m *= 10;
        e--;
    } else if (am >= 10) {
        m /= 10;
        e++;
    }
    snprintf(tmp, sizeof tmp, "%.6ge%+lld", m, (long long)e);
    out_str(o, tmp);
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
    switch (c->kind) {
    case CONST_UNKNOWN: out_str(&o, "unknown"); break;
    case CONST_BOOL: out_str(&o, c->u.b ? "true" : "false"); break;
    case CONST_INT: format_int(&o, &c->u.i); break;
    case CONST_FLOAT: format_float(&o, &c->u.f); break;
    case CONST_STRING: format_string(&o, c->u.str.bytes, c->u.str.len); break;
    }
    if (n > 0)
        buf[o.len < n ? o.len : n - 1] = 0;
    return o.len;
}
