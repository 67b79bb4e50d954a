/*
 * stack.S (amd64): switching to the goroutine stack, calling closures and
 * resuming a frame after recover.
 */
        .text

/* void mgc_run_on_stack(void *top, void (*fn)(void)): calls fn with the
 * stack pointer at top and a zero frame pointer (where tracebacks end),
 * then returns on the original stack. */
        .globl  mgc_run_on_stack
        .type   mgc_run_on_stack, @function
mgc_run_on_stack:
        .cfi_startproc
        pushq   %rbp
        .cfi_def_cfa_offset 16
        .cfi_offset %rbp, -16
        movq    %rsp, %rbp
        .cfi_def_cfa_register %rbp
        pushq   %rbx
        .cfi_offset %rbx, -24
        movq    %rsp, %rbx
        andq    $-16, %rdi
        movq    %rdi, %rsp
        xorl    %ebp, %ebp
        callq   *%rsi
        movq    %rbx, %rsp
        popq    %rbx
        popq    %rbp
        .cfi_def_cfa %rsp, 8
        ret
        .cfi_endproc
        .size   mgc_run_on_stack, .-mgc_run_on_stack

/* void mgc_call_closure(void *closure): calls the code at word 0 of the
 * closure with the closure in the context register r10. */
        .globl  mgc_call_closure
        .type   mgc_call_closure, @function
mgc_call_closure:
        .cfi_startproc
        pushq   %rbp
        .cfi_def_cfa_offset 16
        .cfi_offset %rbp, -16
        movq    %rsp, %rbp
        .cfi_def_cfa_register %rbp
        movq    %rdi, %r10
        callq   *(%rdi)
        popq    %rbp
        .cfi_def_cfa %rsp, 8
        ret
        .cfi_endproc
        .size   mgc_call_closure, .-mgc_call_closure

/* void mgc_call_deferred(void *closure): the same, for the deferred calls
 * a panic runs; recover() knows them by the return address
 * mgc_call_deferred_ret. */
        .globl  mgc_call_deferred
        .globl  mgc_call_deferred_ret
        .type   mgc_call_deferred, @function
mgc_call_deferred:
        .cfi_startproc
        pushq   %rbp
        .cfi_def_cfa_offset 16
        .cfi_offset %rbp, -16
        movq    %rsp, %rbp
        .cfi_def_cfa_register %rbp
        movq    %rdi, %r10
        callq   *(%rdi)
mgc_call_deferred_ret:
        popq    %rbp
        .cfi_def_cfa %rsp, 8
        ret
        .cfi_endproc
        .size   mgc_call_deferred, .-mgc_call_deferred

/* void mgc_resume(MgcDeferFrame *f): continues at f->resume_pc with the
 * frame's rbp and rsp and the callee-saved registers of f->saved. */
        .globl  mgc_resume
        .type   mgc_resume, @function
mgc_resume:
        movq    40(%rdi), %rbx
        movq    48(%rdi), %r12
        movq    56(%rdi), %r13
        movq    64(%rdi), %r14
        movq    72(%rdi), %r15
        movq    24(%rdi), %rbp
        movq    32(%rdi), %rsp
        jmpq    *16(%rdi)
        .size   mgc_resume, .-mgc_resume

        .section .note.GNU-stack,"",@progbits
