/* codegen.h — from SSA to GNU assembler text, for any Target (target.h).
 *
 * The driver, once per program:
 *     CodegenCtx c;
 *     codegen_init(&c, &AMD64_TARGET, mem, prog, file_names, nfiles, out);
 *     codegen_begin(&c);
 *     for each function: ssa_run_passes(f, cfg); codegen_func(c.t, f, &c); ssa_func_free(f);
 *     codegen_end(&c);
 *     codegen_free(&c);
 * codegen_func lowers, allocates registers, lays out the frame and writes
 * the function with .loc lines, .cfi directives and its mgc_pctab record;
 * codegen_end writes what the functions referred to (string literals) and
 * the package variables in section mgc_data.  Type descriptors and itabs
 * (f->syms) are written with the first function that names them, as weak
 * symbols of .data.rel.ro.
 *
 * The rest of this header is the toolbox of the targets' emitters. */
#ifndef MGC_CODEGEN_H
#define MGC_CODEGEN_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "codegen/target.h"
#include "ssa/ssa.h"

/* The frame of one function, addressed from the frame pointer:
 *
 *     incoming stack arguments     fp + 16 + off   (LOC_ARG_STACK off)
 *     return address, saved fp     fp + 8, fp + 0
 *     saved callee-saved registers fp + save_off[r]     (negative)
 *     slots: locals, spills        fp + slot->offset    (negative)
 *     outgoing stack arguments     sp + off        (LOC_OUT_STACK off)
 *
 * sp = fp - size, and size keeps sp aligned to the target's stack_align at
 * calls (fp itself is aligned to it). */
struct Frame {
    int64_t size;                     /* bytes reserved below fp: saves + slots + outgoing args */
    RegMask saved;                    /* callee-saved registers the function uses */
    int32_t save_off[TARGET_MAX_REGS];/* fp-relative save slot of each register in saved */
    int64_t out_args;                 /* bytes of outgoing stack arguments (max over calls) */
    bool has_calls;
};

/* A string literal the program refers to, written into .rodata at the end. */
typedef struct CodegenString {
    const char *bytes;                /* interned (perm): the key, compared by pointer */
    int64_t len;
    uint32_t label;                   /* .LS<label> */
} CodegenString;

/* A concrete type's method table, written at the end of the program
 * (typedesc.c) under label .LS<label>. */
typedef struct CodegenMethodTable {
    Type *type;
    uint32_t label;
} CodegenMethodTable;

/* The linker symbol of a function or package variable object, and its
 * text as written (quoted), computed once per object. */
typedef struct CodegenSymText {
    const Object *obj;                /* the key; NULL in a free entry */
    const char *name;                 /* interned */
    const char *text;                 /* perm: "main.(*T).M", quotes included */
    uint32_t len;
} CodegenSymText;

/* The assembly being written: a buffer in front of a FILE that the
 * formatter (out.c) fills directly, written with one fwrite a megabyte and
 * at the end of each function (codegen_func) and of the file
 * (codegen_end).  A failed write is kept in err (an errno value) and
 * stops further writes. */
typedef struct AsmOut {
    FILE *file;
    char *buf;                        /* mem_xmalloc memory */
    size_t len, cap;
    int err;
} AsmOut;

void asm_out_init(AsmOut *o, FILE *file);
bool asm_out_flush(AsmOut *o);
void asm_out_free(AsmOut *o);
/* Flushes, and grows the buffer when n is larger than it. */
void asm_out_make_room(AsmOut *o, size_t n);

/* Appends p[0..n). */
static inline void asm_out_write(AsmOut *o, const char *p, size_t n) {
    if (o->cap - o->len < n)
        asm_out_make_room(o, n);
    memcpy(o->buf + o->len, p, n);
    o->len += n;
}

/* Appends one byte. */
static inline void asm_out_putc(AsmOut *o, char ch) {
    if (o->len == o->cap)
        asm_out_make_room(o, 1);
    o->buf[o->len++] = ch;
}

/* Appends a string. */
static inline void asm_out_puts(AsmOut *o, const char *s) {
    asm_out_write(o, s, strlen(s));
}

