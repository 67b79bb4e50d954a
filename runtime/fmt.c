/*
 * fmt.c: the runtime's fmt package: Print, Println, Printf, Sprint,
 * Sprintln, Sprintf and Errorf, with Go 1.19's output byte for byte.
 *
 * The printer follows Go's fmt/print.go: each operand is an interface
 * value; the unnamed basic types are formatted directly, others first get
 * their Error() or String() method called when the verb wants a string,
 * then are walked by kind through their type descriptor (docs/abi.md:
 * elem, len, fields, methods) as reflect would.  A malformed verb prints
 * Go's %!verb(type=value) forms.
 *
 * The entry points are named by their Go symbols through asm labels and
 * take the flattened words of docs/abi.md.  Print, Println and Printf
 * write each call's bytes to fd 1 with one write, as Go's unbuffered
 * os.Stdout does, so output interleaves with stderr exactly as Go's and
 * nothing is pending at exit or at a panic.
 */
#include <errno.h>
#include <string.h>
#include <unistd.h>

#include "runtime/fmt.h"
#include "runtime/typealg.h"

/* ---- FmtBuf ---------------------------------------------------------------- */

void fmtbuf_init(FmtBuf *b, uint8_t *storage, int64_t cap) {
    b->p = storage;
    b->len = 0;
    b->cap = cap;
}

/* Makes room for n more bytes, moving to the heap when needed. */
static void fmtbuf_reserve(FmtBuf *b, int64_t n) {
    if (b->len + n <= b->cap)
        return;
    int64_t cap = b->cap * 2 > b->len + n ? b->cap * 2 : b->len + n + 64;
    uint8_t *p = mgc_alloc((uint64_t)cap, NULL, MGC_ALLOC_NOSCAN);
    memcpy(p, b->p, (size_t)b->len);
    b->p = p;
    b->cap = cap;
}

void fmtbuf_write(FmtBuf *b, const void *s, int64_t n) {
    if (n <= 0)
        return;
    fmtbuf_reserve(b, n);
    memcpy(b->p + b->len, s, (size_t)n);
    b->len += n;
}

void fmtbuf_str(FmtBuf *b, const char *s) {
    fmtbuf_write(b, s, (int64_t)strlen(s));
}

void fmtbuf_byte(FmtBuf *b, uint8_t c) {
    fmtbuf_reserve(b, 1);
    b->p[b->len++] = c;
}

void fmtbuf_rune(FmtBuf *b, int32_t r) {
    uint8_t enc[4];
    fmtbuf_write(b, enc, mgc_encoderune(enc, r));
}

/* ---- Values and types ------------------------------------------------------ */

/* A value of type t (t NULL: no value, Go's invalid reflect.Value) whose
 * bytes are at p, or, when p is NULL, in word (a pointer-shaped value
 * taken out of an interface).  ro: reached through an unexported field,
 * so its methods are not called (reflect's CanInterface). */
typedef struct Value {
    const MgcType *t;
    const void *p;
    uint64_t word;
    bool ro;
} Value;

/* An operand as an interface value: dynamic type t (NULL: nil) and data
 * word. */
typedef struct Arg {
    const MgcType *t;
    void *data;
} Arg;

static const void *value_ptr(const Value *v) {
    return v->p ? v->p : &v->word;
}

/* The value an interface holds. */
static Value value_of_arg(Arg a) {
    Value v = {.t = a.t};
    if (a.t && mgc_type_direct_iface(a.t))
        v.word = (uint64_t)(uintptr_t)a.data;
    else
        v.p = a.data;
    return v;
}

/* The value as an interface (reflect's Value.Interface). */
static Arg arg_of_value(const Value *v) {
    const void *p = value_ptr(v);
    if (mgc_type_direct_iface(v->t))
        return (Arg){v->t, *(void *const *)p};
    return (Arg){v->t, (void *)p};
}

/* The dynamic value of the interface of type t stored at p. */
static Value interface_elem(const MgcType *t, const void *p, bool ro) {
    const MgcIface *i = p;
    Value v = value_of_arg((Arg){mgc_iface_dyntype(t, i->tab), i->data});
    v.ro = ro;
    return v;
}

static const char *type_name(const MgcType *t) {
    return t->name ? t->name : "?";
}

static bool is_exported(const char *name) {
    return name && name[0] >= 'A' && name[0] <= 'Z';
}

/* The method name() string of t, or NULL. */
static const MgcMethod *string_method(const MgcType *t, const char *name) {
    for (uint32_t i = 0; t && i < t->nmethods; i++) {
        const MgcMethod *m = &t->methods[i];
        if (strcmp(m->name, name) == 0 && m->ifn &&
            (!m->type || !m->type->name || strcmp(m->type->name, "func() string") == 0))
            return m;
    }
    return NULL;
}

/* Calls a method of type func() string with data as its receiver. */
static MgcString call_string_method(const MgcMethod *m, void *data) {
    MgcString (*fn)(void *);
    memcpy(&fn, &m->ifn, sizeof fn);
    return fn(data);
}

/* ---- The printer ----------------------------------------------------------- */

