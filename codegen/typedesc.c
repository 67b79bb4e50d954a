/* typedesc.c — the data the runtime reads about types (docs/abi.md):
 * type descriptors (MgcType) with their method and field tables and their
 * equality functions, itabs (MgcItab), and the static closures of
 * top-level functions used as values.
 *
 * Each is a weak symbol written once per program, the first time a
 * function names it (f->syms and SymAddr values); the set of symbols
 * written so far is CodegenCtx.syms, which also holds the names of the
 * functions emitted, so that the method tables — written at the end of
 * the program, when every function is known — point only to code that
 * exists (a method of a type that no function of the program made has a
 * NULL code word: the runtime never calls it, since SSA construction makes
 * every method an itab may call).
 *
 * MgcType, 88 bytes: size 0, hash 8, kind 12, align 13, flags 14, elem 16,
 * key 24, len 32, name 40, equal 48, methods 56, nmethods 64, fields 72,
 * nfields 80.  MgcMethod, 24 bytes: name, type (the signature without the
 * receiver), code.  MgcField, 32 bytes: name, type, offset, embedded. */
#include <inttypes.h>
#include <string.h>

#include "codegen/codegen.h"

/* MgcType.flags */
enum {
    TF_NOSCAN = 1, TF_COMPARABLE = 2, TF_NAMED = 4, TF_ERROR = 8, TF_STRINGER = 16,
};

/* ---- the set of written symbols --------------------------------------------------- */

/* FNV-1a of a NUL-terminated name. */
static uint32_t name_hash(const char *s) {
    uint32_t h = 2166136261u;
    for (; *s; s++)
        h = (h ^ (uint8_t)*s) * 16777619u;
    return h;
}

/* Adds name to the set of written symbols; false if it was there. */
bool codegen_sym_first(CodegenCtx *c, const char *name) {
    if ((c->nsyms + 1) * 2 > c->capsyms) {
        uint32_t cap = c->capsyms ? c->capsyms * 2 : 64;
        const char **tab = mem_xmalloc(sizeof *tab * cap);
        memset(tab, 0, sizeof *tab * cap);
        for (uint32_t i = 0; i < c->capsyms; i++) {
            if (!c->syms[i])
                continue;
            uint32_t k = name_hash(c->syms[i]) & (cap - 1);
            while (tab[k])
                k = (k + 1) & (cap - 1);
            tab[k] = c->syms[i];
        }
        mem_xfree(c->syms);
        c->syms = tab;
        c->capsyms = cap;
    }
    uint32_t k = name_hash(name) & (c->capsyms - 1);
    while (c->syms[k]) {
        if (strcmp(c->syms[k], name) == 0)
            return false;
        k = (k + 1) & (c->capsyms - 1);
    }
    c->syms[k] = name;
    c->nsyms++;
    return true;
}

/* Whether name is in the set of written symbols. */
static bool sym_known(const CodegenCtx *c, const char *name) {
    if (!c->capsyms)
        return false;
    uint32_t k = name_hash(name) & (c->capsyms - 1);
    while (c->syms[k]) {
        if (strcmp(c->syms[k], name) == 0)
            return true;
        k = (k + 1) & (c->capsyms - 1);
    }
    return false;
}

/* ---- names ------------------------------------------------------------------------ */

/* The interned symbol PREFIX + the runtime name of t ("type:[]int", "eq:main.T"). */
static const char *type_sym(CodegenCtx *c, const char *prefix, Type *t) {
    char name[1024], buf[1100];
    ssa_type_name(t, name, sizeof name);
    int n = codegen_snprintf(buf, sizeof buf, "%s%s", prefix, name);
    if (n < 0 || (size_t)n >= sizeof buf)
        n = (int)sizeof buf - 1;
    return intern(&c->mem->names, buf, (size_t)n);
}

/* The name the runtime shows for a type whose symbol name is name, as %T
 * prints it: without the marks of ssa.h (the "·N" suffixes of types
 * declared in function bodies, the names of fields embedded through an
 * alias). */
