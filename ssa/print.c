/* print.c — the text form of a function, as `-d ssa=FUNC` shows it after
 * every pass (modelled on GOSSAFUNC's text output):
 *
 *   pass build main.sum
 *   b1:
 *     v1 = Arg <int> [0] (line 3) uses=1
 *     v2 = Const <int> [0] (line 4) uses=1
 *     Plain -> b2
 *   b2: <- b1 b3
 *     v4 = Phi <int> v2 v9 (line 4) uses=2
 *     ...
 *     If v6 -> b3 b4
 *
 * A value prints its op, its Go type (or its machine class when it has no
 * type), aux_int in brackets, aux in braces, its args, its line and its use
 * count. */
#include "ssa/ssa.h"

#include <inttypes.h>
#include <string.h>

static const char *const CLASS_NAMES[] = {"void", "B", "I8", "I16", "I32", "I64", "F32", "F64", "tuple"};

/* Returns the name of a machine class. */
const char *ssa_class_name(int cls) {
    if (cls >= 0 && cls < (int)(sizeof CLASS_NAMES / sizeof CLASS_NAMES[0]))
        return CLASS_NAMES[cls];
    return "?";
}

/* Whether op always shows its aux_int (else only when it is not 0). */
static bool shows_aux_int(int op) {
    switch (op) {
    case SSA_OP_CONST: case SSA_OP_ARG: case SSA_OP_SELECT: case SSA_OP_LOAD:
    case SSA_OP_STORE: case SSA_OP_OFFPTR: case SSA_OP_ZERO: case SSA_OP_MOVE:
        return true;
    default:
        return false;
    }
}

/* Prints the bytes of a string constant quoted, shortened past 40 bytes. */
static void print_quoted(FILE *out, const char *s, int64_t len) {
    fputc('"', out);
    int64_t n = len > 40 ? 40 : len;
    for (int64_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '"' || c == '\\')
            fprintf(out, "\\%c", c);
        else if (c == '\n')
            fputs("\\n", out);
        else if (c < 0x20 || c >= 0x7f)
            fprintf(out, "\\x%02x", c);
        else
            fputc(c, out);
    }
    fputs(len > n ? "\"..." : "\"", out);
}

/* Prints v's aux_int: floats as numbers, other constants as integers. */
static void print_aux_int(FILE *out, const Value *v) {
    if (v->op == SSA_OP_CONST && v->cls == CLS_F64) {
        double d;
        memcpy(&d, &v->aux_int, sizeof d);
        fprintf(out, " [%g]", d);
    } else if (v->op == SSA_OP_CONST && v->cls == CLS_F32) {
        float x;
        uint32_t bits = (uint32_t)v->aux_int;
        memcpy(&x, &bits, sizeof x);
        fprintf(out, " [%g]", (double)x);
    } else {
        fprintf(out, " [%" PRId64 "]", v->aux_int);
    }
}

/* Prints v's aux in braces, read as the op defines it. */
static void print_aux(FILE *out, const Value *v) {
    if (!v->aux)
        return;
    char buf[128];
    switch (v->op) {
    case SSA_OP_CONST_STRING:
        fputs(" {", out);
        print_quoted(out, v->aux, v->aux_int);
        fputc('}', out);
        return;
    case SSA_OP_ADDR: case SSA_OP_CALL:
        fprintf(out, " {%s}", ((const Object *)v->aux)->name);
        return;
    case SSA_OP_SLOT: {
        const SsaSlot *s = v->aux;
        fprintf(out, " {%s}", s->name ? s->name : "spill");
        return;
    }
    case SSA_OP_CALL_RUNTIME: case SSA_OP_SYMADDR:
        fprintf(out, " {%s}", (const char *)v->aux);
        return;
    case SSA_OP_NEW: case SSA_OP_NEW_SIZED:
        fprintf(out, " {%s}", type_string((Type *)v->aux, buf, sizeof buf));
        return;
    default:
        fputs(" {...}", out);
        return;
    }
}

/* Prints one value line (indented, newline-terminated). */
void ssa_print_value(FILE *out, const Value *v) {
    char buf[128];
    fprintf(out, "  v%u = %s", v->id, ssa_op_name(v->op));
    if (v->type)
        fprintf(out, " <%s>", type_string(v->type, buf, sizeof buf));
    else if (v->cls != CLS_VOID)
        fprintf(out, " <%s>", ssa_class_name(v->cls));
    if (shows_aux_int(v->op) || v->aux_int != 0)
        print_aux_int(out, v);
    print_aux(out, v);
    for (int i = 0; i < v->nargs; i++) {
        if (v->args[i])
            fprintf(out, " v%u", v->args[i]->id);
        else
            fputs(" <nil>", out);
    }
    if (v->pos != POS_NONE)
        fprintf(out, " (line %u)", pos_line(v->pos));
    fprintf(out, " uses=%d\n", v->uses);
}

/* Prints how b ends: its kind, controls and successors. */
static void print_block_end(FILE *out, const Block *b) {
    switch (b->kind) {
    case BLOCK_PLAIN: fputs("  Plain", out); break;
    case BLOCK_IF: fputs("  If", out); break;
    case BLOCK_RET: fputs("  Ret", out); break;
    case BLOCK_EXIT: fputs("  Exit", out); break;
    default: fprintf(out, "  Kind%d", b->kind); break;
    }
    for (int i = 0; i < b->ncontrols; i++)
        fprintf(out, " v%u", b->controls[i]->id);
    if (b->nsuccs > 0) {
        fputs(" ->", out);
        for (int i = 0; i < b->nsuccs; i++)
            fprintf(out, " b%u", b->succs[i]->id);
    }
    if (b->kind == BLOCK_IF && b->likely)
        fputs(b->likely > 0 ? " (likely)" : " (unlikely)", out);
    fputc('\n', out);
}

/* Prints f after the pass named after_pass (NULL: no pass yet). */
void ssa_print_func(FILE *out, const SsaFunc *f, const char *after_pass) {
    char buf[128];
    fprintf(out, "pass %s %s", after_pass ? after_pass : "start", f->name ? f->name : "?");
    if (f->sig)
        fprintf(out, " %s", type_string(f->sig, buf, sizeof buf));
    fputc('\n', out);
    for (int i = 0; i < f->nslots; i++) {
        const SsaSlot *s = f->slots[i];
        fprintf(out, "  slot %s size=%" PRId64 " align=%d", s->name ? s->name : "spill", s->size, (int)s->align);
        if (s->offset >= 0)
            fprintf(out, " offset=%" PRId64, s->offset);
        fputc('\n', out);
    }
    for (int i = 0; i < f->nblocks; i++) {
        const Block *b = f->blocks[i];
        fprintf(out, "b%u:", b->id);
        if (b->npreds > 0) {
            fputs(" <-", out);
            for (int j = 0; j < b->npreds; j++)
                fprintf(out, " b%u", b->preds[j]->id);
        }
        fputc('\n', out);
        for (int j = 0; j < b->nvalues; j++)
            ssa_print_value(out, b->values[j]);
        print_block_end(out, b);
    }
}
