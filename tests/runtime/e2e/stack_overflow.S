/* stack_overflow.go: f recurses without end; the guard region stops it. */
#include "mimic.h"
#define FILE .Lfile
        .section .rodata
.Lfile: .asciz "tests/runtime/e2e/stack_overflow.go"
        EMPTY_INIT

FUNC("main.f", f)
        subq    $16, %rsp
.Lf1:   cmpq    $-1, %rdi
        jne     .Lf2
        xorl    %eax, %eax
        leave
        ret
.Lf2:   incq    %rdi
        callq   "main.f"
        incq    %rax
ENDFUNC("main.f", f, FILE, 3)
        LINE("main.f", "main.f", 3)
        LINE("main.f", .Lf1, 4)
        LINE("main.f", .Lf2, 7)

FUNC("main.main", main)
.Lm1:   xorl    %edi, %edi
        callq   "main.f"
        movq    %rax, %rdi
        callq   mgc_printint
ENDFUNC("main.main", main, FILE, 2)
        LINE("main.main", "main.main", 10)
        LINE("main.main", .Lm1, 11)
