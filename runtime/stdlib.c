/*
 * stdlib.c: the runtime's errors, os and math packages, and the error
 * values errors.New and fmt.Errorf return.
 *
 * Each Go function is a C function named by its Go symbol through an asm
 * label (declared in mgcrt.h) and taking the flattened words of
 * docs/abi.md.  The error values are Go's own types, with descriptors and
 * itabs written here: *errors.errorString { s string } and
 * *fmt.wrapError { msg string; err error }, each with an Error method, so
 * %T, %v, %#v, type switches and == treat them as Go does.
 */
#include <math.h>
#include <string.h>

#include "runtime/fmt.h"
#include "runtime/typealg.h"

/* ---- Error types ------------------------------------------------------------ */

/* The layout of both error structs' first field, and wrapError's second. */
typedef struct ErrorString {
    MgcString s;
} ErrorString;

typedef struct WrapError {
    MgcString msg;
    MgcIface err;
} WrapError;

/* (*errors.errorString).Error: the text. */
static MgcString error_string_error(void *recv) {
    return ((ErrorString *)recv)->s;
}

/* (*fmt.wrapError).Error: the message. */
static MgcString wrap_error_error(void *recv) {
    return ((WrapError *)recv)->msg;
}

/* (*fmt.wrapError).Unwrap: the %w operand. */
static MgcIface wrap_error_unwrap(void *recv) {
    return ((WrapError *)recv)->err;
}

static const MgcType TYPE_FUNC_STRING = {
    .size = 8, .kind = MGC_KIND_FUNC, .align = 8, .name = "func() string"};

static const MgcType TYPE_FUNC_ERROR = {
    .size = 8, .kind = MGC_KIND_FUNC, .align = 8, .name = "func() error"};

static const MgcMethod ERROR_METHODS[] = {{"Error", &TYPE_FUNC_STRING, NULL}};

const MgcType mgc_type_error = {
    .size = 16, .kind = MGC_KIND_INTERFACE, .align = 8,
    .flags = MGC_TYPE_NAMED | MGC_TYPE_COMPARABLE, .name = "error",
    .methods = ERROR_METHODS, .nmethods = 1};

/* A function pointer stored as a method's code word. */
#define METHOD_CODE(fn) ((void *)(uintptr_t)(fn))

static const MgcField ERROR_STRING_FIELDS[] = {{"s", &mgc_type_string, 0, 0}};

static const MgcType TYPE_ERROR_STRING = {
    .size = 16, .kind = MGC_KIND_STRUCT, .align = 8,
    .flags = MGC_TYPE_NAMED | MGC_TYPE_COMPARABLE, .name = "errors.errorString",
    .fields = ERROR_STRING_FIELDS, .nfields = 1};

static const MgcMethod ERROR_STRING_PTR_METHODS[] = {
    {"Error", &TYPE_FUNC_STRING, METHOD_CODE(error_string_error)}};

const MgcType mgc_type_errors_error_string_ptr = {
    .size = 8, .kind = MGC_KIND_POINTER, .align = 8,
    .flags = MGC_TYPE_COMPARABLE | MGC_TYPE_ERROR, .name = "*errors.errorString",
    .elem = &TYPE_ERROR_STRING, .methods = ERROR_STRING_PTR_METHODS, .nmethods = 1};

static const struct {
    const MgcType *type, *inter;
    void *fun[1];
} ITAB_ERROR_STRING = {&mgc_type_errors_error_string_ptr, &mgc_type_error,
                       {METHOD_CODE(error_string_error)}};

static const MgcField WRAP_ERROR_FIELDS[] = {
    {"msg", &mgc_type_string, 0, 0}, {"err", &mgc_type_error, 16, 0}};

static const MgcType TYPE_WRAP_ERROR = {
    .size = 32, .kind = MGC_KIND_STRUCT, .align = 8,
    .flags = MGC_TYPE_NAMED | MGC_TYPE_COMPARABLE, .name = "fmt.wrapError",
    .fields = WRAP_ERROR_FIELDS, .nfields = 2};

static const MgcMethod WRAP_ERROR_PTR_METHODS[] = {
    {"Error", &TYPE_FUNC_STRING, METHOD_CODE(wrap_error_error)},
    {"Unwrap", &TYPE_FUNC_ERROR, METHOD_CODE(wrap_error_unwrap)}};

