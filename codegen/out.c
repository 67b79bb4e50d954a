/* out.c — formatted output of the assembly writer.
 *
 * The emitters write a million lines for a 100,000-line program, so
 * printf's general machinery and stdio's per-call locking cost a third of
 * the compiler's time.  Here text goes straight into an AsmOut: a buffer
 * of our own in front of the FILE, written with one fwrite per
 * ASM_OUT_CHUNK bytes.  The formatter knows only the conversions the
 * emitters use; the frequent lines do not go through it at all, but are
 * put together in place (asm_line_begin, codegen.h) from literals, short
 * texts with their length and decimal numbers written two digits at a
 * time (asm_put_u64).
 *
 * Conversions: %% %c %s %d %i %u %x %o with an optional '0' flag, a width
 * and a length modifier l, ll or z (so PRId64 and PRIu64 work).  Anything
 * else is a bug in the caller: the conversion is written as is. */
#include "codegen/codegen.h"

#include <errno.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "mem/mem.h"

/* Bytes buffered before a write to the file. */
#define ASM_OUT_CHUNK ((size_t)1 << 20)

/* ---- the buffer --------------------------------------------------------------- */

/* Starts o in front of file (the buffer comes with the first write). */
void asm_out_init(AsmOut *o, FILE *file) {
    o->file = file;
    o->buf = NULL;
    o->cap = o->len = 0;
    o->err = 0;
}

/* Writes what is buffered to the file; false (and o->err set) when the
 * write fails. */
bool asm_out_flush(AsmOut *o) {
    if (o->len > 0 && !o->err && fwrite(o->buf, 1, o->len, o->file) != o->len)
        o->err = errno ? errno : EIO;
    o->len = 0;
    return !o->err;
}

/* Releases o's buffer (not the file; flush first). */
void asm_out_free(AsmOut *o) {
    mem_xfree(o->buf);
    o->buf = NULL;
    o->len = o->cap = 0;
}

/* Makes room for n more bytes: flushes, and grows the buffer for a piece
 * larger than it (a long string literal). */
void asm_out_make_room(AsmOut *o, size_t n) {
    asm_out_flush(o);
    if (n > o->cap) {
        o->cap = n > ASM_OUT_CHUNK ? n : ASM_OUT_CHUNK;
        o->buf = mem_xrealloc(o->buf, o->cap);
    }
}

/* ---- decimal numbers ------------------------------------------------------------- */

/* The decimal digits of 0..99, two by two. */
static const char DIGITS2[] =
    "00010203040506070809101112131415161718192021222324252627282930313233343536373839"
    "40414243444546474849505152535455565758596061626364656667686970717273747576777879"
    "8081828384858687888990919293949596979899";

/* Writes the decimal digits of u so that they end at end; returns where
 * they start (at most 20 bytes before end). */
static inline char *decimal_text(char *end, uint64_t u) {
    char *p = end;
    for (; u > UINT32_MAX; u /= 100) {
        p -= 2;
        memcpy(p, DIGITS2 + 2 * (u % 100), 2);
    }
    /* the rest in 32 bits, which is cheaper */
    uint32_t x = (uint32_t)u;
    for (; x >= 100; x /= 100) {
        p -= 2;
        memcpy(p, DIGITS2 + 2 * (x % 100), 2);
    }
    if (x >= 10) {
        p -= 2;
        memcpy(p, DIGITS2 + 2 * x, 2);
    } else {
        *--p = (char)('0' + x);
    }
    return p;
}

/* The number of decimal digits of u. */
static inline int decimal_len(uint64_t u) {
    int n = 0;
    for (; u > UINT32_MAX; u /= 10)
        n++;
    uint32_t x = (uint32_t)u;
    if (x < 100000)
        return n + (x < 100 ? 1 + (x >= 10) : 3 + (x >= 1000) + (x >= 10000));
    return n + 6 + (x >= 1000000) + (x >= 10000000) + (x >= 100000000) + (x >= 1000000000);
}

