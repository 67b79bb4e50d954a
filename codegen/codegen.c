/* codegen.c — the pipeline of one function (prepare, lower, allocate
 * registers, lay out the frame, emit) and the program-level parts of the
 * assembly file: .file entries, string literals, package variables in
 * section mgc_data, and the mgc_pctab record of every function.
 *
 * The mgc_pctab record (runtime/mgcrt.h's MgcFuncInfo), per function:
 *     .quad start, end, name, file, lines
 *     .long nlines, flags
 * where name and file are C strings (file an absolute path, as Go's
 * tracebacks print it) and lines points to nlines pairs
 *     .long pc offset from start, source line
 * sorted by offset; a row covers up to the next row's offset. */
#include "codegen/codegen.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* ---- program level ---------------------------------------------------------------- */

/* Sets up the code generator of one program. */
void codegen_init(CodegenCtx *c, const Target *t, Mem *mem, Program *prog,
                  const char *const *files, int nfiles, FILE *out) {
    memset(c, 0, sizeof *c);
    c->t = t;
    c->mem = mem;
    c->prog = prog;
    c->files = files;
    c->nfiles = nfiles;
    asm_out_init(&c->asm, out);
    c->out = &c->asm;
}

/* Releases the tables and the output buffer (flushed by codegen_func and
 * codegen_end). */
void codegen_free(CodegenCtx *c) {
    asm_out_free(&c->asm);
    mem_xfree(c->symtexts);
    c->symtexts = NULL;
    c->nsymtexts = c->capsymtexts = 0;
    mem_xfree(c->mtabs);
    c->mtabs = NULL;
    c->nmtabs = c->capmtabs = 0;
    mem_xfree(c->syms);
    c->syms = NULL;
    c->nsyms = c->capsyms = 0;
    mem_xfree(c->strings);
    c->strings = NULL;
    c->nstrings = c->capstrings = 0;
}

/* The absolute form of a source file name, as Go prints it in tracebacks:
 * relative names are taken from the working directory (interned). */
static const char *absolute_name(CodegenCtx *c, const char *name) {
    char buf[4096];
    if (name[0] == '/' || !getcwd(buf, sizeof buf - 1))
        return name;
    while (name[0] == '.' && name[1] == '/')
        name += 2;
    size_t n = strlen(buf);
    int k = codegen_snprintf(buf + n, sizeof buf - n, "%s%s", n > 1 ? "/" : "", name);
    if (k < 0 || (size_t)k >= sizeof buf - n)
        return name;
    return intern(&c->mem->names, buf, strlen(buf));
}

/* Starts the assembly file: the DWARF file table and the target's ops. */
void codegen_begin(CodegenCtx *c) {
    ssa_register_target_ops(c->t->op_names, c->t->op_flags, c->t->nops);
    for (int i = 0; i < c->nfiles; i++) {
        const char *name = absolute_name(c, c->files[i]);
        codegen_printf(c->out, "\t.file %d \"", i + 1);
        codegen_put_escaped(c->out, name, (int64_t)strlen(name));
        codegen_printf(c->out, "\"\n");
    }
    codegen_printf(c->out, "\t.section .rodata\n");
    for (int i = 0; i < c->nfiles; i++) {
        const char *name = absolute_name(c, c->files[i]);
        codegen_printf(c->out, ".LF%d:\n\t.string \"", i + 1);
        codegen_put_escaped(c->out, name, (int64_t)strlen(name));
        codegen_printf(c->out, "\"\n");
    }
    codegen_printf(c->out, ".LF0:\n\t.string \"?\"\n\t.text\n");
}

/* Writes the package variables of the main package into mgc_data. */
static void emit_globals(CodegenCtx *c) {
    codegen_printf(c->out, "\t.section mgc_data,\"aw\",@progbits\n\t.balign 8\n");
    int n = 0;
    Package *pkg = c->prog ? c->prog->main : NULL;
    Scope *s = pkg ? pkg->scope : NULL;
    for (uint32_t i = 0; s && i < s->norder; i++) {
        Object *o = s->order[i];
        if (o->kind != OBJ_VAR || !o->name || o->name[0] == '_')
            continue;
        int64_t size = o->type ? type_size(o->type) : 0;
        int32_t align = o->type && type_align(o->type) > 0 ? type_align(o->type) : 1;
        if (size < 0)
            size = 0;
        codegen_printf(c->out, "\t.balign %d\n", align);
        codegen_printf(c->out, "\t.globl ");
        codegen_put_symbol(c->out, codegen_object_symbol(c, o));
        codegen_printf(c->out, "\n");
        codegen_put_symbol(c->out, codegen_object_symbol(c, o));
        codegen_printf(c->out, ":\n\t.zero %" PRId64 "\n", size);
        n++;
    }
    /* the section exists even without variables: the runtime's bounds */
    if (n == 0)
        codegen_printf(c->out, "\t.quad 0\n");
}

/* Orders string literals by label. */
static int cmp_string_label(const void *pa, const void *pb) {
    const CodegenString *a = *(const CodegenString *const *)pa, *b = *(const CodegenString *const *)pb;
    return (a->label > b->label) - (a->label < b->label);
}