const MgcType mgc_type_fmt_wrap_error_ptr = {
    .size = 8, .kind = MGC_KIND_POINTER, .align = 8,
    .flags = MGC_TYPE_COMPARABLE | MGC_TYPE_ERROR, .name = "*fmt.wrapError",
    .elem = &TYPE_WRAP_ERROR, .methods = WRAP_ERROR_PTR_METHODS, .nmethods = 2};

static const struct {
    const MgcType *type, *inter;
    void *fun[1];
} ITAB_WRAP_ERROR = {&mgc_type_fmt_wrap_error_ptr, &mgc_type_error,
                     {METHOD_CODE(wrap_error_error)}};

MgcIface mgc_errors_new(MgcString text) {
    ErrorString *e = mgc_alloc(sizeof *e, &TYPE_ERROR_STRING, 0);
    e->s = text;
    return (MgcIface){&ITAB_ERROR_STRING, e};
}

MgcIface mgc_errors_new_cstr(const char *text) {
    return mgc_errors_new((MgcString){(const uint8_t *)text, (int64_t)strlen(text)});
}

MgcIface mgc_fmt_wrap_error(MgcString msg, const MgcType *dyn, void *data) {
    WrapError *e = mgc_alloc(sizeof *e, &TYPE_WRAP_ERROR, 0);
    e->msg = msg;
    e->err = (MgcIface){mgc_assertI2(&mgc_type_error, dyn), data};
    return (MgcIface){&ITAB_WRAP_ERROR, e};
}

MgcIface errors_new(const uint8_t *text, int64_t len) {
    return mgc_errors_new((MgcString){text, len});
}

/* ---- os ------------------------------------------------------------------- */

void os_exit(int64_t code) {
    mgc_os_exit(code);
}

/* ---- math ----------------------------------------------------------------- */

/* Go's results for special operands come first; the rest are IEEE
 * operations, exact in libm (sqrt, floor, ceil, trunc, fmod, copysign). */

static uint64_t float64_bits(double f) {
    uint64_t b;
    memcpy(&b, &f, sizeof b);
    return b;
}

static double float64_from_bits(uint64_t b) {
    double f;
    memcpy(&f, &b, sizeof f);
    return f;
}

/* fr * 2^k as Go's amd64 Exp scales its result: the biased exponent
 * written into a power of two, in two steps for subnormal results. */
static double ldexp_go(double fr, int32_t k) {
    int64_t e = (int64_t)k + 0x3FF;
    if (e <= 0) {
        if (e < -52)
            return 0;
        fr *= float64_from_bits((uint64_t)(e + 0x3FE) << 52);
        e = 1;
    } else if (e >= 0x7FF) {
        return math_inf(1);
    }
    return fr * float64_from_bits((uint64_t)e << 52);
}

double math_abs(double x) {
    return float64_from_bits(float64_bits(x) & ~((uint64_t)1 << 63));
}

double math_ceil(double x) {
    return ceil(x);
}

double math_copysign(double f, double sign) {
    uint64_t s = (uint64_t)1 << 63;
    return float64_from_bits((float64_bits(f) & ~s) | (float64_bits(sign) & s));
}

/* Whether Go's amd64 Exp takes its fused multiply-add path: on CPUs with
 * AVX and FMA it rounds differently, and Go's results depend on it. */
static bool exp_uses_fma(void) {
#if defined(__x86_64__)
    return __builtin_cpu_supports("avx") && __builtin_cpu_supports("fma");
#else
    return false;
#endif
}

/* Exp as Go's amd64 assembly computes it (Shibata's method, as in SLEEF):
 * x = k ln2 + r, e^(r/16) by its Taylor series, squared back four times
 * through (e^y - 1)(e^y + 1), then scaled by 2^k. */
