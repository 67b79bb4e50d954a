/* divconst.c — integer division and modulus by constants, as shifts and
 * multiplications.
 *
 * A divide instruction takes tens of cycles; a divisor known at compile
 * time does not need one (Hacker's Delight, chapter 10; gc makes the same
 * choices).  For a value x of width W and a constant c:
 *
 *   - c a power of two 2^k: unsigned x / c is x >> k and x % c is
 *     x & (c-1); signed division rounds toward zero, so a negative x first
 *     gets c-1 added (the bias, taken from x's sign bit) before the
 *     arithmetic shift, and x % c is x minus the biased x with its low k
 *     bits cleared;
 *   - any other c: the quotient is the high part of x times a "magic"
 *     approximation of 2^N / c, shifted; the signed form subtracts x's
 *     sign (-1 for negative x) to round toward zero.  Widths up to 32 bits
 *     work in 64-bit registers; 64-bit values need the high word of a
 *     128-bit product (Hmul, HmulU) and, when the magic number needs 65
 *     bits, gc's correction steps;
 *   - x % c is x - (x / c) * c;
 *   - signed: x / -c is -(x / c) and x % -c is x % c; x / -1 is -x (MinInt
 *     stays MinInt, as Go wants); x / MinInt is 1 for x == MinInt and 0
 *     otherwise.
 *
 * A divisor of 0 is left alone (the DivCheck in front panics), and so are
 * x / 1, x % 1 and x % -1, which constant folding turns into x and 0
 * before this pass.  Each rewritten value becomes a copy of its result,
 * bypassed by copy elimination at the end; CSE, which runs later, merges
 * the quotient a function computes for both x / c and x % c. */
#include "ssa/ssa.h"

/* Where the replacement of one division goes: in front of it. */
typedef struct DivRewrite {
    SsaFunc *f;
    Block *b;
    int at;                   /* index of the division in b */
    Value *v;                 /* the division */
} DivRewrite;

/* Width in bits of an integer class. */
static int class_width(int cls) {
    switch (cls) {
    case CLS_I8: return 8;
    case CLS_I16: return 16;
    case CLS_I32: return 32;
    default: return 64;
    }
}

/* Inserts op(a, b) (b may be NULL) in front of the division. */
static Value *emit2(DivRewrite *r, Op op, int cls, Value *a, Value *b) {
    Type *t = cls == r->v->cls ? r->v->type : NULL;
    Value *w = ssa_value_new_at(r->b, r->at++, op, (ValClass)cls, t, r->v->pos);
    ssa_value_add_arg(r->f, w, a);
    if (b)
        ssa_value_add_arg(r->f, w, b);
    return w;
}

/* Inserts the integer constant bits of class cls (sign-extended, the
 * form constant folding writes). */
static Value *konst(DivRewrite *r, int cls, int64_t bits) {
    Value *w = ssa_value_new_at(r->b, r->at++, SSA_OP_CONST, (ValClass)cls, NULL, r->v->pos);
    w->aux_int = ssa_const_sext(bits, cls);
    return w;
}

/* x op constant k, at x's class (shift counts: I64 constants). */
static Value *emit_k(DivRewrite *r, Op op, Value *x, int64_t k) {
    bool shift = op == SSA_OP_SHL || op == SSA_OP_SHR || op == SSA_OP_SHRU;
    return emit2(r, op, x->cls, x, konst(r, shift ? CLS_I64 : x->cls, k));
}

/* floor(2^k / d) modulo 2^64, for 0 <= k <= 127 and d >= 2, by long
 * division one bit at a time. */
static uint64_t pow2_div(int k, uint64_t d) {
    uint64_t q = 0, rem = 0;
    for (int bit = k; bit >= 0; bit--) {
        uint64_t top = rem >> 63;
        rem = (rem << 1) | (bit == k);
        q <<= 1;
        if (top || rem >= d) {
            rem -= d;
            q |= 1;
        }
    }
    return q;
}

/* The number of bits of u (0 for 0). */
static int bit_len(uint64_t u) {
    int n = 0;
    while (u) {
        n++;
        u >>= 1;
    }
    return n;
}

static bool is_pow2(uint64_t u) {
    return u != 0 && (u & (u - 1)) == 0;
}