/* Writes u in decimal at p; returns the end (not terminated). */
char *asm_put_u64(char *p, uint64_t u) {
    if (u < 10) {
        *p = (char)('0' + u);
        return p + 1;
    }
    char *end = p + decimal_len(u);
    decimal_text(end, u);
    return end;
}

/* Writes x in decimal at p; returns the end (not terminated). */
char *asm_put_i64(char *p, int64_t x) {
    if (x < 0) {
        *p++ = '-';
        return asm_put_u64(p, 0ULL - (uint64_t)x);
    }
    return asm_put_u64(p, (uint64_t)x);
}

/* ---- formatting ----------------------------------------------------------------- */

/* One conversion of a format: %[0][width][l|ll|z]conv. */
typedef struct Spec {
    bool zero;
    int width;
    int longs;                       /* number of l */
    bool size;                       /* z */
    char conv;                       /* '\0' at the end of fmt */
} Spec;

/* Reads the conversion after a '%' at p; returns the character after it. */
static const char *parse_spec(const char *p, Spec *sp) {
    *sp = (Spec){0};
    if (*p == '0') {
        sp->zero = true;
        p++;
    }
    while (*p >= '0' && *p <= '9')
        sp->width = sp->width * 10 + (*p++ - '0');
    if (sp->width > 40)
        sp->width = 40;
    for (; *p == 'l' || *p == 'z'; p++) {
        if (*p == 'z')
            sp->size = true;
        else
            sp->longs++;
    }
    sp->conv = *p;
    return *p ? p + 1 : p;
}

/* Writes the digits of u in base (8, 10 or 16), after '-' when neg, padded
 * to width (at most 40) with zeros or spaces, so that they end at end;
 * returns where they start (at most 44 bytes before end). */
static char *number_text(char *end, unsigned long long u, bool neg, unsigned base, int width, bool zero) {
    char *p = end;
    if (base == 10) {
        p = decimal_text(end, u);
    } else {
        do {
            *--p = "0123456789abcdef"[u % base];
            u /= base;
        } while (u);
    }
    int len = (int)(end - p) + (neg ? 1 : 0);
    if (zero)
        for (; len < width; len++)
            *--p = '0';
    if (neg)
        *--p = '-';
    if (!zero)
        for (; len < width; len++)
            *--p = ' ';
    return p;
}

/* Fetches the integer argument of an integer conversion and writes its
 * text ending at end; returns where it starts. */
#define INT_TEXT(end, sp, ap)                                                                     \
    ((sp).conv == 'd' || (sp).conv == 'i'                                                         \
         ? signed_text((end), &(sp), (sp).size ? (long long)va_arg(ap, ptrdiff_t)                 \
                                     : (sp).longs >= 2 ? va_arg(ap, long long)                    \
                                     : (sp).longs == 1 ? va_arg(ap, long) : va_arg(ap, int))      \
         : number_text((end), (sp).size ? va_arg(ap, size_t)                                      \
                              : (sp).longs >= 2 ? va_arg(ap, unsigned long long)                  \
                              : (sp).longs == 1 ? va_arg(ap, unsigned long) : va_arg(ap, unsigned), \
                       false, (sp).conv == 'u' ? 10 : (sp).conv == 'x' ? 16 : 8, (sp).width, (sp).zero))

/* The text of signed x for spec sp, ending at end. */
static char *signed_text(char *end, const Spec *sp, long long x) {
    unsigned long long u = x < 0 ? 0ULL - (unsigned long long)x : (unsigned long long)x;
    return number_text(end, u, x < 0, 10, sp->width, sp->zero);
}

/* Whether conv is one of the integer conversions. */
static bool int_conv(char conv) {
    return conv == 'd' || conv == 'i' || conv == 'u' || conv == 'x' || conv == 'o';
}

/* Formats fmt with ap into buf[0..cap) as snprintf does; returns the
 * length of the whole text. */