double math_exp(double x) {
    static const double LOG2E = 1.4426950408889634073599246810018920;
    static const double LN2U = 0.69314718055966295651160180568695068359375;
    static const double LN2L = 0.28235290563031577122588448175013436025525412068e-12;
    static const double OVERFLOW = 7.09782712893384e+02;
    /* 1/3!, 1/4!, ..., 1/8!, innermost last */
    static const double C[] = {1.6666666666666666667e-1, 4.1666666666666666667e-2,
                               8.3333333333333333333e-3, 1.3888888888888888889e-3,
                               1.9841269841269841270e-4, 2.4801587301587301587e-5};
    if (x != x || math_isinf(x, 1))
        return x;
    if (math_isinf(x, -1))
        return 0;
    if (x > OVERFLOW)
        return math_inf(1);
    double t = LOG2E * x;
    int32_t k = t >= -2147483648.0 && t < 2147483648.0 ? (int32_t)lrint(t) : INT32_MIN;
    double kf = k;
    bool fused = exp_uses_fma();
    double r, p;
    if (fused) {
        r = fma(-kf, LN2U, x);
        r = fma(-kf, LN2L, r);
    } else {
        r = x - LN2U * kf;
        r = r - LN2L * kf;
    }
    r *= 0.0625;
    p = C[5];
    for (int i = 4; i >= 0; i--)
        p = fused ? fma(p, r, C[i]) : p * r + C[i];
    p = fused ? fma(p, r, 0.5) : p * r + 0.5;
    p = fused ? fma(p, r, 1.0) : p * r + 1.0;
    r *= p;                              /* e^(x/16) - 1 */
    for (int i = 0; i < 4; i++) {
        double u = r + 2.0;
        if (fused && i == 3)
            return ldexp_go(fma(u, r, 1.0), k);
        r *= u;
    }
    return ldexp_go(r + 1.0, k);
}

uint32_t math_float32bits(float f) {
    uint32_t b;
    memcpy(&b, &f, sizeof b);
    return b;
}

float math_float32frombits(uint32_t b) {
    float f;
    memcpy(&f, &b, sizeof f);
    return f;
}

uint64_t math_float64bits(double f) {
    return float64_bits(f);
}

double math_float64frombits(uint64_t b) {
    return float64_from_bits(b);
}

double math_floor(double x) {
    return floor(x);
}

double math_inf(int64_t sign) {
    return sign >= 0 ? float64_from_bits(0x7FF0000000000000ull)
                     : float64_from_bits(0xFFF0000000000000ull);
}

bool math_isinf(double f, int64_t sign) {
    return (sign >= 0 && f > 1.7976931348623157e308) ||
           (sign <= 0 && f < -1.7976931348623157e308);
}

bool math_isnan(double f) {
    return f != f;
}

/* Log as Go's amd64 assembly computes it (the fdlibm method): x = 2^k f
 * with f in [sqrt(2)/2, sqrt(2)), s = (f-1)/(f+1), log(f) from an odd
 * series in s, and k ln2 added in two parts. */
double math_log(double x) {
    static const double HSQRT2 = 7.07106781186547524401e-01;
    static const double LN2HI = 6.93147180369123816490e-01;
    static const double LN2LO = 1.90821492927058770002e-10;
    static const double L1 = 6.666666666666735130e-01, L2 = 3.999999999940941908e-01,
                        L3 = 2.857142874366239149e-01, L4 = 2.222219843214978396e-01,
                        L5 = 1.818357216161805012e-01, L6 = 1.531383769920937332e-01,
                        L7 = 1.479819860511658591e-01;
    uint64_t bits = float64_bits(x);
    if ((bits & ~((uint64_t)1 << 63)) == 0)
        return math_inf(-1);
    if ((int64_t)bits < 0)
        return math_nan();
    if (bits >= 0x7FF0000000000000ull)
        return x;
    /* the exponent and mantissa fields as they are (subnormals too) */
    double f1 = float64_from_bits((bits & 0x000FFFFFFFFFFFFFull) | 0x3FE0000000000000ull);
    double k = (double)((int)((bits >> 52) & 0x7FF) - 0x3FE);
    double scale = 1.0;
    if (f1 < HSQRT2) {
        k -= 1;
        scale = 2.0;
    }
    f1 *= scale;
    double f = f1 - 1;
    double s = f / (2 + f);
    double s2 = s * s;
    double s4 = s2 * s2;
    double t1 = s2 * (L1 + s4 * (L3 + s4 * (L5 + s4 * L7)));
    double t2 = s4 * (L2 + s4 * (L4 + s4 * L6));
    double r = t1 + t2;
    double hfsq = 0.5 * f * f;
    return k * LN2HI - ((hfsq - (s * (hfsq + r) + k * LN2LO)) - f);
}

