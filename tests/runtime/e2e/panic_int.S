/* panic_int.go: h(n) panics with an int (boxed: data points to it). */
#include "mimic.h"
#define FILE .Lfile
        .section .rodata
.Lfile: .asciz "tests/runtime/e2e/panic_int.go"
        EMPTY_INIT
        TYPEDESC(.Ltype_int, 8, 2, 3, "int")
        GOSTRING(.Lstart, "start", 5)

FUNC("main.h", h)
        subq    $16, %rsp
        movq    %rdi, -8(%rbp)
        movl    $8, %edi
        xorl    %esi, %esi
        movl    $1, %edx
        callq   mgc_alloc
        movq    -8(%rbp), %rcx
        movq    %rcx, (%rax)
        leaq    .Ltype_int(%rip), %rdi
        movq    %rax, %rsi
.Lh1:   callq   mgc_gopanic
ENDFUNC("main.h", h, FILE, 1)
        LINE("main.h", "main.h", 4)

FUNC("main.main", main)
.Lm1:   P_LOCK
        P_STR(.Lstart)
        P_NL
        P_UNLOCK
.Lm2:   movl    $42, %edi
        callq   "main.h"
ENDFUNC("main.main", main, FILE, 3)
        LINE("main.main", "main.main", 6)
        LINE("main.main", .Lm1, 7)
        LINE("main.main", .Lm2, 8)