static const char *runtime_name(const char *name, char *buf, size_t n) {
    size_t at = 0, mark = strlen(SSA_EMBED_ALIAS_MARK);
    for (const char *p = name; *p && at + 1 < n;) {
        if ((unsigned char)p[0] == 0xc2 && (unsigned char)p[1] == 0xb7 && p[2] >= '0' && p[2] <= '9') {
            for (p += 2; *p >= '0' && *p <= '9'; p++) {}
            continue;
        }
        if (strncmp(p, SSA_EMBED_ALIAS_MARK, mark) == 0) {
            while (at > 0 && buf[at - 1] != ' ')
                at--;
            p += mark;
            continue;
        }
        buf[at++] = *p++;
    }
    buf[at] = 0;
    return buf;
}

/* Writes a pointer word: symbol or 0. */
static void put_addr_word(AsmOut *out, const char *sym) {
    codegen_printf(out, "\t.quad ");
    if (sym)
        codegen_put_symbol(out, sym);
    else
        asm_out_putc(out, '0');
    asm_out_putc(out, '\n');
}

/* A C string in .rodata, returning its label number (.LS<n>). */
static uint32_t put_cstring(CodegenCtx *c, const char *s) {
    uint32_t label = codegen_new_label(c);
    codegen_printf(c->out, "\t.section .rodata\n.LS%u:\n\t.string \"", label);
    codegen_put_escaped(c->out, s, (int64_t)strlen(s));
    codegen_printf(c->out, "\"\n");
    return label;
}

/* The code an itab of t calls for method name with the data word as the
 * receiver (docs/abi.md, "What fun[i] holds"); NULL when the base type is
 * not a defined type. */
static const char *method_code(CodegenCtx *c, Type *t, const char *name) {
    Type *base = t->kind == TY_POINTER ? t->u.array.elem : t;
    if (!base || base->kind != TY_NAMED)
        return NULL;
    return ssa_method_code(c->mem, t, name);
}

/* ---- equality functions ---------------------------------------------------------- */

typedef struct EqList {
    EqStep *steps;
    int n, cap;
    Arena *a;
} EqList;

static void eq_push(EqList *l, EqStep s) {
    if (l->n == l->cap) {
        int cap = l->cap ? l->cap * 2 : 16;
        EqStep *n = ARENA_NEW_ARRAY(l->a, EqStep, cap);
        if (l->n)
            memcpy(n, l->steps, sizeof *n * (size_t)l->n);
        l->steps = n;
        l->cap = cap;
    }
    l->steps[l->n++] = s;
}

static void emit_type(CodegenCtx *c, Type *t, const char *sym);

/* The number of steps of t's equality, up to limit. */
static int64_t eq_count(Type *t, int64_t limit) {
    Type *u = type_underlying(t);
    switch (u->kind) {
    case TY_STRUCT: {
        int64_t n = 0;
        for (int i = 0; i < u->u.strct.n && n <= limit; i++)
            n += eq_count(u->u.strct.fields[i].type, limit);
        return n;
    }
    case TY_ARRAY: {
        int64_t e = eq_count(u->u.array.elem, limit);
        return u->u.array.len > limit || e * u->u.array.len > limit ? limit + 1 : e * u->u.array.len;
    }
    case TY_COMPLEX64: case TY_COMPLEX128: return 2;
    default: return 1;
    }
}