/* Writes the string literals the functions referred to. */
static void emit_strings(CodegenCtx *c) {
    if (!c->nstrings)
        return;
    /* in the order of first use, not of the table (which hashes
     * addresses): the same program gives the same assembly */
    Arena *a = mem_scratch(c->mem);
    ArenaMark mark = arena_mark(a);
    const CodegenString **order = ARENA_NEW_ARRAY(a, const CodegenString *, c->nstrings);
    uint32_t n = 0;
    for (uint32_t i = 0; i < c->capstrings; i++)
        if (c->strings[i].bytes)
            order[n++] = &c->strings[i];
    qsort(order, n, sizeof *order, cmp_string_label);
    codegen_printf(c->out, "\t.section .rodata\n");
    for (uint32_t i = 0; i < n; i++) {
        codegen_printf(c->out, ".LS%u:\n\t.ascii \"", order[i]->label);
        codegen_put_escaped(c->out, order[i]->bytes, order[i]->len);
        codegen_printf(c->out, "\"\n");
    }
    arena_release(a, mark);
}

/* Ends the assembly file. */
bool codegen_end(CodegenCtx *c) {
    codegen_emit_method_tables(c);
    emit_strings(c);
    emit_globals(c);
    codegen_printf(c->out, "\t.section .note.GNU-stack,\"\",@progbits\n");
    return asm_out_flush(c->out);
}

/* ---- symbols and labels ----------------------------------------------------------- */

/* The linker symbol of object o, built. */
static const char *build_object_symbol(CodegenCtx *c, const Object *o) {
    if (o->kind == OBJ_FUNC)
        return ssa_func_symbol(c->prog, c->mem, (Object *)o);
    char buf[512];
    const char *pkg = o->pkg && o->pkg->path ? o->pkg->path : "main";
    int n = codegen_snprintf(buf, sizeof buf, "%s.%s", pkg, o->name);
    if (n < 0 || (size_t)n >= sizeof buf)
        n = (int)sizeof buf - 1;
    return intern(&c->mem->names, buf, (size_t)n);
}

/* Hash of an object's address. */
static uint32_t object_hash(const Object *o) {
    return (uint32_t)(((uint64_t)(uintptr_t)o * 0x9E3779B97F4A7C15ull) >> 32);
}

/* The symbol and symbol text of object o: built the first time o is
 * named, then found by its address (objects live as long as the program). */
static const CodegenSymText *object_sym_text(CodegenCtx *c, const Object *o) {
    if ((c->nsymtexts + 1) * 2 > c->capsymtexts) {
        uint32_t cap = c->capsymtexts ? c->capsymtexts * 2 : 256;
        CodegenSymText *tab = mem_xmalloc(sizeof *tab * cap);
        memset(tab, 0, sizeof *tab * cap);
        for (uint32_t i = 0; i < c->capsymtexts; i++) {
            if (!c->symtexts[i].obj)
                continue;
            uint32_t k = object_hash(c->symtexts[i].obj) & (cap - 1);
            while (tab[k].obj)
                k = (k + 1) & (cap - 1);
            tab[k] = c->symtexts[i];
        }
        mem_xfree(c->symtexts);
        c->symtexts = tab;
        c->capsymtexts = cap;
    }
    uint32_t k = object_hash(o) & (c->capsymtexts - 1);
    while (c->symtexts[k].obj) {
        if (c->symtexts[k].obj == o)
            return &c->symtexts[k];
        k = (k + 1) & (c->capsymtexts - 1);
    }
    CodegenSymText *e = &c->symtexts[k];
    e->obj = o;
    e->name = build_object_symbol(c, o);
    e->text = codegen_symbol_text(mem_perm(c->mem), e->name, &e->len);
    c->nsymtexts++;
    return e;
}

/* The linker symbol of a package-level object: a function or method, or a
 * package variable ("main.x"). */
const char *codegen_object_symbol(CodegenCtx *c, const Object *o) {
    return object_sym_text(c, o)->name;
}

/* The linker symbol v refers to. */
const char *codegen_value_symbol(CodegenCtx *c, const Value *v) {
    switch (v->op) {
    case SSA_OP_ADDR:
    case SSA_OP_CALL:
        return codegen_object_symbol(c, (const Object *)v->aux);
    default:
        return (const char *)v->aux;
    }
}

/* Writes the symbol v refers to, quoted. */
void codegen_put_value_symbol(CodegenCtx *c, const Value *v) {
    if (v->op == SSA_OP_ADDR || v->op == SSA_OP_CALL) {
        const CodegenSymText *e = object_sym_text(c, (const Object *)v->aux);
        asm_out_write(c->out, e->text, e->len);
    } else {
        codegen_put_symbol(c->out, (const char *)v->aux);
    }
}

/* Writes the label of block b at p; returns the end. */
char *codegen_block_label_text(const CodegenCtx *c, const Block *b, char *p) {
    return asm_put_u64(asm_put_text(p, c->block_prefix), b->id);
}