static size_t format_to(char *buf, size_t cap, const char *fmt, va_list ap) {
    size_t len = 0;
#define PUT(p, n)                                                                                 \
    do {                                                                                          \
        size_t n_ = (n);                                                                          \
        if (len < cap) {                                                                          \
            size_t k_ = cap - 1 - len < n_ ? cap - 1 - len : n_;                                  \
            memcpy(buf + len, (p), k_);                                                           \
        }                                                                                         \
        len += n_;                                                                                \
    } while (0)
    for (const char *p = fmt; *p;) {
        if (*p != '%') {
            const char *q = p;
            while (*q && *q != '%')
                q++;
            PUT(p, (size_t)(q - p));
            p = q;
            continue;
        }
        Spec sp;
        const char *start = p;
        p = parse_spec(p + 1, &sp);
        char tmp[48];
        if (sp.conv == '%') {
            PUT("%", 1);
        } else if (sp.conv == 'c') {
            tmp[0] = (char)va_arg(ap, int);
            PUT(tmp, 1);
        } else if (sp.conv == 's') {
            const char *str = va_arg(ap, const char *);
            PUT(str, strlen(str));
        } else if (int_conv(sp.conv)) {
            char *t = INT_TEXT(tmp + sizeof tmp, sp, ap);
            PUT(t, (size_t)(tmp + sizeof tmp - t));
        } else {
            /* not a conversion of this formatter: written as is */
            PUT(start, (size_t)(p - start));
        }
    }
#undef PUT
    if (cap > 0)
        buf[len < cap ? len : cap - 1] = '\0';
    return len;
}

/* The formatter of the assembly writer: the same conversions, written
 * straight into out's buffer.  It keeps room for the rest of the format
 * plus OUT_SLACK bytes (a number takes at most 44), so literal text and
 * numbers are copied without a check per byte; only %s checks. */
enum { OUT_SLACK = 64 };

/* Makes room for n bytes at *d (out->len becomes *d's offset); returns
 * the end of the buffer. */
static char *out_room(AsmOut *out, char **d, size_t n) {
    out->len = (size_t)(*d - out->buf);
    if (out->cap - out->len < n)
        asm_out_make_room(out, n);
    *d = out->buf + out->len;
    return out->buf + out->cap;
}

/* Formats fmt with ap into out. */
static void out_vformat(AsmOut *out, const char *fmt, va_list ap) {
    const char *end = fmt + strlen(fmt);
    char *d = out->buf + out->len;
    char *lim = out_room(out, &d, (size_t)(end - fmt) + OUT_SLACK);
    for (const char *p = fmt;;) {
        char ch;
        while ((ch = *p) != '%' && ch) {
            *d++ = ch;
            p++;
        }
        if (!ch)
            break;
        char c1 = p[1];
        if (c1 == 's') {
            p += 2;
            for (const char *str = va_arg(ap, const char *); *str; str++) {
                if (d == lim)
                    lim = out_room(out, &d, (size_t)(end - p) + OUT_SLACK);
                *d++ = *str;
            }
        } else if (c1 == '%') {
            p += 2;
            *d++ = '%';
        } else if (c1 == 'u' || c1 == 'd') {
            /* plain %u and %d */
            unsigned long long u;
            bool neg = false;
            if (c1 == 'u') {
                u = va_arg(ap, unsigned);
            } else {
                int x = va_arg(ap, int);
                neg = x < 0;
                u = neg ? 0ULL - (unsigned long long)x : (unsigned long long)x;
            }
            p += 2;
            if (neg)
                *d++ = '-';
            d = asm_put_u64(d, u);
        } else {
            Spec sp;
            const char *start = p;
            p = parse_spec(p + 1, &sp);
            if (sp.conv == '%') {
                *d++ = '%';
            } else if (sp.conv == 'c') {
                *d++ = (char)va_arg(ap, int);
            } else if (int_conv(sp.conv)) {
                char tmp[48];
                char *t = INT_TEXT(tmp + sizeof tmp, sp, ap);
                size_t n = (size_t)(tmp + sizeof tmp - t);
                memcpy(d, t, n);
                d += n;
            } else {
                /* not a conversion of this formatter: written as is */
                for (; start < p; start++)
                    *d++ = *start;
            }
        }
        if ((size_t)(lim - d) < (size_t)(end - p) + OUT_SLACK)
            lim = out_room(out, &d, (size_t)(end - p) + OUT_SLACK);
    }
    out->len = (size_t)(d - out->buf);
}