/* Appends a string literal (its length known at compile time). */
#define ASM_OUT_LIT(o, lit) asm_out_write((o), (lit), sizeof(lit) - 1)

/* ---- lines written in place.  A line of at most ASM_LINE_MAX bytes goes
 * straight into the buffer, piece by piece, with one check for room at
 * its start:
 *     char *p = asm_line_begin(out);
 *     p = ASM_PUT_LIT(p, "\tjmp .LL");
 *     p = asm_put_u64(p, n);
 *     *p++ = '\n';
 *     asm_line_end(out, p);
 * A piece of unbounded length (a symbol) is written with asm_out_* between
 * two lines.  Pieces of known maximal size may be copied whole (AsmText):
 * the slack past ASM_LINE_MAX of real text takes the extra bytes. */
enum { ASM_LINE_MAX = 256 };

/* Where the next line goes, with room for ASM_LINE_MAX bytes. */
static inline char *asm_line_begin(AsmOut *o) {
    if (o->cap - o->len < ASM_LINE_MAX)
        asm_out_make_room(o, ASM_LINE_MAX);
    return o->buf + o->len;
}

/* Ends a line begun with asm_line_begin at end. */
static inline void asm_line_end(AsmOut *o, char *end) {
    o->len = (size_t)(end - o->buf);
}

/* Copies s[0..n) to p; returns the end. */
static inline char *asm_put(char *p, const char *s, size_t n) {
    memcpy(p, s, n);
    return p + n;
}

/* Copies a string literal to p; returns the end. */
#define ASM_PUT_LIT(p, lit) asm_put((p), (lit), sizeof(lit) - 1)

/* Short text with its length, copied whole (16 bytes) and then cut to
 * len: a mnemonic, a register name, a label prefix. */
typedef struct AsmText {
    char s[15];
    uint8_t len;
} AsmText;

/* Copies t to p (16 bytes: p needs the room); returns the end of its text. */
static inline char *asm_put_text(char *p, AsmText t) {
    memcpy(p, &t, sizeof t);
    return p + t.len;
}

/* Writes u (x) in decimal at p (at most 20 bytes); returns the end. */
char *asm_put_u64(char *p, uint64_t u);
char *asm_put_i64(char *p, int64_t x);

/* The text prefix, u in decimal, then suffix (at most 14 bytes in all;
 * prefix at most 3): ".LB12_". */
static inline AsmText asm_text_number(const char *prefix, uint32_t u, char suffix) {
    AsmText t = {{0}, 0};
    char *p = t.s;
    while (*prefix)
        *p++ = *prefix++;
    p = asm_put_u64(p, u);
    *p++ = suffix;
    t.len = (uint8_t)(p - t.s);
    return t;
}

/* Appends u in decimal. */
static inline void asm_out_putu(AsmOut *o, uint32_t u) {
    if (o->cap - o->len < 20)
        asm_out_make_room(o, 20);
    o->len = (size_t)(asm_put_u64(o->buf + o->len, u) - o->buf);
}

/* One line-table row of the function being emitted. */
typedef struct CodegenLine {
    uint32_t label;                   /* .LP<label>: the first instruction of the row */
    uint32_t line;
} CodegenLine;

/* The state of code generation: program-wide, and the function being
 * written (valid inside codegen_func). */
