/* out.c — formatted output of the assembly writer.
 *
 * The emitters write a million lines for a 100,000-line program, so
 * printf's general machinery and stdio's per-call locking cost a third of
 * the compiler's time.  Here text goes straight into an AsmOut: a buffer
 * of our own in front of the FILE, written with one fwrite per
 * ASM_OUT_CHUNK bytes.  The formatter knows only the conversions the
 * emitters use.
 *
 * Conversions: %% %c %s %d %i %u %x %o with an optional '0' flag, a width
 * and a length modifier l, ll or z (so PRId64 and PRIu64 work).  Anything
 * else is a bug in the caller: the conversion is written as is. */
#include "codegen/codegen.h"

#include <errno.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>

#include "mem/mem.h"

/* Bytes buffered before a write to the file. */
#define ASM_OUT_CHUNK ((size_t)1 << 20)

/* ---- the buffer --------------------------------------------------------------- */

/* Starts o in front of file. */
void asm_out_init(AsmOut *o, FILE *file) {
    o->file = file;
    o->cap = ASM_OUT_CHUNK;
    o->buf = mem_xmalloc(o->cap);
    o->len = 0;
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

/* Flushes o and releases its buffer (not the file). */
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
        o->cap = n;
        o->buf = mem_xrealloc(o->buf, o->cap);
    }
}

/* ---- formatting ----------------------------------------------------------------- */

/* Where formatted text goes: an AsmOut, or a caller's buffer
 * (codegen_snprintf). */
typedef struct Sink {
    AsmOut *out;                     /* NULL: only dst */
    char *dst;                       /* the caller's buffer */
    size_t cap;                      /* bytes of dst */
    size_t len;                      /* bytes produced so far (as snprintf counts) */
} Sink;

/* Appends n bytes. */
static void sink_put(Sink *s, const char *p, size_t n) {
    if (s->out) {
        asm_out_write(s->out, p, n);
        return;
    }
    if (s->len < s->cap) {
        size_t k = s->cap - 1 - s->len < n ? s->cap - 1 - s->len : n;
        memcpy(s->dst + s->len, p, k);
    }
    s->len += n;
}

/* Appends one byte. */
static void sink_putc(Sink *s, char ch) {
    if (s->out)
        asm_out_putc(s->out, ch);
    else
        sink_put(s, &ch, 1);
}

/* Appends the digits of u in base (8, 10 or 16), after '-' when neg,
 * padded to width with zeros (zero) or spaces. */
static void sink_number(Sink *s, unsigned long long u, bool neg, unsigned base, int width, bool zero) {
    char text[48];
    char *end = text + sizeof text, *p = end;
    if (base == 10) {
        while (u >= 100) {
            unsigned d = (unsigned)(u % 100);
            u /= 100;
            *--p = (char)('0' + d % 10);
            *--p = (char)('0' + d / 10);
        }
        if (u >= 10) {
            *--p = (char)('0' + u % 10);
            u /= 10;
        }
        *--p = (char)('0' + u);
    } else {
        do {
            *--p = "0123456789abcdef"[u % base];
            u /= base;
        } while (u);
    }
    int len = (int)(end - p) + (neg ? 1 : 0);
    if (width > 40)
        width = 40;
    if (zero)
        for (; len < width; len++)
            *--p = '0';
    if (neg)
        *--p = '-';
    if (!zero)
        for (; len < width; len++)
            *--p = ' ';
    sink_put(s, p, (size_t)(end - p));
}

/* Formats fmt with ap into s. */
static void sink_vformat(Sink *s, const char *fmt, va_list ap) {
    for (const char *p = fmt; *p;) {
        if (*p != '%') {
            const char *q = p;
            while (*q && *q != '%')
                q++;
            sink_put(s, p, (size_t)(q - p));
            p = q;
            continue;
        }
        const char *start = p++;
        bool zero = false;
        int width = 0;
        if (*p == '0') {
            zero = true;
            p++;
        }
        while (*p >= '0' && *p <= '9')
            width = width * 10 + (*p++ - '0');
        int longs = 0;
        bool size = false;
        for (; *p == 'l' || *p == 'z'; p++) {
            if (*p == 'z')
                size = true;
            else
                longs++;
        }
        switch (*p) {
        case '%':
            sink_putc(s, '%');
            break;
        case 'c':
            sink_putc(s, (char)va_arg(ap, int));
            break;
        case 's': {
            const char *str = va_arg(ap, const char *);
            sink_put(s, str, strlen(str));
            break;
        }
        case 'd': case 'i': {
            long long x = size ? (long long)va_arg(ap, ptrdiff_t)
                        : longs >= 2 ? va_arg(ap, long long)
                        : longs == 1 ? va_arg(ap, long) : va_arg(ap, int);
            unsigned long long u = x < 0 ? 0ULL - (unsigned long long)x : (unsigned long long)x;
            sink_number(s, u, x < 0, 10, width, zero);
            break;
        }
        case 'u': case 'x': case 'o': {
            unsigned long long u = size ? va_arg(ap, size_t)
                                 : longs >= 2 ? va_arg(ap, unsigned long long)
                                 : longs == 1 ? va_arg(ap, unsigned long) : va_arg(ap, unsigned);
            sink_number(s, u, false, *p == 'u' ? 10 : *p == 'x' ? 16 : 8, width, zero);
            break;
        }
        default:
            /* not a conversion of this formatter: written as is */
            sink_put(s, start, (size_t)(p - start) + (*p ? 1 : 0));
            break;
        }
        if (*p)
            p++;
    }
}

/* Writes fmt, formatted with ap, to out. */
void codegen_vprintf(AsmOut *out, const char *fmt, va_list ap) {
    Sink s = {.out = out};
    sink_vformat(&s, fmt, ap);
}

/* Writes one instruction line: a tab, fmt formatted with ap, a newline. */
void codegen_vprint_insn(AsmOut *out, const char *fmt, va_list ap) {
    Sink s = {.out = out};
    asm_out_putc(out, '\t');
    sink_vformat(&s, fmt, ap);
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
    Sink s = {.dst = buf, .cap = n};
    va_list ap;
    va_start(ap, fmt);
    sink_vformat(&s, fmt, ap);
    va_end(ap);
    if (n > 0)
        buf[s.len < n ? s.len : n - 1] = '\0';
    return (int)s.len;
}

/* Writes a decimal integer. */
void codegen_put_int(AsmOut *out, int64_t x) {
    Sink s = {.out = out};
    unsigned long long u = x < 0 ? 0ULL - (unsigned long long)x : (unsigned long long)x;
    sink_number(&s, u, x < 0, 10, 0, false);
}

/* Writes a symbol name, quoted, as GNU as accepts any characters then.
 * The middle dot that SSA construction puts in static closures' names
 * ("main.f·f", as gc spells them) is written as ':' ("main.f:f"), so the
 * object file's symbols are ASCII (docs/abi.md). */
void codegen_put_symbol(AsmOut *out, const char *name) {
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

/* Writes s[0..n) as the body of an assembler string literal. */
void codegen_put_escaped(AsmOut *out, const char *str, int64_t n) {
    Sink s = {.out = out};
    for (int64_t i = 0; i < n; i++) {
        unsigned char ch = (unsigned char)str[i];
        if (ch == '"' || ch == '\\') {
            asm_out_putc(out, '\\');
            asm_out_putc(out, (char)ch);
        } else if (ch >= 0x20 && ch < 0x7f) {
            asm_out_putc(out, (char)ch);
        } else {
            asm_out_putc(out, '\\');
            sink_number(&s, ch, false, 8, 3, true);
        }
    }
}
