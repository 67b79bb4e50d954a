/* type.c — Types: the basic singletons, constructors, predicates, identity,
 * comparability, sizes and layouts (amd64 and arm64 are both LP64), and the
 * spelling of types in messages as gc (types2) writes them.
 *
 * The basic types live in one static table that is fully initialized at
 * compile time and never written afterwards: every function that would
 * cache something in a Type (pointer type, size) leaves static Types
 * alone. */
#include <string.h>

#include "types/check.h"

/* Slots of the static table past the TypeKind entries. */
enum { STATIC_BYTE = TY_COUNT, STATIC_RUNE, STATIC_ANY, STATIC_COUNT };

#define BASIC(k, sz, al) [k] = { .kind = k, .size = sz, .align = al }

static Type static_types[STATIC_COUNT] = {
    BASIC(TY_INVALID, 1, 1),
    BASIC(TY_BOOL, 1, 1),
    BASIC(TY_INT, 8, 8), BASIC(TY_INT8, 1, 1), BASIC(TY_INT16, 2, 2),
    BASIC(TY_INT32, 4, 4), BASIC(TY_INT64, 8, 8),
    BASIC(TY_UINT, 8, 8), BASIC(TY_UINT8, 1, 1), BASIC(TY_UINT16, 2, 2),
    BASIC(TY_UINT32, 4, 4), BASIC(TY_UINT64, 8, 8), BASIC(TY_UINTPTR, 8, 8),
    BASIC(TY_FLOAT32, 4, 4), BASIC(TY_FLOAT64, 8, 8),
    BASIC(TY_COMPLEX64, 8, 4), BASIC(TY_COMPLEX128, 16, 8),
    BASIC(TY_STRING, 16, 8), BASIC(TY_UNSAFE_POINTER, 8, 8),
    BASIC(TY_UNTYPED_BOOL, 1, 1), BASIC(TY_UNTYPED_INT, 8, 8),
    BASIC(TY_UNTYPED_RUNE, 4, 4), BASIC(TY_UNTYPED_FLOAT, 8, 8),
    BASIC(TY_UNTYPED_STRING, 16, 8), BASIC(TY_UNTYPED_NIL, 8, 8),
    [STATIC_BYTE] = { .kind = TY_UINT8, .size = 1, .align = 1 },
    [STATIC_RUNE] = { .kind = TY_INT32, .size = 4, .align = 4 },
    [STATIC_ANY] = { .kind = TY_INTERFACE, .size = 16, .align = 8,
                     .u.iface = { .complete = true } },
};

/* Whether t is one of the static Types (which are never written). */
static bool is_static(const Type *t) {
    uintptr_t p = (uintptr_t)t;
    return p >= (uintptr_t)&static_types[0] && p < (uintptr_t)&static_types[STATIC_COUNT];
}

/* Returns the unique Type of a basic kind or untyped kind. */
Type *type_basic(TypeKind k) {
    if (k > TY_UNTYPED_NIL) return &static_types[TY_INVALID];
    return &static_types[k];
}

/* Returns the invalid type, the type of erroneous expressions. */
Type *type_invalid(void) { return &static_types[TY_INVALID]; }

/* Returns the predeclared alias byte (kind TY_UINT8). */
Type *type_byte(void) { return &static_types[STATIC_BYTE]; }

/* Returns the predeclared alias rune (kind TY_INT32). */
Type *type_rune(void) { return &static_types[STATIC_RUNE]; }

/* Returns the empty interface denoted by `any`. */
Type *type_any(void) { return &static_types[STATIC_ANY]; }

/* Reports whether name starts with an upper-case letter.  Non-ASCII
 * upper-case letters are not recognized (mgc's identifiers are ASCII in
 * practice; the lexer accepts others but they stay unexported here). */
bool name_is_exported(const char *name) {
    return name && name[0] >= 'A' && name[0] <= 'Z';
}

/* ---- Constructors ----------------------------------------------------- */

/* Allocates a composite Type of kind k with its layout not yet computed. */
static Type *type_alloc(Arena *perm, TypeKind k) {
    Type *t = ARENA_NEW(perm, Type);
    t->kind = k;
    t->size = -1;
    return t;
}

/* Returns *elem, reusing the cached pointer type of elem when there is one. */
Type *type_new_pointer(Arena *perm, Type *elem) {
    if (elem->ptr_to) return elem->ptr_to;
    Type *t = type_alloc(perm, TY_POINTER);
    t->u.array.elem = elem;
    t->size = 8;
    t->align = 8;
    if (!is_static(elem)) elem->ptr_to = t;
    return t;
}

