/*
 * panic.c: panic, run-time errors, defer and recover (docs/abi.md).
 *
 * A panic runs the deferred calls of the defer frames on the chain, newest
 * first, each popped before it is called.  When one of them recovers, the
 * runtime jumps to the frame's resume_pc (its return path, which calls
 * mgc_defer_return for the frame's remaining deferred calls).  A panic that
 * runs out of frames prints Go's report and exits with status 2.
 */
#include <string.h>

#include "runtime/rt.h"

/* runtime.Error's Error method: the value is its message. */
static MgcString runtime_error_error(const MgcString *msg) {
    return *msg;
}

/* runtime.Error's RuntimeError method, which only marks the type. */
static void runtime_error_mark(const MgcString *msg) {
    (void)msg;
}

/* The method set of runtime.Error, so that `err.(error)` holds for a
 * recovered run-time error (signatures unchecked: NULL types). */
static const MgcMethod runtime_error_methods[] = {
    {.name = "Error", .ifn = (void *)runtime_error_error},
    {.name = "RuntimeError", .ifn = (void *)runtime_error_mark},
};

const MgcType mgc_type_runtime_error = {
    .size = 16, .kind = MGC_KIND_STRING, .align = 8,
    .flags = MGC_TYPE_NAMED | MGC_TYPE_ERROR, .name = "runtime.Error",
    .methods = runtime_error_methods, .nmethods = 2};

const MgcType mgc_type_string = {
    .size = 16, .kind = MGC_KIND_STRING, .align = 8,
    .flags = MGC_TYPE_COMPARABLE, .name = "string"};

/* Prints a value of basic kind k stored at p; false if k is not basic. */
static bool print_basic(uint8_t k, const void *p) {
    switch (k) {
    case MGC_KIND_BOOL: mgc_printbool(*(const bool *)p); return true;
    case MGC_KIND_INT: case MGC_KIND_INT64:
        mgc_printint(*(const int64_t *)p); return true;
    case MGC_KIND_INT8: mgc_printint(*(const int8_t *)p); return true;
    case MGC_KIND_INT16: mgc_printint(*(const int16_t *)p); return true;
    case MGC_KIND_INT32: mgc_printint(*(const int32_t *)p); return true;
    case MGC_KIND_UINT: case MGC_KIND_UINT64: case MGC_KIND_UINTPTR:
        mgc_printuint(*(const uint64_t *)p); return true;
    case MGC_KIND_UINT8: mgc_printuint(*(const uint8_t *)p); return true;
    case MGC_KIND_UINT16: mgc_printuint(*(const uint16_t *)p); return true;
    case MGC_KIND_UINT32: mgc_printuint(*(const uint32_t *)p); return true;
    case MGC_KIND_FLOAT32: mgc_printfloat(*(const float *)p); return true;
    case MGC_KIND_FLOAT64: mgc_printfloat(*(const double *)p); return true;
    case MGC_KIND_STRING: mgc_printstring(*(const MgcString *)p); return true;
    default: return false;
    }
}

/* Prints a panic value as Go's printpanicval does: basic values plainly,
 * defined basic types as main.T(v) (strings quoted, unescaped), anything
 * else as (T) address.  Values of types implementing error or Stringer
 * print their Error()/String() text once tier 2 installs the hook. */
void mgc_print_panic_value(MgcIface v) {
    const MgcType *t = v.tab;
    if (!t) {
        mgc_print_cstr("nil");
        return;
    }
    if (t == &mgc_type_runtime_error) {
        mgc_printstring(*(const MgcString *)v.data);
        return;
    }
    if (!(t->flags & MGC_TYPE_NAMED)) {
        if (print_basic(t->kind, v.data))
            return;
    } else if (t->kind >= MGC_KIND_BOOL && t->kind <= MGC_KIND_STRING &&
               t->kind != MGC_KIND_COMPLEX64 && t->kind != MGC_KIND_COMPLEX128) {
        mgc_print_cstr(t->name);
        mgc_print_cstr(t->kind == MGC_KIND_STRING ? "(\"" : "(");
        print_basic(t->kind, v.data);
        mgc_print_cstr(t->kind == MGC_KIND_STRING ? "\")" : ")");
        return;
    }
    mgc_print_cstr("(");
    mgc_print_cstr(t->name ? t->name : "?");
    mgc_print_cstr(") ");
    mgc_printpointer(v.data);
}

