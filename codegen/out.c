/* out.c — formatted output of the assembly writer.
 *
 * The emitters write a million lines for a 100,000-line program, so
 * printf's general machinery and stdio's per-call locking showed up as a
 * third of the compiler's time.  Here a line is formatted into a buffer on
 * the stack, knowing only the conversions the emitters use, and handed to
 * stdio with one fwrite.
 *
 * Conversions: %% %c %s %d %i %u %x %o with an optional '0' flag, a width
 * and a length modifier l, ll or z (so PRId64 and PRIu64 work).  Anything
 * else is a bug in the caller: the conversion is written as is. */
#include "codegen/codegen.h"

#include <stdarg.h>
#include <stddef.h>
#include <string.h>

/* Where formatted text goes: a caller's buffer (n > 0), or a FILE through
 * the line buffer buf. */
typedef struct OutSink {
    FILE *file;                      /* NULL: only dst */
    char *dst;                       /* the caller's buffer (codegen_snprintf) */
    size_t cap;                      /* bytes of dst */
    size_t len;                      /* bytes produced so far (as snprintf counts) */
    char buf[512];
    size_t nbuf;
} OutSink;

/* Starts a sink on file, or on dst[0..cap) when file is NULL; the line
 * buffer is left uninitialized (zeroing it cost more than the writing). */
static void sink_init(OutSink *s, FILE *file, char *dst, size_t cap) {
    s->file = file;
    s->dst = dst;
    s->cap = cap;
    s->len = 0;
    s->nbuf = 0;
}

/* Sends the buffered bytes to the file. */
static void sink_flush(OutSink *s) {
    if (s->file && s->nbuf)
        fwrite(s->buf, 1, s->nbuf, s->file);
    s->nbuf = 0;
}

/* Appends n bytes. */
static void sink_put(OutSink *s, const char *p, size_t n) {
    if (!s->file) {
        if (s->len < s->cap) {
            size_t k = s->cap - 1 - s->len < n ? s->cap - 1 - s->len : n;
            memcpy(s->dst + s->len, p, k);
        }
        s->len += n;
        return;
    }
    s->len += n;
    if (s->nbuf + n > sizeof s->buf) {
        sink_flush(s);
        if (n > sizeof s->buf) {
            fwrite(p, 1, n, s->file);
            return;
        }
    }
    memcpy(s->buf + s->nbuf, p, n);
    s->nbuf += n;
}

/* Appends one byte. */
static void sink_putc(OutSink *s, char ch) {
    if (s->file && s->nbuf < sizeof s->buf) {
        s->buf[s->nbuf++] = ch;
        s->len++;
        return;
    }
    sink_put(s, &ch, 1);
}

/* Appends the digits of u in base (8, 10 or 16), after '-' when neg,
 * padded to width with zeros (zero) or spaces. */
static void sink_number(OutSink *s, unsigned long long u, bool neg, unsigned base, int width, bool zero) {
    char digits[24];
    int n = 0;
    do {
        digits[n++] = "0123456789abcdef"[u % base];
        u /= base;
    } while (u);
    int len = n + (neg ? 1 : 0);
    if (!zero)
        for (; len < width; len++)
            sink_putc(s, ' ');
    if (neg)
        sink_putc(s, '-');
    if (zero)
        for (; len < width; len++)
            sink_putc(s, '0');
    while (n > 0)
        sink_putc(s, digits[--n]);
}

/* Formats fmt with ap into s. */
static void sink_vformat(OutSink *s, const char *fmt, va_list ap) {
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
void codegen_vprintf(FILE *out, const char *fmt, va_list ap) {
    OutSink s;
    sink_init(&s, out, NULL, 0);
    sink_vformat(&s, fmt, ap);
    sink_flush(&s);
}

/* Writes one instruction line: a tab, fmt formatted with ap, a newline. */
void codegen_vprint_insn(FILE *out, const char *fmt, va_list ap) {
    OutSink s;
    sink_init(&s, out, NULL, 0);
    sink_putc(&s, '\t');
    sink_vformat(&s, fmt, ap);
    sink_putc(&s, '\n');
    sink_flush(&s);
}

/* Writes fmt, formatted, to out. */
void codegen_printf(FILE *out, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    codegen_vprintf(out, fmt, ap);
    va_end(ap);
}

/* Formats into buf[0..n) like snprintf: returns the length of the whole text. */
int codegen_snprintf(char *buf, size_t n, const char *fmt, ...) {
    OutSink s;
    sink_init(&s, NULL, buf, n);
    va_list ap;
    va_start(ap, fmt);
    sink_vformat(&s, fmt, ap);
    va_end(ap);
    if (n > 0)
        buf[s.len < n ? s.len : n - 1] = '\0';
    return (int)s.len;
}

/* Writes a symbol name, quoted, as GNU as accepts any characters then.
 * The middle dot that SSA construction puts in static closures' names
 * ("main.f·f", as gc spells them) is written as ':' ("main.f:f"), so the
 * object file's symbols are ASCII (docs/abi.md). */
void codegen_put_symbol(FILE *out, const char *name) {
    OutSink s;
    sink_init(&s, out, NULL, 0);
    sink_putc(&s, '"');
    for (const char *p = name; *p; p++) {
        if ((unsigned char)p[0] == 0xc2 && (unsigned char)p[1] == 0xb7) {
            sink_putc(&s, ':');
            p++;
            continue;
        }
        if (*p == '"' || *p == '\\')
            sink_putc(&s, '\\');
        sink_putc(&s, *p);
    }
    sink_putc(&s, '"');
    sink_flush(&s);
}

/* Writes s[0..n) as the body of an assembler string literal. */
void codegen_put_escaped(FILE *out, const char *str, int64_t n) {
    OutSink s;
    sink_init(&s, out, NULL, 0);
    for (int64_t i = 0; i < n; i++) {
        unsigned char ch = (unsigned char)str[i];
        if (ch == '"' || ch == '\\') {
            sink_putc(&s, '\\');
            sink_putc(&s, (char)ch);
        } else if (ch >= 0x20 && ch < 0x7f) {
            sink_putc(&s, (char)ch);
        } else {
            sink_putc(&s, '\\');
            sink_number(&s, ch, false, 8, 3, true);
        }
    }
    sink_flush(&s);
}