/* The unsigned quotient x / u at width w, for u >= 2. */
static Value *udiv(DivRewrite *r, Value *x, int w, uint64_t u) {
    if (is_pow2(u))
        return emit_k(r, SSA_OP_SHRU, x, bit_len(u) - 1);
    if (w <= 32) {
        /* with M = ceil(2^64/u) = 2^64/u + e/u (0 < e < u), x*M/2^64 is
         * x/u plus less than x*u/2^64/u < 1/u: its floor is the quotient */
        Value *xz = emit2(r, SSA_OP_ZEXT, CLS_I64, x, NULL);
        Value *q = emit2(r, SSA_OP_HMULU, CLS_I64, xz, konst(r, CLS_I64, (int64_t)(UINT64_MAX / u + 1)));
        return emit2(r, SSA_OP_TRUNC, x->cls, q, NULL);
    }
    /* M = ceil(2^(64+s)/u) needs 65 bits: m is M - 2^64 */
    int s = bit_len(u);
    uint64_t m = pow2_div(64 + s, u) + 1;
    if (m % 2 == 0) {
        Value *h = emit2(r, SSA_OP_HMULU, CLS_I64, x, konst(r, CLS_I64, (int64_t)((1ull << 63) + m / 2)));
        return emit_k(r, SSA_OP_SHRU, h, s - 1);
    }
    if (u % 2 == 0) {
        Value *half = emit_k(r, SSA_OP_SHRU, x, 1);
        Value *h = emit2(r, SSA_OP_HMULU, CLS_I64, half,
                         konst(r, CLS_I64, (int64_t)((1ull << 63) + (m + 1) / 2)));
        return emit_k(r, SSA_OP_SHRU, h, s - 2);
    }
    /* (x + x*m/2^64) / 2^s without the 65-bit sum: t <= x, so
     * ((x - t) >> 1) + t is the sum halved */
    Value *t = emit2(r, SSA_OP_HMULU, CLS_I64, x, konst(r, CLS_I64, (int64_t)m));
    Value *avg = emit2(r, SSA_OP_ADD, CLS_I64, emit_k(r, SSA_OP_SHRU, emit2(r, SSA_OP_SUB, CLS_I64, x, t), 1),
                       t);
    return emit_k(r, SSA_OP_SHRU, avg, s - 1);
}

/* The signed quotient x / a at width w, for a >= 3 not a power of two. */
static Value *sdiv_magic(DivRewrite *r, Value *x, int w, uint64_t a) {
    int s = bit_len(a) - 1; /* 2^s < a < 2^(s+1) */
    if (w <= 32) {
        /* M = ceil(2^(w+s)/a) <= 2^w, so x*M fits in 64 bits */
        uint64_t m = pow2_div(w + s, a) + 1;
        Value *xs = emit2(r, SSA_OP_SEXT, CLS_I64, x, NULL);
        Value *t = emit2(r, SSA_OP_MUL, CLS_I64, xs, konst(r, CLS_I64, (int64_t)m));
        Value *q = emit2(r, SSA_OP_SUB, CLS_I64, emit_k(r, SSA_OP_SHR, t, w + s), emit_k(r, SSA_OP_SHR, xs, 63));
        return emit2(r, SSA_OP_TRUNC, x->cls, q, NULL);
    }
    /* M = ceil(2^(64+s)/a) lies in (2^63, 2^64) */
    uint64_t m = pow2_div(64 + s, a) + 1;
    Value *h;
    if (m % 2 == 0) {
        h = emit2(r, SSA_OP_HMUL, CLS_I64, x, konst(r, CLS_I64, (int64_t)(m / 2)));
        if (s > 1)
            h = emit_k(r, SSA_OP_SHR, h, s - 1);
    } else {
        /* as a signed number m is M - 2^64: add x back */
        h = emit2(r, SSA_OP_HMUL, CLS_I64, x, konst(r, CLS_I64, (int64_t)m));
        h = emit_k(r, SSA_OP_SHR, emit2(r, SSA_OP_ADD, CLS_I64, h, x), s);
    }
    return emit2(r, SSA_OP_SUB, CLS_I64, h, emit_k(r, SSA_OP_SHR, x, 63));
}