/* Prints the chain of panics, oldest first, as Go's printpanics. */
static void print_panics(const MgcPanic *p) {
    if (p->link) {
        print_panics(p->link);
        mgc_print_cstr("\t");
    }
    mgc_print_cstr("panic: ");
    mgc_print_panic_value(p->arg);
    if (p->recovered)
        mgc_print_cstr(" [recovered]");
    mgc_print_cstr("\n");
}

/* Prints the report of an unrecovered panic and exits with status 2. */
static MGC_NORETURN void fatal_panic(const MgcPanic *p) {
    mgc_printlock();
    print_panics(p);
    if (p->sig) {
        mgc_print_cstr("[signal SIGSEGV: segmentation violation code=");
        mgc_printhex(p->sigcode);
        mgc_print_cstr(" addr=");
        mgc_printhex(p->sigaddr);
        mgc_print_cstr(" pc=");
        mgc_printhex(p->sigpc);
        mgc_print_cstr("]\n");
    }
    mgc_print_cstr("\ngoroutine 1 [running]:\n");
    mgc_traceback(0, (uintptr_t)__builtin_frame_address(0), false, p->hidden);
    mgc_printunlock();
    mgc_exit(2);
}

/* Drops panics whose mgc_gopanic frames lie below sp (discarded by a
 * resume to a frame at sp). */
static void drop_panics_below(MgcRuntime *rt, uintptr_t sp) {
    while (rt->panics && (uintptr_t)rt->panics < sp)
        rt->panics = rt->panics->link;
}

/* The body of every panic: runs deferred calls until one recovers. */
static MGC_NORETURN void run_panic(MgcPanic *p) {
    MgcRuntime *rt = mgc_rt();
    rt->panics = p;
    for (;;) {
        MgcDeferFrame *f = rt->defer_frames;
        if (!f)
            break;
        MgcDefer *d = f->defers;
        if (!d) {
            rt->defer_frames = f->prev;
            continue;
        }
        f->defers = d->next;
        mgc_call_deferred(d->closure);
        if (p->recovered) {
            drop_panics_below(rt, (uintptr_t)f->sp);
            if (rt->panics == p)
                rt->panics = p->link;
            mgc_resume(f);
        }
    }
    fatal_panic(p);
}

void mgc_gopanic(const void *tab, void *data) {
    MgcPanic p = {.link = mgc_rt()->panics, .arg = {tab, data}, .hidden = 1};
    run_panic(&p);
}

/* Panics with a runtime.Error whose Error() is msg (a static string). */
void mgc_panic_runtime_error(const char *msg) {
    MgcString *s = mgc_alloc(sizeof *s, NULL, MGC_ALLOC_NOSCAN);
    s->ptr = (const uint8_t *)msg;
    s->len = (int64_t)strlen(msg);
    MgcPanic p = {.link = mgc_rt()->panics,
                  .arg = {&mgc_type_runtime_error, s}, .hidden = 2};
    run_panic(&p);
}

/* The nil-dereference panic, with the [signal ...] line Go prints. */
void mgc_panic_sig(const char *msg, uint64_t code, uint64_t addr, uint64_t pc) {
    MgcString *s = mgc_alloc(sizeof *s, NULL, MGC_ALLOC_NOSCAN);
    s->ptr = (const uint8_t *)msg;
    s->len = (int64_t)strlen(msg);
    MgcPanic p = {.link = mgc_rt()->panics,
                  .arg = {&mgc_type_runtime_error, s},
                  .sig = 1, .sigcode = code, .sigaddr = addr, .sigpc = pc,
                  .hidden = 3};
    run_panic(&p);
}

/* Appends the decimal form of v (unsigned when !is_signed) to buf. */
static size_t append_int(char *buf, size_t n, int64_t v, bool is_signed) {
    char tmp[24];
    size_t i = sizeof tmp;
    bool neg = is_signed && v < 0;
    uint64_t u = neg ? -(uint64_t)v : (uint64_t)v;
    do {
        tmp[--i] = (char)('0' + u % 10);
        u /= 10;
    } while (u > 0);
    if (neg)
        tmp[--i] = '-';
    memcpy(buf + n, tmp + i, sizeof tmp - i);
    return n + sizeof tmp - i;
}

/* Go's boundsError texts, %x and %y standing for the operands. */
static const char *const BOUNDS_FMT[] = {
    "index out of range [%x] with length %y",
    "slice bounds out of range [:%x] with length %y",
    "slice bounds out of range [:%x] with capacity %y",
    "slice bounds out of range [%x:%y]",
    "slice bounds out of range [::%x] with length %y",
    "slice bounds out of range [::%x] with capacity %y",
    "slice bounds out of range [:%x:%y]",
    "slice bounds out of range [%x:%y:]",
    "cannot convert slice with length %y to pointer to array with length %x",
};

