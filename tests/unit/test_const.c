/* test_const.c — exact constant arithmetic.  Every expected value and error
 * was produced by Go 1.19 (gc's messages, fmt.Println of the constant
 * expression, or go/constant's String). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "types/const.h"

typedef struct Fixture {
    Arena arena;
} Fixture;

static int setup(void **state) {
    Fixture *f = calloc(1, sizeof *f);
    arena_init(&f->arena, "test", 4096);
    *state = f;
    return 0;
}

static int teardown(void **state) {
    Fixture *f = *state;
    arena_free(&f->arena);
    free(f);
    return 0;
}

/* The value of a literal that must be valid. */
static Const lit(Fixture *f, TokenKind kind, const char *text) {
    Const c;
    ConstError err = const_from_literal(&f->arena, kind, text, (uint32_t)strlen(text), &c);
    assert_int_equal(err, CONST_OK);
    return c;
}

static Const num(Fixture *f, const char *text) { return lit(f, TOK_INT, text); }

static Const flt(double d) { return const_make_float(d); }

/* x op y, which must succeed. */
static Const bin(Fixture *f, TokenKind op, Const x, Const y) {
    Const z;
    assert_int_equal(const_binary(&f->arena, op, &x, &y, &z), CONST_OK);
    return z;
}

/* x << n or x >> n, which must succeed. */
static Const shift(TokenKind op, Const x, int64_t n) {
    Const z, c = const_make_int64(n);
    assert_int_equal(const_shift(op, &x, &c, &z), CONST_OK);
    return z;
}

/* 2^512 - 1, the largest constant gc accepts. */
static Const max_const(void) {
    Const one = const_make_int64(1), m;
    Const p = shift(TOK_SHL, one, 511);
    Const t = const_make_int64(2), two;
    assert_int_equal(const_binary(NULL, TOK_MUL, &p, &t, &two), CONST_ERR_OVERFLOW);
    /* (1<<511 - 1) * 2 + 1 */
    assert_int_equal(const_binary(NULL, TOK_SUB, &p, &one, &m), CONST_OK);
    assert_int_equal(const_binary(NULL, TOK_MUL, &m, &t, &m), CONST_OK);
    assert_int_equal(const_binary(NULL, TOK_ADD, &m, &one, &m), CONST_OK);
    return m;
}

/* -x, which must succeed. */
static Const neg(Const x) {
    Const z;
    assert_int_equal(const_unary(TOK_SUB, &x, 0, &z), CONST_OK);
    return z;
}

/* c as gc prints it (static buffer). */
static const char *str(Const c) {
    static char buf[CONST_FORMAT_MAX];
    size_t n = const_format(buf, sizeof buf, &c);
    assert_true(n < sizeof buf);
    assert_int_equal(strlen(buf), n);
    return buf;
}

static void test_int64_boundaries(void **state) {
    Fixture *f = *state;
    Const one = const_make_int64(1), c;
    int64_t v;
    uint64_t u;

    Const p63 = shift(TOK_SHL, one, 63);
    assert_string_equal(str(p63), "9223372036854775808");
    assert_false(const_to_int64(&p63, &v));
    assert_true(const_to_uint64(&p63, &u));
    assert_true(u == (uint64_t)1 << 63);

    Const max64 = bin(f, TOK_SUB, shift(TOK_SHL, one, 64), one);
    assert_string_equal(str(max64), "18446744073709551615");
    assert_true(const_to_uint64(&max64, &u));
    assert_true(u == UINT64_MAX);
    c = bin(f, TOK_ADD, max64, one);
    assert_false(const_to_uint64(&c, &u));
    assert_string_equal(str(c), "18446744073709551616");

    Const min64 = shift(TOK_SHL, const_make_int64(-1), 63);
    assert_string_equal(str(min64), "-9223372036854775808");
    assert_true(const_to_int64(&min64, &v));
    assert_true(v == INT64_MIN);
    assert_false(const_to_uint64(&min64, &u));
    c = bin(f, TOK_SUB, min64, one);
    assert_false(const_to_int64(&c, &v));
    assert_string_equal(str(c), "-9223372036854775809");

    c = bin(f, TOK_SUB, p63, one);
    assert_true(const_to_int64(&c, &v));
    assert_true(v == INT64_MAX);
    /* Carries and borrows cross limbs both ways. */
    c = bin(f, TOK_SUB, bin(f, TOK_ADD, max64, max64), max64);
    assert_true(const_to_uint64(&c, &u) && u == UINT64_MAX);
    assert_int_equal(const_sign(&min64), -1);
    assert_int_equal(const_bit_len(&min64), 64);
    assert_int_equal(const_bit_len(&max64), 64);
}

static void test_big_products(void **state) {
    Fixture *f = *state;
    Const one = const_make_int64(1);
    /* big = (1<<100 + 12345) * (1<<90 + 678) needs 191 bits. */
    Const a = bin(f, TOK_ADD, shift(TOK_SHL, one, 100), const_make_int64(12345));
    Const b = bin(f, TOK_ADD, shift(TOK_SHL, one, 90), const_make_int64(678));
    Const big = bin(f, TOK_MUL, a, b);
    assert_int_equal(const_bit_len(&big), 191);
    Const q = bin(f, TOK_SUB, bin(f, TOK_QUO, big, b), shift(TOK_SHL, one, 100));
    assert_string_equal(str(q), "12345");
    assert_string_equal(str(bin(f, TOK_REM, big, shift(TOK_SHL, one, 89))), "8369910");
    assert_string_equal(str(bin(f, TOK_MUL, neg(a), b)), str(neg(big)));

    Const m = max_const();
    Const p = const_make_int64(1000000007);
    assert_string_equal(str(bin(f, TOK_REM, m, p)), "418385478");
    assert_string_equal(str(bin(f, TOK_QUO, m, shift(TOK_SHL, one, 500))), "4095");
    assert_string_equal(str(bin(f, TOK_REM, neg(m), p)), "-418385478");
    /* (m / 3) * 2 / (1 << 400) */
    Const r = bin(f, TOK_QUO, bin(f, TOK_MUL, bin(f, TOK_QUO, m, const_make_int64(3)), const_make_int64(2)),
                  shift(TOK_SHL, one, 400));
    assert_string_equal(str(r), "3461531239023218419020330886146730");
    assert_string_equal(str(shift(TOK_SHL, one, 500)),
                        "3273390607896141870013189696827599152216642046043064789483291368096133796404"
                        "674554883270092325904157150886684127560071009217256545885393053328527589376");
    assert_string_equal(str(m),
                        "1340780792994259709957402499820584612747936582059239337772356144372176403007"
                        "3546976801874298166903427690031858186486050853753882811946569946433649006084095");
    assert_int_equal(const_bit_len(&m), 512);

    /* All-ones limbs carry through every partial product. */
    Const ones256 = bin(f, TOK_SUB, shift(TOK_SHL, one, 256), one);
    Const sq = bin(f, TOK_MUL, ones256, ones256);
    assert_string_equal(str(bin(f, TOK_REM, sq, p)), "832694962");
    assert_string_equal(str(shift(TOK_SHR, sq, 400)), "5192296858534827628530496329220095");
    Const c192 = bin(f, TOK_SUB, shift(TOK_SHL, one, 192), one);
    Const c200 = neg(bin(f, TOK_SUB, shift(TOK_SHL, one, 200), const_make_int64(3)));
    Const pr = bin(f, TOK_MUL, c192, c200);
    assert_string_equal(str(bin(f, TOK_REM, pr, p)), "-65791780");
    assert_string_equal(str(shift(TOK_SHR, pr, 300)), "-4951760157141521099596496896");
}

