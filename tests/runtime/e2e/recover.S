/* recover.go: f's deferred closure recovers and sets the named result. */
#include "mimic.h"
#define FILE .Lfile
        .section .rodata
.Lfile: .asciz "tests/runtime/e2e/recover.go"
        EMPTY_INIT
        GOSTRING(.Lx, "x", 1)

/* func1: the closure {code, &r}, called with itself in r10. */
FUNC("main.f.func1", func1)
        pushq   %rbx
        subq    $8, %rsp
        movq    %r10, %rbx
.Lc1:   movq    %rbp, %rdi
        callq   mgc_gorecover
        testq   %rax, %rax
        je      .Lc_done
.Lc2:   movq    8(%rbx), %rcx
        movq    $7, (%rcx)
.Lc_done:
        movq    -8(%rbp), %rbx
ENDFUNC("main.f.func1", func1, FILE, 3)
        LINE("main.f.func1", "main.f.func1", 4)
        LINE("main.f.func1", .Lc1, 5)
        LINE("main.f.func1", .Lc2, 6)

/* f: the result r lives in the frame slot -136(%rbp). */
FUNC("main.f", f)
        DEFER_PROLOGUE(.Lf_resume)
        movq    $0, -136(%rbp)
.Lf1:   leaq    -136(%rbp), %rcx
        DEFER("main.f.func1")
.Lf2:   leaq    mgc_type_string(%rip), %rdi
        leaq    .Lx(%rip), %rsi
        callq   mgc_gopanic
.Lf_resume:
        DEFER_RETURN
        movq    -136(%rbp), %rax
ENDFUNC("main.f", f, FILE, 3)
        LINE("main.f", "main.f", 3)
        LINE("main.f", .Lf1, 4)
        LINE("main.f", .Lf2, 9)

FUNC("main.main", main)
        subq    $16, %rsp
.Lm1:   callq   "main.f"
        movq    %rax, -8(%rbp)
        P_LOCK
        movq    -8(%rbp), %rdi
        callq   mgc_printint
        P_NL
        P_UNLOCK
ENDFUNC("main.main", main, FILE, 2)
        LINE("main.main", "main.main", 12)
        LINE("main.main", .Lm1, 13)