/* Returns []elem. */
Type *type_new_slice(Arena *perm, Type *elem) {
    Type *t = type_alloc(perm, TY_SLICE);
    t->u.array.elem = elem;
    t->size = 24;
    t->align = 8;
    return t;
}

/* Returns [len]elem. */
Type *type_new_array(Arena *perm, Type *elem, int64_t len) {
    Type *t = type_alloc(perm, TY_ARRAY);
    t->u.array.elem = elem;
    t->u.array.len = len;
    return t;
}

/* Returns map[key]elem. */
Type *type_new_map(Arena *perm, Type *key, Type *elem) {
    Type *t = type_alloc(perm, TY_MAP);
    t->u.map.key = key;
    t->u.map.elem = elem;
    t->size = 8;
    t->align = 8;
    return t;
}

/* Returns chan elem, chan<- elem or <-chan elem. */
Type *type_new_chan(Arena *perm, Type *elem, ChanDir dir) {
    Type *t = type_alloc(perm, TY_CHAN);
    t->u.chan.elem = elem;
    t->u.chan.dir = dir;
    t->size = 8;
    t->align = 8;
    return t;
}

/* Returns the tuple (types...); names (may be NULL) are the variables' names. */
Type *type_new_tuple(Arena *perm, Type **types, const char **names, int n) {
    Type *t = type_alloc(perm, TY_TUPLE);
    t->u.tuple.types = types;
    t->u.tuple.names = names;
    t->u.tuple.n = n;
    return t;
}

/* Returns a function type; params and results are tuples (NULL: empty). */
Type *type_new_func(Arena *perm, Type *recv, Type *params, Type *results, bool variadic) {
    Type *t = type_alloc(perm, TY_FUNC);
    t->u.func.recv = recv;
    t->u.func.params = params ? params : type_new_tuple(perm, NULL, NULL, 0);
    t->u.func.results = results ? results : type_new_tuple(perm, NULL, NULL, 0);
    t->u.func.variadic = variadic;
    t->size = 8;
    t->align = 8;
    return t;
}

/* Returns struct{fields}. */
Type *type_new_struct(Arena *perm, TypeField *fields, int n) {
    Type *t = type_alloc(perm, TY_STRUCT);
    t->u.strct.fields = fields;
    t->u.strct.n = n;
    return t;
}

/* Returns an interface type; interface_complete computes its method set. */
Type *type_new_interface(Arena *perm, TypeMethod *methods, int nmethods, Type **embeddeds, int nembeddeds) {
    Type *t = type_alloc(perm, TY_INTERFACE);
    t->u.iface.methods = methods;
    t->u.iface.nmethods = nmethods;
    t->u.iface.embeddeds = embeddeds;
    t->u.iface.nembeddeds = nembeddeds;
    t->size = 16;
    t->align = 8;
    return t;
}

/* Returns the named type of obj; underlying may be NULL until resolved. */
Type *type_new_named(Arena *perm, Object *obj, Type *underlying) {
    Type *t = type_alloc(perm, TY_NAMED);
    t->u.named.obj = obj;
    t->u.named.underlying = underlying;
    return t;
}

/* ---- Predicates ------------------------------------------------------- */

/* Returns the underlying type; a named type still being resolved, or part
 * of an invalid cycle, has the invalid type as underlying. */
Type *type_underlying(Type *t) {
    for (int i = 0; t && t->kind == TY_NAMED; i++) {
        if (!t->u.named.underlying || i > 100) return type_invalid();
        t = t->u.named.underlying;
    }
    return t ? t : type_invalid();
}

/* Returns the kind of t's underlying type. */
static TypeKind ukind(const Type *t) { return type_underlying((Type *)t)->kind; }

/* Reports whether t is an untyped constant kind or untyped nil. */
bool type_is_untyped(const Type *t) {
    return t && t->kind >= TY_UNTYPED_BOOL && t->kind <= TY_UNTYPED_NIL;
}

/* Reports whether t is an integer type, untyped int and rune included. */
bool type_is_integer(const Type *t) {
    TypeKind k = ukind(t);
    return (k >= TY_INT && k <= TY_UINTPTR) || k == TY_UNTYPED_INT || k == TY_UNTYPED_RUNE;
}