/* One call's state (Go's pp). */
typedef struct Printer {
    FmtBuf buf;
    FmtState f;
    Arg arg;                 /* the operand being printed, if has_arg */
    bool has_arg;
    Value value;             /* the value being printed, if value.t */
    bool erroring;           /* inside a %!verb(...) form: no methods */
    bool wrap_errs;          /* Errorf: %w allowed */
    Arg wrapped;             /* the %w operand */
    bool reordered, good_argnum;
    uint8_t storage[256];
} Printer;

static void print_arg(Printer *p, Arg a, int32_t verb);
static void print_value(Printer *p, Value v, int32_t verb, int depth);

static void printer_init(Printer *p) {
    memset(p, 0, sizeof *p);
    fmtbuf_init(&p->buf, p->storage, sizeof p->storage);
    p->f.buf = &p->buf;
}

static void put_str(Printer *p, const char *s) {
    fmtbuf_str(&p->buf, s);
}

/* %!verb(type=value), or %!verb(<nil>). */
static void bad_verb(Printer *p, int32_t verb) {
    p->erroring = true;
    put_str(p, "%!");
    fmtbuf_rune(&p->buf, verb);
    fmtbuf_byte(&p->buf, '(');
    if (p->has_arg && p->arg.t) {
        put_str(p, type_name(p->arg.t));
        fmtbuf_byte(&p->buf, '=');
        print_arg(p, p->arg, 'v');
    } else if (p->value.t) {
        put_str(p, type_name(p->value.t));
        fmtbuf_byte(&p->buf, '=');
        print_value(p, p->value, 'v', 0);
    } else {
        put_str(p, "<nil>");
    }
    fmtbuf_byte(&p->buf, ')');
    p->erroring = false;
}

static void fmt_bool(Printer *p, bool v, int32_t verb) {
    if (verb == 't' || verb == 'v')
        fmt_boolean(&p->f, v);
    else
        bad_verb(p, verb);
}

/* 0x-prefixed hex (Go's fmt0x64). */
static void fmt_0x64(Printer *p, uint64_t v, bool leading0x) {
    bool sharp = p->f.sharp;
    p->f.sharp = leading0x;
    fmt_integer(&p->f, v, 16, false, 'v', false);
    p->f.sharp = sharp;
}

static void fmt_int(Printer *p, uint64_t v, bool is_signed, int32_t verb) {
    switch (verb) {
    case 'v':
        if (p->f.sharp_v && !is_signed)
            fmt_0x64(p, v, true);
        else
            fmt_integer(&p->f, v, 10, is_signed, verb, false);
        break;
    case 'd': fmt_integer(&p->f, v, 10, is_signed, verb, false); break;
    case 'b': fmt_integer(&p->f, v, 2, is_signed, verb, false); break;
    case 'o': case 'O': fmt_integer(&p->f, v, 8, is_signed, verb, false); break;
    case 'x': fmt_integer(&p->f, v, 16, is_signed, verb, false); break;
    case 'X': fmt_integer(&p->f, v, 16, is_signed, verb, true); break;
    case 'c': fmt_c(&p->f, v); break;
    case 'q': fmt_qc(&p->f, v); break;
    case 'U': fmt_unicode(&p->f, v); break;
    default: bad_verb(p, verb); break;
    }
}

static void fmt_flt(Printer *p, double v, int size, int32_t verb) {
    switch (verb) {
    case 'v': fmt_float(&p->f, v, size, 'g', -1); break;
    case 'b': case 'g': case 'G': case 'x': case 'X': fmt_float(&p->f, v, size, verb, -1); break;
    case 'f': case 'e': case 'E': fmt_float(&p->f, v, size, verb, 6); break;
    case 'F': fmt_float(&p->f, v, size, 'f', 6); break;
    default: bad_verb(p, verb); break;
    }
}

static void fmt_string(Printer *p, const uint8_t *s, int64_t n, int32_t verb) {
    switch (verb) {
    case 'v':
        if (p->f.sharp_v)
            fmt_q(&p->f, s, n);
        else
            fmt_s(&p->f, s, n);
        break;
    case 's': fmt_s(&p->f, s, n); break;
    case 'x': fmt_sbx(&p->f, s, n, false); break;
    case 'X': fmt_sbx(&p->f, s, n, true); break;
    case 'q': fmt_q(&p->f, s, n); break;
    default: bad_verb(p, verb); break;
    }
}

/* A byte slice or array under %v %d %s %q %x %X; nil: a nil slice. */
static bool fmt_bytes(Printer *p, const uint8_t *b, int64_t n, bool nil, int32_t verb,
                      const char *type_string) {
    switch (verb) {
    case 'v': case 'd':
        if (p->f.sharp_v) {
            put_str(p, type_string);
            if (nil) {
                put_str(p, "(nil)");
                return true;
            }
            fmtbuf_byte(&p->buf, '{');
            for (int64_t i = 0; i < n; i++) {
                if (i > 0)
                    put_str(p, ", ");
                fmt_0x64(p, b[i], true);
            }
            fmtbuf_byte(&p->buf, '}');
        } else {
            fmtbuf_byte(&p->buf, '[');
            for (int64_t i = 0; i < n; i++) {
                if (i > 0)
                    fmtbuf_byte(&p->buf, ' ');
                fmt_integer(&p->f, b[i], 10, false, verb, false);
            }
            fmtbuf_byte(&p->buf, ']');
        }
        return true;
    case 's': fmt_s(&p->f, b, n); return true;
    case 'x': fmt_sbx(&p->f, b, n, false); return true;
    case 'X': fmt_sbx(&p->f, b, n, true); return true;
    case 'q': fmt_q(&p->f, b, n); return true;
    default: return false;
    }
}