/* Writes the label of block b. */
void codegen_put_block_label(CodegenCtx *c, const Block *b) {
    char *p = asm_line_begin(c->out);
    asm_line_end(c->out, codegen_block_label_text(c, b, p));
}

/* A fresh local label number. */
uint32_t codegen_new_label(CodegenCtx *c) {
    return c->next_label++;
}

/* Writes local label n. */
void codegen_put_label(CodegenCtx *c, uint32_t n) {
    char *p = asm_line_begin(c->out);
    p = ASM_PUT_LIT(p, ".LL");
    asm_line_end(c->out, asm_put_u64(p, n));
}

/* Hash of a string literal's key (its interned pointer and length). */
static uint32_t string_hash(const char *p, int64_t len) {
    uint64_t h = (uint64_t)(uintptr_t)p * 0x9E3779B97F4A7C15ull ^ (uint64_t)len;
    return (uint32_t)(h >> 32);
}

/* Records a string literal, returning its label. */
static uint32_t string_label(CodegenCtx *c, const char *bytes, int64_t len) {
    if ((c->nstrings + 1) * 2 > c->capstrings) {
        uint32_t cap = c->capstrings ? c->capstrings * 2 : 64;
        CodegenString *tab = mem_xmalloc(sizeof *tab * cap);
        memset(tab, 0, sizeof *tab * cap);
        for (uint32_t i = 0; i < c->capstrings; i++) {
            CodegenString *s = &c->strings[i];
            if (!s->bytes)
                continue;
            uint32_t k = string_hash(s->bytes, s->len) & (cap - 1);
            while (tab[k].bytes)
                k = (k + 1) & (cap - 1);
            tab[k] = *s;
        }
        mem_xfree(c->strings);
        c->strings = tab;
        c->capstrings = cap;
    }
    uint32_t k = string_hash(bytes, len) & (c->capstrings - 1);
    while (c->strings[k].bytes) {
        if (c->strings[k].bytes == bytes && c->strings[k].len == len)
            return c->strings[k].label;
        k = (k + 1) & (c->capstrings - 1);
    }
    c->strings[k] = (CodegenString){bytes, len, codegen_new_label(c)};
    c->nstrings++;
    return c->strings[k].label;
}

/* Writes the label of string constant v's bytes. */
void codegen_put_string_label(CodegenCtx *c, const Value *v) {
    const char *s = v->aux ? (const char *)v->aux : "";
    uint32_t label = string_label(c, s, v->aux_int);
    char *p = asm_line_begin(c->out);
    p = ASM_PUT_LIT(p, ".LS");
    asm_line_end(c->out, asm_put_u64(p, label));
}

/* ---- locations and moves ---------------------------------------------------------- */

/* The frame-pointer-relative offset of slot index. */
int64_t codegen_slot_offset(const CodegenCtx *c, int index) {
    return c->f->slots[index]->offset;
}

/* Whether two locations are the same place. */
static bool loc_same(const Loc *a, const Loc *b) {
    if (a->kind != b->kind)
        return false;
    switch (a->kind) {
    case LOC_REG: return a->reg == b->reg;
    case LOC_SLOT: return a->index == b->index;
    case LOC_ARG_STACK:
    case LOC_OUT_STACK: return a->off == b->off;
    default: return false;
    }
}

/* Whether l is in memory. */
static bool loc_is_mem(const Loc *l) {
    return l->kind == LOC_SLOT || l->kind == LOC_ARG_STACK || l->kind == LOC_OUT_STACK;
}

/* Parallel moves of up to this many words keep their tables on the stack. */
enum { SMALL_MOVES = 16 };

/* One move, through the class's second scratch register when both ends are in memory. */
static void emit_one_move(CodegenCtx *c, const Loc *dst, const Loc *src) {
    if (loc_same(dst, src))
        return;
    if (loc_is_mem(dst) && (loc_is_mem(src) || src->kind == LOC_IMM)) {
        Loc tmp = {.kind = LOC_REG, .cls = src->cls, .reg = c->t->scratch[reg_class_of(src->cls)][1]};
        c->t->emit_move(c, &tmp, src);
        c->t->emit_move(c, dst, &tmp);
        return;
    }
    c->t->emit_move(c, dst, src);
}

/* The parallel move dst[i] := src[i]: moves whose destination no pending
 * move still reads go first; what remains are cycles, each broken by
 * saving one source in scratch[cls][0] (or swapping registers). */
