/*
 * mimic.h: assembler macros for the end-to-end runtime tests, which are
 * hand-written amd64 stand-ins for what mgc's code generator emits for the
 * Go program beside each file (docs/abi.md): frame-pointer prologues,
 * System V calls into the runtime, Go symbol names, and the mgc_pctab
 * function table.  Included by the .S files (C preprocessor syntax).
 */
#ifndef MGC_TESTS_RUNTIME_MIMIC_H
#define MGC_TESTS_RUNTIME_MIMIC_H

/* Starts function SYM (a quoted Go name), ID naming its local labels. */
#define FUNC(SYM, ID)                                                        \
        .text; .globl SYM; .type SYM, @function; .p2align 4; SYM:            \
        pushq %rbp; movq %rsp, %rbp

/* Ends it: the epilogue, the end label, its mgc_pctab entry (NLINES rows
 * of LINES_ID follow, written with LINE), FILE its source path. */
#define ENDFUNC(SYM, ID, FILE, NLINES)                                       \
        leave; ret;                                                          \
        .L##ID##_end:;                                                       \
        .size SYM, .-SYM;                                                    \
        .section mgc_pctab, "aw"; .balign 8;                                 \
        .quad SYM, .L##ID##_end, .L##ID##_name, FILE;                        \
        .quad .L##ID##_lines; .long NLINES, 0;                               \
        .section .rodata; .L##ID##_name: .asciz SYM;                         \
        .balign 4; .L##ID##_lines:

/* A row of the pc-to-line table: from label LABEL on, line N. */
#define LINE(SYM, LABEL, N) .long LABEL - SYM, N

/* The empty package initializer. */
#define EMPTY_INIT                                                           \
        .text; .globl "main.init"; .type "main.init", @function;             \
        "main.init": ret

/* A string constant: an MgcString at LABEL pointing to the bytes (in
 * .data.rel.ro: data holding addresses needs relocations in a PIE). */
#define GOSTRING(LABEL, TEXT, LEN)                                           \
        .section .data.rel.ro, "aw"; .balign 8; LABEL: .quad LABEL##_bytes, LEN;        \
        LABEL##_bytes: .ascii TEXT

/* A type descriptor (MgcType of runtime/mgcrt.h) at LABEL. */
#define TYPEDESC(LABEL, SIZE, KIND, FLAGS, NAME)                             \
        .section .data.rel.ro, "aw"; .balign 8; LABEL:                       \
        .quad SIZE; .long 0; .byte KIND, 8, FLAGS, 0;                        \
        .quad 0, 0, 0, LABEL##_name, 0, 0; .long 0, 0; .quad 0; .long 0, 0;  \
        LABEL##_name: .asciz NAME

/* The prologue of a function with defer: an MgcDeferFrame at -128(%rbp)
 * (fields at +0 prev, +8 defers, +16 resume_pc, +24 fp, +32 sp, +40
 * saved), 48 more bytes of locals below it, then linking the frame in. */
#define DEFER_PROLOGUE(RESUME)                                               \
        subq $176, %rsp;                                                     \
        movq %rbx, -88(%rbp); movq %r12, -80(%rbp); movq %r13, -72(%rbp);    \
        movq %r14, -64(%rbp); movq %r15, -56(%rbp);                          \
        leaq RESUME(%rip), %rax; movq %rax, -112(%rbp);                      \
        movq %rbp, -104(%rbp); movq %rsp, -96(%rbp);                         \
        leaq -128(%rbp), %rdi; callq mgc_defer_push_frame

/* defer: the closure {CODE, captured word in %rcx} at -168(%rbp) and its
 * MgcDefer record at -152(%rbp). */
#define DEFER(CODE)                                                          \
        leaq CODE(%rip), %rax; movq %rax, -168(%rbp);                        \
        movq %rcx, -160(%rbp);                                               \
        leaq -168(%rbp), %rax; movq %rax, -144(%rbp);                        \
        leaq -128(%rbp), %rdi; leaq -152(%rbp), %rsi; callq mgc_defer_push

/* The function's return path: runs the deferred calls. */
#define DEFER_RETURN leaq -128(%rbp), %rdi; callq mgc_defer_return

/* One argument of print/println each. */
#define P_INT(V) movabsq $V, %rdi; callq mgc_printint
#define P_UINT(V) movabsq $V, %rdi; callq mgc_printuint
#define P_FLOAT(BITS) movabsq $BITS, %rax; movq %rax, %xmm0; callq mgc_printfloat
#define P_BOOL(V) movl $V, %edi; callq mgc_printbool
#define P_STR(LABEL) movq LABEL(%rip), %rdi; movq LABEL+8(%rip), %rsi; callq mgc_printstring
#define P_SP callq mgc_printsp
#define P_NL callq mgc_printnl
#define P_LOCK callq mgc_printlock
#define P_UNLOCK callq mgc_printunlock

        .section .note.GNU-stack, "", @progbits
#endif