struct CodegenCtx {
    const Target *t;
    Mem *mem;
    Program *prog;                    /* for symbols of objects and the globals; may be NULL in tests */
    AsmOut *out;                      /* &asm */
    AsmOut asm;
    const char *const *files;         /* file names by pos_file(p) - 1 */
    int nfiles;
    /* -d ssa=FUNC: print the function after lowering and after regalloc */
    const char *dump_func;
    FILE *dump_out;
    /* string literals: open addressing by pointer, in mem_xmalloc memory */
    CodegenString *strings;
    uint32_t nstrings, capstrings;
    /* descriptors, itabs, equality functions, static closures and functions
     * written so far: a set of names, in mem_xmalloc memory */
    const char **syms;
    uint32_t nsyms, capsyms;
    /* symbols of the objects named so far: open addressing by pointer, in
     * mem_xmalloc memory */
    CodegenSymText *symtexts;
    uint32_t nsymtexts, capsymtexts;
    /* method tables of concrete types' descriptors, written by codegen_end */
    CodegenMethodTable *mtabs;
    uint32_t nmtabs, capmtabs;
    uint32_t next_label;              /* .LS / .LP / .LL numbers, program-unique */
    uint32_t nfuncs;                  /* functions written */
    /* the function being written */
    SsaFunc *f;
    Frame frame;
    uint32_t func_id;                 /* program-unique number of f: block labels .LB<func_id>_<block id> */
    AsmText block_prefix;             /* ".LB<func_id>_" */
    uint32_t cur_file, cur_line;      /* the last .loc written */
    CodegenLine *lines;               /* func region */
    int nlines, caplines;
};

/* Sets up c; files[i] names the file with index i + 1 (Diag's SourceFile
 * list, as the driver passes it; tracebacks print these names). */
void codegen_init(CodegenCtx *c, const Target *t, Mem *mem, Program *prog,
                  const char *const *files, int nfiles, FILE *out);
void codegen_free(CodegenCtx *c);
/* The start of the assembly file: .file entries, and registers the target's ops with ssa. */
void codegen_begin(CodegenCtx *c);
/* Compiles one function after ssa_run_passes (the generic passes: no
 * critical edges).  Everything temporary is in f's func region and the
 * scratch region. */
void codegen_func(const Target *t, SsaFunc *f, CodegenCtx *c);
/* String literals, package variables (section mgc_data) and the end of
 * file; false when the assembly could not be written (c->asm.err). */
bool codegen_end(CodegenCtx *c);

/* ---- the pieces of codegen_func, usable alone (tests) */
/* Generic preparation before the target's lowering (see target.h). */
void codegen_prepare(CodegenCtx *c, SsaFunc *f);
/* Removes pure values nobody uses (after lowering). */
void codegen_remove_dead(SsaFunc *f);
/* Linear-scan register allocation (regalloc.c): sets v->reg (or REG_NONE)
 * and v->slot (a spill slot's index in f->slots, or -1) of every value;
 * a value with neither needs no location (no_reg, void, tuple). */
void regalloc_run(const Target *t, SsaFunc *f);
/* Frame layout (frame.c): offsets of f's slots and of the saves of the
 * callee-saved registers in use, outgoing argument bytes, the size. */
void frame_layout(const Target *t, SsaFunc *f, Frame *fr);

/* ---- for the targets' emitters */
/* Where v lives after register allocation: LOC_REG or LOC_SLOT; LOC_IMM
 * for a constant (SSA_OP_CONST, SSA_OP_CONST_NIL) the target left without a
 * location; LOC_NONE for any other value without one. */
static inline Loc codegen_value_loc(const Value *v) {
    Loc l = {.kind = LOC_NONE, .cls = v->cls, .reg = REG_NONE};
    if (v->reg >= 0) {
        l.kind = LOC_REG;
        l.reg = (int16_t)v->reg;
    } else if (v->slot >= 0) {
        l.kind = LOC_SLOT;
        l.index = v->slot;
    } else if (v->op == SSA_OP_CONST || v->op == SSA_OP_CONST_NIL) {
        l.kind = LOC_IMM;
        l.off = v->op == SSA_OP_CONST ? v->aux_int : 0;
    }
    return l;
}
/* The frame-pointer-relative offset of slot index (after frame_layout). */
int64_t codegen_slot_offset(const CodegenCtx *c, int index);
/* Formatted output of the assembly writer (out.c): printf's %% %c %s %d
 * %i %u %x %o with a '0' flag, a width and l, ll or z. */