/* Max: +Inf beats NaN, NaN beats the rest, +0 beats -0. */
double math_max(double x, double y) {
    if (math_isinf(x, 1) || math_isinf(y, 1))
        return math_inf(1);
    if (x != x || y != y)
        return float64_from_bits(0x7FF8000000000001ull);
    if (x == 0 && x == y)
        return signbit(x) ? y : x;
    return x > y ? x : y;
}

/* Min: -Inf beats NaN, NaN beats the rest, -0 beats +0. */
double math_min(double x, double y) {
    if (math_isinf(x, -1) || math_isinf(y, -1))
        return math_inf(-1);
    if (x != x || y != y)
        return float64_from_bits(0x7FF8000000000001ull);
    if (x == 0 && x == y)
        return signbit(x) ? x : y;
    return x < y ? x : y;
}

double math_mod(double x, double y) {
    if (y == 0 || math_isinf(x, 0) || x != x || y != y)
        return float64_from_bits(0x7FF8000000000001ull);
    return fmod(x, y);
}

double math_nan(void) {
    return float64_from_bits(0x7FF8000000000001ull);
}

/* Whether y is an odd integer. */
static bool is_odd_int(double y) {
    if (fabs(y) >= 0x1p53)
        return false;    /* every float from 2^53 on is even */
    double i;
    return modf(y, &i) == 0 && fmod(i, 2) != 0;
}

/* Pow as Go computes it, so results agree to the last bit: the special
 * cases of IEEE 754 pown/pow, then x^frac(y) = Exp(frac * Log(x)) (frac
 * moved into [-0.5, 0.5]) times x^int(y) by repeated squaring of x's
 * mantissa, the binary exponent kept apart until one final Ldexp. */
double math_pow(double x, double y) {
    if (y == 0 || x == 1)
        return 1;
    if (y == 1)
        return x;
    if (x != x || y != y)
        return math_nan();
    if (x == 0) {
        bool odd_neg = math_signbit(x) && is_odd_int(y);
        if (y < 0)
            return odd_neg ? math_inf(-1) : math_inf(1);
        return odd_neg ? x : 0;
    }
    if (math_isinf(y, 0)) {
        if (x == -1)
            return 1;
        return (fabs(x) < 1) == (y > 0) ? 0 : math_inf(1);
    }
    if (math_isinf(x, 0)) {
        if (x < 0)
            return math_pow(1 / x, -y);    /* (-0)^(-y) */
        return y < 0 ? 0 : math_inf(1);
    }
    if (y == 0.5)
        return sqrt(x);
    if (y == -0.5)
        return 1 / sqrt(x);
    double yi, yf = modf(fabs(y), &yi);
    if (yf != 0 && x < 0)
        return math_nan();
    if (yi >= 0x1p63) {
        /* an even integer so large that only x == -1 escapes overflow or
         * underflow */
        if (x == -1)
            return 1;
        return (fabs(x) < 1) == (y > 0) ? 0 : math_inf(1);
    }
    double a1 = 1;
    int64_t ae = 0;
    if (yf != 0) {
        if (yf > 0.5) {
            yf--;
            yi++;
        }
        a1 = math_exp(yf * math_log(x));
    }
    int xe_int;
    double x1 = frexp(x, &xe_int);
    int64_t xe = xe_int;
    for (int64_t i = (int64_t)yi; i != 0; i >>= 1) {
        if (xe < -(1 << 12) || xe > (1 << 12)) {
            ae += xe;    /* certain overflow or underflow: ldexp decides */
            break;
        }
        if (i & 1) {
            a1 *= x1;
            ae += xe;
        }
        x1 *= x1;
        xe <<= 1;
        if (x1 < 0.5) {
            x1 += x1;
            xe--;
        }
    }
    if (y < 0) {
        a1 = 1 / a1;
        ae = -ae;
    }
    if (ae > 1 << 20)
        ae = 1 << 20;
    if (ae < -(1 << 20))
        ae = -(1 << 20);
    return ldexp(a1, (int)ae);
}

bool math_signbit(double x) {
    return (float64_bits(x) >> 63) != 0;
}

double math_sqrt(double x) {
    return sqrt(x);
}

double math_trunc(double x) {
    return trunc(x);
}