/* Writes fmt, formatted with ap, to out. */
void codegen_vprintf(AsmOut *out, const char *fmt, va_list ap) {
    out_vformat(out, fmt, ap);
}

/* Writes one instruction line: a tab, fmt formatted with ap, a newline. */
void codegen_vprint_insn(AsmOut *out, const char *fmt, va_list ap) {
    asm_out_putc(out, '\t');
    out_vformat(out, fmt, ap);
    asm_out_putc(out, '\n');
}

/* Writes fmt, formatted, to out. */
void codegen_printf(AsmOut *out, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    codegen_vprintf(out, fmt, ap);
    va_end(ap);
}

/* Formats into buf[0..n) like snprintf: returns the length of the whole text. */
int codegen_snprintf(char *buf, size_t n, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    size_t len = format_to(buf, n, fmt, ap);
    va_end(ap);
    return (int)len;
}

/* Writes a symbol name, quoted, as GNU as accepts any characters then.
 * The middle dot that SSA construction puts in static closures' names
 * ("main.f·f", as gc spells them) is written as ':' ("main.f:f"), so the
 * object file's symbols are ASCII (docs/abi.md). */
void codegen_put_symbol(AsmOut *out, const char *name) {
    size_t n = strcspn(name, "\"\\\xc2");
    if (!name[n]) {
        /* nothing to rewrite: the common case */
        if (out->cap - out->len < n + 2)
            asm_out_make_room(out, n + 2);
        char *d = out->buf + out->len;
        d[0] = '"';
        memcpy(d + 1, name, n);
        d[n + 1] = '"';
        out->len += n + 2;
        return;
    }
    asm_out_putc(out, '"');
    for (const char *p = name; *p; p++) {
        if ((unsigned char)p[0] == 0xc2 && (unsigned char)p[1] == 0xb7) {
            asm_out_putc(out, ':');
            p++;
            continue;
        }
        if (*p == '"' || *p == '\\')
            asm_out_putc(out, '\\');
        asm_out_putc(out, *p);
    }
    asm_out_putc(out, '"');
}

/* The text codegen_put_symbol writes for name, in arena a; its length in
 * *len. */
const char *codegen_symbol_text(Arena *a, const char *name, uint32_t *len) {
    size_t n = strlen(name);
    char *text = arena_alloc(a, 2 * n + 3, 1);
    char *d = text;
    *d++ = '"';
    for (const char *p = name; *p; p++) {
        if ((unsigned char)p[0] == 0xc2 && (unsigned char)p[1] == 0xb7) {
            *d++ = ':';
            p++;
            continue;
        }
        if (*p == '"' || *p == '\\')
            *d++ = '\\';
        *d++ = *p;
    }
    *d++ = '"';
    *d = '\0';
    *len = (uint32_t)(d - text);
    return text;
}

/* Writes s[0..n) as the body of an assembler string literal. */
void codegen_put_escaped(AsmOut *out, const char *str, int64_t n) {
    for (int64_t i = 0; i < n; i++) {
        unsigned char ch = (unsigned char)str[i];
        if (ch == '"' || ch == '\\') {
            asm_out_putc(out, '\\');
            asm_out_putc(out, (char)ch);
        } else if (ch >= 0x20 && ch < 0x7f) {
            asm_out_putc(out, (char)ch);
        } else {
            char tmp[8];
            char *t = number_text(tmp + sizeof tmp, ch, false, 8, 3, true);
            asm_out_putc(out, '\\');
            asm_out_write(out, t, (size_t)(tmp + sizeof tmp - t));
        }
    }
}
