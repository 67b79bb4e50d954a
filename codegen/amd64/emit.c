/* emit.c — amd64 instructions in GNU assembler (AT&T) syntax.
 *
 * Every value has one location (a register or a spill slot, codegen.h);
 * the code of a value reads its args from their locations and writes its
 * result to its own, using the scratch registers r11, rax, xmm15 and xmm14
 * for operands in memory, fixed registers (division, shift counts) and
 * two-address forms.  Go's semantics are spelled out where x86 differs:
 * MinInt / -1 does not trap, shifts by counts >= the width give 0 or the
 * sign, uint64 <-> float conversions take the long way, and failed checks
 * jump to out-of-line calls of the runtime's panic functions, written after
 * the function's last block.
 *
 * A million instruction lines are written for a 100,000-line program, so
 * the frequent ones parse no format: ins1 and ins2 copy a mnemonic
 * (AsmText) and operands (Opnd) that carry their text and its length
 * straight into the output buffer, and fixed text (prologue, epilogue,
 * .cfi lines) is written as string literals.  ins() with a format is kept
 * for the rare sequences (division, variable shifts, conversions). */
#include <inttypes.h>
#include <stdarg.h>
#include <string.h>

#include "codegen/amd64/amd64.h"

enum { S0 = AMD64_R11, S1 = AMD64_RAX, FS0 = AMD64_XMM15, FS1 = AMD64_XMM14 };

/* "%name" of each register at each size (1, 2, 4, 8 bytes); xmm registers
 * at every size by their own name. */
#define R(name) {"%" name, sizeof(name)}
#define XMM_NAMES                                                                                 \
    R("xmm0"), R("xmm1"), R("xmm2"), R("xmm3"), R("xmm4"), R("xmm5"), R("xmm6"), R("xmm7"),       \
    R("xmm8"), R("xmm9"), R("xmm10"), R("xmm11"), R("xmm12"), R("xmm13"), R("xmm14"), R("xmm15")
static const AsmText REG_TEXT[4][32] = {
    {R("al"), R("cl"), R("dl"), R("bl"), R("spl"), R("bpl"), R("sil"), R("dil"),
     R("r8b"), R("r9b"), R("r10b"), R("r11b"), R("r12b"), R("r13b"), R("r14b"), R("r15b"), XMM_NAMES},
    {R("ax"), R("cx"), R("dx"), R("bx"), R("sp"), R("bp"), R("si"), R("di"),
     R("r8w"), R("r9w"), R("r10w"), R("r11w"), R("r12w"), R("r13w"), R("r14w"), R("r15w"), XMM_NAMES},
    {R("eax"), R("ecx"), R("edx"), R("ebx"), R("esp"), R("ebp"), R("esi"), R("edi"),
     R("r8d"), R("r9d"), R("r10d"), R("r11d"), R("r12d"), R("r13d"), R("r14d"), R("r15d"), XMM_NAMES},
    {R("rax"), R("rcx"), R("rdx"), R("rbx"), R("rsp"), R("rbp"), R("rsi"), R("rdi"),
     R("r8"), R("r9"), R("r10"), R("r11"), R("r12"), R("r13"), R("r14"), R("r15"), XMM_NAMES},
};
#undef XMM_NAMES
#undef R

/* ---- small helpers ---------------------------------------------------------- */

/* Writes one instruction line from a format: for the rare lines only (the
 * frequent ones go through the writers below, which parse nothing). */