void codegen_parallel_move(CodegenCtx *c, const Loc *dst, const Loc *src, int n) {
    if (n <= 0)
        return;
    if (n == 1) {
        /* the common case: nothing to order */
        if (src[0].kind != LOC_NONE && dst[0].kind != LOC_NONE)
            emit_one_move(c, &dst[0], &src[0]);
        return;
    }
    /* a few moves on the stack, more in the scratch region */
    Loc s_few[SMALL_MOVES];
    bool done_few[SMALL_MOVES];
    Arena *a = mem_scratch(c->mem);
    ArenaMark mark = arena_mark(a);
    Loc *s = n <= SMALL_MOVES ? s_few : ARENA_NEW_ARRAY(a, Loc, n);
    bool *done = n <= SMALL_MOVES ? done_few : ARENA_NEW_ARRAY(a, bool, n);
    int left = 0;
    for (int i = 0; i < n; i++) {
        s[i] = src[i];
        done[i] = src[i].kind == LOC_NONE || dst[i].kind == LOC_NONE || loc_same(&dst[i], &src[i]);
        left += !done[i];
    }
    while (left > 0) {
        bool progress = false;
        for (int i = 0; i < n; i++) {
            if (done[i])
                continue;
            bool blocked = false;
            for (int j = 0; j < n && !blocked; j++)
                blocked = j != i && !done[j] && loc_same(&s[j], &dst[i]);
            if (blocked)
                continue;
            emit_one_move(c, &dst[i], &s[i]);
            done[i] = true;
            left--;
            progress = true;
        }
        if (progress)
            continue;
        /* only cycles remain: break the first one */
        int i = 0;
        while (done[i])
            i++;
        RegClass rc = reg_class_of(s[i].cls);
        if (c->t->emit_swap && dst[i].kind == LOC_REG && s[i].kind == LOC_REG) {
            /* after the swap dst[i] is done, and the two registers trade contents */
            Loc a = s[i], b = dst[i];
            c->t->emit_swap(c, b.reg, a.reg);
            done[i] = true;
            left--;
            for (int j = 0; j < n; j++) {
                if (done[j])
                    continue;
                if (loc_same(&s[j], &b))
                    s[j] = a;
                else if (loc_same(&s[j], &a))
                    s[j] = b;
            }
            continue;
        }
        Loc tmp = {.kind = LOC_REG, .cls = s[i].cls, .reg = c->t->scratch[rc][0]};
        emit_one_move(c, &tmp, &s[i]);
        Loc old = s[i];
        for (int j = 0; j < n; j++)
            if (!done[j] && loc_same(&s[j], &old))
                s[j] = tmp;
    }
    arena_release(a, mark);
}

/* ---- the calling convention --------------------------------------------------------- */

/* The calling convention applied to a call value. */
int64_t codegen_call_arg_locs(const Target *t, const Value *call, Loc *locs) {
    Arena *a = mem_scratch(call->block->func->mem);
    ArenaMark mark = arena_mark(a);
    int first = 0;
    CallShape shape = {0};
    if (call->op == SSA_OP_CALL_CLOSURE) {
        shape.context = true;
        first = 1;
    }
    if (call->aux_int & SSA_CALL_RESULT_AREA) {
        shape.result_area = true;
        first++;
    }
    int nw = call->nargs - first;
    if (nw < 0)
        ssa_ice(call->pos, "v%u: call without its fixed arguments", call->id);
    uint8_t cls_few[SMALL_MOVES];
    uint8_t *cls = nw < SMALL_MOVES ? cls_few : ARENA_NEW_ARRAY(a, uint8_t, nw + 1);
    for (int i = 0; i < nw; i++)
        cls[i] = call->args[first + i]->cls;
    shape.cls = cls;
    shape.nwords = nw;
    CallLocs cl = {.words = locs + first};
    t->assign_args(t, &shape, &cl);
    int k = 0;
    if (shape.context)
        locs[k++] = cl.context;
    if (shape.result_area)
        locs[k++] = cl.result_ptr;
    for (int i = 0; i < call->nargs; i++)
        locs[i].cls = call->args[i]->cls;
    arena_release(a, mark);
    return cl.stack_bytes;
}

/* Moves a call's args into place: stack words first (they overwrite no
 * register), then the registers as one parallel move. */
void codegen_emit_call_args(CodegenCtx *c, const Value *call) {
    Arena *a = mem_scratch(c->mem);
    ArenaMark mark = arena_mark(a);
    int n = call->nargs;
    Loc dst_few[SMALL_MOVES], src_few[SMALL_MOVES];
    Loc *dst = n < SMALL_MOVES ? dst_few : ARENA_NEW_ARRAY(a, Loc, n + 1);
    Loc *src = n < SMALL_MOVES ? src_few : ARENA_NEW_ARRAY(a, Loc, n + 1);
    codegen_call_arg_locs(c->t, call, dst);
    for (int i = 0; i < n; i++) {
        src[i] = codegen_value_loc(call->args[i]);
        if (dst[i].kind == LOC_OUT_STACK) {
            emit_one_move(c, &dst[i], &src[i]);
            dst[i].kind = LOC_NONE;
        }
    }
    codegen_parallel_move(c, dst, src, n);
    arena_release(a, mark);
}

/* The class of result word k of tuple call, which no Select reads: the
 * register it comes back in depends on it (SysV: rax, rdx, xmm0, xmm1). */
static uint8_t unread_word_class(const Value *call, int k) {
    Type *res = call->type;
    if (res && res->kind == TY_TUPLE && res->u.tuple.n == 2) {
        Type *u = type_underlying(res->u.tuple.types[k]);
        if (u->kind == TY_FLOAT64)
            return CLS_F64;
        if (u->kind == TY_FLOAT32)
            return CLS_F32;
    }
    return CLS_I64;
}

