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

double math_exp(double x) {
    return exp(x);
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

double math_log(double x) {
    return log(x);
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

double math_pow(double x, double y) {
    return pow(x, y);
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