/* The address a pointer-like value prints: a func value its code. */
static uint64_t pointer_bits(const Value *v) {
    const void *ptr = value_ptr(v);
    uint64_t u;
    if (v->t->kind == MGC_KIND_SLICE) {
        u = (uint64_t)(uintptr_t)((const MgcSlice *)ptr)->ptr;
    } else {
        u = *(const uint64_t *)ptr;
        if (v->t->kind == MGC_KIND_FUNC && u != 0)
            u = *(const uint64_t *)(uintptr_t)u;
    }
    return u;
}

static void fmt_pointer(Printer *p, const Value *v, int32_t verb) {
    switch (v->t->kind) {
    case MGC_KIND_CHAN: case MGC_KIND_FUNC: case MGC_KIND_MAP: case MGC_KIND_POINTER:
    case MGC_KIND_SLICE: case MGC_KIND_UNSAFE_POINTER:
        break;
    default:
        bad_verb(p, verb);
        return;
    }
    uint64_t u = pointer_bits(v);
    switch (verb) {
    case 'v':
        if (p->f.sharp_v) {
            fmtbuf_byte(&p->buf, '(');
            put_str(p, type_name(v->t));
            put_str(p, ")(");
            if (u == 0)
                put_str(p, "nil");
            else
                fmt_0x64(p, u, true);
            fmtbuf_byte(&p->buf, ')');
        } else if (u == 0) {
            fmt_pad_cstr(&p->f, "<nil>");
        } else {
            fmt_0x64(p, u, !p->f.sharp);
        }
        break;
    case 'p': fmt_0x64(p, u, !p->f.sharp); break;
    case 'b': case 'o': case 'd': case 'x': case 'X': fmt_int(p, u, false, verb); break;
    default: bad_verb(p, verb); break;
    }
}

/* Calls Error() or String() when the verb prints strings (Go's
 * handleMethods); true if the operand was printed. */
static bool handle_methods(Printer *p, int32_t verb) {
    if (p->erroring)
        return false;
    const MgcType *t = p->arg.t;
    const MgcMethod *err = string_method(t, "Error");
    if (verb == 'w') {
        if (!err || !p->wrap_errs || p->wrapped.t) {
            p->wrapped = (Arg){0};
            p->wrap_errs = false;
            bad_verb(p, verb);
            return true;
        }
        p->wrapped = p->arg;
        verb = 'v';
    }
    if (p->f.sharp_v) {
        const MgcMethod *gs = string_method(t, "GoString");
        if (!gs)
            return false;
        MgcString s = call_string_method(gs, p->arg.data);
        fmt_s(&p->f, s.ptr, s.len);
        return true;
    }
    if (verb != 'v' && verb != 's' && verb != 'x' && verb != 'X' && verb != 'q')
        return false;
    const MgcMethod *m = err ? err : string_method(t, "String");
    if (!m)
        return false;
    MgcString s = call_string_method(m, p->arg.data);
    fmt_string(p, s.ptr, s.len, verb);
    return true;
}

/* Prints the value of a basic kind; false for composite kinds. */
static bool print_basic(Printer *p, const Value *v, int32_t verb) {
    const void *ptr = value_ptr(v);
    switch (v->t->kind) {
    case MGC_KIND_BOOL: fmt_bool(p, *(const bool *)ptr, verb); return true;
    case MGC_KIND_INT: case MGC_KIND_INT64:
        fmt_int(p, (uint64_t) * (const int64_t *)ptr, true, verb); return true;
    case MGC_KIND_INT8: fmt_int(p, (uint64_t)(int64_t) * (const int8_t *)ptr, true, verb); return true;
    case MGC_KIND_INT16: fmt_int(p, (uint64_t)(int64_t) * (const int16_t *)ptr, true, verb); return true;
    case MGC_KIND_INT32: fmt_int(p, (uint64_t)(int64_t) * (const int32_t *)ptr, true, verb); return true;
    case MGC_KIND_UINT: case MGC_KIND_UINT64: case MGC_KIND_UINTPTR:
        fmt_int(p, *(const uint64_t *)ptr, false, verb); return true;
    case MGC_KIND_UINT8: fmt_int(p, *(const uint8_t *)ptr, false, verb); return true;
    case MGC_KIND_UINT16: fmt_int(p, *(const uint16_t *)ptr, false, verb); return true;
    case MGC_KIND_UINT32: fmt_int(p, *(const uint32_t *)ptr, false, verb); return true;
    case MGC_KIND_FLOAT32: fmt_flt(p, *(const float *)ptr, 32, verb); return true;
    case MGC_KIND_FLOAT64: fmt_flt(p, *(const double *)ptr, 64, verb); return true;
    case MGC_KIND_STRING: {
        const MgcString *s = ptr;
        fmt_string(p, s->ptr, s->len, verb);
        return true;
    }
    default: return false;
    }
}