static void test_overflow(void **state) {
    Fixture *f = *state;
    Const one = const_make_int64(1), two = const_make_int64(2), z;
    Const m = max_const(), nm = neg(m);
    Const p511 = shift(TOK_SHL, one, 511);
    /* const d = c * 2: constant multiplication overflow */
    assert_int_equal(const_binary(NULL, TOK_MUL, &p511, &two, &z), CONST_ERR_OVERFLOW);
    assert_int_equal(z.kind, CONST_UNKNOWN);
    Const np511 = neg(p511);
    assert_int_equal(const_binary(NULL, TOK_MUL, &np511, &two, &z), CONST_ERR_OVERFLOW);
    assert_int_equal(const_binary(NULL, TOK_ADD, &p511, &p511, &z), CONST_ERR_OVERFLOW);
    assert_int_equal(const_binary(NULL, TOK_SUB, &np511, &p511, &z), CONST_ERR_OVERFLOW);
    assert_int_equal(const_binary(NULL, TOK_ADD, &m, &one, &z), CONST_ERR_OVERFLOW);
    assert_int_equal(const_binary(NULL, TOK_SUB, &nm, &one, &z), CONST_ERR_OVERFLOW);
    assert_int_equal(const_binary(NULL, TOK_MUL, &m, &m, &z), CONST_ERR_OVERFLOW);
    assert_int_equal(const_binary(NULL, TOK_XOR, &p511, &np511, &z), CONST_ERR_OVERFLOW);
    Const mtwo = const_make_int64(-2);
    assert_int_equal(const_binary(NULL, TOK_AND, &nm, &mtwo, &z), CONST_ERR_OVERFLOW);
    assert_int_equal(const_unary(TOK_XOR, &m, 0, &z), CONST_ERR_OVERFLOW);
    /* -(-m) and m / 1 stay in range. */
    assert_string_equal(str(neg(nm)), str(m));
    assert_string_equal(str(bin(f, TOK_QUO, m, one)), str(m));
    assert_string_equal(str(bin(f, TOK_MUL, p511, one)), str(p511));

    /* gc's names in "constant %s overflow" */
    assert_string_equal(const_op_name(TOK_MUL, false), "multiplication");
    assert_string_equal(const_op_name(TOK_ADD, false), "addition");
    assert_string_equal(const_op_name(TOK_SUB, false), "subtraction");
    assert_string_equal(const_op_name(TOK_SHL, false), "shift");
    assert_string_equal(const_op_name(TOK_XOR, false), "bitwise XOR");
    assert_string_equal(const_op_name(TOK_XOR, true), "bitwise complement");
    assert_string_equal(const_op_name(TOK_AND, false), "");

    /* An unknown operand gives an unknown result and no new error. */
    Const u = const_make_unknown();
    assert_int_equal(const_binary(NULL, TOK_ADD, &u, &one, &z), CONST_OK);
    assert_int_equal(z.kind, CONST_UNKNOWN);
}

static void test_shifts(void **state) {
    (void)state;
    Const one = const_make_int64(1), z, c;
    Const p511 = shift(TOK_SHL, one, 511);
    assert_int_equal(const_bit_len(&p511), 512);
    /* 1 << 512, -1 << 512, 1 << 1074: constant shift overflow */
    c = const_make_int64(512);
    assert_int_equal(const_shift(TOK_SHL, &one, &c, &z), CONST_ERR_OVERFLOW);
    Const m1 = const_make_int64(-1);
    assert_int_equal(const_shift(TOK_SHL, &m1, &c, &z), CONST_ERR_OVERFLOW);
    assert_string_equal(str(shift(TOK_SHL, m1, 511)), str(neg(p511)));
    c = const_make_int64(1074);
    assert_int_equal(const_shift(TOK_SHL, &one, &c, &z), CONST_ERR_OVERFLOW);
    /* 1 << 1075, -1 >> 2000: invalid shift count */
    c = const_make_int64(1075);
    assert_int_equal(const_shift(TOK_SHL, &one, &c, &z), CONST_ERR_SHIFT_COUNT);
    c = const_make_int64(2000);
    assert_int_equal(const_shift(TOK_SHR, &m1, &c, &z), CONST_ERR_SHIFT_COUNT);
    /* 1 << -1: negative shift count */
    assert_int_equal(const_shift(TOK_SHL, &one, &m1, &z), CONST_ERR_SHIFT_NEG);
    /* 1.5 << 2: shifted operand must be integer; 2.0 << 2 == 8 */
    Const f15 = flt(1.5), f2 = flt(2.0), two = const_make_int64(2);
    assert_int_equal(const_shift(TOK_SHL, &f15, &two, &z), CONST_ERR_NOT_INTEGER);
    assert_string_equal(str(shift(TOK_SHL, f2, 2)), "8");
    assert_int_equal(shift(TOK_SHL, f2, 2).kind, CONST_INT);
    /* 1 << 1.5: truncated; 1 << 2.0 == 4 */
    assert_int_equal(const_shift(TOK_SHL, &one, &f15, &z), CONST_ERR_NOT_INTEGER);
    assert_int_equal(const_shift(TOK_SHL, &one, &f2, &z), CONST_OK);
    assert_string_equal(str(z), "4");
    /* Arithmetic right shifts: -7>>1, -1>>100, m>>511 */
    assert_string_equal(str(shift(TOK_SHR, const_make_int64(-7), 1)), "-4");
    assert_string_equal(str(shift(TOK_SHR, m1, 100)), "-1");
    assert_string_equal(str(shift(TOK_SHR, const_make_int64(7), 1000)), "0");
    Const nm = neg(max_const());
    assert_string_equal(str(shift(TOK_SHR, nm, 500)), "-4096");
    assert_string_equal(str(shift(TOK_SHR, nm, 511)), "-2");
    assert_string_equal(str(shift(TOK_SHR, nm, 512)), "-1");
    assert_string_equal(str(shift(TOK_SHR, max_const(), 511)), "1");
    assert_string_equal(str(shift(TOK_SHR, shift(TOK_SHL, one, 130), 67)), "9223372036854775808");
    Const zero = const_make_int64(0);
    assert_string_equal(str(shift(TOK_SHL, zero, 1074)), "0");
}