static void ins(CodegenCtx *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void ins(CodegenCtx *c, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    codegen_vprint_insn(c->out, fmt, ap);
    va_end(ap);
}

/* Writes a whole constant line ("\tleave\n"): the instruction text is a literal. */
#define INS_LIT(c, text) ASM_OUT_LIT((c)->out, "\t" text "\n")

/* Bytes of a value of class cls. */
static int cls_size(int cls) {
    switch (cls) {
    case CLS_B: case CLS_I8: return 1;
    case CLS_I16: return 2;
    case CLS_I32: case CLS_F32: return 4;
    default: return 8;
    }
}

static bool is_float(int cls) {
    return cls == CLS_F32 || cls == CLS_F64;
}

/* The instruction suffix of an operand size. */
static char sfx(int size) {
    return size == 1 ? 'b' : size == 2 ? 'w' : size == 4 ? 'l' : 'q';
}

/* The "%name" text of register r at size bytes (floats: the xmm name). */
static const AsmText *reg_text(int r, int size) {
    int k = size == 1 ? 0 : size == 2 ? 1 : size == 4 ? 2 : 3;
    return &REG_TEXT[k][r];
}

/* The name of register r at size bytes, without '%'. */
static const char *rn(int r, int size) {
    return reg_text(r, size)->s + 1;
}

/* Width of the integer ALU ops of class cls: 64-bit or 32-bit (the low
 * bits of narrower classes are right either way). */
static int alu_size(int cls) {
    return cls == CLS_I64 ? 8 : 4;
}

/* A mnemonic given as a literal (or any text of at most 14 bytes). */
static inline AsmText mn(const char *s) {
    AsmText t = {{0}, 0};
    size_t n = strlen(s);
    memcpy(t.s, s, n);
    t.len = (uint8_t)n;
    return t;
}

/* A mnemonic with a size or type suffix: "add" 'q' is "addq". */
static inline AsmText mn_sfx(const char *base, char suffix) {
    AsmText t = mn(base);
    t.s[t.len++] = suffix;
    return t;
}

/* An operand as text, with its length; copied whole (OPND_MAX bytes) into
 * the line and cut there, so s holds the text and then anything. */
enum { OPND_MAX = 48 };
typedef struct Opnd {
    char s[OPND_MAX];         /* the text, NUL-terminated: "%rax", "-24(%rbp)", "$5" */
    uint8_t len;
    char kind;                /* 'r' register, 'm' memory, 'i' immediate */
    int16_t reg;
    int64_t imm;
} Opnd;

/* Writes "\tMN A\n" (A omitted when NULL). */
static void ins1(CodegenCtx *c, AsmText m, const Opnd *a) {
    char *p = asm_line_begin(c->out);
    *p++ = '\t';
    p = asm_put_text(p, m);
    if (a) {
        *p++ = ' ';
        memcpy(p, a->s, OPND_MAX);
        p += a->len;
    }
    *p++ = '\n';
    asm_line_end(c->out, p);
}

/* Writes "\tMN A, B\n". */
static void ins2(CodegenCtx *c, AsmText m, const Opnd *a, const Opnd *b) {
    char *p = asm_line_begin(c->out);
    *p++ = '\t';
    p = asm_put_text(p, m);
    *p++ = ' ';
    memcpy(p, a->s, OPND_MAX);
    p += a->len;
    *p++ = ',';
    *p++ = ' ';
    memcpy(p, b->s, OPND_MAX);
    p += b->len;
    *p++ = '\n';
    asm_line_end(c->out, p);
}

/* The frame offset of slot s (an SsaSlot of f). */
static int64_t slot_offset(CodegenCtx *c, const void *s) {
    for (int i = 0; i < c->f->nslots; i++)
        if (c->f->slots[i] == s)
            return codegen_slot_offset(c, i);
    ssa_ice(POS_NONE, "%s: slot not in the function", c->f->name);
}

/* ---- operands ----------------------------------------------------------------- */

/* Ends operand o's text at end. */
static void opnd_end(Opnd *o, char *end) {
    *end = '\0';
    o->len = (uint8_t)(end - o->s);
}

/* The operand of register r at size bytes. */
static Opnd reg_op(int r, int size) {
    Opnd o;
    const AsmText *t = reg_text(r, size);
    memcpy(o.s, t, sizeof *t);
    o.len = t->len;
    o.kind = 'r';
    o.reg = (int16_t)r;
    o.imm = 0;
    return o;
}

/* The immediate operand $x. */
static Opnd imm_op(int64_t x) {
    Opnd o;
    o.s[0] = '$';
    opnd_end(&o, asm_put_i64(o.s + 1, x));
    o.kind = 'i';
    o.reg = REG_NONE;
    o.imm = x;
    return o;
}

/* The memory operand disp(%base). */
static Opnd frame_op(int64_t disp, int base) {
    Opnd o;
    char *p = asm_put_i64(o.s, disp);
    *p++ = '(';
    p = asm_put_text(p, REG_TEXT[3][base]);
    *p++ = ')';
    opnd_end(&o, p);
    o.kind = 'm';
    o.reg = REG_NONE;
    o.imm = 0;
    return o;
}

/* Where value v is, at size bytes: its register, its spill slot or its
 * immediate. */
static Opnd val_op(CodegenCtx *c, const Value *v, int size) {
    if (v->op == AMD64_OP_IMM)
        return imm_op(v->aux_int);
    Loc l = codegen_value_loc(v);
    if (l.kind == LOC_REG)
        return reg_op(l.reg, size);
    if (l.kind == LOC_SLOT)
        return frame_op(codegen_slot_offset(c, l.index), AMD64_RBP);
    ssa_ice(v->pos, "%s: v%u (%s) has no location", c->f->name, v->id, ssa_op_name(v->op));
}

/* The register of v, or REG_NONE. */
static int reg_of(const Value *v) {
    if (v->op == AMD64_OP_IMM || v->op == AMD64_OP_FRAME)
        return REG_NONE;
    Loc l = codegen_value_loc(v);
    return l.kind == LOC_REG ? l.reg : REG_NONE;
}

/* The register to compute v in: v's own register unless it is one of the
 * registers still to be read (avoid), else the scratch register s. */
static int work_reg(const Value *v, int s, int avoid1, int avoid2) {
    int r = reg_of(v);
    if (r == REG_NONE || r == avoid1 || r == avoid2)
        return s;
    return r;
}

/* The mnemonic of a float move: movss or movsd. */
static AsmText movs_of(int cls) {
    return mn(cls == CLS_F32 ? "movss" : "movsd");
}

/* Loads value v into register r (integers: all 64 bits of its location). */
static void load_to(CodegenCtx *c, int r, const Value *v) {
    Opnd o = val_op(c, v, 8);
    if (o.kind == 'r' && o.reg == r)
        return;
    Opnd d = reg_op(r, 8);
    if (is_float(v->cls)) {
        ins2(c, o.kind == 'r' ? mn("movaps") : movs_of(v->cls), &o, &d);
    } else if (o.kind == 'i' && o.imm == 0) {
        d = reg_op(r, 4);
        ins2(c, mn("xorl"), &d, &d);
    } else {
        ins2(c, mn("movq"), &o, &d);
    }
}

/* Stores register r into v's location, when it is not already there. */
static void finish(CodegenCtx *c, const Value *v, int r) {
    Loc l = codegen_value_loc(v);
    if (l.kind == LOC_REG && l.reg == r)
        return;
    if (l.kind == LOC_NONE)
        return;
    Opnd d = val_op(c, v, 8), s = reg_op(r, 8);
    if (is_float(v->cls))
        ins2(c, d.kind == 'r' ? mn("movaps") : movs_of(v->cls), &s, &d);
    else
        ins2(c, mn("movq"), &s, &d);
}

/* ---- address modes ----------------------------------------------------------- */

typedef struct Amode {
    int base, index, scale;   /* base: a register, or REG_NONE with sym */
    int64_t disp;
} Amode;

/* The memory operand of an address mode (at most 20 + 14 + 3 bytes). */
static Opnd amode_op(const Amode *a) {
    Opnd o;
    char *p = asm_put_i64(o.s, a->disp);
    *p++ = '(';
    p = asm_put_text(p, REG_TEXT[3][a->base]);
    if (a->index != REG_NONE) {
        *p++ = ',';
        p = asm_put_text(p, REG_TEXT[3][a->index]);
        *p++ = ',';
        *p++ = (char)('0' + a->scale);
    }
    *p++ = ')';
    opnd_end(&o, p);
    o.kind = 'm';
    o.reg = REG_NONE;
    o.imm = 0;
    return o;
}

/* The address base + index*scale + disp as a mode, loading spilled base or
 * index into the scratch registers scr[0..nscr-1] (nscr >= 1). */
static Amode amode_of(CodegenCtx *c, const Value *base, const Value *index, int scale, int64_t disp,
                      const int *scr, int nscr) {
    Amode a = {.base = REG_NONE, .index = REG_NONE, .scale = scale, .disp = disp};
    int used = 0;
    bool base_mem = false;
    if (base->op == AMD64_OP_FRAME) {
        a.base = AMD64_RBP;
        a.disp += slot_offset(c, base->aux);
    } else if ((a.base = reg_of(base)) == REG_NONE) {
        base_mem = true;
    }
    if (index) {
        a.index = reg_of(index);
        if (a.index == REG_NONE) {
            if (base_mem && nscr < 2) {
                /* both in memory and one scratch: compute base + index*scale in it */
                int s = scr[0];
                Opnd rs = reg_op(s, 8);
                load_to(c, s, index);
                if (scale > 1) {
                    Opnd k = imm_op(scale);
                    ins2(c, mn("imulq"), &k, &rs);
                }
                Opnd ob = val_op(c, base, 8);
                ins2(c, mn("addq"), &ob, &rs);
                a.base = s;
                a.index = REG_NONE;
                return a;
            }
            a.index = scr[used++];
            load_to(c, a.index, index);
        }
    }
    if (base_mem) {
        a.base = scr[used++];
        load_to(c, a.base, base);
    }
    return a;
}

/* The address of a plain pointer value plus disp. */
static Amode addr_of(CodegenCtx *c, const Value *p, int64_t disp, int scr) {
    int s[1] = {scr};
    return amode_of(c, p, NULL, 1, disp, s, 1);
}

/* ---- loads and stores ---------------------------------------------------------- */

/* Loads a value of class cls from memory operand m into register r. */
static void load_mem(CodegenCtx *c, int cls, const Opnd *m, int r) {
    AsmText op;
    int size = 8;
    switch (cls) {
    case CLS_B: case CLS_I8: op = mn("movzbl"), size = 4; break;
    case CLS_I16: op = mn("movzwl"), size = 4; break;
    case CLS_I32: op = mn("movl"), size = 4; break;
    case CLS_F32: op = mn("movss"); break;
    case CLS_F64: op = mn("movsd"); break;
    default: op = mn("movq"); break;
    }
    Opnd d = reg_op(r, size);
    ins2(c, op, m, &d);
}

/* Load and LoadIdx. */
static void emit_load(CodegenCtx *c, Value *v) {
    static const int scr[2] = {S0, S1};
    Amode a;
    if (v->op == AMD64_OP_LOADX)
        a = amode_of(c, v->args[0], v->args[1], AMD64_AMODE_SCALE(v->aux_int),
                     AMD64_AMODE_DISP(v->aux_int), scr, 2);
    else
        a = amode_of(c, v->args[0], NULL, 1, v->aux_int, scr, 2);
    Opnd m = amode_op(&a);
    int r = work_reg(v, is_float(v->cls) ? FS0 : S0, REG_NONE, REG_NONE);
    load_mem(c, v->cls, &m, r);
    finish(c, v, r);
}

/* Store and StoreIdx: the value first (into rax or xmm15 if it is in
 * memory), then the address with what scratch is left. */
static void emit_store(CodegenCtx *c, Value *v) {
    bool idx = v->op == AMD64_OP_STOREX;
    Value *x = v->args[idx ? 2 : 1];
    int size = cls_size(x->cls);
    Opnd val;
    int scr[2] = {S0, S1};
    int nscr = 2;
    if (is_float(x->cls)) {
        int r = reg_of(x);
        if (r == REG_NONE) {
            r = FS0;
            load_to(c, r, x);
        }
        val = reg_op(r, 8);
    } else {
        val = val_op(c, x, size);
        if (val.kind == 'm') {
            load_to(c, S1, x);
            val = reg_op(S1, size);
            nscr = 1;
        }
    }
    Amode a = idx ? amode_of(c, v->args[0], v->args[1], AMD64_AMODE_SCALE(v->aux_int),
                             AMD64_AMODE_DISP(v->aux_int), scr, nscr)
                  : amode_of(c, v->args[0], NULL, 1, v->aux_int, scr, nscr);
    Opnd m = amode_op(&a);
    ins2(c, is_float(x->cls) ? movs_of(x->cls) : mn_sfx("mov", sfx(size)), &val, &m);
}

/* Address computations: OffPtr, LeaIdx, LocalAddr, AddPtr. */
static void emit_lea(CodegenCtx *c, Value *v) {
    static const int scr[2] = {S0, S1};
    Amode a;
    switch (v->op) {
    case AMD64_OP_LEAX:
        a = amode_of(c, v->args[0], v->args[1], AMD64_AMODE_SCALE(v->aux_int),
                     AMD64_AMODE_DISP(v->aux_int), scr, 2);
        break;
    case SSA_OP_ADDPTR:
        a = amode_of(c, v->args[0], v->args[1], 1, 0, scr, 2);
        break;
    case SSA_OP_SLOT:
        a = (Amode){.base = AMD64_RBP, .index = REG_NONE, .scale = 1, .disp = slot_offset(c, v->aux)};
        break;
    default:
        a = amode_of(c, v->args[0], NULL, 1, v->aux_int, scr, 2);
        break;
    }
    Opnd m = amode_op(&a);
    int r = work_reg(v, S0, REG_NONE, REG_NONE);
    Opnd d = reg_op(r, 8);
    ins2(c, mn("leaq"), &m, &d);
    finish(c, v, r);
}

/* Zero: unrolled stores of immediates, or rep stosb. */
static void emit_zero(CodegenCtx *c, Value *v) {
    int64_t n = v->aux_int;
    if (n <= 0)
        return;
    if (n > AMD64_UNROLL_MAX) {
        Amode a = addr_of(c, v->args[0], 0, S0);
        ins(c, "leaq %s, %%r11", amode_op(&a).s);
        ins(c, "movq %%r11, %%rdi");
        ins(c, "xorl %%eax, %%eax");
        ins(c, "movq $%" PRId64 ", %%rcx", n);
        ins(c, "rep stosb");
        return;
    }
    Amode a = addr_of(c, v->args[0], 0, S0);
    for (int64_t off = 0; off < n;) {
        int k = n - off >= 8 ? 8 : n - off >= 4 ? 4 : n - off >= 2 ? 2 : 1;
        Amode at = a;
        at.disp += off;
        Opnd zero = imm_op(0), m = amode_op(&at);
        ins2(c, mn_sfx("mov", sfx(k)), &zero, &m);
        off += k;
    }
}

/* Move: 8- and 4-byte pieces through xmm15, then 2- and 1-byte pieces
 * through rcx (amd64_move_clobbers declares it), or rep movsb.  The pieces
 * never overlap and are no wider than 8 bytes: a struct or array is mostly
 * written field by field just before it is copied, and a load wider than
 * those stores, or straddling two of them, stalls until they retire. */
static void emit_movemem(CodegenCtx *c, Value *v) {
    int64_t n = v->aux_int;
    if (n <= 0)
        return;
    Amode d = addr_of(c, v->args[0], 0, S0);
    Amode s = addr_of(c, v->args[1], 0, S1);
    if (n > AMD64_UNROLL_MAX) {
        ins(c, "leaq %s, %%r11", amode_op(&d).s);
        ins(c, "leaq %s, %%rax", amode_op(&s).s);
        ins(c, "movq %%rax, %%rsi");
        ins(c, "movq %%r11, %%rdi");
        ins(c, "movq $%" PRId64 ", %%rcx", n);
        ins(c, "rep movsb");
        return;
    }
    /* rcx carries the small pieces: an address in it (a dying arg) moves
     * to the scratch register its operand did not need */
    if ((amd64_move_clobbers(n) & REG_BIT(AMD64_RCX)) != 0) {
        if (d.base == AMD64_RCX) {
            ins(c, "movq %%rcx, %%r11");
            d.base = S0;
        }
        if (s.base == AMD64_RCX) {
            ins(c, "movq %%rcx, %%rax");
            s.base = S1;
        }
    }
    for (int64_t off = 0; off < n;) {
        int k = n - off >= 8 ? 8 : n - off >= 4 ? 4 : n - off >= 2 ? 2 : 1;
        Amode da = d, sa = s;
        da.disp += off;
        sa.disp += off;
        Opnd dm = amode_op(&da), sm = amode_op(&sa);
        if (k >= 4) {
            AsmText mv = mn(k == 8 ? "movq" : "movd");
            Opnd x = reg_op(FS0, 8);
            ins2(c, mv, &sm, &x);
            ins2(c, mv, &x, &dm);
        } else {
            Opnd ecx = reg_op(AMD64_RCX, 4), cx = reg_op(AMD64_RCX, k);
            ins2(c, mn(k == 2 ? "movzwl" : "movzbl"), &sm, &ecx);
            ins2(c, mn_sfx("mov", sfx(k)), &cx, &dm);
        }
        off += k;
    }
}

/* ---- integer arithmetic ---------------------------------------------------------------- */

/* The mnemonic of a two-operand integer op. */
static const char *alu_name(int op) {
    switch (op) {
    case SSA_OP_ADD: return "add";
    case SSA_OP_SUB: return "sub";
    case SSA_OP_AND: return "and";
    case SSA_OP_OR: return "or";
    case SSA_OP_XOR: return "xor";
    case SSA_OP_MUL: return "imul";
    default: return NULL;
    }
}

/* Add, Sub, And, Or, Xor, Mul: W = a; W op= b. */
static void emit_alu(CodegenCtx *c, Value *v) {
    Value *a = v->args[0], *b = v->args[1];
    int size = alu_size(v->cls);
    bool comm = v->op != SSA_OP_SUB;
    int rb = reg_of(b);
    if (comm && rb != REG_NONE && rb == reg_of(v) && reg_of(a) != rb) {
        Value *t = a;
        a = b;
        b = t;
        rb = reg_of(b);
    }
    int w = work_reg(v, S0, rb, REG_NONE);
    load_to(c, w, a);
    Opnd ob = val_op(c, b, size), ow = reg_op(w, size);
    ins2(c, mn_sfx(alu_name(v->op), sfx(size)), &ob, &ow);
    finish(c, v, w);
}

/* AndNot: W = a & ~b. */
static void emit_andnot(CodegenCtx *c, Value *v) {
    int size = alu_size(v->cls);
    load_to(c, S1, v->args[1]);
    ins(c, "not%c %%%s", sfx(size), rn(S1, size));
    int w = work_reg(v, S0, REG_NONE, REG_NONE);
    load_to(c, w, v->args[0]);
    ins(c, "and%c %%%s, %%%s", sfx(size), rn(S1, size), rn(w, size));
    finish(c, v, w);
}

/* Neg, Com, Not. */
static void emit_unary(CodegenCtx *c, Value *v) {
    int size = alu_size(v->cls);
    int w = work_reg(v, S0, REG_NONE, REG_NONE);
    load_to(c, w, v->args[0]);
    if (v->op == SSA_OP_NOT) {
        Opnd one = imm_op(1), ow = reg_op(w, 4);
        ins2(c, mn("xorl"), &one, &ow);
    } else {
        Opnd ow = reg_op(w, size);
        ins1(c, mn_sfx(v->op == SSA_OP_NEG ? "neg" : "not", sfx(size)), &ow);
    }
    finish(c, v, w);
}

/* Loads integer v into r extended to 32 or 64 bits (sign or zero). */
static void load_ext(CodegenCtx *c, int r, const Value *v, bool sign, int to) {
    Opnd o = val_op(c, v, cls_size(v->cls));
    int from = cls_size(v->cls);
    if (o.kind == 'i') {
        Opnd d = reg_op(r, 8);
        ins2(c, mn("movq"), &o, &d);
        return;
    }
    if (from == 8 || (from == 4 && to == 4)) {
        Opnd d = reg_op(r, from);
        if (!(o.kind == 'r' && o.reg == r))
            ins2(c, mn_sfx("mov", sfx(from)), &o, &d);
        return;
    }
    if (from == 4) {
        Opnd d = reg_op(r, sign ? 8 : 4);
        ins2(c, mn(sign ? "movslq" : "movl"), &o, &d);
        return;
    }
    AsmText m = mn(sign ? "movs" : "movz");
    m.s[m.len++] = sfx(from);
    m.s[m.len++] = sign && to == 8 ? 'q' : 'l';
    Opnd d = reg_op(r, sign && to == 8 ? 8 : 4);
    ins2(c, m, &o, &d);
}

/* Div, DivU, Mod, ModU through rax and rdx.  Signed 32- and 64-bit
 * division by -1 is done by negation: idiv traps on MinInt / -1, where Go
 * wants MinInt (and 0 for the remainder).  8- and 16-bit operands are
 * extended to 32 bits, where that case cannot trap. */
static void emit_div(CodegenCtx *c, Value *v) {
    bool sign = v->op == SSA_OP_DIV || v->op == SSA_OP_MOD;
    bool mod = v->op == SSA_OP_MOD || v->op == SSA_OP_MODU;
    int size = cls_size(v->cls) == 8 ? 8 : 4;
    char s = sfx(size);
    load_ext(c, S0, v->args[1], sign, size);
    load_ext(c, AMD64_RAX, v->args[0], sign, size);
    if (sign && cls_size(v->cls) >= 4) {
        ins(c, "cmp%c $-1, %%%s", s, rn(S0, size));
        ins(c, "je 1f");
    }
    if (sign)
        ins(c, size == 8 ? "cqto" : "cltd");
    else
        ins(c, "xorl %%edx, %%edx");
    ins(c, "%sdiv%c %%%s", sign ? "i" : "", s, rn(S0, size));
    if (sign && cls_size(v->cls) >= 4) {
        ins(c, "jmp 2f");
        codegen_printf(c->out, "1:\n");
        if (mod)
            ins(c, "xorl %%edx, %%edx");
        else
            ins(c, "neg%c %%%s", s, rn(AMD64_RAX, size));
        codegen_printf(c->out, "2:\n");
    }
    finish(c, v, mod ? AMD64_RDX : AMD64_RAX);
}

/* Hmul, HmulU: the high word of the 128-bit product, from rdx after a
 * one-operand imulq or mulq of rax. */
static void emit_hmul(CodegenCtx *c, Value *v) {
    Value *a = v->args[0], *b = v->args[1];
    load_to(c, AMD64_RAX, a);
    Opnd ob = val_op(c, b, 8);
    if (ob.kind == 'i') {
        Opnd r11 = reg_op(S0, 8);
        ins2(c, mn("movq"), &ob, &r11);
        ob = r11;
    }
    ins1(c, mn(v->op == SSA_OP_HMUL ? "imulq" : "mulq"), &ob);
    finish(c, v, AMD64_RDX);
}

/* Shl, Shr, ShrU.  x86 takes the count modulo 32 or 64; Go's shifts by
 * counts >= the width give 0 (Shl, ShrU) or the sign (Shr). */
static void emit_shift(CodegenCtx *c, Value *v) {
    int width = cls_size(v->cls) * 8;
    /* Shr and ShrU work at the value's width (the bits above are
     * undefined); Shl at the ALU width. */
    int size = v->op == SSA_OP_SHL ? alu_size(v->cls) : cls_size(v->cls);
    const char *name = v->op == SSA_OP_SHL ? "shl" : v->op == SSA_OP_SHR ? "sar" : "shr";
    Value *x = v->args[0], *n = v->args[1];
    if (n->op == AMD64_OP_IMM) {
        int w = work_reg(v, S0, REG_NONE, REG_NONE);
        uint64_t k = (uint64_t)n->aux_int;
        Opnd ow = reg_op(w, size);
        if (n->aux_int < 0 || k >= (uint64_t)width) {
            if (v->op == SSA_OP_SHR) {
                load_to(c, w, x);
                Opnd bits = imm_op(width - 1);
                ins2(c, mn_sfx("sar", sfx(size)), &bits, &ow);
            } else {
                Opnd w4 = reg_op(w, 4);
                ins2(c, mn("xorl"), &w4, &w4);
            }
        } else {
            load_to(c, w, x);
            Opnd count = imm_op((int64_t)k);
            ins2(c, mn_sfx(name, sfx(size)), &count, &ow);
        }
        finish(c, v, w);
        return;
    }
    int w = work_reg(v, S0, AMD64_RCX, reg_of(n));
    load_to(c, w, x);
    load_ext(c, AMD64_RCX, n, false, 8);
    if (v->op == SSA_OP_SHR) {
        ins(c, "cmpq $%d, %%rcx", width - 1);
        ins(c, "jbe 1f");
        ins(c, "movl $%d, %%ecx", width - 1);
        codegen_printf(c->out, "1:\n");
        ins(c, "sar%c %%cl, %%%s", sfx(size), rn(w, size));
    } else {
        ins(c, "%s%c %%cl, %%%s", name, sfx(size), rn(w, size));
        ins(c, "cmpq $%d, %%rcx", width);
        ins(c, "sbbq %%rax, %%rax");
        ins(c, "andq %%rax, %%%s", rn(w, 8));
    }
    finish(c, v, w);
}

/* SignExt, ZeroExt, Trunc. */
static void emit_ext(CodegenCtx *c, Value *v) {
    int w = work_reg(v, S0, REG_NONE, REG_NONE);
    if (v->op == SSA_OP_TRUNC)
        load_to(c, w, v->args[0]);
    else
        load_ext(c, w, v->args[0], v->op == SSA_OP_SEXT && v->args[0]->cls != CLS_B, 8);
    finish(c, v, w);
}

/* ---- comparisons ------------------------------------------------------------------- */

/* The condition code of an integer compare op. */
static const char *cond_of(int op) {
    switch (op) {
    case SSA_OP_EQ: return "e";
    case SSA_OP_NE: return "ne";
    case SSA_OP_LT: return "l";
    case SSA_OP_LE: return "le";
    case SSA_OP_GT: return "g";
    case SSA_OP_GE: return "ge";
    case SSA_OP_LTU: return "b";
    case SSA_OP_LEU: return "be";
    case SSA_OP_GTU: return "a";
    case SSA_OP_GEU: return "ae";
    default: return NULL;
    }
}

/* The negation of condition code cc. */
static const char *cond_not(const char *cc) {
    static const char *const PAIRS[][2] = {
        {"e", "ne"}, {"l", "ge"}, {"le", "g"}, {"b", "ae"}, {"be", "a"}, {"p", "np"}, {"s", "ns"},
    };
    for (size_t i = 0; i < sizeof PAIRS / sizeof PAIRS[0]; i++) {
        if (strcmp(cc, PAIRS[i][0]) == 0)
            return PAIRS[i][1];
        if (strcmp(cc, PAIRS[i][1]) == 0)
            return PAIRS[i][0];
    }
    return "ne";
}

/* Sets the flags for compare v; returns its condition code (for float
 * compares: "a", "ae", or "e"/"ne" with the parity flag telling NaN apart,
 * see emit_setcc and the branch). */
static const char *emit_cmp(CodegenCtx *c, const Value *v) {
    Value *a = v->args[0], *b = v->args[1];
    if (amd64_is_fcompare(v->op)) {
        char t = a->cls == CLS_F32 ? 's' : 'd';
        const Value *x = a, *y = b; /* flags of x against y */
        const char *cc;
        switch (v->op) {
        case SSA_OP_FGT: cc = "a"; break;
        case SSA_OP_FGE: cc = "ae"; break;
        case SSA_OP_FLT: cc = "a", x = b, y = a; break;
        case SSA_OP_FLE: cc = "ae", x = b, y = a; break;
        case SSA_OP_FEQ: cc = "e"; break;
        default: cc = "ne"; break;
        }
        int rx = reg_of(x);
        if (rx == REG_NONE) {
            rx = FS0;
            load_to(c, rx, x);
        }
        Opnd oy = val_op(c, y, 8), ox = reg_op(rx, 8);
        ins2(c, mn_sfx("ucomis", t), &oy, &ox);
        return cc;
    }
    int size = cls_size(a->cls);
    Opnd oa = val_op(c, a, size), ob = val_op(c, b, size);
    if (oa.kind != 'r' && (ob.kind != 'r' || oa.kind == 'i')) {
        load_to(c, S0, a);
        oa = reg_op(S0, size);
    }
    ins2(c, mn_sfx("cmp", sfx(size)), &ob, &oa);
    return cond_of(v->op);
}

/* A compare whose result is a bool in a register. */
static void emit_setcc(CodegenCtx *c, Value *v) {
    const char *cc = emit_cmp(c, v);
    int w = work_reg(v, S0, REG_NONE, REG_NONE);
    Opnd w1 = reg_op(w, 1), w4 = reg_op(w, 4);
    AsmText set = mn("set");
    while (*cc)
        set.s[set.len++] = *cc++;
    ins1(c, set, &w1);
    if (v->op == SSA_OP_FEQ || v->op == SSA_OP_FNE) {
        bool eq = v->op == SSA_OP_FEQ;
        Opnd al = reg_op(AMD64_RAX, 1);
        ins1(c, mn(eq ? "setnp" : "setp"), &al);
        ins2(c, mn(eq ? "andb" : "orb"), &al, &w1);
    }
    ins2(c, mn("movzbl"), &w1, &w4);
    finish(c, v, w);
}

/* ---- floats ------------------------------------------------------------------------ */

/* FAdd, FSub, FMul, FDiv: W = a; W op= b (SSE2, never fused). */
static void emit_falu(CodegenCtx *c, Value *v) {
    static const char *const NAMES[] = {"add", "sub", "mul", "div"};
    Value *a = v->args[0], *b = v->args[1];
    bool comm = v->op == SSA_OP_FADD || v->op == SSA_OP_FMUL;
    int rb = reg_of(b);
    if (comm && rb != REG_NONE && rb == reg_of(v) && reg_of(a) != rb) {
        Value *t = a;
        a = b;
        b = t;
        rb = reg_of(b);
    }
    int w = work_reg(v, FS0, rb, REG_NONE);
    load_to(c, w, a);
    AsmText m = mn_sfx(NAMES[v->op - SSA_OP_FADD], 's');
    m.s[m.len++] = v->cls == CLS_F32 ? 's' : 'd';
    Opnd ob = val_op(c, b, 8), ow = reg_op(w, 8);
    ins2(c, m, &ob, &ow);
    finish(c, v, w);
}

/* FNeg: flip the sign bit. */
static void emit_fneg(CodegenCtx *c, Value *v) {
    int w = work_reg(v, FS0, REG_NONE, REG_NONE);
    load_to(c, w, v->args[0]);
    if (v->cls == CLS_F32) {
        ins(c, "movl $0x80000000, %%r11d");
        ins(c, "movd %%r11d, %%xmm14");
        ins(c, "xorps %%xmm14, %%%s", rn(w, 8));
    } else {
        ins(c, "movabsq $0x8000000000000000, %%r11");
        ins(c, "movq %%r11, %%xmm14");
        ins(c, "xorpd %%xmm14, %%%s", rn(w, 8));
    }
    finish(c, v, w);
}

/* Integer to float: signed, or unsigned (a uint64 with the top bit set is
 * halved, rounding to odd, converted and doubled). */
static void emit_i2f(CodegenCtx *c, Value *v) {
    Value *x = v->args[0];
    char t = v->cls == CLS_F32 ? 's' : 'd';
    bool sign = v->op == SSA_OP_CVT_I2F;
    int w = work_reg(v, FS0, REG_NONE, REG_NONE);
    load_ext(c, S0, x, sign, 8);
    if (sign || cls_size(x->cls) < 8) {
        ins(c, "cvtsi2s%cq %%r11, %%%s", t, rn(w, 8));
    } else {
        ins(c, "testq %%r11, %%r11");
        ins(c, "js 1f");
        ins(c, "cvtsi2s%cq %%r11, %%%s", t, rn(w, 8));
        ins(c, "jmp 2f");
        codegen_printf(c->out, "1:\n");
        ins(c, "movq %%r11, %%rax");
        ins(c, "shrq $1, %%rax");
        ins(c, "andl $1, %%r11d");
        ins(c, "orq %%r11, %%rax");
        ins(c, "cvtsi2s%cq %%rax, %%%s", t, rn(w, 8));
        ins(c, "adds%c %%%s, %%%s", t, rn(w, 8), rn(w, 8));
        codegen_printf(c->out, "2:\n");
    }
    finish(c, v, w);
}

/* Float to integer, truncating: as Go on amd64, 32-bit conversion for
 * results up to 32 bits (64-bit for uint32), and for uint64 values of
 * 2^63 and above, x - 2^63 converted with the top bit set. */
static void emit_f2i(CodegenCtx *c, Value *v) {
    Value *x = v->args[0];
    char t = x->cls == CLS_F32 ? 's' : 'd';
    int size = cls_size(v->cls);
    bool uns = v->op == SSA_OP_CVT_F2U;
    int rx = reg_of(x);
    if (rx == REG_NONE) {
        rx = FS0;
        load_to(c, rx, x);
    }
    int w = work_reg(v, S0, REG_NONE, REG_NONE);
    if (size < 8 && !(uns && size == 4)) {
        ins(c, "cvtts%c2si %%%s, %%%s", t, rn(rx, 8), rn(w, 4));
    } else if (!uns || size == 4) {
        ins(c, "cvtts%c2si %%%s, %%%s", t, rn(rx, 8), rn(w, 8));
    } else {
        if (t == 's')
            ins(c, "movl $0x5f000000, %%eax");
        else
            ins(c, "movabsq $0x43e0000000000000, %%rax");
        ins(c, "movq %%rax, %%xmm14");
        ins(c, "ucomis%c %%xmm14, %%%s", t, rn(rx, 8));
        ins(c, "jae 1f");
        ins(c, "cvtts%c2si %%%s, %%%s", t, rn(rx, 8), rn(w, 8));
        ins(c, "jmp 2f");
        codegen_printf(c->out, "1:\n");
        ins(c, "movaps %%%s, %%xmm15", rn(rx, 8));
        ins(c, "subs%c %%xmm14, %%xmm15", t);
        ins(c, "cvtts%c2si %%xmm15, %%%s", t, rn(w, 8));
        ins(c, "btsq $63, %%%s", rn(w, 8));
        codegen_printf(c->out, "2:\n");
    }
    finish(c, v, w);
}

/* Float to float. */
static void emit_f2f(CodegenCtx *c, Value *v) {
    Value *x = v->args[0];
    int w = work_reg(v, FS0, REG_NONE, REG_NONE);
    if (x->cls == v->cls) {
        load_to(c, w, x);
    } else {
        ins(c, "cvts%c2s%c %s, %%%s", x->cls == CLS_F32 ? 's' : 'd', v->cls == CLS_F32 ? 's' : 'd',
            val_op(c, x, 8).s, rn(w, 8));
    }
    finish(c, v, w);
}

/* ---- constants and symbols ------------------------------------------------------------- */

/* Const, ConstNil: integers by mov; floats by xorps (+0.0) or a
 * RIP-relative load of their bits, written to a mergeable constant
 * section (one load instead of a movabsq and a movq through r11). */
static void emit_const(CodegenCtx *c, Value *v) {
    int64_t x = v->op == SSA_OP_CONST_NIL ? 0 : v->aux_int;
    if (is_float(v->cls)) {
        int w = work_reg(v, FS0, REG_NONE, REG_NONE);
        bool f32 = v->cls == CLS_F32;
        if (f32)
            x &= 0xFFFFFFFF;
        if (x == 0) {
            ins(c, "xorps %%%s, %%%s", rn(w, 8), rn(w, 8));
        } else {
            ins(c, ".pushsection .rodata.cst%d,\"aM\",@progbits,%d", f32 ? 4 : 8, f32 ? 4 : 8);
            ins(c, ".balign %d", f32 ? 4 : 8);
            codegen_printf(c->out, ".LK%u_%u:\n", c->func_id, v->id);
            ins(c, "%s %" PRIu64, f32 ? ".long" : ".quad", (uint64_t)x);
            ins(c, ".popsection");
            ins(c, "movs%c .LK%u_%u(%%rip), %%%s", f32 ? 's' : 'd', c->func_id, v->id, rn(w, 8));
        }
        finish(c, v, w);
        return;
    }
    if (!is_float(v->cls) && v->cls != CLS_I64)
        x = ssa_const_sext(x, v->cls);
    int w = work_reg(v, S0, REG_NONE, REG_NONE);
    Opnd w4 = reg_op(w, 4), w8 = reg_op(w, 8), k = imm_op(x);
    if (x == 0)
        ins2(c, mn("xorl"), &w4, &w4);
    else if (x > 0 && x <= (int64_t)UINT32_MAX)
        ins2(c, mn("movl"), &k, &w4);
    else if (x >= INT32_MIN && x <= INT32_MAX)
        ins2(c, mn("movq"), &k, &w8);
    else
        ins2(c, mn("movabsq"), &k, &w8);
    finish(c, v, w);
}

/* Addr, SymAddr, ConstString: RIP-relative addresses. */
static void emit_symaddr(CodegenCtx *c, Value *v) {
    int w = work_reg(v, S0, REG_NONE, REG_NONE);
    ASM_OUT_LIT(c->out, "\tleaq ");
    if (v->op == SSA_OP_CONST_STRING)
        codegen_put_string_label(c, v);
    else
        codegen_put_value_symbol(c, v);
    char *p = asm_line_begin(c->out);
    p = ASM_PUT_LIT(p, "(%rip), ");
    p = asm_put_text(p, *reg_text(w, 8));
    *p++ = '\n';
    asm_line_end(c->out, p);
    finish(c, v, w);
}

/* ---- defer frames (docs/abi.md, "Defer, panic and recover") --------------------------- */

/* Field offsets of MgcDeferFrame. */
enum { DF_RESUME_PC = 16, DF_FP = 24, DF_SP = 32, DF_SAVED = 40 };

/* FramePtr: this function's rbp. */
static void emit_frameptr(CodegenCtx *c, Value *v) {
    int w = work_reg(v, S0, REG_NONE, REG_NONE);
    Opnd rbp = reg_op(AMD64_RBP, 8), ow = reg_op(w, 8);
    ins2(c, mn("movq"), &rbp, &ow);
    finish(c, v, w);
}

/* DeferResumed: fills the defer frame's resume state — the address of the
 * resume block (succs[0] of the If it controls), rbp, rsp and the
 * callee-saved registers as they are here, so that a recover continues in
 * the resume block with every value live into it where the allocator put
 * it (the op clobbers the caller-saved registers, so nothing live across
 * it is in one) — and yields false. */
static void emit_defer_resumed(CodegenCtx *c, Value *v) {
    static const int SAVED[] = {AMD64_RBX, AMD64_R12, AMD64_R13, AMD64_R14, AMD64_R15};
    SsaFunc *f = c->f;
    const Block *b = v->block;
    if (!f->defer_frame || b->kind != BLOCK_IF || b->controls[0] != v)
        ssa_ice(v->pos, "%s: v%u (DeferResumed) does not control a branch of a function with defer",
                f->name, v->id);
    int64_t fr = slot_offset(c, f->defer_frame);
    asm_out_puts(c->out, "\tleaq ");
    codegen_put_block_label(c, b->succs[0]);
    asm_out_puts(c->out, "(%rip), %r11\n");
    ins(c, "movq %%r11, %" PRId64 "(%%rbp)", fr + DF_RESUME_PC);
    ins(c, "movq %%rbp, %" PRId64 "(%%rbp)", fr + DF_FP);
    ins(c, "movq %%rsp, %" PRId64 "(%%rbp)", fr + DF_SP);
    for (int i = 0; i < 5; i++)
        ins(c, "movq %%%s, %" PRId64 "(%%rbp)", rn(SAVED[i], 8), fr + DF_SAVED + 8 * i);
    if (codegen_value_loc(v).kind == LOC_NONE)
        return;
    int w = work_reg(v, S0, REG_NONE, REG_NONE);
    ins(c, "xorl %%%s, %%%s", rn(w, 4), rn(w, 4));
    finish(c, v, w);
}

/* ---- calls and checks ------------------------------------------------------------------ */

/* Call, ClosureCall, RuntimeCall: the args to their places, the call, the
 * results to their homes. */
static void emit_call(CodegenCtx *c, Value *v) {
    codegen_emit_call_args(c, v);
    if (v->op == SSA_OP_CALL_CLOSURE) {
        INS_LIT(c, "call *(%r10)");
    } else {
        ASM_OUT_LIT(c->out, "\tcall ");
        codegen_put_value_symbol(c, v);
        asm_out_putc(c->out, '\n');
    }
    codegen_emit_call_results(c, v);
}

/* Writes the label of the out-of-line panic call of check v at p; returns the end. */
static char *check_label_text(const CodegenCtx *c, const Value *v, char *p) {
    p = ASM_PUT_LIT(p, ".LQ");
    p = asm_put_u64(p, c->func_id);
    *p++ = '_';
    return asm_put_u64(p, v->id);
}

/* Writes "\tj<cc> " at p; returns the end. */
static char *jump_text(char *p, const char *cc) {
    *p++ = '\t';
    *p++ = 'j';
    while (*cc)
        *p++ = *cc++;
    *p++ = ' ';
    return p;
}

/* Jumps to check v's panic call when condition cc holds. */
static void jump_to_panic(CodegenCtx *c, const Value *v, const char *cc) {
    char *p = jump_text(asm_line_begin(c->out), cc);
    p = check_label_text(c, v, p);
    *p++ = '\n';
    asm_line_end(c->out, p);
}

/* NilCheck, IsInBounds, IsSliceInBounds, DivCheck, ShiftCheck. */
static void emit_check(CodegenCtx *c, Value *v) {
    Value *a = v->args[0];
    switch (v->op) {
    case SSA_OP_NIL_CHECK: {
        if (a->op == AMD64_OP_FRAME)
            return;
        Opnd o = val_op(c, a, 8), zero = imm_op(0);
        if (o.kind == 'r')
            ins2(c, mn("testq"), &o, &o);
        else
            ins2(c, mn("cmpq"), &zero, &o);
        jump_to_panic(c, v, "e");
        return;
    }
    case SSA_OP_DIV_CHECK:
    case SSA_OP_SHIFT_CHECK: {
        int size = cls_size(a->cls);
        Opnd o = val_op(c, a, size), zero = imm_op(0);
        if (o.kind == 'r')
            ins2(c, mn_sfx("test", sfx(size)), &o, &o);
        else
            ins2(c, mn_sfx("cmp", sfx(size)), &zero, &o);
        jump_to_panic(c, v, v->op == SSA_OP_DIV_CHECK ? "e" : "s");
        return;
    }
    default:
        break;
    }
    /* bounds: unsigned x < y (index) or x <= y (slice) */
    Value *b = v->args[1];
    Opnd ox = val_op(c, a, 8), oy = val_op(c, b, 8);
    bool slice = v->op == SSA_OP_SLICE_CHECK;
    if (slice && v->aux_int == -1) {
        /* make: 0 <= len <= cap, signed */
        if (ox.kind != 'r') {
            load_to(c, S0, a);
            ox = reg_op(S0, 8);
        }
        ins2(c, mn("testq"), &ox, &ox);
        jump_to_panic(c, v, "s");
        ins2(c, mn("cmpq"), &oy, &ox);
        jump_to_panic(c, v, "g");
        return;
    }
    if (ox.kind == 'i' && oy.kind != 'i') {
        ins2(c, mn("cmpq"), &ox, &oy); /* flags of y against x */
        jump_to_panic(c, v, slice ? "b" : "be");
        return;
    }
    if (ox.kind != 'r' && (oy.kind != 'r' || ox.kind == 'i')) {
        load_to(c, S0, a);
        ox = reg_op(S0, 8);
    }
    ins2(c, mn("cmpq"), &oy, &ox);
    jump_to_panic(c, v, slice ? "a" : "ae");
}

/* Whether v jumps to an out-of-line panic call. */
static bool has_panic_call(const Value *v) {
    switch (v->op) {
    case SSA_OP_NIL_CHECK:
        return v->args[0]->op != AMD64_OP_FRAME;
    case SSA_OP_BOUNDS_CHECK: case SSA_OP_SLICE_CHECK: case SSA_OP_DIV_CHECK:
    case SSA_OP_SHIFT_CHECK:
        return true;
    default:
        return false;
    }
}


/* The source location of arg v of a panic call. */
static Loc arg_loc(const Value *v) {
    if (v->op == AMD64_OP_IMM)
        return (Loc){.kind = LOC_IMM, .cls = CLS_I64, .off = v->aux_int};
    Loc l = codegen_value_loc(v);
    l.cls = CLS_I64;
    return l;
}

/* The panic of make([]T, len, cap) with len < 0 or cap < len, in Go's
 * words, through the runtime's run-time error entry. */
static void emit_makeslice_panic(CodegenCtx *c, const Value *v) {
    load_to(c, S0, v->args[0]);
    codegen_printf(c->out, "\tleaq .LQ%u_%u_len(%%rip), %%rdi\n", c->func_id, v->id);
    ins(c, "testq %%r11, %%r11");
    ins(c, "js 1f");
    codegen_printf(c->out, "\tleaq .LQ%u_%u_cap(%%rip), %%rdi\n", c->func_id, v->id);
    codegen_printf(c->out, "1:\n");
    ins(c, "andq $-16, %%rsp");
    ins(c, "call mgc_panic_runtime_error");
    ins(c, ".pushsection .rodata");
    codegen_printf(c->out, ".LQ%u_%u_len:\n\t.string \"runtime error: makeslice: len out of range\"\n", c->func_id, v->id);
    codegen_printf(c->out, ".LQ%u_%u_cap:\n\t.string \"runtime error: makeslice: cap out of range\"\n", c->func_id, v->id);
    ins(c, ".popsection");
}

/* The panic call of check v: its operands to rdi, rsi, rdx, then the
 * runtime's noreturn function, on a realigned stack. */
static void emit_panic_call(CodegenCtx *c, const Value *v) {
    char *p = check_label_text(c, v, asm_line_begin(c->out));
    asm_line_end(c->out, ASM_PUT_LIT(p, ":\n"));
    codegen_mark_line(c, v->pos);
    Loc dst[3], src[3];
    int n = 0;
    const char *fn;
    static const int ARGS[] = {AMD64_RDI, AMD64_RSI, AMD64_RDX};
    switch (v->op) {
    case SSA_OP_NIL_CHECK: fn = "mgc_panic_nil"; break;
    case SSA_OP_DIV_CHECK: fn = "mgc_panic_divide"; break;
    case SSA_OP_SHIFT_CHECK: fn = "mgc_panic_shift"; break;
    default:
        if (v->op == SSA_OP_SLICE_CHECK && v->aux_int == -1) {
            emit_makeslice_panic(c, v);
            return;
        } else if (v->op == SSA_OP_BOUNDS_CHECK && v->aux_int == 0) {
            fn = "mgc_panic_index";
        } else {
            fn = "mgc_panic_slice";
            src[n] = (Loc){.kind = LOC_IMM, .cls = CLS_I64, .off = v->aux_int};
            n++;
        }
        src[n++] = arg_loc(v->args[0]);
        src[n++] = arg_loc(v->args[1]);
        break;
    }
    for (int i = 0; i < n; i++)
        dst[i] = (Loc){.kind = LOC_REG, .cls = CLS_I64, .reg = (int16_t)ARGS[i]};
    codegen_parallel_move(c, dst, src, n);
    INS_LIT(c, "andq $-16, %rsp");
    ASM_OUT_LIT(c->out, "\tcall ");
    asm_out_puts(c->out, fn);
    asm_out_putc(c->out, '\n');
}

/* ---- the Target's emitting entry points ------------------------------------------------- */

/* Saves rbp, sets it, reserves the frame and saves the callee-saved
 * registers in use (with their CFI). */
void amd64_emit_prologue(CodegenCtx *c, const Frame *fr) {
    AsmOut *out = c->out;
    ASM_OUT_LIT(out, "\tpushq %rbp\n"
                     "\t.cfi_def_cfa_offset 16\n"
                     "\t.cfi_offset %rbp, -16\n"
                     "\tmovq %rsp, %rbp\n"
                     "\t.cfi_def_cfa_register %rbp\n");
    if (fr->size > 0) {
        char *p = asm_line_begin(out);
        p = ASM_PUT_LIT(p, "\tsubq $");
        p = asm_put_i64(p, fr->size);
        asm_line_end(out, ASM_PUT_LIT(p, ", %rsp\n"));
    }
    for (int r = 0; r < 16; r++) {
        if (!(fr->saved & REG_BIT(r)))
            continue;
        /* "\tmovq %rbx, -8(%rbp)\n\t.cfi_offset %rbx, -24\n" */
        char *p = asm_line_begin(out);
        p = ASM_PUT_LIT(p, "\tmovq ");
        p = asm_put_text(p, REG_TEXT[3][r]);
        p = ASM_PUT_LIT(p, ", ");
        p = asm_put_i64(p, fr->save_off[r]);
        p = ASM_PUT_LIT(p, "(%rbp)\n\t.cfi_offset ");
        p = asm_put_text(p, REG_TEXT[3][r]);
        p = ASM_PUT_LIT(p, ", ");
        p = asm_put_i64(p, fr->save_off[r] - 16);
        *p++ = '\n';
        asm_line_end(out, p);
    }
}

/* Restores the saved registers and returns; the CFI state of the body
 * continues after it (a function may return from several blocks). */
void amd64_emit_epilogue(CodegenCtx *c, const Frame *fr) {
    AsmOut *out = c->out;
    INS_LIT(c, ".cfi_remember_state");
    for (int r = 0; r < 16; r++) {
        if (!(fr->saved & REG_BIT(r)))
            continue;
        char *p = asm_line_begin(out);
        p = ASM_PUT_LIT(p, "\tmovq ");
        p = asm_put_i64(p, fr->save_off[r]);
        p = ASM_PUT_LIT(p, "(%rbp), ");
        p = asm_put_text(p, REG_TEXT[3][r]);
        *p++ = '\n';
        asm_line_end(out, p);
    }
    ASM_OUT_LIT(out, "\tleave\n"
                     "\t.cfi_def_cfa %rsp, 8\n"
                     "\tret\n"
                     "\t.cfi_restore_state\n");
}

/* The code of one value. */
void amd64_emit_value(CodegenCtx *c, Value *v) {
    switch (v->op) {
    case AMD64_OP_IMM: case AMD64_OP_FRAME: case SSA_OP_PHI: case SSA_OP_SELECT:
    case SSA_OP_ARG: case SSA_OP_CONTEXT: case SSA_OP_RESULT_PTR:
        return;
    case SSA_OP_CONST: case SSA_OP_CONST_NIL: emit_const(c, v); return;
    case SSA_OP_CONST_STRING: case SSA_OP_ADDR: case SSA_OP_SYMADDR: emit_symaddr(c, v); return;
    case SSA_OP_COPY: {
        Loc d = codegen_value_loc(v), s = codegen_value_loc(v->args[0]);
        if (v->args[0]->op == AMD64_OP_IMM)
            s = arg_loc(v->args[0]);
        d.cls = s.cls = v->cls;
        codegen_parallel_move(c, &d, &s, 1);
        return;
    }
    case SSA_OP_ADD: case SSA_OP_SUB: case SSA_OP_MUL: case SSA_OP_AND: case SSA_OP_OR:
    case SSA_OP_XOR:
        emit_alu(c, v);
        return;
    case SSA_OP_ANDNOT: emit_andnot(c, v); return;
    case SSA_OP_NEG: case SSA_OP_COM: case SSA_OP_NOT: emit_unary(c, v); return;
    case SSA_OP_HMUL: case SSA_OP_HMULU: emit_hmul(c, v); return;
    case SSA_OP_DIV: case SSA_OP_DIVU: case SSA_OP_MOD: case SSA_OP_MODU: emit_div(c, v); return;
    case SSA_OP_SHL: case SSA_OP_SHR: case SSA_OP_SHRU: emit_shift(c, v); return;
    case SSA_OP_SEXT: case SSA_OP_ZEXT: case SSA_OP_TRUNC: emit_ext(c, v); return;
    case SSA_OP_FADD: case SSA_OP_FSUB: case SSA_OP_FMUL: case SSA_OP_FDIV: emit_falu(c, v); return;
    case SSA_OP_FNEG: emit_fneg(c, v); return;
    case SSA_OP_CVT_I2F: case SSA_OP_CVT_U2F: emit_i2f(c, v); return;
    case SSA_OP_CVT_F2I: case SSA_OP_CVT_F2U: emit_f2i(c, v); return;
    case SSA_OP_CVT_F2F: emit_f2f(c, v); return;
    case SSA_OP_LOAD: case AMD64_OP_LOADX: emit_load(c, v); return;
    case SSA_OP_STORE: case AMD64_OP_STOREX: emit_store(c, v); return;
    case SSA_OP_OFFPTR: case SSA_OP_ADDPTR: case SSA_OP_SLOT: case AMD64_OP_LEAX: emit_lea(c, v); return;
    case SSA_OP_ZERO: emit_zero(c, v); return;
    case SSA_OP_FRAME_PTR: emit_frameptr(c, v); return;
    case SSA_OP_DEFER_RESUMED: emit_defer_resumed(c, v); return;
    case SSA_OP_MOVE: emit_movemem(c, v); return;
    case SSA_OP_CALL: case SSA_OP_CALL_CLOSURE: case SSA_OP_CALL_RUNTIME: emit_call(c, v); return;
    case SSA_OP_NIL_CHECK: case SSA_OP_BOUNDS_CHECK: case SSA_OP_SLICE_CHECK: case SSA_OP_DIV_CHECK:
    case SSA_OP_SHIFT_CHECK:
        emit_check(c, v);
        return;
    default:
        if (amd64_is_compare(v->op)) {
            if (!amd64_fused_compare(v))
                emit_setcc(c, v);
            return;
        }
        ssa_ice(v->pos, "%s: amd64 cannot emit v%u (%s)", c->f->name, v->id, ssa_op_name(v->op));
    }
}

/* A jump to block b. */
static void jump(CodegenCtx *c, const char *cc, const Block *b) {
    char *p = jump_text(asm_line_begin(c->out), cc);
    p = codegen_block_label_text(c, b, p);
    *p++ = '\n';
    asm_line_end(c->out, p);
}

/* The end of block b: fused compare and conditional jump, plain jump
 * (omitted into the next block), or return. */
void amd64_emit_block_end(CodegenCtx *c, Block *b, Block *next) {
    switch (b->kind) {
    case BLOCK_PLAIN:
        if (b->succs[0] != next)
            jump(c, "mp", b->succs[0]);
        return;
    case BLOCK_RET:
        codegen_emit_return_moves(c, b);
        amd64_emit_epilogue(c, &c->frame);
        return;
    case BLOCK_EXIT:
        INS_LIT(c, "ud2");
        return;
    case BLOCK_IF:
        break;
    default:
        return;
    }
    Value *ctl = b->controls[0];
    Block *yes = b->succs[0], *no = b->succs[1];
    const char *cc;
    if (ctl->op == SSA_OP_DEFER_RESUMED && codegen_value_loc(ctl).kind == LOC_NONE) {
        /* false when executed: the resume block is entered by mgc_resume only */
        if (no != next)
            jump(c, "mp", no);
        return;
    }
    if (amd64_is_compare(ctl->op) && amd64_fused_compare(ctl)) {
        cc = emit_cmp(c, ctl);
        if (ctl->op == SSA_OP_FEQ) {
            /* equal: ZF set and PF clear */
            jump(c, "ne", no);
            jump(c, "p", no);
            if (yes != next)
                jump(c, "mp", yes);
            return;
        }
        if (ctl->op == SSA_OP_FNE) {
            jump(c, "ne", yes);
            jump(c, "p", yes);
            if (no != next)
                jump(c, "mp", no);
            return;
        }
    } else {
        Opnd o = val_op(c, ctl, 1), zero = imm_op(0);
        if (o.kind == 'r')
            ins2(c, mn("testb"), &o, &o);
        else
            ins2(c, mn("cmpb"), &zero, &o);
        cc = "ne";
    }
    if (yes == next) {
        jump(c, cond_not(cc), no);
    } else {
        jump(c, cc, yes);
        if (no != next)
            jump(c, "mp", no);
    }
}

/* The out-of-line panic calls of the function's checks. */
void amd64_emit_func_end(CodegenCtx *c) {
    SsaFunc *f = c->f;
    for (int bi = 0; bi < f->nblocks; bi++) {
        Block *b = f->blocks[bi];
        for (int i = 0; i < b->nvalues; i++)
            if (has_panic_call(b->values[i]))
                emit_panic_call(c, b->values[i]);
    }
}

/* The operand of a memory location. */
static Opnd mem_op(CodegenCtx *c, const Loc *l) {
    if (l->kind == LOC_SLOT)
        return frame_op(codegen_slot_offset(c, l->index), AMD64_RBP);
    if (l->kind == LOC_ARG_STACK)
        return frame_op(16 + l->off, AMD64_RBP);
    return frame_op(l->off, AMD64_RSP);
}

/* One word between registers, memory and immediates (not memory to memory). */
void amd64_emit_move(CodegenCtx *c, const Loc *dst, const Loc *src) {
    bool fl = is_float(src->cls) || is_float(dst->cls);
    AsmText movs = movs_of(src->cls == CLS_F32 || dst->cls == CLS_F32 ? CLS_F32 : CLS_F64);
    if (dst->kind == LOC_REG && src->kind == LOC_REG) {
        if (dst->reg == src->reg)
            return;
        Opnd s = reg_op(src->reg, 8), d = reg_op(dst->reg, 8);
        ins2(c, mn(fl ? "movaps" : "movq"), &s, &d);
        return;
    }
    if (src->kind == LOC_IMM) {
        int64_t x = src->off;
        Opnd k = imm_op(x);
        if (dst->kind == LOC_REG && !fl) {
            Opnd d = reg_op(dst->reg, 8);
            ins2(c, mn(x >= INT32_MIN && x <= INT32_MAX ? "movq" : "movabsq"), &k, &d);
        } else if (dst->kind == LOC_REG) {
            Opnd rax = reg_op(AMD64_RAX, 8), d = reg_op(dst->reg, 8);
            ins2(c, mn("movabsq"), &k, &rax);
            ins2(c, mn("movq"), &rax, &d);
        } else {
            Opnd d = mem_op(c, dst);
            ins2(c, mn("movq"), &k, &d);
        }
        return;
    }
    if (dst->kind == LOC_REG) {
        Opnd s = mem_op(c, src), d = reg_op(dst->reg, 8);
        ins2(c, fl ? movs : mn("movq"), &s, &d);
        return;
    }
    Opnd s = reg_op(src->reg, 8), d = mem_op(c, dst);
    ins2(c, fl ? movs : mn("movq"), &s, &d);
}

/* Exchanges two registers of one class. */
void amd64_emit_swap(CodegenCtx *c, int r1, int r2) {
    Opnd a = reg_op(r1, 8), b = reg_op(r2, 8);
    if (r1 >= AMD64_XMM0) {
        Opnd x = reg_op(FS0, 8);
        ins2(c, mn("movaps"), &a, &x);
        ins2(c, mn("movaps"), &b, &a);
        ins2(c, mn("movaps"), &x, &b);
    } else {
        ins2(c, mn("xchgq"), &a, &b);
    }
}
