/* const.h — Go's constant values and their exact arithmetic, for the type
 * checker (spec "Constants" and "Constant expressions").
 *
 * Integers are exact: a fixed-size two's-complement big integer of
 * CONST_INT_LIMBS 64-bit limbs.  As gc does, a result whose magnitude needs
 * more than CONST_INT_BITS (512) bits is an error ("constant addition
 * overflow"), so every valid value lies in -(2^512-1) .. 2^512-1 and the
 * extra limb is headroom for the two's-complement sign and carries.
 *
 * Floats are binary floating-point numbers with a CONST_FLOAT_BITS-bit
 * mantissa and a 32-bit exponent, as gc's big.Float but wider (gc keeps
 * exact rationals where it can; 1088 bits hold every value Go's own tests
 * need exactly, see docs/constants.md).  Each operation rounds once, to
 * nearest, ties to even; conversions to float32 and float64 round once
 * from that value.  Strings are byte
 * strings whose bytes live in an arena and are never changed.  Rune
 * constants are integers: whether a constant is untyped rune, untyped int or
 * typed is the checker's business, not this module's.
 *
 * All functions take and return Const by pointer; a Const holds no pointer
 * but a string's bytes, so it can be copied freely. */
#ifndef MGC_TYPES_CONST_H
#define MGC_TYPES_CONST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "lexer/lexer.h"
#include "mem/mem.h"

#define CONST_INT_LIMBS 9
#define CONST_INT_BITS 512
#define CONST_FLOAT_LIMBS 17
#define CONST_FLOAT_BITS (CONST_FLOAT_LIMBS * 64)
/* The largest constant shift count gc accepts (1023 - 1 + 52, so that the
 * smallest float64 can be written as a shift); larger counts are "invalid
 * shift count". */
#define CONST_SHIFT_BOUND 1074
/* A buffer of this size holds any output of const_format. */
#define CONST_FORMAT_MAX 320

typedef enum ConstKind {
    CONST_UNKNOWN,      /* the result of an error; every operation propagates it */
    CONST_BOOL,
    CONST_STRING,
    CONST_INT,
    CONST_FLOAT,
} ConstKind;

/* A signed integer in two's complement, least significant limb first. */
typedef struct ConstInt {
    uint64_t limb[CONST_INT_LIMBS];
} ConstInt;

/* A float: (-1)^neg * 0.mant * 2^exp, where mant (least significant limb
 * first) is read as a binary fraction and is either zero (the value zero,
 * with exp 0 and neg false) or has its top bit set, so 0.5 <= 0.mant < 1.
 * The exponent range is big.Float's: a result beyond it is an error, one
 * below it is zero. */
typedef struct ConstFloat {
    uint64_t mant[CONST_FLOAT_LIMBS];
    int32_t exp;
    bool neg;
} ConstFloat;

typedef struct Const {
    ConstKind kind;
    union {
        bool b;                                   /* CONST_BOOL */
        struct { const char *bytes; uint32_t len; } str;  /* CONST_STRING */
        ConstInt i;                               /* CONST_INT */
        ConstFloat f;                             /* CONST_FLOAT */
    } u;
} Const;

/* What went wrong in an operation; the checker words the message. */
typedef enum ConstError {
    CONST_OK,
    CONST_ERR_OVERFLOW,      /* an integer beyond 512 bits: "constant %s overflow"
                                (const_op_name); a number beyond a float type */
    CONST_ERR_DIV_ZERO,      /* "invalid operation: division by zero" */
    CONST_ERR_SHIFT_NEG,     /* "invalid operation: negative shift count %s" */
    CONST_ERR_SHIFT_COUNT,   /* count > CONST_SHIFT_BOUND: "invalid shift count %s" */
    CONST_ERR_NOT_INTEGER,   /* a float operand or count with a fractional part */
    CONST_ERR_MISMATCH,      /* operand kinds the operator cannot combine */
    CONST_ERR_BAD_OP,        /* the operator is not defined on the operands' kind */
    CONST_ERR_MALFORMED,     /* a literal that cannot be read (or an imaginary one) */
    CONST_ERR_TRUNCATED,     /* representability: a float that is not an integer */
    CONST_ERR_RANGE,         /* a float beyond the 32-bit binary exponent: gc's
                                "constant result is not representable" for an
                                operation, "malformed constant" for a literal */
} ConstError;

/* The basic types a constant may be converted to. int, uint and uintptr
 * are 64 bits wide (amd64 and arm64). */
typedef enum ConstType {
    CTYPE_BOOL, CTYPE_STRING,
    CTYPE_INT, CTYPE_INT8, CTYPE_INT16, CTYPE_INT32, CTYPE_INT64,
    CTYPE_UINT, CTYPE_UINT8, CTYPE_UINT16, CTYPE_UINT32, CTYPE_UINT64, CTYPE_UINTPTR,
    CTYPE_FLOAT32, CTYPE_FLOAT64,
} ConstType;

/* ---- Making constants ------------------------------------------------- */