/* Moves a call's results from the result registers to their homes. */
void codegen_emit_call_results(CodegenCtx *c, const Value *call) {
    if (call->cls == CLS_VOID)
        return;
    Loc dst[2], src[2];
    uint8_t cls[2] = {CLS_I64, CLS_I64};
    int n = 0;
    if (call->cls == CLS_TUPLE) {
        /* the selects follow the call (codegen_prepare put them there) */
        Block *b = call->block;
        int i = 0;
        while (b->values[i] != call)
            i++;
        int nsel = 0;
        Value *sel[2] = {NULL, NULL};
        for (i++; i < b->nvalues && b->values[i]->op == SSA_OP_SELECT && b->values[i]->args[0] == call; i++) {
            Value *s = b->values[i];
            if (s->aux_int < 0 || s->aux_int > 1)
                ssa_ice(s->pos, "v%u: select of word %" PRId64 " of a register result", s->id, s->aux_int);
            sel[s->aux_int] = s;
            nsel++;
        }
        (void)nsel;
        /* the word classes come from the selects, or the result types */
        n = sel[1] ? 2 : 1;
        for (int k = 0; k < n; k++)
            cls[k] = sel[k] ? sel[k]->cls : unread_word_class(call, k);
        c->t->assign_results(c->t, cls, n, src);
        for (int k = 0; k < n; k++) {
            dst[k] = sel[k] ? codegen_value_loc(sel[k]) : (Loc){.kind = LOC_NONE};
            src[k].cls = cls[k];
        }
    } else {
        n = 1;
        cls[0] = call->cls;
        c->t->assign_results(c->t, cls, 1, src);
        src[0].cls = call->cls;
        dst[0] = codegen_value_loc(call);
    }
    codegen_parallel_move(c, dst, src, n);
}

/* Moves a return block's result words into the result registers. */
void codegen_emit_return_moves(CodegenCtx *c, const Block *b) {
    int n = b->ncontrols;
    if (n == 0)
        return;
    if (n > 2)
        ssa_ice(b->pos, "%s: b%u returns %d words in registers", c->f->name, b->id, n);
    Loc dst[2], src[2];
    uint8_t cls[2] = {CLS_I64, CLS_I64};
    for (int i = 0; i < n; i++) {
        cls[i] = b->controls[i]->cls;
        src[i] = codegen_value_loc(b->controls[i]);
    }
    c->t->assign_results(c->t, cls, n, dst);
    for (int i = 0; i < n; i++)
        dst[i].cls = cls[i];
    codegen_parallel_move(c, dst, src, n);
}

/* The incoming locations of f's entry words. */
void codegen_param_locs(const Target *t, const SsaFunc *f, Loc *locs, int nwords,
                        Loc *result_ptr, Loc *context) {
    /* the classes of a few words (nearly every function) on the stack */
    uint8_t small[32];
    Arena *a = mem_scratch(f->mem);
    bool big = nwords >= (int)sizeof small;
    ArenaMark mark = big ? arena_mark(a) : (ArenaMark){0};
    uint8_t *cls = big ? ARENA_NEW_ARRAY(a, uint8_t, nwords + 1) : small;
    CallShape shape = {.cls = cls, .nwords = nwords};
    for (int i = 0; i < nwords; i++)
        cls[i] = CLS_I64;
    Block *entry = f->blocks[0];
    for (int i = 0; i < entry->nvalues; i++) {
        Value *v = entry->values[i];
        if (v->op == SSA_OP_ARG && v->aux_int >= 0 && v->aux_int < nwords)
            cls[v->aux_int] = v->cls;
        else if (v->op == SSA_OP_RESULT_PTR)
            shape.result_area = true;
        else if (v->op == SSA_OP_CONTEXT)
            shape.context = true;
    }
    shape.context |= f->has_context;
    CallLocs cl = {.words = locs};
    t->assign_args(t, &shape, &cl);
    for (int i = 0; i < nwords; i++) {
        locs[i].cls = cls[i];
        if (locs[i].kind == LOC_OUT_STACK)
            locs[i].kind = LOC_ARG_STACK;
    }
    *result_ptr = cl.result_ptr;
    *context = cl.context;
    result_ptr->cls = context->cls = CLS_I64;
    if (big)
        arena_release(a, mark);
}

/* ---- preparation -------------------------------------------------------------------- */

/* Whether v is one of the entry words (parameters, context, result pointer). */
static bool is_entry_word(const Value *v) {
    return v->op == SSA_OP_ARG || v->op == SSA_OP_CONTEXT || v->op == SSA_OP_RESULT_PTR;
}

/* A constant of class I64 inserted at index i of b. */
static Value *const_at(Block *b, int i, int64_t bits, Pos pos) {
    Value *k = ssa_value_new_at(b, i, SSA_OP_CONST, CLS_I64, NULL, pos);
    k->aux_int = bits;
    return k;
}