/* Reports whether t is an unsigned integer type. */
bool type_is_unsigned(const Type *t) {
    TypeKind k = ukind(t);
    return k >= TY_UINT && k <= TY_UINTPTR;
}

/* Reports whether t is float32, float64 or untyped float. */
bool type_is_float(const Type *t) {
    TypeKind k = ukind(t);
    return k == TY_FLOAT32 || k == TY_FLOAT64 || k == TY_UNTYPED_FLOAT;
}

/* Reports whether t is an integer, float or complex type. */
bool type_is_numeric(const Type *t) {
    TypeKind k = ukind(t);
    return type_is_integer(t) || type_is_float(t) || k == TY_COMPLEX64 || k == TY_COMPLEX128;
}

/* Reports whether t is a string type or untyped string. */
bool type_is_string(const Type *t) {
    TypeKind k = ukind(t);
    return k == TY_STRING || k == TY_UNTYPED_STRING;
}

/* Reports whether t is a boolean type or untyped bool. */
bool type_is_boolean(const Type *t) {
    TypeKind k = ukind(t);
    return k == TY_BOOL || k == TY_UNTYPED_BOOL;
}

/* Reports whether t's underlying type is an interface. */
bool type_is_interface(const Type *t) { return ukind(t) == TY_INTERFACE; }

/* Returns the type an untyped constant of kind t takes by default. */
Type *type_default(Type *t) {
    switch (t ? t->kind : TY_INVALID) {
    case TY_UNTYPED_BOOL: return type_basic(TY_BOOL);
    case TY_UNTYPED_INT: return type_basic(TY_INT);
    case TY_UNTYPED_RUNE: return type_rune();
    case TY_UNTYPED_FLOAT: return type_basic(TY_FLOAT64);
    case TY_UNTYPED_STRING: return type_basic(TY_STRING);
    default: return t;
    }
}

/* ---- Identity --------------------------------------------------------- */

/* Reports whether two names of fields or methods are the same identifier:
 * equal, and from the same package unless exported. */
static bool same_id(const char *a, const Package *pa, const char *b, const Package *pb) {
    if (a != b && (!a || !b || strcmp(a, b) != 0)) return false;
    return name_is_exported(a) || pa == pb;
}

/* Compares two tags, where NULL is the empty tag. */
static bool same_tag(const char *a, const char *b) {
    return strcmp(a ? a : "", b ? b : "") == 0;
}

/* Reports whether two tuples have pairwise identical types. */
static bool tuples_identical(Type *a, Type *b) {
    int na = a ? a->u.tuple.n : 0, nb = b ? b->u.tuple.n : 0;
    if (na != nb) return false;
    for (int i = 0; i < na; i++)
        if (!type_identical(a->u.tuple.types[i], b->u.tuple.types[i])) return false;
    return true;
}

/* Reports whether two interfaces have the same method set.  Complete
 * interfaces compare their full method sets; otherwise their declared
 * methods and embedded types are compared one to one. */
static bool interfaces_identical(Type *a, Type *b) {
    if (a->u.iface.is_comparable != b->u.iface.is_comparable) return false;
    const TypeMethod *ma, *mb;
    int n;
    if (a->u.iface.complete && b->u.iface.complete) {
        if (a->u.iface.nall != b->u.iface.nall) return false;
        ma = a->u.iface.all, mb = b->u.iface.all, n = a->u.iface.nall;
    } else {
        if (a->u.iface.nmethods != b->u.iface.nmethods || a->u.iface.nembeddeds != b->u.iface.nembeddeds)
            return false;
        for (int i = 0; i < a->u.iface.nembeddeds; i++)
            if (!type_identical(a->u.iface.embeddeds[i], b->u.iface.embeddeds[i])) return false;
        ma = a->u.iface.methods, mb = b->u.iface.methods, n = a->u.iface.nmethods;
    }
    for (int i = 0; i < n; i++) {
        const Object *fa = ma[i].func, *fb = mb[i].func;
        if (!same_id(ma[i].name, fa ? fa->pkg : NULL, mb[i].name, fb ? fb->pkg : NULL)) return false;
        if (!fa || !fb) return fa == fb;
        if (!type_identical(fa->type, fb->type)) return false;
    }
    return true;
}

/* Reports whether a and b are identical (spec "Type identity").  Named
 * types are identical only to themselves, so the recursion stops at every
 * named type and terminates on recursive types. */