/* Prints the elements of an array or slice: [a b] or T{a, b}. */
static void print_elems(Printer *p, const Value *v, const uint8_t *base, int64_t n,
                        int32_t verb, int depth) {
    const MgcType *et = v->t->elem;
    if (p->f.sharp_v) {
        put_str(p, type_name(v->t));
        fmtbuf_byte(&p->buf, '{');
    } else {
        fmtbuf_byte(&p->buf, '[');
    }
    for (int64_t i = 0; i < n; i++) {
        if (i > 0)
            put_str(p, p->f.sharp_v ? ", " : " ");
        Value e = {.t = et, .p = base + (uint64_t)i * et->size, .ro = v->ro};
        print_value(p, e, verb, depth + 1);
    }
    fmtbuf_byte(&p->buf, p->f.sharp_v ? '}' : ']');
}

static void print_struct(Printer *p, const Value *v, int32_t verb, int depth) {
    const uint8_t *base = value_ptr(v);
    if (p->f.sharp_v)
        put_str(p, type_name(v->t));
    fmtbuf_byte(&p->buf, '{');
    for (uint32_t i = 0; i < v->t->nfields; i++) {
        const MgcField *fd = &v->t->fields[i];
        if (i > 0)
            put_str(p, p->f.sharp_v ? ", " : " ");
        if ((p->f.plus_v || p->f.sharp_v) && fd->name && fd->name[0]) {
            put_str(p, fd->name);
            fmtbuf_byte(&p->buf, ':');
        }
        Value fv = {.t = fd->type, .p = base + fd->offset,
                    .ro = v->ro || !is_exported(fd->name)};
        /* a non-nil interface field prints its dynamic value */
        if (fd->type->kind == MGC_KIND_INTERFACE && ((const MgcIface *)fv.p)->tab)
            fv = interface_elem(fd->type, fv.p, fv.ro);
        print_value(p, fv, verb, depth + 1);
    }
    fmtbuf_byte(&p->buf, '}');
}

static void print_map(Printer *p, const Value *v, int32_t verb, int depth);

static void print_value(Printer *p, Value v, int32_t verb, int depth) {
    if (depth > 0 && v.t && !v.ro) {
        p->arg = arg_of_value(&v);
        p->has_arg = true;
        if (handle_methods(p, verb))
            return;
    }
    p->has_arg = false;
    p->arg = (Arg){0};
    p->value = v;
    if (!v.t) {
        if (depth == 0)
            fmt_pad_cstr(&p->f, "<invalid reflect.Value>");
        else if (verb == 'v')
            fmt_pad_cstr(&p->f, "<nil>");
        else
            bad_verb(p, verb);
        return;
    }
    if (print_basic(p, &v, verb))
        return;
    const void *ptr = value_ptr(&v);
    switch (v.t->kind) {
    case MGC_KIND_MAP:
        print_map(p, &v, verb, depth);
        return;
    case MGC_KIND_STRUCT:
        print_struct(p, &v, verb, depth);
        return;
    case MGC_KIND_INTERFACE: {
        const MgcIface *i = ptr;
        if (i->tab) {
            print_value(p, interface_elem(v.t, ptr, v.ro), verb, depth + 1);
        } else if (p->f.sharp_v) {
            put_str(p, type_name(v.t));
            put_str(p, "(nil)");
        } else {
            put_str(p, "<nil>");
        }
        return;
    }
    case MGC_KIND_ARRAY: case MGC_KIND_SLICE: {
        bool slice = v.t->kind == MGC_KIND_SLICE;
        const uint8_t *base = slice ? ((const MgcSlice *)ptr)->ptr : ptr;
        int64_t n = slice ? ((const MgcSlice *)ptr)->len : (int64_t)v.t->len;
        if (v.t->elem->kind == MGC_KIND_UINT8 &&
            (verb == 's' || verb == 'q' || verb == 'x' || verb == 'X')) {
            fmt_bytes(p, base, n, false, verb, type_name(v.t));
            return;
        }
        if (p->f.sharp_v && slice && !base) {
            put_str(p, type_name(v.t));
            put_str(p, "(nil)");
            return;
        }
        print_elems(p, &v, base, n, verb, depth);
        return;
    }
    case MGC_KIND_POINTER: {
        /* &{...} for a pointer to a composite, at the top level only */
        const void *target = *(void *const *)ptr;
        if (depth == 0 && target) {
            switch (v.t->elem->kind) {
            case MGC_KIND_ARRAY: case MGC_KIND_SLICE: case MGC_KIND_STRUCT: case MGC_KIND_MAP:
                fmtbuf_byte(&p->buf, '&');
                print_value(p, (Value){.t = v.t->elem, .p = target, .ro = v.ro}, verb,
                            depth + 1);
                return;
            default:
                break;
            }
        }
        fmt_pointer(p, &v, verb);
        return;
    }
    case MGC_KIND_CHAN: case MGC_KIND_FUNC: case MGC_KIND_UNSAFE_POINTER:
        fmt_pointer(p, &v, verb);
        return;
    default:
        fmtbuf_byte(&p->buf, '?');
        put_str(p, type_name(v.t));
        fmtbuf_byte(&p->buf, '?');
        return;
    }
}