static void test_division(void **state) {
    Fixture *f = *state;
    Const x7 = const_make_int64(7), m7 = const_make_int64(-7);
    Const x2 = const_make_int64(2), m2 = const_make_int64(-2), zero = const_make_int64(0), z;
    /* Go: -7/2, -7%2, 7/-2, 7%-2 == -3 -1 -3 1 */
    assert_string_equal(str(bin(f, TOK_QUO, m7, x2)), "-3");
    assert_string_equal(str(bin(f, TOK_REM, m7, x2)), "-1");
    assert_string_equal(str(bin(f, TOK_QUO, x7, m2)), "-3");
    assert_string_equal(str(bin(f, TOK_REM, x7, m2)), "1");
    assert_string_equal(str(bin(f, TOK_QUO, m7, m2)), "3");
    assert_string_equal(str(bin(f, TOK_REM, m7, m2)), "-1");
    /* division by zero: 1/0, 1.0/0, 1%0 */
    assert_int_equal(const_binary(NULL, TOK_QUO, &x7, &zero, &z), CONST_ERR_DIV_ZERO);
    assert_int_equal(const_binary(NULL, TOK_REM, &x7, &zero, &z), CONST_ERR_DIV_ZERO);
    Const one_f = flt(1.0);
    assert_int_equal(const_binary(NULL, TOK_QUO, &one_f, &zero, &z), CONST_ERR_DIV_ZERO);
    /* 7 / 2.0 is a float division; 7.5 % 2 is not defined */
    Const x2f = flt(2.0), x75 = flt(7.5);
    z = bin(f, TOK_QUO, x7, x2f);
    assert_int_equal(z.kind, CONST_FLOAT);
    assert_string_equal(str(z), "3.5");
    assert_int_equal(const_binary(NULL, TOK_REM, &x75, &x2, &z), CONST_ERR_BAD_OP);
    assert_int_equal(const_binary(NULL, TOK_AND, &x75, &x2, &z), CONST_ERR_BAD_OP);
    /* 1.0 / 3 prints as 0.333333 */
    assert_string_equal(str(bin(f, TOK_QUO, one_f, const_make_int64(3))), "0.333333");
}

static void test_bitwise(void **state) {
    Fixture *f = *state;
    Const x5 = const_make_int64(5), x3 = const_make_int64(3), m5 = const_make_int64(-5), z;
    /* Go: ^5 ^-6 5&^3 -5&^3 -5&-3 -5|3 -5^3 == -6 5 4 -8 -7 -5 -8 */
    assert_int_equal(const_unary(TOK_XOR, &x5, 0, &z), CONST_OK);
    assert_string_equal(str(z), "-6");
    Const m6 = const_make_int64(-6);
    assert_int_equal(const_unary(TOK_XOR, &m6, 0, &z), CONST_OK);
    assert_string_equal(str(z), "5");
    assert_string_equal(str(bin(f, TOK_AND_NOT, x5, x3)), "4");
    assert_string_equal(str(bin(f, TOK_AND_NOT, m5, x3)), "-8");
    assert_string_equal(str(bin(f, TOK_AND, m5, const_make_int64(-3))), "-7");
    assert_string_equal(str(bin(f, TOK_OR, m5, x3)), "-5");
    assert_string_equal(str(bin(f, TOK_XOR, m5, x3)), "-8");
    /* ^uint8(1) == 254, ^int8(1) == -2, ^uint64(0) == 1<<64 - 1, ^uint32(0) */
    Const one = const_make_int64(1), zero = const_make_int64(0);
    assert_int_equal(const_unary(TOK_XOR, &one, 8, &z), CONST_OK);
    assert_string_equal(str(z), "254");
    assert_int_equal(const_unary(TOK_XOR, &one, 0, &z), CONST_OK);
    assert_string_equal(str(z), "-2");
    assert_int_equal(const_unary(TOK_XOR, &zero, 64, &z), CONST_OK);
    assert_string_equal(str(z), "18446744073709551615");
    assert_int_equal(const_unary(TOK_XOR, &zero, 32, &z), CONST_OK);
    assert_string_equal(str(z), "4294967295");
    /* ^ and unary - on non-integers */
    Const f1 = flt(1.0), s = const_make_string("a", 1), t = const_make_bool(true);
    assert_int_equal(const_unary(TOK_XOR, &f1, 0, &z), CONST_ERR_BAD_OP);
    assert_int_equal(const_unary(TOK_SUB, &s, 0, &z), CONST_ERR_BAD_OP);
    assert_int_equal(const_unary(TOK_NOT, &t, 0, &z), CONST_OK);
    assert_true(z.kind == CONST_BOOL && !z.u.b);
    assert_int_equal(const_unary(TOK_SUB, &f1, 0, &z), CONST_OK);
    assert_string_equal(str(z), "-1");
}

/* Checks representability of the integer literal text in t. */
static void check_repr(Fixture *f, const char *text, bool negative, ConstType t, ConstError want) {
    Const c = num(f, text), out;
    if (negative)
        c = neg(c);
    ConstError got = const_representable(&c, t, &out);
    if (got != want)
        fail_msg("%s%s as type %d: got error %d, want %d", negative ? "-" : "", text, (int)t, (int)got,
                 (int)want);
    if (want == CONST_OK)
        assert_string_equal(str(out), str(c));
}