/* Appends the steps comparing a value of type t at off. */
static void eq_steps(CodegenCtx *c, Type *t, int64_t off, EqList *l) {
    Type *u = type_underlying(t);
    int64_t size = type_size(t);
    switch (u->kind) {
    case TY_FLOAT32: eq_push(l, (EqStep){.kind = EQ_F32, .off = off, .size = 4}); return;
    case TY_FLOAT64: eq_push(l, (EqStep){.kind = EQ_F64, .off = off, .size = 8}); return;
    case TY_COMPLEX64:
        eq_push(l, (EqStep){.kind = EQ_F32, .off = off, .size = 4});
        eq_push(l, (EqStep){.kind = EQ_F32, .off = off + 4, .size = 4});
        return;
    case TY_COMPLEX128:
        eq_push(l, (EqStep){.kind = EQ_F64, .off = off, .size = 8});
        eq_push(l, (EqStep){.kind = EQ_F64, .off = off + 8, .size = 8});
        return;
    case TY_STRING: eq_push(l, (EqStep){.kind = EQ_STRING, .off = off, .size = 16}); return;
    case TY_INTERFACE:
        eq_push(l, (EqStep){.kind = u->u.iface.nall == 0 ? EQ_EFACE : EQ_IFACE, .off = off, .size = 16});
        return;
    case TY_STRUCT:
        type_size(u); /* sets the offsets */
        for (int i = 0; i < u->u.strct.n; i++) {
            TypeField *fl = &u->u.strct.fields[i];
            if (fl->name && strcmp(fl->name, "_") == 0)
                continue;
            eq_steps(c, fl->type, off + fl->offset, l);
        }
        return;
    case TY_ARRAY: {
        Type *e = u->u.array.elem;
        int64_t n = u->u.array.len, es = type_size(e);
        if (n <= 0 || es <= 0)
            return;
        if (eq_count(t, 16) <= 16) {
            for (int64_t i = 0; i < n; i++)
                eq_steps(c, e, off + i * es, l);
            return;
        }
        const char *fn = type_sym(c, "eq:", e);
        emit_type(c, e, type_sym(c, "type:", e));
        eq_push(l, (EqStep){.kind = EQ_LOOP, .off = off, .size = es, .count = n, .stride = es, .fn = fn});
        return;
    }
    default:
        if (size > 0)
            eq_push(l, (EqStep){.kind = EQ_MEM, .off = off, .size = size});
        return;
    }
}

/* Writes the equality function of comparable type t, once. */
static void emit_equal(CodegenCtx *c, Type *t, const char *sym) {
    if (!codegen_sym_first(c, sym) || !c->t->emit_equal)
        return;
    Arena *a = mem_scratch(c->mem);
    ArenaMark mark = arena_mark(a);
    EqList l = {.a = a};
    eq_steps(c, t, 0, &l);
    c->t->emit_equal(c, sym, l.steps, l.n);
    arena_release(a, mark);
}

/* ---- descriptors ------------------------------------------------------------------ */

/* Whether a value of type t holds pointers the collector must follow. */
static bool has_pointers(Type *t, int depth) {
    t = type_underlying(t);
    if (!t || depth > 64)
        return true;
    switch (t->kind) {
    case TY_ARRAY: return t->u.array.len > 0 && has_pointers(t->u.array.elem, depth + 1);
    case TY_STRUCT:
        for (int i = 0; i < t->u.strct.n; i++)
            if (has_pointers(t->u.strct.fields[i].type, depth + 1))
                return true;
        return false;
    case TY_STRING: case TY_POINTER: case TY_SLICE: case TY_MAP: case TY_CHAN:
    case TY_FUNC: case TY_INTERFACE: case TY_UNSAFE_POINTER:
        return true;
    default: return false;
    }
}

/* The methods a descriptor lists: an interface's own, in its (itab)
 * order; a concrete type's method set, in gc's order.  *out in scratch. */
static int type_methods(CodegenCtx *c, Type *t, const char ***names, Type ***types) {
    Type *u = type_underlying(t);
    Arena *a = mem_scratch(c->mem);
    if (u->kind == TY_INTERFACE) {
        int n = u->u.iface.nall;
        *names = ARENA_NEW_ARRAY(a, const char *, n + 1);
        *types = ARENA_NEW_ARRAY(a, Type *, n + 1);
        for (int i = 0; i < n; i++) {
            (*names)[i] = u->u.iface.all[i].name;
            (*types)[i] = u->u.iface.all[i].func ? u->u.iface.all[i].func->type : NULL;
        }
        return n;
    }
    Type *base = t->kind == TY_POINTER ? t->u.array.elem : t;
    if (!base || base->kind != TY_NAMED)
        return 0;
    /* the method set's temporaries in an arena of their own: released to
     * where it was, it must not be the one holding the result */
    Selection *sel = NULL;
    Arena tmp;
    arena_init(&tmp, "methodset", 4096);
    int n = type_method_set(a, &tmp, t, &sel);
    arena_free(&tmp);
    *names = ARENA_NEW_ARRAY(a, const char *, n + 1);
    *types = ARENA_NEW_ARRAY(a, Type *, n + 1);
    for (int i = 0; i < n; i++) {
        (*names)[i] = sel[i].method ? sel[i].method->name : "";
        (*types)[i] = sel[i].method ? sel[i].method->type : NULL;
    }
    return n;
}