/* Turns NEW and NEW_SIZED into calls of mgc_alloc(size, type, flags). */
static void lower_alloc(CodegenCtx *c, SsaFunc *f, Block *b, int i) {
    Value *v = b->values[i];
    Type *t = (Type *)v->aux;
    int64_t elem = t ? type_size(t) : 0;
    if (elem < 0)
        elem = 0;
    int64_t flags = v->aux_int ? 1 : 0; /* MGC_ALLOC_NOSCAN */
    Value *size;
    if (v->op == SSA_OP_NEW) {
        size = const_at(b, i++, elem ? elem : 0, v->pos);
    } else {
        Value *n = v->args[0];
        Value *k = const_at(b, i++, elem, v->pos);
        size = ssa_value_new_at(b, i++, SSA_OP_MUL, CLS_I64, NULL, v->pos);
        ssa_value_add_arg(f, size, n);
        ssa_value_add_arg(f, size, k);
    }
    Value *desc = ssa_value_new_at(b, i++, SSA_OP_CONST_NIL, CLS_I64, NULL, v->pos);
    Value *fl = const_at(b, i++, flags, v->pos);
    ssa_value_reset_args(v);
    v->op = SSA_OP_CALL_RUNTIME;
    v->aux = intern(&c->mem->names, "mgc_alloc", 9);
    v->aux_int = 0;
    ssa_value_add_arg(f, v, size);
    ssa_value_add_arg(f, v, desc);
    ssa_value_add_arg(f, v, fl);
}

/* Entry words first in the entry block; each tuple call's selects right
 * after it; allocations as runtime calls. */
void codegen_prepare(CodegenCtx *c, SsaFunc *f) {
    Block *entry = f->blocks[0];
    int k = 0;
    for (int i = 0; i < entry->nvalues; i++) {
        Value *v = entry->values[i];
        if (is_entry_word(v)) {
            if (i != k) {
                ssa_value_detach(v);
                ssa_value_attach(entry, k, v);
            }
            k++;
        }
    }
    for (int bi = 0; bi < f->nblocks; bi++) {
        Block *b = f->blocks[bi];
        for (int i = 0; i < b->nvalues; i++) {
            Value *v = b->values[i];
            if (v->op == SSA_OP_NEW || v->op == SSA_OP_NEW_SIZED) {
                lower_alloc(c, f, b, i);
                continue;
            }
            if (v->cls != CLS_TUPLE)
                continue;
            int at = i + 1;
            for (int j = i + 1; j < b->nvalues; j++) {
                Value *s = b->values[j];
                if (s->op != SSA_OP_SELECT || s->args[0] != v)
                    continue;
                if (j != at) {
                    ssa_value_detach(s);
                    ssa_value_attach(b, at, s);
                }
                at++;
            }
        }
    }
}

/* Removes unused pure values, last first so chains go in one sweep. */
void codegen_remove_dead(SsaFunc *f) {
    bool changed = true;
    while (changed) {
        changed = false;
        for (int bi = f->nblocks - 1; bi >= 0; bi--) {
            Block *b = f->blocks[bi];
            for (int i = b->nvalues - 1; i >= 0; i--) {
                Value *v = b->values[i];
                if (v->uses == 0 && (ssa_op_flags(v->op) & OPF_PURE) && v->op != SSA_OP_SELECT) {
                    ssa_value_free(f, v);
                    changed = true;
                }
            }
        }
    }
}

/* ---- emitting a function ------------------------------------------------------------ */

/* Writes .loc and starts a line-table row when pos's line differs from the last. */
void codegen_mark_line(CodegenCtx *c, Pos pos) {
    uint32_t line = pos_line(pos), file = pos_file(pos);
    if (line == 0 || (line == c->cur_line && file == c->cur_file))
        return;
    c->cur_line = line;
    c->cur_file = file;
    if (c->nlines == c->caplines) {
        int cap = c->caplines ? c->caplines * 2 : 64;
        CodegenLine *nl = ARENA_NEW_ARRAY(c->f->arena, CodegenLine, cap);
        if (c->nlines)
            memcpy(nl, c->lines, sizeof *nl * (size_t)c->nlines);
        c->lines = nl;
        c->caplines = cap;
    }
    uint32_t label = codegen_new_label(c);
    c->lines[c->nlines++] = (CodegenLine){label, line};
    char *p = asm_line_begin(c->out);
    if (file >= 1 && (int)file <= c->nfiles) {
        p = ASM_PUT_LIT(p, "\t.loc ");
        p = asm_put_u64(p, file);
        *p++ = ' ';
        p = asm_put_u64(p, line);
        *p++ = ' ';
        p = asm_put_u64(p, pos_col(pos));
        *p++ = '\n';
    }
    p = ASM_PUT_LIT(p, ".LP");
    p = asm_put_u64(p, label);
    p = ASM_PUT_LIT(p, ":\n");
    asm_line_end(c->out, p);
}