static void test_representable_ints(void **state) {
    Fixture *f = *state;
    static const struct {
        ConstType t;
        const char *min, *max;         /* min without its sign ("0" for unsigned) */
        const char *below, *above;
    } TYPES[] = {
        {CTYPE_INT8, "128", "127", "129", "128"},
        {CTYPE_INT16, "32768", "32767", "32769", "32768"},
        {CTYPE_INT32, "2147483648", "2147483647", "2147483649", "2147483648"},
        {CTYPE_INT64, "9223372036854775808", "9223372036854775807", "9223372036854775809",
         "9223372036854775808"},
        {CTYPE_INT, "9223372036854775808", "9223372036854775807", "9223372036854775809",
         "9223372036854775808"},
        {CTYPE_UINT8, "0", "255", "1", "256"},
        {CTYPE_UINT16, "0", "65535", "1", "65536"},
        {CTYPE_UINT32, "0", "4294967295", "1", "4294967296"},
        {CTYPE_UINT64, "0", "18446744073709551615", "1", "18446744073709551616"},
        {CTYPE_UINT, "0", "18446744073709551615", "1", "18446744073709551616"},
        {CTYPE_UINTPTR, "0", "18446744073709551615", "1", "18446744073709551616"},
    };
    for (size_t i = 0; i < sizeof TYPES / sizeof TYPES[0]; i++) {
        bool is_unsigned = TYPES[i].t >= CTYPE_UINT;
        check_repr(f, TYPES[i].min, !is_unsigned, TYPES[i].t, CONST_OK);
        check_repr(f, TYPES[i].max, false, TYPES[i].t, CONST_OK);
        check_repr(f, TYPES[i].below, true, TYPES[i].t, CONST_ERR_OVERFLOW);
        check_repr(f, TYPES[i].above, false, TYPES[i].t, CONST_ERR_OVERFLOW);
    }
    /* var x int8 = 300: (overflows); var v uint = -1: (overflows) */
    check_repr(f, "300", false, CTYPE_INT8, CONST_ERR_OVERFLOW);
    check_repr(f, "1", true, CTYPE_UINT, CONST_ERR_OVERFLOW);
    /* Large values against every integer type. */
    Const m = max_const(), out;
    assert_int_equal(const_representable(&m, CTYPE_UINT64, &out), CONST_ERR_OVERFLOW);
    assert_int_equal(out.kind, CONST_UNKNOWN);
    /* Integers become floats: exact, or rounded; 1<<512-1 is finite in
     * float64 but not in float32 */
    assert_int_equal(const_representable(&m, CTYPE_FLOAT64, &out), CONST_OK);
    assert_true(out.kind == CONST_FLOAT && const_to_double(&out) == ldexp(1, 512));
    assert_int_equal(const_representable(&m, CTYPE_FLOAT32, NULL), CONST_ERR_OVERFLOW);
    Const c = num(f, "16777217");
    assert_int_equal(const_representable(&c, CTYPE_FLOAT32, &out), CONST_OK);
    assert_true(const_to_double(&out) == 16777216.0);
    /* Kinds that do not mix */
    Const s = const_make_string("x", 1), b = const_make_bool(true), one = const_make_int64(1);
    assert_int_equal(const_representable(&one, CTYPE_STRING, NULL), CONST_ERR_MISMATCH);
    assert_int_equal(const_representable(&s, CTYPE_BOOL, NULL), CONST_ERR_MISMATCH);
    assert_int_equal(const_representable(&s, CTYPE_INT, NULL), CONST_ERR_MISMATCH);
    assert_int_equal(const_representable(&s, CTYPE_STRING, NULL), CONST_OK);
    assert_int_equal(const_representable(&b, CTYPE_BOOL, NULL), CONST_OK);
}

static void test_representable_floats(void **state) {
    Fixture *f = *state;
    Const out;
    /* float -> integer: exact or (truncated), whatever the reason */
    static const struct { const char *text; ConstType t; ConstError want; } CASES[] = {
        {"1.5", CTYPE_INT, CONST_ERR_TRUNCATED},
        {"0.1", CTYPE_INT8, CONST_ERR_TRUNCATED},
        {"300.0", CTYPE_INT8, CONST_ERR_TRUNCATED},
        {"1e100", CTYPE_INT8, CONST_ERR_TRUNCATED},
        {"1e300", CTYPE_INT64, CONST_ERR_TRUNCATED},
        {"255.0", CTYPE_UINT8, CONST_OK},
        {"-1.0", CTYPE_UINT8, CONST_ERR_TRUNCATED},
        {"1e6", CTYPE_INT32, CONST_OK},
        {"1e-46", CTYPE_FLOAT32, CONST_OK},
        {"3.4028235e38", CTYPE_FLOAT32, CONST_OK},
        {"3.40282356779733661637539395458142568448e38", CTYPE_FLOAT32, CONST_ERR_OVERFLOW},
        {"1e40", CTYPE_FLOAT32, CONST_ERR_OVERFLOW},
        {"1e40", CTYPE_FLOAT64, CONST_OK},
    };
    for (size_t i = 0; i < sizeof CASES / sizeof CASES[0]; i++) {
        const char *text = CASES[i].text;
        Const c = text[0] == '-' ? neg(lit(f, TOK_FLOAT, text + 1)) : lit(f, TOK_FLOAT, text);
        ConstError got = const_representable(&c, CASES[i].t, &out);
        if (got != CASES[i].want)
            fail_msg("%s as type %d: got %d, want %d", CASES[i].text, (int)CASES[i].t, (int)got,
                     (int)CASES[i].want);
    }
    Const e6 = lit(f, TOK_FLOAT, "1e6");
    assert_int_equal(const_representable(&e6, CTYPE_INT32, &out), CONST_OK);
    assert_int_equal(out.kind, CONST_INT);
    assert_string_equal(str(out), "1000000");
    Const neg1e39 = neg(lit(f, TOK_FLOAT, "1e39"));
    assert_int_equal(const_representable(&neg1e39, CTYPE_FLOAT32, NULL), CONST_ERR_OVERFLOW);
    /* float32(0.1) == 0.10000000149011612 */
    Const tenth = lit(f, TOK_FLOAT, "0.1");
    assert_int_equal(const_representable(&tenth, CTYPE_FLOAT32, &out), CONST_OK);
    assert_true(const_to_double(&out) == 0.10000000149011612);
    assert_int_equal(const_representable(&tenth, CTYPE_FLOAT64, &out), CONST_OK);
    assert_true(const_to_double(&out) == 0.1);
    /* float32 max: 3.4028234663852886e+38 */
    Const fmax = lit(f, TOK_FLOAT, "3.4028235e38");
    assert_int_equal(const_representable(&fmax, CTYPE_FLOAT32, &out), CONST_OK);
    assert_true(const_to_double(&out) == 3.4028234663852886e+38);
}

static void test_int_float_conversion(void **state) {
    Fixture *f = *state;
    Const c, out;
    int64_t v;
    /* go/constant.Float64Val rounds to nearest even */
    c = num(f, "9007199254740993");
    assert_true(const_to_double(&c) == 9007199254740992.0);
    c = num(f, "9007199254740995");
    assert_true(const_to_double(&c) == 9007199254740996.0);
    c = max_const();
    assert_true(const_to_double(&c) == 1.3407807929942597e+154);
    c = bin(f, TOK_ADD, shift(TOK_SHL, const_make_int64(1), 100), const_make_int64(1));
    assert_true(const_to_double(&c) == ldexp(1, 100));
    c = neg(c);
    assert_true(const_to_double(&c) == -ldexp(1, 100));
    /* 2^100 + 2^47 + 1 is just above the midpoint: it rounds up. */
    Const one = const_make_int64(1);
    c = bin(f, TOK_ADD, bin(f, TOK_ADD, shift(TOK_SHL, one, 100), shift(TOK_SHL, one, 47)), one);
    assert_true(const_to_double(&c) == ldexp(1, 100) + ldexp(1, 48));
    /* Exact integers from floats: 1e20, 1e150 */
    c = flt(1e20);
    assert_int_equal(const_to_int(&c, &out), CONST_OK);
    assert_string_equal(str(out), "100000000000000000000");
    c = flt(-1e150);
    assert_int_equal(const_to_int(&c, &out), CONST_OK);
    assert_string_equal(str(out),
                        "-99999999999999998083559617243737459057312001403031879309116481015410011220"
                        "3678582976298268616221151962702060266176005440567032331208403948233373515776");
    c = flt(1e300);
    assert_int_equal(const_to_int(&c, &out), CONST_ERR_OVERFLOW);
    c = flt(2.5);
    assert_int_equal(const_to_int(&c, &out), CONST_ERR_NOT_INTEGER);
    assert_false(const_to_int64(&c, &v));
    c = flt(-9223372036854775808.0);
    assert_true(const_to_int64(&c, &v) && v == INT64_MIN);
    c = const_make_string("1", 1);
    assert_int_equal(const_to_float(&c, &out), CONST_ERR_MISMATCH);
    c = const_make_int64(3);
    assert_int_equal(const_to_float(&c, &out), CONST_OK);
    assert_true(out.kind == CONST_FLOAT && const_to_double(&out) == 3.0);
    /* 1e2 * 1.5 * 1.1 prints as 165; 1 + 0.5 mixes to a float */
    Const p = bin(f, TOK_MUL, bin(f, TOK_MUL, lit(f, TOK_FLOAT, "1e2"), flt(1.5)), flt(1.1));
    assert_string_equal(str(p), "165");
    Const mix = bin(f, TOK_ADD, const_make_int64(1), flt(0.5));
    assert_int_equal(mix.kind, CONST_FLOAT);
    assert_string_equal(str(mix), "1.5");
    Const big = flt(1e308), z;
    assert_string_equal(str(bin(f, TOK_MUL, big, big)), "1e+616");
    /* Constants have no negative zero. */
    Const fz = flt(0.0);
    assert_int_equal(const_unary(TOK_SUB, &fz, 0, &z), CONST_OK);
    assert_false(z.u.f.neg);
    assert_int_equal(const_sign(&z), 0);
}

