/*
 * fmt.h: the formatting engine behind the runtime's fmt package, shared by
 * fmt.c (the printer: Print/Printf, arguments and values walked through
 * their type descriptors), fmt_format.c (one operand under the flags,
 * width and precision: Go's fmt/format.go) and fmt_strconv.c (number and
 * string conversions: Go's strconv, float formatting included).
 *
 * Internal to the runtime.  Every function appends to a FmtBuf, whose
 * bytes come from the heap (mgc_alloc, noscan) once they outgrow the
 * caller's inline storage.
 */
#ifndef MGC_RUNTIME_FMT_H
#define MGC_RUNTIME_FMT_H

#include <stdbool.h>
#include <stdint.h>

#include "runtime/mgcrt.h"

/* A growable byte buffer; starts on caller-provided storage. */
typedef struct FmtBuf {
    uint8_t *p;
    int64_t len, cap;
} FmtBuf;

void fmtbuf_init(FmtBuf *b, uint8_t *storage, int64_t cap);
void fmtbuf_write(FmtBuf *b, const void *s, int64_t n);
void fmtbuf_str(FmtBuf *b, const char *s);
void fmtbuf_byte(FmtBuf *b, uint8_t c);
void fmtbuf_rune(FmtBuf *b, int32_t r);

/* The flags, width and precision of one verb, and where its output goes
 * (Go's fmt.fmt). */
typedef struct FmtState {
    FmtBuf *buf;
    bool plus, minus, sharp, space, zero;
    bool plus_v, sharp_v;        /* %+v and %#v (plus and sharp cleared) */
    bool wid_present, prec_present;
    int64_t wid, prec;
} FmtState;

/* fmt_format.c: one operand (Go's fmt/format.go). */
void fmt_clear_flags(FmtState *f);
void fmt_padding(FmtState *f, int64_t n);
void fmt_pad(FmtState *f, const uint8_t *s, int64_t n);
void fmt_pad_cstr(FmtState *f, const char *s);
void fmt_boolean(FmtState *f, bool v);
void fmt_integer(FmtState *f, uint64_t u, int base, bool is_signed, int32_t verb,
                 bool upper);
void fmt_unicode(FmtState *f, uint64_t u);
void fmt_c(FmtState *f, uint64_t c);
void fmt_qc(FmtState *f, uint64_t c);
void fmt_s(FmtState *f, const uint8_t *s, int64_t n);
void fmt_sbx(FmtState *f, const uint8_t *s, int64_t n, bool upper);
void fmt_q(FmtState *f, const uint8_t *s, int64_t n);
void fmt_float(FmtState *f, double v, int size, int32_t verb, int64_t prec);

/* fmt_strconv.c: Go's strconv. */
/* AppendFloat(v, fmt, prec, bitsize): fmt one of e E f g G b x X; prec < 0
 * asks for the shortest digits that read back as v. */
void strconv_append_float(FmtBuf *b, double v, char fmt, int64_t prec, int bitsize);
/* AppendQuote / AppendQuoteToASCII. */
void strconv_append_quote(FmtBuf *b, const uint8_t *s, int64_t n, bool ascii);
/* AppendQuoteRune / AppendQuoteRuneToASCII. */
void strconv_append_quote_rune(FmtBuf *b, int32_t r, bool ascii);
bool strconv_can_backquote(const uint8_t *s, int64_t n);
bool strconv_is_print(int32_t r);

/* UTF-8 helpers (unicode/utf8). */
int64_t fmt_rune_count(const uint8_t *s, int64_t n);
/* Decodes the rune at s[0:n] (n > 0); *width gets its length. */
int32_t fmt_decode_rune(const uint8_t *s, int64_t n, int *width);

/* stdlib.c: error values. */
/* errors.New(text). */
MgcIface mgc_errors_new(MgcString text);
MgcIface mgc_errors_new_cstr(const char *text);
/* &fmt.wrapError{msg, err} for Errorf's %w; (dyn, data): the operand. */
MgcIface mgc_fmt_wrap_error(MgcString msg, const MgcType *dyn, void *data);

#endif