/* The replacement of signed x / c or x % c at width w (c sign-extended,
 * not 0, 1, or -1 for a modulus). */
static Value *signed_div(DivRewrite *r, Value *x, int w, int64_t c, bool mod) {
    uint64_t min = 1ull << (w - 1);
    if (c == -1)
        return emit2(r, SSA_OP_NEG, x->cls, x, NULL);
    uint64_t a = c < 0 ? -(uint64_t)c : (uint64_t)c;
    if (a == min) {
        /* x & -x keeps x's lowest set bit: the sign bit only for MinInt */
        Value *q = emit_k(r, SSA_OP_SHRU, emit2(r, SSA_OP_AND, x->cls, x, emit2(r, SSA_OP_NEG, x->cls, x, NULL)),
                          w - 1);
        return mod ? emit2(r, SSA_OP_SUB, x->cls, x, emit_k(r, SSA_OP_SHL, q, w - 1)) : q;
    }
    if (is_pow2(a)) {
        int k = bit_len(a) - 1;
        Value *bias = emit_k(r, SSA_OP_SHRU, emit_k(r, SSA_OP_SHR, x, w - 1), w - k);
        Value *t = emit2(r, SSA_OP_ADD, x->cls, x, bias);
        if (mod)
            return emit2(r, SSA_OP_SUB, x->cls, x, emit_k(r, SSA_OP_AND, t, -(int64_t)a));
        Value *q = emit_k(r, SSA_OP_SHR, t, k);
        return c < 0 ? emit2(r, SSA_OP_NEG, x->cls, q, NULL) : q;
    }
    Value *q = sdiv_magic(r, x, w, a);
    if (mod)
        return emit2(r, SSA_OP_SUB, x->cls, x, emit_k(r, SSA_OP_MUL, q, (int64_t)a));
    return c < 0 ? emit2(r, SSA_OP_NEG, x->cls, q, NULL) : q;
}

/* The replacement of unsigned x / u or x % u at width w (u >= 2). */
static Value *unsigned_div(DivRewrite *r, Value *x, int w, uint64_t u, bool mod) {
    if (mod && is_pow2(u))
        return emit_k(r, SSA_OP_AND, x, (int64_t)(u - 1));
    Value *q = udiv(r, x, w, u);
    return mod ? emit2(r, SSA_OP_SUB, x->cls, x, emit_k(r, SSA_OP_MUL, q, (int64_t)u)) : q;
}

/* Rewrites division value b->values[*at] when its divisor is a constant,
 * leaving *at on it (after what was inserted); returns whether it did. */
static bool rewrite_div(SsaFunc *f, Block *b, int *at) {
    Value *v = b->values[*at];
    bool sign = v->op == SSA_OP_DIV || v->op == SSA_OP_MOD;
    bool mod = v->op == SSA_OP_MOD || v->op == SSA_OP_MODU;
    int64_t c;
    if (v->cls < CLS_I8 || v->cls > CLS_I64 || !ssa_int_const(v->args[1], &c))
        return false;
    int w = class_width(v->cls);
    uint64_t u = w == 64 ? (uint64_t)c : (uint64_t)c & ((1ull << w) - 1);
    if (u == 0 || u == 1 || (sign && mod && c == -1))
        return false; /* a panic, or constant folding's */
    DivRewrite r = {.f = f, .b = b, .at = *at, .v = v};
    Value *x = ssa_skip_copies(v->args[0]);
    Value *res = sign ? signed_div(&r, x, w, c, mod) : unsigned_div(&r, x, w, u, mod);
    ssa_value_copy_of(f, v, res);
    *at = r.at;
    return true;
}

/* The pass: every Div, DivU, Mod and ModU by a constant. */
void ssa_pass_divconst(SsaFunc *f) {
    if (!(f->census & SSA_HAS_DIV))
        return;
    bool changed = false;
    for (int i = 0; i < f->nblocks; i++) {
        Block *b = f->blocks[i];
        for (int j = 0; j < b->nvalues; j++) {
            int op = b->values[j]->op;
            if (op == SSA_OP_DIV || op == SSA_OP_DIVU || op == SSA_OP_MOD || op == SSA_OP_MODU)
                changed |= rewrite_div(f, b, &j);
        }
    }
    if (changed)
        ssa_pass_copyelim(f);
}