/* Moves the incoming words to where the allocator put them. */
static void emit_param_moves(CodegenCtx *c, SsaFunc *f) {
    Block *entry = f->blocks[0];
    int nwords = 0, n = 0;
    for (int i = 0; i < entry->nvalues && is_entry_word(entry->values[i]); i++)
        if (entry->values[i]->op == SSA_OP_ARG && entry->values[i]->aux_int + 1 > nwords)
            nwords = (int)entry->values[i]->aux_int + 1;
    Arena *a = mem_scratch(c->mem);
    ArenaMark mark = arena_mark(a);
    Loc *in = ARENA_NEW_ARRAY(a, Loc, nwords + 1);
    Loc *dst = ARENA_NEW_ARRAY(a, Loc, entry->nvalues + 1);
    Loc *src = ARENA_NEW_ARRAY(a, Loc, entry->nvalues + 1);
    Loc rp, ctx;
    codegen_param_locs(c->t, f, in, nwords, &rp, &ctx);
    for (int i = 0; i < entry->nvalues && is_entry_word(entry->values[i]); i++) {
        Value *v = entry->values[i];
        dst[n] = codegen_value_loc(v);
        src[n] = v->op == SSA_OP_ARG ? in[v->aux_int] : v->op == SSA_OP_CONTEXT ? ctx : rp;
        src[n].cls = v->cls;
        n++;
    }
    codegen_parallel_move(c, dst, src, n);
    arena_release(a, mark);
}

/* The index of b among s's predecessors. */
static int pred_index(const Block *s, const Block *b) {
    for (int i = 0; i < s->npreds; i++)
        if (s->preds[i] == b)
            return i;
    return -1;
}

/* The phi moves of edge b -> s, as one parallel move. */
static void emit_phi_moves(CodegenCtx *c, const Block *b, const Block *s) {
    int k = pred_index(s, b);
    int n = 0;
    while (n < s->nvalues && s->values[n]->op == SSA_OP_PHI)
        n++;
    if (n == 0 || k < 0)
        return;
    Arena *a = mem_scratch(c->mem);
    ArenaMark mark = arena_mark(a);
    Loc dst_few[SMALL_MOVES], src_few[SMALL_MOVES];
    Loc *dst = n <= SMALL_MOVES ? dst_few : ARENA_NEW_ARRAY(a, Loc, n);
    Loc *src = n <= SMALL_MOVES ? src_few : ARENA_NEW_ARRAY(a, Loc, n);
    for (int i = 0; i < n; i++) {
        dst[i] = codegen_value_loc(s->values[i]);
        src[i] = codegen_value_loc(s->values[i]->args[k]);
    }
    codegen_parallel_move(c, dst, src, n);
    arena_release(a, mark);
}

/* Writes the function's mgc_pctab record and its line table; sym is the
 * text of its symbol. */
static void emit_pctab(CodegenCtx *c, SsaFunc *f, const char *sym, uint32_t symlen) {
    AsmOut *out = c->out;
    uint32_t id = c->func_id;
    /* the file of the first position in the function (main.init's entry has none) */
    uint32_t file = 0;
    for (int bi = 0; bi < f->nblocks && !file; bi++) {
        Block *b = f->blocks[bi];
        for (int i = -1; i < b->nvalues && !file; i++) {
            Pos p = i < 0 ? b->pos : b->values[i]->pos;
            if (pos_file(p) >= 1 && (int)pos_file(p) <= c->nfiles)
                file = pos_file(p);
        }
    }
    char *p = asm_line_begin(out);
    p = ASM_PUT_LIT(p, "\t.section .rodata\n.LN");
    p = asm_put_u64(p, id);
    asm_line_end(out, ASM_PUT_LIT(p, ":\n\t.string \""));
    codegen_put_escaped(out, f->name, (int64_t)strlen(f->name));
    p = asm_line_begin(out);
    p = ASM_PUT_LIT(p, "\"\n\t.balign 4\n.LT");
    p = asm_put_u64(p, id);
    asm_line_end(out, ASM_PUT_LIT(p, ":\n"));
    /* the rows: "\t.long .LP<label>-.LA<id>, <line>" */
    char la[16];
    char *la_end = asm_put_u64(ASM_PUT_LIT(la, "-.LA"), id);
    size_t la_len = (size_t)(la_end - la);
    for (int i = 0; i < c->nlines; i++) {
        p = asm_line_begin(out);
        p = ASM_PUT_LIT(p, "\t.long .LP");
        p = asm_put_u64(p, c->lines[i].label);
        p = asm_put(p, la, la_len);
        p = ASM_PUT_LIT(p, ", ");
        p = asm_put_u64(p, c->lines[i].line);
        *p++ = '\n';
        asm_line_end(out, p);
    }
    ASM_OUT_LIT(out, "\t.section mgc_pctab,\"aw\",@progbits\n\t.balign 8\n\t.quad ");
    asm_out_write(out, sym, symlen);
    /* flags: MGC_FUNC_WRAPPER (1) for compiler-made thunks and wrappers */
    p = asm_line_begin(out);
    p = ASM_PUT_LIT(p, ", .LE");
    p = asm_put_u64(p, id);
    p = ASM_PUT_LIT(p, ", .LN");
    p = asm_put_u64(p, id);
    p = ASM_PUT_LIT(p, ", .LF");
    p = asm_put_u64(p, file);
    p = ASM_PUT_LIT(p, ", .LT");
    p = asm_put_u64(p, id);
    p = ASM_PUT_LIT(p, "\n\t.long ");
    p = asm_put_i64(p, c->nlines);
    p = ASM_PUT_LIT(p, ", ");
    *p++ = f->wrapper ? '1' : '0';
    p = ASM_PUT_LIT(p, "\n\t.text\n");
    asm_line_end(out, p);
}