void codegen_printf(AsmOut *out, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void codegen_vprintf(AsmOut *out, const char *fmt, va_list ap);
/* Writes "\t", fmt formatted with ap, "\n". */
void codegen_vprint_insn(AsmOut *out, const char *fmt, va_list ap);
/* Formats into buf[0..n) as snprintf does (the same conversions). */
int codegen_snprintf(char *buf, size_t n, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
/* Writes .loc for pos and starts a line-table row at the next instruction
 * when pos's line differs from the last (before each value, and before the
 * out-of-line panic calls). */
void codegen_mark_line(CodegenCtx *c, Pos pos);
/* Writes a symbol, quoted: "main.(*T).M" (a static closure "main.f·f" as "main.f:f"). */
void codegen_put_symbol(AsmOut *out, const char *name);
/* The text codegen_put_symbol writes for name, allocated in a; its length in *len. */
const char *codegen_symbol_text(Arena *a, const char *name, uint32_t *len);
/* Writes s[0..n) as the body of an assembler string literal. */
void codegen_put_escaped(AsmOut *out, const char *s, int64_t n);
/* ---- type descriptors, itabs, static closures (typedesc.c) */
/* Adds name to the set of symbols written; false if it was there. */
bool codegen_sym_first(CodegenCtx *c, const char *name);
/* Writes what f names (f->syms, static closures) that no earlier function
 * wrote, and records f's name as code that exists. */
void codegen_emit_syms(CodegenCtx *c, SsaFunc *f);
/* Writes the method tables of the descriptors written so far (by codegen_end). */
void codegen_emit_method_tables(CodegenCtx *c);
/* The linker symbol of a function, method or package variable object. */
const char *codegen_object_symbol(CodegenCtx *c, const Object *o);
/* The linker symbol v refers to: SSA_OP_ADDR (package variable or
 * function), SSA_OP_SYMADDR, SSA_OP_CALL (callee), SSA_OP_CALL_RUNTIME. */
const char *codegen_value_symbol(CodegenCtx *c, const Value *v);
/* Writes the symbol v refers to, quoted (see codegen_value_symbol). */
void codegen_put_value_symbol(CodegenCtx *c, const Value *v);
/* Writes the label of block b (".LB3_7"). */
void codegen_put_block_label(CodegenCtx *c, const Block *b);
/* The label of block b written at p, inside a line (asm_line_begin);
 * returns the end. */
char *codegen_block_label_text(const CodegenCtx *c, const Block *b, char *p);
/* A new local label number, written by codegen_put_label as ".LL<n>". */
uint32_t codegen_new_label(CodegenCtx *c);
void codegen_put_label(CodegenCtx *c, uint32_t n);
/* Writes the label of the bytes of string constant v (SSA_OP_CONST_STRING),
 * recording the literal for codegen_end. */
void codegen_put_string_label(CodegenCtx *c, const Value *v);
/* Emits moves so that, at once, dst[i] receives the value src[i] held
 * before any move (a parallel move; cycles broken with emit_swap or
 * scratch[cls][0], memory-to-memory moves through scratch[cls][1]). */
void codegen_parallel_move(CodegenCtx *c, const Loc *dst, const Loc *src, int n);
/* The calling convention applied to call value v (a generic call op): the
 * location of each of its args (a closure call's arg0: the context
 * register; the hidden result pointer per the target).  Returns the bytes
 * of stack arguments.  locs has v->nargs entries. */
int64_t codegen_call_arg_locs(const Target *t, const Value *call, Loc *locs);
/* Moves call v's args to where the convention wants them. */
void codegen_emit_call_args(CodegenCtx *c, const Value *call);
/* Moves the results of call v (just returned) to the call's location, or
 * for a tuple to its selects' locations. */
void codegen_emit_call_results(CodegenCtx *c, const Value *call);
/* Moves the result words of BLOCK_RET block b to the result registers. */
void codegen_emit_return_moves(CodegenCtx *c, const Block *b);
/* The incoming location of each entry word of f, parameters by index:
 * locs[i] for SSA_OP_ARG with aux_int i (nwords entries); *result_ptr and
 * *context for the hidden result pointer and the closure context. */
void codegen_param_locs(const Target *t, const SsaFunc *f, Loc *locs, int nwords,
                        Loc *result_ptr, Loc *context);

#endif