/* A float literal (a leading '-' negates it). */
static Const fl(Fixture *f, const char *text) {
    return text[0] == '-' ? neg(lit(f, TOK_FLOAT, text + 1)) : lit(f, TOK_FLOAT, text);
}

/* x == y as a constant comparison. */
static bool same(Const x, Const y) {
    bool r;
    assert_int_equal(const_compare(TOK_EQL, &x, &y, &r), CONST_OK);
    return r;
}

/* The double that c takes as a float64 (or float32) value, which must fit. */
static double as_float(Const c, ConstType t) {
    Const out;
    ConstError err = const_representable(&c, t, &out);
    if (err != CONST_OK)
        fail_msg("%s as type %d: error %d", str(c), (int)t, (int)err);
    assert_int_equal(out.kind, CONST_FLOAT);
    return const_to_double(&out);
}

static void test_exact_floats(void **state) {
    Fixture *f = *state;
    Const z, one = const_make_int64(1);
    /* Go: 1e400/1e300 == 1e100, 1e-400*1e400 == 1, 0.1+0.2 == 0.3 are all true */
    Const e400 = fl(f, "1e400");
    assert_true(same(bin(f, TOK_QUO, e400, fl(f, "1e300")), fl(f, "1e100")));
    assert_true(as_float(bin(f, TOK_QUO, e400, fl(f, "1e300")), CTYPE_FLOAT64) == 1e100);
    assert_true(same(bin(f, TOK_MUL, fl(f, "1e-400"), e400), one));
    assert_true(same(bin(f, TOK_ADD, fl(f, "0.1"), fl(f, "0.2")), fl(f, "0.3")));
    /* const third = 1.0 / 3: third+third+third == 1 and third*3 == 1 */
    Const third = bin(f, TOK_QUO, fl(f, "1.0"), const_make_int64(3));
    assert_true(same(bin(f, TOK_ADD, bin(f, TOK_ADD, third, third), third), one));
    assert_true(same(bin(f, TOK_MUL, third, const_make_int64(3)), one));
    /* 1e302 * 1e302 / 1e300 is 1e304 (as a float64: gc's rationals make
     * it exactly 1e304, mgc's rounded 1e+604 is within an ulp); the product
     * prints as 1e+604 */
    Const sq = bin(f, TOK_MUL, fl(f, "1e302"), fl(f, "1e302"));
    assert_string_equal(str(sq), "1e+604");
    assert_true(as_float(bin(f, TOK_QUO, sq, fl(f, "1e300")), CTYPE_FLOAT64) == 1e304);
    /* 1e400 as a float64: (overflows); as an int: (truncated) */
    assert_int_equal(const_representable(&e400, CTYPE_FLOAT64, NULL), CONST_ERR_OVERFLOW);
    assert_int_equal(const_representable(&e400, CTYPE_INT, NULL), CONST_ERR_TRUNCATED);
    Const ne400 = neg(e400);
    assert_int_equal(const_representable(&ne400, CTYPE_FLOAT64, NULL), CONST_ERR_OVERFLOW);
    assert_string_equal(str(ne400), "-1e+400");
    assert_string_equal(str(bin(f, TOK_QUO, e400, const_make_int64(3))), "3.33333e+399");

    /* const M = 1<<64 - 1; M + 0. is exact: M+0. == M, M+0.-M == 0 */
    Const m = bin(f, TOK_SUB, shift(TOK_SHL, one, 64), one);
    Const mf = bin(f, TOK_ADD, m, fl(f, "0."));
    assert_int_equal(mf.kind, CONST_FLOAT);
    assert_true(same(mf, m));
    z = bin(f, TOK_SUB, mf, m);
    assert_int_equal(const_sign(&z), 0);
    uint64_t u;
    assert_true(const_to_uint64(&mf, &u) && u == UINT64_MAX);
    assert_true(as_float(mf, CTYPE_FLOAT64) == 1.8446744073709552e+19);
    /* The largest constant integer survives a trip through a float. */
    Const big = max_const();
    assert_true(same(bin(f, TOK_ADD, big, fl(f, "0.0")), big));
    /* var i64 int64 = 9223372036854775807.0 is fine */
    int64_t v;
    Const i63 = fl(f, "9223372036854775807.0");
    assert_int_equal(const_representable(&i63, CTYPE_INT64, NULL), CONST_OK);
    assert_true(const_to_int64(&i63, &v) && v == INT64_MAX);

    /* Shifts of integral floats wider than 512 bits: 1e302>>1000 == 9,
     * 1e100>>1000 == 0, -1e302>>1000 == -10; 1e302<<0 overflows. */
    assert_true(const_is_integral(&e400));
    Const e302 = fl(f, "1e302");
    assert_string_equal(str(shift(TOK_SHR, e302, 1000)), "9");
    assert_string_equal(str(shift(TOK_SHR, fl(f, "1e100"), 1000)), "0");
    assert_string_equal(str(shift(TOK_SHR, neg(e302), 1000)), "-10");
    Const zero = const_make_int64(0);
    assert_int_equal(const_shift(TOK_SHL, &e302, &zero, &z), CONST_ERR_OVERFLOW);
    Const half = fl(f, "0.5");
    assert_false(const_is_integral(&half));
    assert_int_equal(const_shift(TOK_SHR, &half, &zero, &z), CONST_ERR_NOT_INTEGER);

    /* Huge exponents (issue11326b.go): 1e646456992 / 1e646456991 == 10 */
    Const hn = fl(f, "1e646456992"), hd = fl(f, "1e646456991");
    assert_true(as_float(bin(f, TOK_QUO, hn, hd), CTYPE_FLOAT64) == 10.0);
    assert_string_equal(str(hn), "1e+646456992");
    assert_int_equal(const_representable(&hn, CTYPE_FLOAT64, NULL), CONST_ERR_OVERFLOW);
    /* Beyond big.Float's exponent: constant result is not representable */
    Const h3 = fl(f, "1e300000000");
    Const h6 = bin(f, TOK_MUL, h3, h3);
    assert_int_equal(const_binary(NULL, TOK_MUL, &h6, &h3, &z), CONST_ERR_RANGE);
    assert_int_equal(z.kind, CONST_UNKNOWN);
    Const t3 = fl(f, "1e-300000000");
    Const t9 = bin(f, TOK_MUL, bin(f, TOK_MUL, t3, t3), t3);   /* underflows to 0 */
    assert_int_equal(const_sign(&t9), 0);

    /* go/constant's String beyond the double range */
    static const struct { const char *text, *want; } FORMATS[] = {
        {"1e-400", "1e-400"}, {"123456789e400", "1.23457e+408"}, {"-2.5e-3000", "-2.5e-3000"},
        {"0x1p-1075", "2.47033e-324"}, {"9.999999e999", "1e+1000"}, {"1.5e308", "1.5e+308"},
        {"0x1p2147483646", "4.40403e+646456992"}, {"1e-646456992", "1e-646456992"},
    };
    for (size_t i = 0; i < sizeof FORMATS / sizeof FORMATS[0]; i++)
        assert_string_equal(str(fl(f, FORMATS[i].text)), FORMATS[i].want);
}