/* The forms used when x is negative (y is then irrelevant). */
static const char *const BOUNDS_NEG_FMT[] = {
    "index out of range [%x]",
    "slice bounds out of range [:%x]",
    "slice bounds out of range [:%x]",
    "slice bounds out of range [%x:]",
    "slice bounds out of range [::%x]",
    "slice bounds out of range [::%x]",
    "slice bounds out of range [:%x:]",
    "slice bounds out of range [%x::]",
    "cannot convert slice with length %y to pointer to array with length %x",
};

void mgc_panic_slice(int kind, int64_t x, int64_t y) {
    bool is_signed = !(kind & MGC_BOUNDS_UNSIGNED);
    int code = kind & 0xFF;
    if (code > MGC_BOUNDS_CONVERT)
        mgc_throw("mgc_panic_slice: bad bounds code");
    const char *fmt = (is_signed && x < 0) ? BOUNDS_NEG_FMT[code] : BOUNDS_FMT[code];
    char *msg = mgc_alloc(128, NULL, MGC_ALLOC_NOSCAN);
    size_t n = 0;
    memcpy(msg, "runtime error: ", 15);
    n = 15;
    for (const char *c = fmt; *c; c++) {
        if (*c != '%') {
            msg[n++] = *c;
            continue;
        }
        c++;
        n = *c == 'x' ? append_int(msg, n, x, is_signed) : append_int(msg, n, y, true);
    }
    msg[n] = '\0';
    mgc_panic_runtime_error(msg);
}

void mgc_panic_index(int64_t i, int64_t len) {
    mgc_panic_slice(MGC_BOUNDS_INDEX, i, len);
}

void mgc_panic_nil(void) {
    uint64_t pc = (uint64_t)(uintptr_t)__builtin_return_address(0);
    mgc_panic_sig("runtime error: invalid memory address or nil pointer dereference",
                  1, 0, pc);
}

void mgc_panic_divide(void) {
    mgc_panic_runtime_error("runtime error: integer divide by zero");
}

void mgc_panic_shift(void) {
    mgc_panic_runtime_error("runtime error: negative shift amount");
}

/* A fatal error: Go's throw.  Not recoverable. */
void mgc_throw(const char *msg) {
    mgc_printlock();
    mgc_print_cstr("fatal error: ");
    mgc_print_cstr(msg);
    mgc_print_cstr("\n\ngoroutine 1 [running]:\n");
    mgc_traceback(0, (uintptr_t)__builtin_frame_address(0), false, 2);
    mgc_printunlock();
    mgc_exit(2);
}

/* ---- Defer ------------------------------------------------------------ */

void mgc_defer_push_frame(MgcDeferFrame *f) {
    MgcRuntime *rt = mgc_rt();
    f->defers = NULL;
    f->prev = rt->defer_frames;
    rt->defer_frames = f;
}

void mgc_defer_push(MgcDeferFrame *f, MgcDefer *d) {
    d->next = f->defers;
    f->defers = d;
}

/* Runs f's deferred calls, newest first, and unlinks f (a function with
 * defer calls this on every return, including the resume after recover). */
void mgc_defer_return(MgcDeferFrame *f) {
    MgcRuntime *rt = mgc_rt();
    while (f->defers) {
        MgcDefer *d = f->defers;
        f->defers = d->next;
        mgc_call_closure(d->closure);
    }
    if (rt->defer_frames == f)
        rt->defer_frames = f->prev;
}

/* Whether the function whose frame pointer is fp was called directly by the
 * panic's deferred-call stub, or by a compiler-made wrapper so called. */
static bool called_by_deferred_call(uintptr_t fp) {
    for (int hops = 0; hops < 2 && fp != 0; hops++) {
        uintptr_t ret = ((const uintptr_t *)fp)[1];
        if (ret == (uintptr_t)mgc_call_deferred_ret)
            return true;
        const MgcFuncInfo *w = mgc_find_func(ret - 1);
        if (!w || !(w->flags & MGC_FUNC_WRAPPER))
            return false;
        fp = ((const uintptr_t *)fp)[0];
    }
    return false;
}

MgcIface mgc_gorecover(void *fp) {
    MgcPanic *p = mgc_rt()->panics;
    if (!p || p->recovered ||
        !called_by_deferred_call((uintptr_t)fp))
        return (MgcIface){NULL, NULL};
    p->recovered = true;
    return p->arg;
}