Const const_make_unknown(void);
Const const_make_bool(bool b);
Const const_make_int64(int64_t v);
Const const_make_uint64(uint64_t v);
/* A non-finite f gives CONST_UNKNOWN. */
Const const_make_float(double f);
/* The bytes are not copied: they must live as long as the constant. */
Const const_make_string(const char *bytes, uint32_t len);

/* The value of a literal token as the lexer left it (TOK_INT, TOK_FLOAT,
 * TOK_RUNE, TOK_STRING; text exactly as written).  Strings are decoded into
 * a.  Float literals are read exactly and rounded once.  Returns
 * CONST_ERR_OVERFLOW for an integer literal beyond 512 bits,
 * CONST_ERR_RANGE for a float literal beyond the exponent range (1e1000000000;
 * gc: "malformed constant"), CONST_ERR_MALFORMED for anything else it cannot
 * read, TOK_IMAG included. */
ConstError const_from_literal(Arena *a, TokenKind kind, const char *lit, uint32_t len, Const *out);

/* ---- Operations ------------------------------------------------------- */

/* Unary +, -, ^ and !.  ^ on a signed or untyped integer is -x-1; on a
 * typed unsigned integer of uint_bits bits (uint_bits > 0) it flips exactly
 * those bits.  On error *out is CONST_UNKNOWN. */
ConstError const_unary(TokenKind op, const Const *x, int uint_bits, Const *out);

/* Binary + - * / % & | ^ &^ && ||.  An integer and a float combine as
 * floats.  / of two integers is truncated integer division (the spec's rule
 * for untyped integer constants; the checker converts typed float operands
 * with const_to_float first).  + on strings concatenates into a.  On error
 * *out is CONST_UNKNOWN. */
ConstError const_binary(Arena *a, TokenKind op, const Const *x, const Const *y, Const *out);

/* x << count or x >> count (arithmetic).  x must be integral (a float with
 * an integer value is converted; for >> it may be wider than 512 bits, as
 * 1e302 >> 1000 is 9); count must be an integer in 0..CONST_SHIFT_BOUND. */
ConstError const_shift(TokenKind op, const Const *x, const Const *count, Const *out);

/* x op y for == != < <= > >=: bools (== and != only), strings (bytewise),
 * and numbers (an integer and a float compare as floats). */
ConstError const_compare(TokenKind op, const Const *x, const Const *y, bool *out);

/* gc's name of an operation that can overflow, for "constant %s overflow":
 * "addition", "subtraction", "multiplication", "shift", "bitwise XOR", and
 * for unary ^ "bitwise complement"; "" for all others (gc then prints two
 * spaces). */
const char *const_op_name(TokenKind op, bool unary);

/* ---- Conversions ------------------------------------------------------ */

/* Checks that c can be represented in type t, and stores in *out (if not
 * NULL) the value it takes there: integer types get CONST_INT, float types
 * a CONST_FLOAT rounded to float32 or float64.  Errors, in types2's terms:
 * CONST_ERR_OVERFLOW ("(overflows)": an integer out of range, or a number
 * beyond a float type's range), CONST_ERR_TRUNCATED ("(truncated)": a
 * float going to an integer type that is not an integer or is out of
 * range), CONST_ERR_MISMATCH (a bool or string against another kind). */
ConstError const_representable(const Const *c, ConstType t, Const *out);

/* The integer value of an integer or integral float constant;
 * CONST_ERR_NOT_INTEGER otherwise, CONST_ERR_MISMATCH for other kinds. */
ConstError const_to_int(const Const *c, Const *out);
/* The float value of a number (exact for every integer constant). */
ConstError const_to_float(const Const *c, Const *out);
/* True if c is an integer or a float with an integer value, of any size. */
bool const_is_integral(const Const *c);

/* The value as an int64 / uint64; false if c is not an integer (or an
 * integral float) or does not fit. */
bool const_to_int64(const Const *c, int64_t *out);
bool const_to_uint64(const Const *c, uint64_t *out);
/* The value of a number as the nearest double, ties to even, subnormals
 * included (±HUGE_VAL beyond the double range, 0 for other kinds). */
double const_to_double(const Const *c);

/* -1, 0 or +1 for a number. */
int const_sign(const Const *c);
/* Bits needed for the magnitude of an integer (go/constant.BitLen). */
int const_bit_len(const Const *c);

/* ---- Printing --------------------------------------------------------- */

/* Writes c as gc prints a constant's value in messages (go/constant's
 * String): integers in decimal; floats as %.6g of the nearest double
 * ("1e+100", "0.1", "1.23457e+08") or, beyond the double range,
 * go/constant's approximation from the binary exponent ("1e+400");
 * strings quoted as strconv.Quote does and, when that is longer than 72
 * characters, cut to 69 followed by "..."; bools as true/false; unknown as
 * "unknown".  Output is truncated to fit n bytes (NUL included); returns
 * the length it would have had, as snprintf does. */
size_t const_format(char *buf, size_t n, const Const *c);

#endif