bool type_identical(Type *a, Type *b) {
    if (a == b) return true;
    if (!a || !b || a->kind != b->kind) return false;
    switch (a->kind) {
    case TY_ARRAY:
        return a->u.array.len == b->u.array.len && type_identical(a->u.array.elem, b->u.array.elem);
    case TY_SLICE:
    case TY_POINTER:
        return type_identical(a->u.array.elem, b->u.array.elem);
    case TY_STRUCT:
        if (a->u.strct.n != b->u.strct.n) return false;
        for (int i = 0; i < a->u.strct.n; i++) {
            const TypeField *f = &a->u.strct.fields[i], *g = &b->u.strct.fields[i];
            if (f->embedded != g->embedded || !same_id(f->name, f->pkg, g->name, g->pkg) ||
                !same_tag(f->tag, g->tag) || !type_identical(f->type, g->type))
                return false;
        }
        return true;
    case TY_FUNC:
        return a->u.func.variadic == b->u.func.variadic &&
               tuples_identical(a->u.func.params, b->u.func.params) &&
               tuples_identical(a->u.func.results, b->u.func.results);
    case TY_TUPLE:
        return tuples_identical(a, b);
    case TY_INTERFACE:
        return interfaces_identical(a, b);
    case TY_MAP:
        return type_identical(a->u.map.key, b->u.map.key) && type_identical(a->u.map.elem, b->u.map.elem);
    case TY_CHAN:
        return a->u.chan.dir == b->u.chan.dir && type_identical(a->u.chan.elem, b->u.chan.elem);
    case TY_NAMED:
        return false;
    default:
        return true; /* basic kinds: byte is uint8, rune is int32 */
    }
}

/* Reports whether values of type t can be compared with == (spec
 * "Comparison operators").  The invalid type counts as comparable so that
 * an earlier error is not repeated. */
static bool comparable_depth(Type *t, int depth) {
    t = type_underlying(t);
    if (depth > 64) return true;
    switch (t->kind) {
    case TY_UNTYPED_NIL:
    case TY_SLICE:
    case TY_MAP:
    case TY_FUNC:
    case TY_TUPLE:
        return false;
    case TY_STRUCT:
        for (int i = 0; i < t->u.strct.n; i++)
            if (!comparable_depth(t->u.strct.fields[i].type, depth + 1)) return false;
        return true;
    case TY_ARRAY:
        return comparable_depth(t->u.array.elem, depth + 1);
    default:
        return true;
    }
}

/* Reports whether t is comparable. */
bool type_comparable(Type *t) { return comparable_depth(t, 0); }

/* ---- Layout ----------------------------------------------------------- */

/* Rounds o up to a multiple of align (a power of two). */
static int64_t align_up(int64_t o, int64_t align) { return (o + align - 1) & ~(align - 1); }

/* Computes and caches t's size and alignment.  A type met again while its
 * own layout is being computed (an invalid recursive type, already
 * reported) gets size 0. */
static void compute_layout(Type *t) {
    if (is_static(t) || t->size >= 0) return;
    if (t->size == -2) return;
    t->size = -2;
    int64_t size = 0;
    int32_t align = 1;
    switch (t->kind) {
    case TY_NAMED: {
        Type *u = type_underlying(t);
        size = type_size(u);
        align = type_align(u);
        break;
    }
    case TY_ARRAY: {
        int64_t es = type_size(t->u.array.elem), n = t->u.array.len;
        align = type_align(t->u.array.elem);
        if (n > 0 && es > INT64_MAX / n) size = INT64_MAX;
        else size = n > 0 ? es * n : 0;
        break;
    }
    case TY_STRUCT:
    case TY_TUPLE: {
        int n = t->kind == TY_STRUCT ? t->u.strct.n : t->u.tuple.n;
        int64_t last = -1;
        for (int i = 0; i < n; i++) {
            Type *ft = t->kind == TY_STRUCT ? t->u.strct.fields[i].type : t->u.tuple.types[i];
            int32_t fa = type_align(ft);
            int64_t fs = type_size(ft);
            if (fa > align) align = fa;
            size = align_up(size, fa);
            if (t->kind == TY_STRUCT) t->u.strct.fields[i].offset = size;
            size = fs > INT64_MAX - size ? INT64_MAX : size + fs;
            last = fs;
        }
        /* gc pads a struct ending in a zero-size field, so that the
         * field's address never points past the object. */
        if (t->kind == TY_STRUCT && last == 0 && size > 0) size++;
        if (size < INT64_MAX - align) size = align_up(size, align);
        break;
    }
    case TY_INTERFACE:
        size = 16, align = 8;
        break;
    case TY_SLICE:
        size = 24, align = 8;
        break;
    default: /* pointer, map, chan, func */
        size = 8, align = 8;
        break;
    }
    t->size = size;
    t->align = align;
}