/* float_lit2.go and float_lit3.go: the float32 and float64 boundaries,
 * where one correct rounding from the exact value decides. */
static void test_float_boundaries(void **state) {
    Fixture *f = *state;
    Const one = const_make_int64(1);
    /* As the tests write them: floats, two64 = 1.0 * (1 << 64) and so on. */
    Const two128 = fl(f, "0x1p128"), two1024 = bin(f, TOK_MUL, fl(f, "0x1p512"), fl(f, "0x1p512"));
    Const ulp32 = fl(f, "0x1p104"), ulp64 = fl(f, "0x1p971");
    Const max32 = bin(f, TOK_SUB, two128, ulp32), max64 = bin(f, TOK_SUB, two1024, ulp64);
    Const half32 = bin(f, TOK_ADD, max32, fl(f, "0x1p103"));            /* max32 + ulp32/2 */
    Const half64 = bin(f, TOK_ADD, max64, fl(f, "0x1p970"));             /* max64 + ulp64/2 */
    Const tiny = bin(f, TOK_QUO, two128, bin(f, TOK_MUL, two128, two128));   /* two128/two256 */
    double fmax32 = 3.4028234663852886e+38, fmax64 = 1.7976931348623157e+308;
    /* float32(max32 + ulp32/2 - 1) and (... - two128/two256): ok; max32 + ulp32/2 overflows */
    assert_true(as_float(bin(f, TOK_SUB, half32, one), CTYPE_FLOAT32) == fmax32);
    assert_true(as_float(bin(f, TOK_SUB, half32, tiny), CTYPE_FLOAT32) == fmax32);
    assert_int_equal(const_representable(&half32, CTYPE_FLOAT32, NULL), CONST_ERR_OVERFLOW);
    Const nhalf32 = neg(half32);
    assert_int_equal(const_representable(&nhalf32, CTYPE_FLOAT32, NULL), CONST_ERR_OVERFLOW);
    assert_true(as_float(bin(f, TOK_ADD, nhalf32, one), CTYPE_FLOAT32) == -fmax32);
    /* float64(max64 + ulp64/2 - 1): needs 1024 bits of mantissa */
    assert_true(as_float(bin(f, TOK_SUB, half64, one), CTYPE_FLOAT64) == fmax64);
    assert_true(as_float(bin(f, TOK_SUB, half64, shift(TOK_SHL, one, 256)), CTYPE_FLOAT64) == fmax64);
    assert_int_equal(const_representable(&half64, CTYPE_FLOAT64, NULL), CONST_ERR_OVERFLOW);
    assert_string_equal(str(half64), "1.79769e+308");
    Const nhalf64 = neg(half64);
    assert_int_equal(const_representable(&nhalf64, CTYPE_FLOAT64, NULL), CONST_ERR_OVERFLOW);
    assert_true(as_float(bin(f, TOK_ADD, nhalf64, one), CTYPE_FLOAT64) == -fmax64);
    assert_true(as_float(max64, CTYPE_FLOAT64) == fmax64);

    /* float32(1 + 0x1p-24 + 0x1p-60) is 1.0000001 (bits 0x3f800001): rounding
     * through a double first would give 1 */
    Const r = bin(f, TOK_ADD, bin(f, TOK_ADD, one, fl(f, "0x1p-24")), fl(f, "0x1p-60"));
    assert_true(as_float(r, CTYPE_FLOAT32) == 1.00000011920928955078125);
    assert_true(as_float(bin(f, TOK_ADD, one, fl(f, "0x1p-24")), CTYPE_FLOAT32) == 1.0);
    /* Subnormals: float32 0x1p-150 -> 0, 0x1.000001p-150 -> 1e-45, 0x1.8p-149 -> 3e-45 */
    assert_true(as_float(fl(f, "0x1p-150"), CTYPE_FLOAT32) == 0);
    assert_true(as_float(fl(f, "0x1.000001p-150"), CTYPE_FLOAT32) == ldexp(1, -149));
    assert_true(as_float(fl(f, "0x1.8p-149"), CTYPE_FLOAT32) == ldexp(1, -148));
    assert_true(as_float(fl(f, "0x1p-1074"), CTYPE_FLOAT64) == ldexp(1, -1074));
    assert_true(as_float(fl(f, "1e-400"), CTYPE_FLOAT64) == 0);
    /* 4.9406564584124654e-324 / 2 is just below half the smallest
     * subnormal (0), 4.9406564584124655e-324 / 2 just above (5e-324) */
    Const two = const_make_int64(2);
    assert_true(as_float(bin(f, TOK_QUO, fl(f, "4.9406564584124654e-324"), two), CTYPE_FLOAT64) == 0);
    assert_true(as_float(bin(f, TOK_QUO, fl(f, "4.9406564584124655e-324"), two), CTYPE_FLOAT64) ==
                ldexp(1, -1074));
    assert_true(as_float(fl(f, "1e-320"), CTYPE_FLOAT64) == 1e-320);
    assert_true(as_float(fl(f, "2.2250738585072011e-308"), CTYPE_FLOAT64) == 2.2250738585072011e-308);
    /* Hex floats are exact: 0x1.fffffffffffff8p1023 is max64 + ulp64/2 */
    assert_true(same(fl(f, "0x1.fffffffffffff8p1023"), half64));
    assert_true(same(fl(f, "0x_1.8p+1"), const_make_int64(3)));
}