/* Whether t is one of the predeclared basic types (or []byte), which
 * print without looking for methods. */
static bool is_plain_basic(const MgcType *t) {
    if (t->flags & MGC_TYPE_NAMED)
        return false;
    if (t->kind >= MGC_KIND_BOOL && t->kind <= MGC_KIND_STRING && t->kind != MGC_KIND_COMPLEX64 &&
        t->kind != MGC_KIND_COMPLEX128)
        return true;
    return t->kind == MGC_KIND_SLICE && t->elem->kind == MGC_KIND_UINT8 &&
           !(t->elem->flags & MGC_TYPE_NAMED);
}

static void print_arg(Printer *p, Arg a, int32_t verb) {
    p->arg = a;
    p->has_arg = true;
    p->value = (Value){0};
    if (!a.t) {
        if (verb == 'T' || verb == 'v')
            fmt_pad_cstr(&p->f, "<nil>");
        else
            bad_verb(p, verb);
        return;
    }
    Value v = value_of_arg(a);
    if (verb == 'T') {
        const char *name = type_name(a.t);
        fmt_s(&p->f, (const uint8_t *)name, (int64_t)strlen(name));
        return;
    }
    if (verb == 'p') {
        fmt_pointer(p, &v, 'p');
        return;
    }
    if (is_plain_basic(a.t)) {
        if (a.t->kind == MGC_KIND_SLICE) {
            const MgcSlice *s = a.data;
            if (!fmt_bytes(p, s->ptr, s->len, s->ptr == NULL, verb, "[]byte"))
                print_value(p, v, verb, 0);
        } else {
            print_basic(p, &v, verb);
        }
        return;
    }
    if (!handle_methods(p, verb))
        print_value(p, v, verb, 0);
}

/* ---- Maps, keys sorted as Go's internal/fmtsort ---------------------------- */

static int compare_values(const MgcType *t, const void *a, const void *b);

/* NaN first, then by value. */
static int compare_floats(double a, double b) {
    bool an = a != a, bn = b != b;
    if (an || bn)
        return an && bn ? 0 : an ? -1 : 1;
    return a < b ? -1 : a > b ? 1 : 0;
}

#define CMP3(a, b) ((a) < (b) ? -1 : (a) > (b) ? 1 : 0)

/* Orders two interface values: nil first, then by dynamic type (by the
 * address of its descriptor), then by value. */
static int compare_ifaces(const MgcType *t, const void *a, const void *b) {
    Value va = interface_elem(t, a, false), vb = interface_elem(t, b, false);
    if (!va.t || !vb.t)
        return va.t ? 1 : vb.t ? -1 : 0;
    if (va.t != vb.t)
        return CMP3((uintptr_t)va.t, (uintptr_t)vb.t);
    return compare_values(va.t, value_ptr(&va), value_ptr(&vb));
}

static int compare_values(const MgcType *t, const void *a, const void *b) {
    switch (t->kind) {
    case MGC_KIND_INT: case MGC_KIND_INT64:
        return CMP3(*(const int64_t *)a, *(const int64_t *)b);
    case MGC_KIND_INT8: return CMP3(*(const int8_t *)a, *(const int8_t *)b);
    case MGC_KIND_INT16: return CMP3(*(const int16_t *)a, *(const int16_t *)b);
    case MGC_KIND_INT32: return CMP3(*(const int32_t *)a, *(const int32_t *)b);
    case MGC_KIND_UINT8: case MGC_KIND_BOOL: return CMP3(*(const uint8_t *)a, *(const uint8_t *)b);
    case MGC_KIND_UINT16: return CMP3(*(const uint16_t *)a, *(const uint16_t *)b);
    case MGC_KIND_UINT32: return CMP3(*(const uint32_t *)a, *(const uint32_t *)b);
    case MGC_KIND_UINT: case MGC_KIND_UINT64: case MGC_KIND_UINTPTR:
    case MGC_KIND_POINTER: case MGC_KIND_UNSAFE_POINTER: case MGC_KIND_CHAN:
        return CMP3(*(const uint64_t *)a, *(const uint64_t *)b);
    case MGC_KIND_FLOAT32: return compare_floats(*(const float *)a, *(const float *)b);
    case MGC_KIND_FLOAT64: return compare_floats(*(const double *)a, *(const double *)b);
    case MGC_KIND_STRING: {
        const MgcString *x = a, *y = b;
        int64_t n = x->len < y->len ? x->len : y->len;
        int c = n > 0 ? memcmp(x->ptr, y->ptr, (size_t)n) : 0;
        return c != 0 ? (c < 0 ? -1 : 1) : CMP3(x->len, y->len);
    }
    case MGC_KIND_STRUCT:
        for (uint32_t i = 0; i < t->nfields; i++) {
            const MgcField *f = &t->fields[i];
            int c = compare_values(f->type, (const uint8_t *)a + f->offset,
                                   (const uint8_t *)b + f->offset);
            if (c != 0)
                return c;
        }
        return 0;
    case MGC_KIND_ARRAY:
        for (uint64_t i = 0; i < t->len; i++) {
            uint64_t off = i * t->elem->size;
            int c = compare_values(t->elem, (const uint8_t *)a + off, (const uint8_t *)b + off);
            if (c != 0)
                return c;
        }
        return 0;
    case MGC_KIND_INTERFACE:
        return compare_ifaces(t, a, b);
    default:
        return 0;
    }
}

