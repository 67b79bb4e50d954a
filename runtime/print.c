/*
 * print.c: the print and println builtins, formatted as Go 1.19's runtime
 * formats them (runtime/print.go), written to fd 2.  Everything printed
 * between mgc_printlock and mgc_printunlock is written with one write(2)
 * (or several, when it exceeds the buffer).
 */
#include <errno.h>
#include <string.h>
#include <unistd.h>

#include "runtime/rt.h"

/* Writes n bytes to fd 2, retrying short writes. */
static void write_all(const char *p, size_t n) {
    while (n > 0) {
        ssize_t w = write(2, p, n);
        if (w < 0) {
            if (errno == EINTR)
                continue;
            return;
        }
        p += w;
        n -= (size_t)w;
    }
}

void mgc_print_flush(void) {
    MgcPrintBuf *b = &mgc_rt()->print;
    write_all(b->buf, b->len);
    b->len = 0;
}

/* Appends bytes to the statement's buffer; unbuffered outside a lock. */
void mgc_print_bytes(const void *p, size_t n) {
    MgcPrintBuf *b = &mgc_rt()->print;
    if (b->len + n > sizeof b->buf) {
        mgc_print_flush();
        if (n > sizeof b->buf) {
            write_all(p, n);
            return;
        }
    }
    memcpy(b->buf + b->len, p, n);
    b->len += n;
    if (b->depth == 0)
        mgc_print_flush();
}

void mgc_print_cstr(const char *s) {
    mgc_print_bytes(s, strlen(s));
}

void mgc_printlock(void) {
    mgc_rt()->print.depth++;
}

void mgc_printunlock(void) {
    MgcPrintBuf *b = &mgc_rt()->print;
    if (--b->depth <= 0) {
        b->depth = 0;
        mgc_print_flush();
    }
}

void mgc_printuint(uint64_t v) {
    char buf[24];
    size_t i = sizeof buf;
    do {
        buf[--i] = (char)('0' + v % 10);
        v /= 10;
    } while (v > 0);
    mgc_print_bytes(buf + i, sizeof buf - i);
}

void mgc_printint(int64_t v) {
    if (v < 0) {
        mgc_print_bytes("-", 1);
        mgc_printuint(-(uint64_t)v);
        return;
    }
    mgc_printuint((uint64_t)v);
}

void mgc_printhex(uint64_t v) {
    static const char dig[] = "0123456789abcdef";
    char buf[24];
    size_t i = sizeof buf;
    do {
        buf[--i] = dig[v % 16];
        v /= 16;
    } while (v > 0);
    buf[--i] = 'x';
    buf[--i] = '0';
    mgc_print_bytes(buf + i, sizeof buf - i);
}

/* Go's printfloat: sign, 7 significant digits by repeated scaling (not
 * printf's correctly rounded %e), then a signed three-digit exponent. The
 * arithmetic is plain double arithmetic, so results match Go's bit for bit
 * (the runtime is built with -ffp-contract=off). */
void mgc_printfloat(double v) {
    if (v != v) {
        mgc_print_bytes("NaN", 3);
        return;
    }
    if (v + v == v && v > 0) {
        mgc_print_bytes("+Inf", 4);
        return;
    }
    if (v + v == v && v < 0) {
        mgc_print_bytes("-Inf", 4);
        return;
    }
    enum { N = 7 };
    char buf[N + 7];
    buf[0] = '+';
    int e = 0;
    if (v == 0) {
        if (1 / v < 0)
            buf[0] = '-';
    } else {
        if (v < 0) {
            v = -v;
            buf[0] = '-';
        }
        while (v >= 10) {
            e++;
            v /= 10;
        }
        while (v < 1) {
            e--;
            v *= 10;
        }
        double h = 5.0;
        for (int i = 0; i < N; i++)
            h /= 10;
        v += h;
        if (v >= 10) {
            e++;
            v /= 10;
        }
    }
    for (int i = 0; i < N; i++) {
        int s = (int)v;
        buf[i + 2] = (char)(s + '0');
        v -= s;
        v *= 10;
    }
    buf[1] = buf[2];
    buf[2] = '.';
    buf[N + 2] = 'e';
    buf[N + 3] = '+';
    if (e < 0) {
        e = -e;
        buf[N + 3] = '-';
    }
    buf[N + 4] = (char)(e / 100 + '0');
    buf[N + 5] = (char)(e / 10 % 10 + '0');
    buf[N + 6] = (char)(e % 10 + '0');
    mgc_print_bytes(buf, sizeof buf);
}

void mgc_printbool(bool v) {
    if (v)
        mgc_print_bytes("true", 4);
    else
        mgc_print_bytes("false", 5);
}

void mgc_printstring(MgcString s) {
    if (s.len > 0)
        mgc_print_bytes(s.ptr, (size_t)s.len);
}

void mgc_printpointer(const void *p) {
    mgc_printhex((uint64_t)(uintptr_t)p);
}

/* A slice prints as [len/cap]ptr. */
void mgc_printslice(MgcSlice s) {
    mgc_print_bytes("[", 1);
    mgc_printint(s.len);
    mgc_print_bytes("/", 1);
    mgc_printint(s.cap);
    mgc_print_bytes("]", 1);
    mgc_printpointer(s.ptr);
}

/* An interface prints as (tab,data). */
void mgc_printiface(MgcIface i) {
    mgc_print_bytes("(", 1);
    mgc_printpointer(i.tab);
    mgc_print_bytes(",", 1);
    mgc_printpointer(i.data);
    mgc_print_bytes(")", 1);
}

void mgc_printsp(void) {
    mgc_print_bytes(" ", 1);
}

void mgc_printnl(void) {
    mgc_print_bytes("\n", 1);
}