static void test_int_literals(void **state) {
    Fixture *f = *state;
    static const struct { const char *text, *want; } CASES[] = {
        {"0x_1F", "31"}, {"0b1010", "10"}, {"0o17", "15"}, {"017", "15"},
        {"1_000_000", "1000000"}, {"0", "0"}, {"0X_FFFF_FFFF_FFFF_FFFF", "18446744073709551615"},
        {"0_7", "7"}, {"0B_1", "1"}, {"0O_7_7", "63"}, {"00", "0"},
        {"9223372036854775808", "9223372036854775808"},
        {"0x8000000000000000_0000000000000000", "170141183460469231731687303715884105728"},
    };
    for (size_t i = 0; i < sizeof CASES / sizeof CASES[0]; i++)
        assert_string_equal(str(num(f, CASES[i].text)), CASES[i].want);
    /* 512 bits is the limit: 0x followed by 128 f's is 1<<512 - 1 */
    char text[200] = "0x";
    memset(text + 2, 'f', 128);
    text[130] = 0;
    assert_string_equal(str(num(f, text)), str(max_const()));
    memset(text + 2, '0', 128);
    text[1] = '1';                 /* "01000...": octal, 385 bits */
    text[0] = '0';
    Const c = num(f, text);
    assert_int_equal(const_bit_len(&c), 1 + 3 * 128);
    strcpy(text, "0x1");
    memset(text + 3, '0', 128);
    text[131] = 0;
    assert_int_equal(const_from_literal(&f->arena, TOK_INT, text, (uint32_t)strlen(text), &c),
                     CONST_ERR_OVERFLOW);
    assert_int_equal(const_from_literal(&f->arena, TOK_INT, "0x", 2, &c), CONST_ERR_MALFORMED);
    assert_int_equal(const_from_literal(&f->arena, TOK_INT, "08", 2, &c), CONST_ERR_MALFORMED);
    assert_int_equal(const_from_literal(&f->arena, TOK_IMAG, "1i", 2, &c), CONST_ERR_MALFORMED);
}

static void test_float_literals(void **state) {
    Fixture *f = *state;
    static const struct { const char *text; double want; } CASES[] = {
        {"0x1p-2", 0.25}, {"0x1.8p1", 3}, {"0X_1FFFP-16", 0.1249847412109375},
        {"1_000.5", 1000.5}, {".5", 0.5}, {"1.", 1}, {"1E3", 1000}, {"0x.8p0", 0.5},
        {"00.5", 0.5}, {"0e0", 0}, {"1e100", 1e100}, {"1e-400", 0},
        {"1_000_000_000_000_000_000_000_000_000_000_000_000_000_000_000_000_000_000_000_000_000_000.0", 1e66},
    };
    for (size_t i = 0; i < sizeof CASES / sizeof CASES[0]; i++) {
        Const c = lit(f, TOK_FLOAT, CASES[i].text);
        assert_int_equal(c.kind, CONST_FLOAT);
        if (const_to_double(&c) != CASES[i].want)
            fail_msg("%s: got %.17g, want %.17g", CASES[i].text, const_to_double(&c), CASES[i].want);
    }
    Const c;
    /* Beyond the double range is fine; beyond big.Float's int32 binary
     * exponent is gc's "malformed constant". */
    assert_int_equal(const_from_literal(&f->arena, TOK_FLOAT, "1e400", 5, &c), CONST_OK);
    assert_string_equal(str(c), "1e+400");
    assert_int_equal(const_from_literal(&f->arena, TOK_FLOAT, "1e1000000000", 12, &c), CONST_ERR_RANGE);
    assert_int_equal(const_from_literal(&f->arena, TOK_FLOAT, "1e-3000000000", 13, &c), CONST_ERR_RANGE);
    assert_int_equal(const_from_literal(&f->arena, TOK_FLOAT, "0x1p2147483647", 14, &c), CONST_ERR_RANGE);
    assert_int_equal(const_from_literal(&f->arena, TOK_FLOAT, "1e-1000000000", 13, &c), CONST_OK);
    assert_int_equal(const_sign(&c), 0);
    assert_int_equal(const_from_literal(&f->arena, TOK_FLOAT, "1e", 2, &c), CONST_ERR_MALFORMED);
}

static void test_rune_and_string_literals(void **state) {
    Fixture *f = *state;
    static const struct { const char *text; const char *want; } RUNES[] = {
        {"'a'", "97"}, {"'\\n'", "10"}, {"'\\u00e9'", "233"}, {"'\\x80'", "128"},
        {"'\xe4\xb8\x96'", "19990"}, {"'\\''", "39"}, {"'\\377'", "255"}, {"'\\U0010FFFF'", "1114111"},
    };
    for (size_t i = 0; i < sizeof RUNES / sizeof RUNES[0]; i++) {
        Const c = lit(f, TOK_RUNE, RUNES[i].text);
        assert_int_equal(c.kind, CONST_INT);
        assert_string_equal(str(c), RUNES[i].want);
    }
    Const s = lit(f, TOK_STRING, "\"a\\n\"");
    assert_int_equal(s.kind, CONST_STRING);
    assert_int_equal(s.u.str.len, 2);
    assert_memory_equal(s.u.str.bytes, "a\n", 2);
    assert_string_equal(str(s), "\"a\\n\"");
    s = lit(f, TOK_STRING, "`raw\\n`");
    assert_int_equal(s.u.str.len, 5);
    assert_string_equal(str(s), "\"raw\\\\n\"");
    s = lit(f, TOK_STRING, "\"\\xff\\u00e9\"");
    assert_int_equal(s.u.str.len, 3);
    assert_string_equal(str(s), "\"\\xff\xc3\xa9\"");
    s = lit(f, TOK_STRING, "\"\"");
    assert_int_equal(s.u.str.len, 0);
    assert_string_equal(str(s), "\"\"");
}