/* Sorts the n entries (key pointer, element pointer pairs) by key: an
 * insertion sort for short maps, merging runs for long ones. */
static void sort_entries(const MgcType *kt, const void **ents, const void **tmp, int64_t n) {
    if (n < 12) {
        for (int64_t i = 1; i < n; i++) {
            const void *k = ents[2 * i], *e = ents[2 * i + 1];
            int64_t j = i;
            for (; j > 0 && compare_values(kt, ents[2 * (j - 1)], k) > 0; j--) {
                ents[2 * j] = ents[2 * (j - 1)];
                ents[2 * j + 1] = ents[2 * (j - 1) + 1];
            }
            ents[2 * j] = k;
            ents[2 * j + 1] = e;
        }
        return;
    }
    int64_t h = n / 2;
    sort_entries(kt, ents, tmp, h);
    sort_entries(kt, ents + 2 * h, tmp, n - h);
    int64_t i = 0, j = h, k = 0;
    while (i < h || j < n) {
        bool left = j >= n || (i < h && compare_values(kt, ents[2 * i], ents[2 * j]) <= 0);
        int64_t s = left ? i++ : j++;
        tmp[2 * k] = ents[2 * s];
        tmp[2 * k + 1] = ents[2 * s + 1];
        k++;
    }
    memcpy(ents, tmp, sizeof *ents * 2 * (size_t)n);
}

static void print_map(Printer *p, const Value *v, int32_t verb, int depth) {
    MgcMap *m = *(MgcMap *const *)value_ptr(v);
    if (p->f.sharp_v) {
        put_str(p, type_name(v->t));
        if (!m) {
            put_str(p, "(nil)");
            return;
        }
        fmtbuf_byte(&p->buf, '{');
    } else {
        put_str(p, "map[");
    }
    int64_t n = mgc_maplen(m);
    const void **ents = n > 0 ? mgc_alloc(sizeof(void *) * 4 * (uint64_t)n, NULL, 0) : NULL;
    MgcMapIter it;
    memset(&it, 0, sizeof it);
    int64_t count = 0;
    if (n > 0) {
        mgc_mapiterinit(v->t, m, &it);
        for (; it.key && count < n; mgc_mapiternext(&it)) {
            ents[2 * count] = it.key;
            ents[2 * count + 1] = it.elem;
            count++;
        }
        sort_entries(v->t->key, ents, ents + 2 * n, count);
    }
    for (int64_t i = 0; i < count; i++) {
        if (i > 0)
            put_str(p, p->f.sharp_v ? ", " : " ");
        print_value(p, (Value){.t = v->t->key, .p = ents[2 * i], .ro = v->ro}, verb, depth + 1);
        fmtbuf_byte(&p->buf, ':');
        print_value(p, (Value){.t = v->t->elem, .p = ents[2 * i + 1], .ro = v->ro}, verb,
                    depth + 1);
    }
    fmtbuf_byte(&p->buf, p->f.sharp_v ? '}' : ']');
}

/* ---- Print, Println, Printf ------------------------------------------------ */

/* Go's parsenum: a decimal number at s[*i:end], below 10^6. */
static bool parse_num(const uint8_t *s, int64_t *i, int64_t end, int64_t *num) {
    bool isnum = false;
    *num = 0;
    while (*i < end && s[*i] >= '0' && s[*i] <= '9') {
        if (*num >= 1000000 || *num < -1000000)
            return false;    /* would overflow: Go stops here too */
        *num = *num * 10 + (s[*i] - '0');
        isnum = true;
        (*i)++;
    }
    return isnum;
}

/* An explicit argument index [n] at s[*i]; sets *found. */
static int64_t arg_number(Printer *p, int64_t argnum, const uint8_t *s, int64_t *i, int64_t end,
                          int64_t nargs, bool *found) {
    *found = false;
    if (*i >= end || s[*i] != '[')
        return argnum;
    p->reordered = true;
    int64_t j = *i + 1;
    for (; j < end; j++) {
        if (s[j] != ']')
            continue;
        int64_t k = *i + 1, index;
        bool ok = parse_num(s, &k, j, &index) && k == j;
        *i = j + 1;
        if (ok && index - 1 >= 0 && index - 1 < nargs) {
            *found = true;
            return index - 1;
        }
        p->good_argnum = false;
        *found = ok;
        return argnum;
    }
    /* no closing bracket: [ is skipped (Go's width 1) */
    (*i)++;
    p->good_argnum = false;
    return argnum;
}