/* Records a method table to write at the end of the program. */
static void defer_method_table(CodegenCtx *c, Type *t, uint32_t label) {
    if (c->nmtabs == c->capmtabs) {
        uint32_t cap = c->capmtabs ? c->capmtabs * 2 : 16;
        CodegenMethodTable *n = mem_xmalloc(sizeof *n * cap);
        if (c->nmtabs)
            memcpy(n, c->mtabs, sizeof *n * c->nmtabs);
        mem_xfree(c->mtabs);
        c->mtabs = n;
        c->capmtabs = cap;
    }
    c->mtabs[c->nmtabs++] = (CodegenMethodTable){t, label};
}

/* Whether method type mt is func() string. */
static bool is_string_method(CodegenCtx *c, Type *mt) {
    return mt && strcmp(type_sym(c, "", mt), "func() string") == 0;
}

/* Writes the descriptor of t under sym, then (once each) those it points
 * to and its equality function. */
static void emit_type(CodegenCtx *c, Type *t, const char *sym) {
    if (!codegen_sym_first(c, sym))
        return;
    Arena *a = mem_scratch(c->mem);
    ArenaMark mark = arena_mark(a);
    AsmOut *out = c->out;
    Type *u = type_underlying(t);
    Type *elem = NULL, *key = NULL;
    int64_t len = 0;
    switch (u->kind) {
    case TY_POINTER: case TY_SLICE: elem = u->u.array.elem; break;
    case TY_CHAN: elem = u->u.chan.elem; break;
    case TY_ARRAY: elem = u->u.array.elem; len = u->u.array.len; break;
    case TY_MAP: elem = u->u.map.elem; key = u->u.map.key; break;
    default: break;
    }
    const char *esym = elem ? type_sym(c, "type:", elem) : NULL;
    const char *ksym = key ? type_sym(c, "type:", key) : NULL;
    const char *name = sym + 5;
    bool comparable = type_comparable(t);
    const char *eqsym = NULL;
    if (comparable) {
        char buf[1100];
        int n = codegen_snprintf(buf, sizeof buf, "eq:%s", name);
        eqsym = intern(&c->mem->names, buf, n > 0 && (size_t)n < sizeof buf ? (size_t)n : sizeof buf - 1);
    }
    const char **mnames = NULL;
    Type **mtypes = NULL;
    int nm = type_methods(c, t, &mnames, &mtypes);
    unsigned flags = (has_pointers(t, 0) ? 0 : TF_NOSCAN) | (comparable ? TF_COMPARABLE : 0) |
                     (t->kind == TY_NAMED ? TF_NAMED : 0);
    bool iface = u->kind == TY_INTERFACE;
    for (int i = 0; i < nm && !iface; i++) {
        if (strcmp(mnames[i], "Error") == 0 && is_string_method(c, mtypes[i]))
            flags |= TF_ERROR;
        if (strcmp(mnames[i], "String") == 0 && is_string_method(c, mtypes[i]))
            flags |= TF_STRINGER;
    }
    char shown[1100];
    uint32_t nlabel = put_cstring(c, runtime_name(name, shown, sizeof shown));
    /* the method table: interfaces' now (no code words), concrete types' at the end */
    uint32_t mlabel = 0;
    if (nm > 0) {
        mlabel = codegen_new_label(c);
        if (iface) {
            uint32_t *ml = ARENA_NEW_ARRAY(a, uint32_t, nm);
            for (int i = 0; i < nm; i++)
                ml[i] = put_cstring(c, mnames[i]);
            codegen_printf(out, "\t.section .data.rel.ro,\"aw\"\n\t.balign 8\n.LS%u:\n", mlabel);
            for (int i = 0; i < nm; i++) {
                codegen_printf(out, "\t.quad .LS%u\n", ml[i]);
                put_addr_word(out, mtypes[i] ? type_sym(c, "type:", mtypes[i]) : NULL);
                put_addr_word(out, NULL);
            }
        } else {
            defer_method_table(c, t, mlabel);
        }
    }
    /* the field table */
    int nf = u->kind == TY_STRUCT ? u->u.strct.n : 0;
    uint32_t flabel = 0;
    if (nf > 0) {
        type_size(u);
        uint32_t *fl = ARENA_NEW_ARRAY(a, uint32_t, nf);
        for (int i = 0; i < nf; i++)
            fl[i] = put_cstring(c, u->u.strct.fields[i].name ? u->u.strct.fields[i].name : "");
        flabel = codegen_new_label(c);
        codegen_printf(out, "\t.section .data.rel.ro,\"aw\"\n\t.balign 8\n.LS%u:\n", flabel);
        for (int i = 0; i < nf; i++) {
            TypeField *f = &u->u.strct.fields[i];
            codegen_printf(out, "\t.quad .LS%u\n", fl[i]);
            put_addr_word(out, type_sym(c, "type:", f->type));
            codegen_printf(out, "\t.quad %" PRId64 ", %d\n", f->offset, f->embedded ? 1 : 0);
        }
    }
    codegen_printf(out, "\t.section .data.rel.ro,\"aw\"\n\t.balign 8\n\t.weak ");
    codegen_put_symbol(out, sym);
    asm_out_putc(out, '\n');
    codegen_put_symbol(out, sym);
    codegen_printf(out, ":\n\t.quad %" PRId64 "\n\t.long %u\n\t.byte %d, %d, %u, 0\n",
            type_size(t) > 0 ? type_size(t) : 0, name_hash(name), (int)u->kind,
            type_align(t) > 0 ? type_align(t) : 1, flags);
    put_addr_word(out, esym);
    put_addr_word(out, ksym);
    codegen_printf(out, "\t.quad %" PRId64 "\n\t.quad .LS%u\n", len, nlabel);
    put_addr_word(out, eqsym);
    if (mlabel)
        codegen_printf(out, "\t.quad .LS%u\n", mlabel);
    else
        codegen_printf(out, "\t.quad 0\n");
    codegen_printf(out, "\t.long %d, 0\n", nm);
    if (flabel)
        codegen_printf(out, "\t.quad .LS%u\n", flabel);
    else
        codegen_printf(out, "\t.quad 0\n");
    codegen_printf(out, "\t.long %d, 0\n", nf);
    /* what it points to */
    if (esym)
        emit_type(c, elem, esym);
    if (ksym)
        emit_type(c, key, ksym);
    for (int i = 0; i < nm; i++)
        if (mtypes[i])
            emit_type(c, mtypes[i], type_sym(c, "type:", mtypes[i]));
    for (int i = 0; i < nf; i++)
        emit_type(c, u->u.strct.fields[i].type, type_sym(c, "type:", u->u.strct.fields[i].type));
    if (eqsym)
        emit_equal(c, t, eqsym);
    arena_release(a, mark);
}