/* Returns the size of t in bytes. */
int64_t type_size(Type *t) {
    if (!t) return 0;
    compute_layout(t);
    return t->size < 0 ? 0 : t->size;
}

/* Returns the alignment of t in bytes. */
int32_t type_align(Type *t) {
    if (!t) return 1;
    compute_layout(t);
    return t->align > 0 ? t->align : 1;
}

/* ---- Spelling --------------------------------------------------------- */

/* A bounded string builder: keeps writing past the end as a no-op. */
typedef struct TypeWriter {
    char *buf;
    size_t size, len;
} TypeWriter;

/* Appends n bytes of s, keeping the buffer NUL-terminated. */
static void tw_putn(TypeWriter *w, const char *s, size_t n) {
    for (size_t i = 0; i < n; i++, w->len++)
        if (w->len + 1 < w->size) w->buf[w->len] = s[i];
    if (w->size) w->buf[w->len + 1 < w->size ? w->len : w->size - 1] = 0;
}

/* Appends the string s. */
static void tw_puts(TypeWriter *w, const char *s) { tw_putn(w, s, strlen(s)); }

/* Writes s quoted as strconv.Quote does (printable UTF-8 is kept). */
static void tw_quote(TypeWriter *w, const char *s) {
    static const char hex[] = "0123456789abcdef";
    tw_puts(w, "\"");
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        char esc[5] = { '\\', 0, 0, 0, 0 };
        switch (*p) {
        case '"': esc[1] = '"'; break;
        case '\\': esc[1] = '\\'; break;
        case '\a': esc[1] = 'a'; break;
        case '\b': esc[1] = 'b'; break;
        case '\f': esc[1] = 'f'; break;
        case '\n': esc[1] = 'n'; break;
        case '\r': esc[1] = 'r'; break;
        case '\t': esc[1] = 't'; break;
        case '\v': esc[1] = 'v'; break;
        default:
            if (*p < 0x20 || *p == 0x7f) {
                esc[1] = 'x', esc[2] = hex[*p >> 4], esc[3] = hex[*p & 15];
            } else {
                tw_putn(w, (const char *)p, 1);
                continue;
            }
        }
        tw_puts(w, esc);
    }
    tw_puts(w, "\"");
}

static void write_type(TypeWriter *w, Type *t);

/* Writes a parameter or result list: "(a int, b ...string)". */
static void write_tuple(TypeWriter *w, Type *tup, bool variadic) {
    tw_puts(w, "(");
    int n = tup ? tup->u.tuple.n : 0;
    for (int i = 0; i < n; i++) {
        if (i > 0) tw_puts(w, ", ");
        const char *name = tup->u.tuple.names ? tup->u.tuple.names[i] : NULL;
        if (name && *name) {
            tw_puts(w, name);
            tw_puts(w, " ");
        }
        Type *ty = tup->u.tuple.types[i];
        if (variadic && i == n - 1 && ty && ty->kind == TY_SLICE) {
            tw_puts(w, "...");
            ty = ty->u.array.elem;
        }
        write_type(w, ty);
    }
    tw_puts(w, ")");
}

/* Writes a signature without "func": "(x int) (int, error)". */
static void write_signature(TypeWriter *w, Type *f) {
    write_tuple(w, f->u.func.params, f->u.func.variadic);
    Type *res = f->u.func.results;
    int n = res ? res->u.tuple.n : 0;
    if (n == 0) return;
    tw_puts(w, " ");
    if (n == 1 && (!res->u.tuple.names || !res->u.tuple.names[0] || !*res->u.tuple.names[0])) {
        write_type(w, res->u.tuple.types[0]);
        return;
    }
    write_tuple(w, res, false);
}

/* Writes a named type's name, qualified by its package unless it belongs
 * to the package being compiled or to the universe. */