/* A * width or precision from the argument list (Go's intFromArg). */
static bool int_from_arg(const MgcIface *a, int64_t nargs, int64_t *argnum, int64_t *num) {
    *num = 0;
    if (*argnum >= nargs)
        return false;
    const MgcType *t = a[*argnum].tab;
    (*argnum)++;
    bool ok = false;
    if (t) {
        Value v = value_of_arg((Arg){t, a[*argnum - 1].data});
        const void *ptr = value_ptr(&v);
        switch (t->kind) {
        case MGC_KIND_INT: case MGC_KIND_INT64: *num = *(const int64_t *)ptr; ok = true; break;
        case MGC_KIND_INT8: *num = *(const int8_t *)ptr; ok = true; break;
        case MGC_KIND_INT16: *num = *(const int16_t *)ptr; ok = true; break;
        case MGC_KIND_INT32: *num = *(const int32_t *)ptr; ok = true; break;
        case MGC_KIND_UINT8: *num = *(const uint8_t *)ptr; ok = true; break;
        case MGC_KIND_UINT16: *num = *(const uint16_t *)ptr; ok = true; break;
        case MGC_KIND_UINT32: *num = *(const uint32_t *)ptr; ok = true; break;
        case MGC_KIND_UINT: case MGC_KIND_UINT64: case MGC_KIND_UINTPTR:
            *num = *(const int64_t *)ptr;
            ok = *num >= 0;
            if (!ok)
                *num = 0;
            break;
        default: break;
        }
    }
    if (*num > 1000000 || *num < -1000000) {
        *num = 0;
        ok = false;
    }
    return ok;
}

static void do_printf(Printer *p, const uint8_t *s, int64_t end, const MgcIface *a,
                      int64_t nargs) {
    int64_t argnum = 0;
    bool after_index = false;
    p->reordered = false;
    for (int64_t i = 0; i < end;) {
        p->good_argnum = true;
        int64_t lasti = i;
        while (i < end && s[i] != '%')
            i++;
        fmtbuf_write(&p->buf, s + lasti, i - lasti);
        if (i >= end)
            break;
        i++;
        fmt_clear_flags(&p->f);
        bool simple_done = false;
        for (; i < end; i++) {
            uint8_t c = s[i];
            if (c == '#') {
                p->f.sharp = true;
            } else if (c == '0') {
                p->f.zero = !p->f.minus;
            } else if (c == '+') {
                p->f.plus = true;
            } else if (c == '-') {
                p->f.minus = true;
                p->f.zero = false;
            } else if (c == ' ') {
                p->f.space = true;
            } else {
                if (c >= 'a' && c <= 'z' && argnum < nargs) {
                    /* a plain verb: the common case */
                    if (c == 'v') {
                        p->f.sharp_v = p->f.sharp;
                        p->f.sharp = false;
                        p->f.plus_v = p->f.plus;
                        p->f.plus = false;
                    }
                    print_arg(p, (Arg){a[argnum].tab, a[argnum].data}, c);
                    argnum++;
                    i++;
                    simple_done = true;
                }
                break;
            }
        }
        if (simple_done)
            continue;
        argnum = arg_number(p, argnum, s, &i, end, nargs, &after_index);
        if (i < end && s[i] == '*') {
            i++;
            p->f.wid_present = int_from_arg(a, nargs, &argnum, &p->f.wid);
            if (!p->f.wid_present)
                put_str(p, "%!(BADWIDTH)");
            if (p->f.wid < 0) {
                p->f.wid = -p->f.wid;
                p->f.minus = true;
                p->f.zero = false;
            }
            after_index = false;
        } else {
            p->f.wid_present = parse_num(s, &i, end, &p->f.wid);
            if (after_index && p->f.wid_present)
                p->good_argnum = false;
        }
        if (i + 1 < end && s[i] == '.') {
            i++;
            if (after_index)
                p->good_argnum = false;
            argnum = arg_number(p, argnum, s, &i, end, nargs, &after_index);
            if (i < end && s[i] == '*') {
                i++;
                p->f.prec_present = int_from_arg(a, nargs, &argnum, &p->f.prec);
                if (p->f.prec < 0) {
                    p->f.prec = 0;
                    p->f.prec_present = false;
                }
                if (!p->f.prec_present)
                    put_str(p, "%!(BADPREC)");
                after_index = false;
            } else {
                p->f.prec_present = parse_num(s, &i, end, &p->f.prec);
                if (!p->f.prec_present) {
                    p->f.prec = 0;
                    p->f.prec_present = true;
                }
            }
        }
        if (!after_index)
            argnum = arg_number(p, argnum, s, &i, end, nargs, &after_index);
        if (i >= end) {
            put_str(p, "%!(NOVERB)");
            break;
        }
        int32_t verb = s[i];
        int w = 1;
        if (verb >= 0x80)
            verb = fmt_decode_rune(s + i, end - i, &w);
        i += w;
        if (verb == '%') {
            fmtbuf_byte(&p->buf, '%');
        } else if (!p->good_argnum) {
            put_str(p, "%!");
            fmtbuf_rune(&p->buf, verb);
            put_str(p, "(BADINDEX)");
        } else if (argnum >= nargs) {
            put_str(p, "%!");
            fmtbuf_rune(&p->buf, verb);
            put_str(p, "(MISSING)");
        } else {
            if (verb == 'v') {
                p->f.sharp_v = p->f.sharp;
                p->f.sharp = false;
                p->f.plus_v = p->f.plus;
                p->f.plus = false;
            }
            print_arg(p, (Arg){a[argnum].tab, a[argnum].data}, verb);
            argnum++;
        }
    }
    if (!p->reordered && argnum < nargs) {
        fmt_clear_flags(&p->f);
        put_str(p, "%!(EXTRA ");
        for (int64_t i = argnum; i < nargs; i++) {
            if (i > argnum)
                put_str(p, ", ");
            if (!a[i].tab) {
                put_str(p, "<nil>");
            } else {
                put_str(p, type_name(a[i].tab));
                fmtbuf_byte(&p->buf, '=');
                print_arg(p, (Arg){a[i].tab, a[i].data}, 'v');
            }
        }
        fmtbuf_byte(&p->buf, ')');
    }
}

