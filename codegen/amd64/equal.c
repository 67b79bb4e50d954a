/* equal.c — the equality functions of type descriptors (MgcType.equal,
 * docs/abi.md) on amd64: bool eq(const void *a, const void *b) in the
 * System V ABI, one weak function per comparable type, made of the steps
 * codegen computed from the type's layout (target.h, EqStep).
 *
 * The frame keeps a and b in rbx and r12 and a loop's offset and count in
 * r13 and r14 (callee-saved, so steps may call memcmp, mgc_efaceeq,
 * mgc_ifaceeq and other equality functions); the first step that differs
 * jumps to the false exit. */
#include <inttypes.h>

#include "codegen/amd64/amd64.h"

/* Writes one instruction line. */
static void line(AsmOut *out, const char *text) {
    codegen_printf(out, "\t%s\n", text);
}

/* Compares size bytes at off of a and b as an integer. */
static void step_mem(AsmOut *out, const EqStep *s) {
    static const char *const REG[] = {"al", "ax", "eax", "rax"};
    int k = s->size == 1 ? 0 : s->size == 2 ? 1 : s->size == 4 ? 2 : 3;
    char sfx = "bwlq"[k];
    codegen_printf(out, "\tmov%c %" PRId64 "(%%rbx), %%%s\n", sfx, s->off, REG[k]);
    codegen_printf(out, "\tcmp%c %" PRId64 "(%%r12), %%%s\n", sfx, s->off, REG[k]);
    line(out, "jne 8f");
}

/* Compares two floats: unordered (NaN) or different is false. */
static void step_float(AsmOut *out, const EqStep *s) {
    char t = s->kind == EQ_F32 ? 's' : 'd';
    codegen_printf(out, "\tmovs%c %" PRId64 "(%%rbx), %%xmm0\n", t, s->off);
    codegen_printf(out, "\tucomis%c %" PRId64 "(%%r12), %%xmm0\n", t, s->off);
    line(out, "jne 8f");
    line(out, "jp 8f");
}

/* Compares two strings: the lengths, then the bytes with memcmp. */
static void step_string(AsmOut *out, const EqStep *s) {
    codegen_printf(out, "\tmovq %" PRId64 "(%%rbx), %%rdx\n", s->off + 8);
    codegen_printf(out, "\tcmpq %" PRId64 "(%%r12), %%rdx\n", s->off + 8);
    line(out, "jne 8f");
    codegen_printf(out, "\tmovq %" PRId64 "(%%rbx), %%rdi\n", s->off);
    codegen_printf(out, "\tmovq %" PRId64 "(%%r12), %%rsi\n", s->off);
    line(out, "call memcmp@PLT");
    line(out, "testl %eax, %eax");
    line(out, "jne 8f");
}

/* Compares two interfaces through the runtime (which panics on an
 * uncomparable dynamic type, as Go does). */
static void step_iface(AsmOut *out, const EqStep *s) {
    codegen_printf(out, "\tmovq %" PRId64 "(%%rbx), %%rdi\n", s->off);
    codegen_printf(out, "\tmovq %" PRId64 "(%%rbx), %%rsi\n", s->off + 8);
    codegen_printf(out, "\tmovq %" PRId64 "(%%r12), %%rdx\n", s->off);
    codegen_printf(out, "\tmovq %" PRId64 "(%%r12), %%rcx\n", s->off + 8);
    codegen_printf(out, "\tcall %s\n", s->kind == EQ_EFACE ? "mgc_efaceeq" : "mgc_ifaceeq");
    line(out, "testb %al, %al");
    line(out, "je 8f");
}

/* Compares count elements with the element type's equality function. */
static void step_loop(AsmOut *out, const EqStep *s) {
    line(out, "xorl %r13d, %r13d");
    codegen_printf(out, "\tmovq $%" PRId64 ", %%r14\n", s->count);
    codegen_printf(out, "1:\n\tleaq %" PRId64 "(%%rbx,%%r13), %%rdi\n", s->off);
    codegen_printf(out, "\tleaq %" PRId64 "(%%r12,%%r13), %%rsi\n\tcall ", s->off);
    codegen_put_symbol(out, s->fn);
    asm_out_putc(out, '\n');
    line(out, "testb %al, %al");
    line(out, "je 8f");
    codegen_printf(out, "\taddq $%" PRId64 ", %%r13\n", s->stride);
    line(out, "decq %r14");
    line(out, "jne 1b");
}

/* Writes the equality function sym made of steps[0..n). */
void amd64_emit_equal(CodegenCtx *c, const char *sym, const EqStep *steps, int n) {
    AsmOut *out = c->out;
    codegen_printf(out, "\t.text\n\t.weak ");
    codegen_put_symbol(out, sym);
    codegen_printf(out, "\n\t.type ");
    codegen_put_symbol(out, sym);
    codegen_printf(out, ", @function\n");
    codegen_put_symbol(out, sym);
    codegen_printf(out, ":\n\t.cfi_startproc\n");
    line(out, "pushq %rbp");
    line(out, ".cfi_def_cfa_offset 16");
    line(out, ".cfi_offset %rbp, -16");
    line(out, "movq %rsp, %rbp");
    line(out, ".cfi_def_cfa_register %rbp");
    line(out, "pushq %rbx");
    line(out, "pushq %r12");
    line(out, "pushq %r13");
    line(out, "pushq %r14");
    line(out, "movq %rdi, %rbx");
    line(out, "movq %rsi, %r12");
    for (int i = 0; i < n; i++) {
        switch (steps[i].kind) {
        case EQ_MEM: step_mem(out, &steps[i]); break;
        case EQ_F32: case EQ_F64: step_float(out, &steps[i]); break;
        case EQ_STRING: step_string(out, &steps[i]); break;
        case EQ_EFACE: case EQ_IFACE: step_iface(out, &steps[i]); break;
        default: step_loop(out, &steps[i]); break;
        }
    }
    line(out, "movl $1, %eax");
    line(out, "jmp 9f");
    codegen_printf(out, "8:\n");
    line(out, "xorl %eax, %eax");
    codegen_printf(out, "9:\n");
    line(out, "popq %r14");
    line(out, "popq %r13");
    line(out, "popq %r12");
    line(out, "popq %rbx");
    line(out, "popq %rbp");
    line(out, ".cfi_def_cfa %rsp, 8");
    line(out, "ret");
    codegen_printf(out, "\t.cfi_endproc\n\t.size ");
    codegen_put_symbol(out, sym);
    codegen_printf(out, ", .-");
    codegen_put_symbol(out, sym);
    asm_out_putc(out, '\n');
}