/* Writes the method tables of the concrete types' descriptors: names,
 * signatures and the code of each method, or 0 for code no function of
 * the program is. */
void codegen_emit_method_tables(CodegenCtx *c) {
    AsmOut *out = c->out;
    for (uint32_t k = 0; k < c->nmtabs; k++) {
        Arena *a = mem_scratch(c->mem);
        ArenaMark mark = arena_mark(a);
        Type *t = c->mtabs[k].type;
        const char **names = NULL;
        Type **types = NULL;
        int n = type_methods(c, t, &names, &types);
        uint32_t *nl = ARENA_NEW_ARRAY(a, uint32_t, n + 1);
        for (int i = 0; i < n; i++)
            nl[i] = put_cstring(c, names[i]);
        /* signatures not written yet (a table is written after every function) */
        for (int i = 0; i < n; i++)
            if (types[i])
                emit_type(c, types[i], type_sym(c, "type:", types[i]));
        codegen_printf(out, "\t.section .data.rel.ro,\"aw\"\n\t.balign 8\n.LS%u:\n", c->mtabs[k].label);
        for (int i = 0; i < n; i++) {
            const char *code = method_code(c, t, names[i]);
            codegen_printf(out, "\t.quad .LS%u\n", nl[i]);
            put_addr_word(out, types[i] ? type_sym(c, "type:", types[i]) : NULL);
            put_addr_word(out, code && sym_known(c, code) ? code : NULL);
        }
        arena_release(a, mark);
    }
    c->nmtabs = 0;
}