/* Print's operands: a space between two when neither is a string. */
static void do_print(Printer *p, const MgcIface *a, int64_t n) {
    bool prev_string = false;
    for (int64_t i = 0; i < n; i++) {
        const MgcType *t = a[i].tab;
        bool is_string = t && t->kind == MGC_KIND_STRING;
        if (i > 0 && !is_string && !prev_string)
            fmtbuf_byte(&p->buf, ' ');
        fmt_clear_flags(&p->f);
        print_arg(p, (Arg){t, a[i].data}, 'v');
        prev_string = is_string;
    }
}

/* Println's operands: spaces between, a newline after. */
static void do_println(Printer *p, const MgcIface *a, int64_t n) {
    for (int64_t i = 0; i < n; i++) {
        if (i > 0)
            fmtbuf_byte(&p->buf, ' ');
        fmt_clear_flags(&p->f);
        print_arg(p, (Arg){a[i].tab, a[i].data}, 'v');
    }
    fmtbuf_byte(&p->buf, '\n');
}

/* Writes the printer's bytes to stdout; the (n int, err error) results. */
static void write_stdout(Printer *p, FmtPrintResult *res) {
    int64_t done = 0;
    while (done < p->buf.len) {
        ssize_t w = write(1, p->buf.p + done, (size_t)(p->buf.len - done));
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0)
            break;
        done += w;
    }
    res->n = done;
    res->err = (MgcIface){0};
    if (done < p->buf.len)
        res->err = mgc_errors_new_cstr("write /dev/stdout: broken pipe");
}

/* The printer's bytes as a new Go string. */
static MgcString printer_string(const Printer *p) {
    return mgc_slicebytetostring(p->buf.p, p->buf.len);
}

FmtPrintResult *fmt_print(FmtPrintResult *res, const MgcIface *a, int64_t n, int64_t cap) {
    (void)cap;
    Printer p;
    printer_init(&p);
    do_print(&p, a, n);
    write_stdout(&p, res);
    return res;
}

FmtPrintResult *fmt_println(FmtPrintResult *res, const MgcIface *a, int64_t n, int64_t cap) {
    (void)cap;
    Printer p;
    printer_init(&p);
    do_println(&p, a, n);
    write_stdout(&p, res);
    return res;
}

FmtPrintResult *fmt_printf(FmtPrintResult *res, const uint8_t *format, int64_t flen,
                           const MgcIface *a, int64_t n, int64_t cap) {
    (void)cap;
    Printer p;
    printer_init(&p);
    do_printf(&p, format, flen, a, n);
    write_stdout(&p, res);
    return res;
}

MgcString fmt_sprint(const MgcIface *a, int64_t n, int64_t cap) {
    (void)cap;
    Printer p;
    printer_init(&p);
    do_print(&p, a, n);
    return printer_string(&p);
}

MgcString fmt_sprintln(const MgcIface *a, int64_t n, int64_t cap) {
    (void)cap;
    Printer p;
    printer_init(&p);
    do_println(&p, a, n);
    return printer_string(&p);
}

MgcString fmt_sprintf(const uint8_t *format, int64_t flen, const MgcIface *a, int64_t n,
                      int64_t cap) {
    (void)cap;
    Printer p;
    printer_init(&p);
    do_printf(&p, format, flen, a, n);
    return printer_string(&p);
}

MgcIface fmt_errorf(const uint8_t *format, int64_t flen, const MgcIface *a, int64_t n,
                    int64_t cap) {
    (void)cap;
    Printer p;
    printer_init(&p);
    p.wrap_errs = true;
    do_printf(&p, format, flen, a, n);
    MgcString s = printer_string(&p);
    if (!p.wrapped.t)
        return mgc_errors_new(s);
    return mgc_fmt_wrap_error(s, p.wrapped.t, p.wrapped.data);
}
