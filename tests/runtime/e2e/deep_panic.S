/* deep_panic.go: 150 nested calls, then a panic; Go prints 99 frames. */
#include "mimic.h"
#define FILE .Lfile
        .section .rodata
.Lfile: .asciz "tests/runtime/e2e/deep_panic.go"
        EMPTY_INIT
        GOSTRING(.Ldeep, "deep", 4)

FUNC("main.f", f)
        subq    $16, %rsp
.Lf1:   testq   %rdi, %rdi
        jne     .Lf2
        leaq    mgc_type_string(%rip), %rdi
        leaq    .Ldeep(%rip), %rsi
.Lf3:   callq   mgc_gopanic
.Lf2:   decq    %rdi
        callq   "main.f"
ENDFUNC("main.f", f, FILE, 4)
        LINE("main.f", "main.f", 3)
        LINE("main.f", .Lf1, 4)
        LINE("main.f", .Lf3, 5)
        LINE("main.f", .Lf2, 7)

FUNC("main.main", main)
.Lm1:   movl    $150, %edi
        callq   "main.f"
ENDFUNC("main.main", main, FILE, 2)
        LINE("main.main", "main.main", 10)
        LINE("main.main", .Lm1, 11)