static void write_named(TypeWriter *w, const Object *obj) {
    if (!obj) {
        tw_puts(w, "?");
        return;
    }
    if (obj->pkg && obj->pkg->fake && obj->pkg->name) {
        tw_puts(w, obj->pkg->name);
        tw_puts(w, ".");
    }
    tw_puts(w, obj->name ? obj->name : "?");
}

/* Writes t in gc's notation. */
static void write_type(TypeWriter *w, Type *t) {
    if (!t) {
        tw_puts(w, "<nil>");
        return;
    }
    const char *alias = t == type_byte() ? "byte" : t == type_rune() ? "rune" : t == type_any() ? "any" : NULL;
    if (alias) {
        tw_puts(w, alias);
        return;
    }
    switch (t->kind) {
    case TY_ARRAY: {
        char n[32];
        snprintf(n, sizeof n, "[%lld]", (long long)t->u.array.len);
        tw_puts(w, n);
        write_type(w, t->u.array.elem);
        break;
    }
    case TY_SLICE:
        tw_puts(w, "[]");
        write_type(w, t->u.array.elem);
        break;
    case TY_POINTER:
        tw_puts(w, "*");
        write_type(w, t->u.array.elem);
        break;
    case TY_STRUCT:
        tw_puts(w, "struct{");
        for (int i = 0; i < t->u.strct.n; i++) {
            const TypeField *f = &t->u.strct.fields[i];
            if (i > 0) tw_puts(w, "; ");
            if (!f->embedded) {
                tw_puts(w, f->name ? f->name : "_");
                tw_puts(w, " ");
            }
            write_type(w, f->type);
            if (f->tag && *f->tag) {
                tw_puts(w, " ");
                tw_quote(w, f->tag);
            }
        }
        tw_puts(w, "}");
        break;
    case TY_FUNC:
        tw_puts(w, "func");
        write_signature(w, t);
        break;
    case TY_TUPLE:
        write_tuple(w, t, false);
        break;
    case TY_INTERFACE: {
        tw_puts(w, "interface{");
        int n = 0;
        if (t->u.iface.is_comparable && t->u.iface.nembeddeds == 0) {
            tw_puts(w, "comparable");
            n++;
        }
        for (int i = 0; i < t->u.iface.nmethods; i++, n++) {
            const TypeMethod *m = &t->u.iface.methods[i];
            if (n > 0) tw_puts(w, "; ");
            tw_puts(w, m->name);
            if (m->func && m->func->type && m->func->type->kind == TY_FUNC) write_signature(w, m->func->type);
            else tw_puts(w, "()");
        }
        for (int i = 0; i < t->u.iface.nembeddeds; i++, n++) {
            if (n > 0) tw_puts(w, "; ");
            write_type(w, t->u.iface.embeddeds[i]);
        }
        tw_puts(w, "}");
        break;
    }
    case TY_MAP:
        tw_puts(w, "map[");
        write_type(w, t->u.map.key);
        tw_puts(w, "]");
        write_type(w, t->u.map.elem);
        break;
    case TY_CHAN: {
        Type *e = t->u.chan.elem;
        bool parens = t->u.chan.dir == CHAN_BOTH && e && e->kind == TY_CHAN && e->u.chan.dir == CHAN_RECV;
        tw_puts(w, t->u.chan.dir == CHAN_SEND ? "chan<- " : t->u.chan.dir == CHAN_RECV ? "<-chan " : "chan ");
        if (parens) tw_puts(w, "(");
        write_type(w, e);
        if (parens) tw_puts(w, ")");
        break;
    }
    case TY_NAMED:
        write_named(w, t->u.named.obj);
        break;
    default: {
        static const char *const names[] = {
#define X(k, s) s,
            TYPE_KIND_LIST(X)
#undef X
        };
        tw_puts(w, names[t->kind]);
        break;
    }
    }
}

/* Writes t into buf as gc writes types in messages; returns buf. */
char *type_string(Type *t, char *buf, size_t size) {
    TypeWriter w = { buf, size, 0 };
    if (size) buf[0] = 0;
    write_type(&w, t);
    return buf;
}

/* Writes a method's name and signature as gc shows it in "have"/"want"
 * lines: "M(x int) string". */
char *type_method_string(const char *name, Type *sig, char *buf, size_t size) {
    TypeWriter w = { buf, size, 0 };
    if (size) buf[0] = 0;
    tw_puts(&w, name);
    if (sig && sig->kind == TY_FUNC) write_signature(&w, sig);
    else tw_puts(&w, "()");
    return buf;
}