static void test_strings_and_bools(void **state) {
    Fixture *f = *state;
    Const a = const_make_string("ab", 2), b = const_make_string("abc", 3), e = const_make_string("", 0), z;
    bool r;
    Const ab = bin(f, TOK_ADD, a, b);
    assert_int_equal(ab.u.str.len, 5);
    assert_memory_equal(ab.u.str.bytes, "ababc", 5);
    assert_string_equal(str(bin(f, TOK_ADD, e, a)), "\"ab\"");
    assert_int_equal(const_binary(&f->arena, TOK_SUB, &a, &b, &z), CONST_ERR_BAD_OP);
    Const one = const_make_int64(1);
    /* 1 + "a": mismatched types */
    assert_int_equal(const_binary(&f->arena, TOK_ADD, &one, &a, &z), CONST_ERR_MISMATCH);
    assert_int_equal(const_compare(TOK_LSS, &a, &b, &r), CONST_OK);
    assert_true(r);
    assert_int_equal(const_compare(TOK_GTR, &a, &e, &r), CONST_OK);
    assert_true(r);
    assert_int_equal(const_compare(TOK_EQL, &ab, &ab, &r), CONST_OK);
    assert_true(r);
    Const ff = const_make_string("\xff", 1), x7f = const_make_string("\x7f", 1);
    assert_int_equal(const_compare(TOK_GTR, &ff, &x7f, &r), CONST_OK);   /* bytes are unsigned */
    assert_true(r);

    Const t = const_make_bool(true), fl = const_make_bool(false);
    assert_false(bin(f, TOK_LAND, t, fl).u.b);
    assert_true(bin(f, TOK_LOR, t, fl).u.b);
    assert_int_equal(const_compare(TOK_NEQ, &t, &fl, &r), CONST_OK);
    assert_true(r);
    assert_int_equal(const_compare(TOK_LSS, &t, &fl, &r), CONST_ERR_BAD_OP);
    assert_string_equal(str(t), "true");
    assert_string_equal(str(fl), "false");

    /* Numbers: big integers, negative, and mixed with floats */
    Const m = max_const(), nm = neg(m), half = flt(0.5), x1 = const_make_int64(1);
    assert_int_equal(const_compare(TOK_LSS, &nm, &m, &r), CONST_OK);
    assert_true(r);
    assert_int_equal(const_compare(TOK_GEQ, &nm, &x1, &r), CONST_OK);
    assert_false(r);
    assert_int_equal(const_compare(TOK_LSS, &half, &x1, &r), CONST_OK);
    assert_true(r);
    Const f1 = flt(1.0);
    assert_int_equal(const_compare(TOK_EQL, &f1, &x1, &r), CONST_OK);
    assert_true(r);
}

static void test_format(void **state) {
    Fixture *f = *state;
    /* Floats as go/constant prints them (%.6g) */
    static const struct { const char *text, *want; } FLOATS[] = {
        {"0.1", "0.1"}, {"1e100", "1e+100"}, {"123456789.0", "1.23457e+08"}, {"165", "165"},
        {"0.333333333333333", "0.333333"}, {"1e-6", "1e-06"}, {"1e6", "1e+06"}, {"1e40", "1e+40"},
        {"100000", "100000"}, {"2.5e-5", "2.5e-05"}, {"1234567", "1.23457e+06"}, {"0.0001", "0.0001"},
        {"0.00001234565", "1.23456e-05"},
    };
    for (size_t i = 0; i < sizeof FLOATS / sizeof FLOATS[0]; i++)
        assert_string_equal(str(lit(f, TOK_FLOAT, FLOATS[i].text)), FLOATS[i].want);

    /* Strings as strconv.Quote, cut at 72 runes */
#define S(lit) lit, sizeof(lit) - 1
    static const struct { const char *s; size_t n; const char *want; } STRINGS[] = {
        {S("hello\n\0\xc2\xa0\xf0\x9f\x98\x80"), "\"hello\\n\\x00\\u00a0\xf0\x9f\x98\x80\""},
        {S("\xff\xfe"), "\"\\xff\\xfe\""},
        {S("a\"b\\c\a\b\f\r\t\v\x7f"), "\"a\\\"b\\\\c\\a\\b\\f\\r\\t\\v\\x7f\""},
        {S("\xe2\x80\x8b\xc2\xad\xf3\xa0\x80\x81\xef\xbf\xbd"), "\"\\u200b\\u00ad\\U000e0001\xef\xbf\xbd\""},
    };
#undef S
    for (size_t i = 0; i < sizeof STRINGS / sizeof STRINGS[0]; i++) {
        Const c = const_make_string(STRINGS[i].s, (uint32_t)STRINGS[i].n);
        assert_string_equal(str(c), STRINGS[i].want);
    }
    char s[200], want[300];
    for (int n = 69; n <= 100; n++) {
        memset(s, 'a', (size_t)n);
        want[0] = '"';
        if (n <= 70) {                 /* 72 runes with the quotes: kept whole */
            memset(want + 1, 'a', (size_t)n);
            strcpy(want + 1 + n, "\"");
        } else {
            memset(want + 1, 'a', 68);
            strcpy(want + 69, "...");
        }
        assert_string_equal(str(const_make_string(s, (uint32_t)n)), want);
    }
    /* 80 two-byte runes: the cut counts runes, not bytes */
    for (int i = 0; i < 80; i++)
        memcpy(s + 2 * i, "\xc3\xa9", 2);
    want[0] = '"';
    for (int i = 0; i < 68; i++)
        memcpy(want + 1 + 2 * i, "\xc3\xa9", 2);
    strcpy(want + 1 + 136, "...");
    assert_string_equal(str(const_make_string(s, 160)), want);
    /* 30 bytes \x01: each escape is 4 runes, cut after 17 of them */
    memset(s, 1, 30);
    strcpy(want, "\"");
    for (int i = 0; i < 17; i++)
        strcat(want, "\\x01");
    strcat(want, "...");
    assert_string_equal(str(const_make_string(s, 30)), want);

    /* A short buffer truncates like snprintf. */
    char small[5];
    Const big = num(f, "123456789");
    assert_int_equal(const_format(small, sizeof small, &big), 9);
    assert_string_equal(small, "1234");
    assert_string_equal(str(const_make_unknown()), "unknown");
    assert_string_equal(str(const_make_int64(INT64_MIN)), "-9223372036854775808");
    assert_string_equal(str(const_make_int64(-1000000000)), "-1000000000");
    assert_string_equal(str(const_make_uint64(UINT64_MAX)), "18446744073709551615");
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_int64_boundaries, setup, teardown),
        cmocka_unit_test_setup_teardown(test_big_products, setup, teardown),
        cmocka_unit_test_setup_teardown(test_overflow, setup, teardown),
        cmocka_unit_test_setup_teardown(test_shifts, setup, teardown),
        cmocka_unit_test_setup_teardown(test_division, setup, teardown),
        cmocka_unit_test_setup_teardown(test_bitwise, setup, teardown),
        cmocka_unit_test_setup_teardown(test_representable_ints, setup, teardown),
        cmocka_unit_test_setup_teardown(test_representable_floats, setup, teardown),
        cmocka_unit_test_setup_teardown(test_int_float_conversion, setup, teardown),
        cmocka_unit_test_setup_teardown(test_exact_floats, setup, teardown),
        cmocka_unit_test_setup_teardown(test_float_boundaries, setup, teardown),
        cmocka_unit_test_setup_teardown(test_int_literals, setup, teardown),
        cmocka_unit_test_setup_teardown(test_float_literals, setup, teardown),
        cmocka_unit_test_setup_teardown(test_rune_and_string_literals, setup, teardown),
        cmocka_unit_test_setup_teardown(test_strings_and_bools, setup, teardown),
        cmocka_unit_test_setup_teardown(test_format, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
