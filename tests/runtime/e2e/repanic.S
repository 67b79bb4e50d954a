/* repanic.go: the deferred closure recovers, then panics again with the
 * recovered value: Go prints "panic: first [recovered]" first. */
#include "mimic.h"
#define FILE .Lfile
        .section .rodata
.Lfile: .asciz "tests/runtime/e2e/repanic.go"
        EMPTY_INIT
        GOSTRING(.Lfirst, "first", 5)

FUNC("main.main.func1", func1)
.Lc1:   movq    %rbp, %rdi
        callq   mgc_gorecover
.Lc2:   movq    %rax, %rdi
        movq    %rdx, %rsi
        callq   mgc_gopanic
ENDFUNC("main.main.func1", func1, FILE, 3)
        LINE("main.main.func1", "main.main.func1", 4)
        LINE("main.main.func1", .Lc1, 5)
        LINE("main.main.func1", .Lc2, 6)

FUNC("main.main", main)
        DEFER_PROLOGUE(.Lm_resume)
.Lm1:   xorl    %ecx, %ecx
        DEFER("main.main.func1")
.Lm2:   leaq    mgc_type_string(%rip), %rdi
        leaq    .Lfirst(%rip), %rsi
        callq   mgc_gopanic
.Lm_resume:
        DEFER_RETURN
ENDFUNC("main.main", main, FILE, 3)
        LINE("main.main", "main.main", 3)
        LINE("main.main", .Lm1, 4)
        LINE("main.main", .Lm2, 8)