/* Writes the itab of concrete type r->type for interface r->iface. */
static void emit_itab(CodegenCtx *c, const SsaSymRef *r) {
    if (!codegen_sym_first(c, r->name))
        return;
    const char *tsym = type_sym(c, "type:", r->type), *isym = type_sym(c, "type:", r->iface);
    Type *iu = type_underlying(r->iface);
    int max = iu->u.iface.nall;
    Arena *a = mem_scratch(c->mem);
    ArenaMark mark = arena_mark(a);
    const char **funcs = ARENA_NEW_ARRAY(a, const char *, max + 1);
    int n = ssa_itab_funcs(c->prog, c->mem, r->type, r->iface, funcs, max);
    AsmOut *out = c->out;
    codegen_printf(out, "\t.section .data.rel.ro,\"aw\"\n\t.balign 8\n\t.weak ");
    codegen_put_symbol(out, r->name);
    asm_out_putc(out, '\n');
    codegen_put_symbol(out, r->name);
    codegen_printf(out, ":\n");
    put_addr_word(out, tsym);
    put_addr_word(out, isym);
    for (int i = 0; i < n && i < max; i++)
        put_addr_word(out, funcs[i]);
    arena_release(a, mark);
    emit_type(c, r->type, tsym);
    emit_type(c, r->iface, isym);
}

/* The suffix SSA construction gives a static closure's symbol: "SYM·f"
 * (written "SYM:f" by codegen_put_symbol). */
#define STATIC_CLOSURE_SUFFIX "\xc2\xb7" "f"

/* Writes the static closure object "SYM:f" = { SYM } that name denotes, once per program. */
static void emit_static_closure(CodegenCtx *c, const char *name) {
    size_t n = strlen(name), k = strlen(STATIC_CLOSURE_SUFFIX);
    if (n <= k || strcmp(name + n - k, STATIC_CLOSURE_SUFFIX) != 0 || !codegen_sym_first(c, name))
        return;
    char code[1024];
    if (n - k >= sizeof code)
        return;
    memcpy(code, name, n - k);
    code[n - k] = 0;
    codegen_printf(c->out, "\t.section .data.rel.ro,\"aw\"\n\t.balign 8\n\t.weak ");
    codegen_put_symbol(c->out, name);
    asm_out_putc(c->out, '\n');
    codegen_put_symbol(c->out, name);
    codegen_printf(c->out, ":\n");
    put_addr_word(c->out, code);
}

/* Writes the descriptors, itabs and static closures f names that no
 * earlier function wrote, and records f's own name as emitted code. */
void codegen_emit_syms(CodegenCtx *c, SsaFunc *f) {
    codegen_sym_first(c, f->name);
    for (int i = 0; i < f->nsyms; i++) {
        const SsaSymRef *r = &f->syms[i];
        if (r->kind == SSA_SYM_TYPE)
            emit_type(c, r->type, r->name);
        else
            emit_itab(c, r);
    }
    for (int bi = 0; bi < f->nblocks; bi++)
        for (int i = 0; i < f->blocks[bi]->nvalues; i++) {
            Value *v = f->blocks[bi]->values[i];
            if (v->op == SSA_OP_SYMADDR && v->aux)
                emit_static_closure(c, (const char *)v->aux);
        }
    codegen_printf(c->out, "\t.text\n");
}