/* Writes f: header, prologue, blocks in layout order, out-of-line code, trailer. */
static void emit_func(CodegenCtx *c, SsaFunc *f) {
    const Target *t = c->t;
    AsmOut *out = c->out;
    uint32_t symlen;
    const char *sym = codegen_symbol_text(f->arena, f->name, &symlen);
    ASM_OUT_LIT(out, "\t.text\n\t.globl ");
    asm_out_write(out, sym, symlen);
    ASM_OUT_LIT(out, "\n\t.type ");
    asm_out_write(out, sym, symlen);
    ASM_OUT_LIT(out, ", @function\n");
    asm_out_write(out, sym, symlen);
    char *p = asm_line_begin(out);
    p = ASM_PUT_LIT(p, ":\n.LA");
    p = asm_put_u64(p, c->func_id);
    asm_line_end(out, ASM_PUT_LIT(p, ":\n\t.cfi_startproc\n"));
    codegen_mark_line(c, f->blocks[0]->pos);
    t->emit_prologue(c, &c->frame);
    emit_param_moves(c, f);
    for (int bi = 0; bi < f->nblocks; bi++) {
        Block *b = f->blocks[bi];
        p = asm_line_begin(out);
        p = codegen_block_label_text(c, b, p);
        asm_line_end(out, ASM_PUT_LIT(p, ":\n"));
        /* a block with one predecessor that branches two ways takes its phi moves first */
        if (b->npreds == 1 && b->preds[0]->nsuccs > 1)
            emit_phi_moves(c, b->preds[0], b);
        for (int i = 0; i < b->nvalues; i++) {
            Value *v = b->values[i];
            if (v->op == SSA_OP_PHI || is_entry_word(v) || v->op == SSA_OP_SELECT)
                continue;
            codegen_mark_line(c, v->pos);
            t->emit_value(c, v);
        }
        codegen_mark_line(c, b->pos);
        if (b->nsuccs == 1)
            emit_phi_moves(c, b, b->succs[0]);
        for (int k = 0; k < b->nsuccs && b->nsuccs > 1; k++) {
            Block *s = b->succs[k];
            if (s->npreds > 1 && s->nvalues > 0 && s->values[0]->op == SSA_OP_PHI)
                ssa_ice(b->pos, "%s: critical edge b%u -> b%u with phis", f->name, b->id, s->id);
        }
        t->emit_block_end(c, b, bi + 1 < f->nblocks ? f->blocks[bi + 1] : NULL);
    }
    if (t->emit_func_end)
        t->emit_func_end(c);
    p = asm_line_begin(out);
    p = ASM_PUT_LIT(p, ".LE");
    p = asm_put_u64(p, c->func_id);
    asm_line_end(out, ASM_PUT_LIT(p, ":\n\t.cfi_endproc\n\t.size "));
    asm_out_write(out, sym, symlen);
    ASM_OUT_LIT(out, ", .-");
    asm_out_write(out, sym, symlen);
    asm_out_putc(out, '\n');
    emit_pctab(c, f, sym, symlen);
    codegen_emit_syms(c, f);
}

/* Prints f for -d ssa=FUNC after a codegen step. */
static void dump(CodegenCtx *c, SsaFunc *f, const char *step) {
    if (ssa_dump_matches(c->dump_func, f->name))
        ssa_print_func(c->dump_out ? c->dump_out : stdout, f, step);
}

/* The pipeline of one function: prepare, lower, allocate, lay out, emit. */
void codegen_func(const Target *t, SsaFunc *f, CodegenCtx *c) {
    Arena *scratch = mem_scratch(c->mem);
    ArenaMark mark = arena_mark(scratch);
    c->t = t;
    c->f = f;
    c->func_id = c->nfuncs++;
    c->block_prefix = asm_text_number(".LB", c->func_id, '_');
    c->cur_file = c->cur_line = 0;
    c->lines = NULL;
    c->nlines = c->caplines = 0;
    codegen_prepare(c, f);
    t->lower(t, c, f);
    codegen_remove_dead(f);
    dump(c, f, "lower");
    arena_release(scratch, mark);
    regalloc_run(t, f);
    dump(c, f, "regalloc");
    arena_release(scratch, mark);
    frame_layout(t, f, &c->frame);
    arena_release(scratch, mark);
    emit_func(c, f);
    asm_out_flush(c->out);
    arena_release(scratch, mark);
    c->f = NULL;
}
