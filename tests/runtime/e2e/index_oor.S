/* index_oor.go: g(s, i) checks i against len(s) and calls mgc_panic_index. */
#include "mimic.h"
#define FILE .Lfile
        .section .rodata
.Lfile: .asciz "tests/runtime/e2e/index_oor.go"
        EMPTY_INIT

/* g(ptr=rdi, len=rsi, cap=rdx, i=rcx) */
FUNC("main.g", g)
.Lg1:   cmpq    %rsi, %rcx
        jae     .Lg_oob
        movq    (%rdi,%rcx,8), %rax
        leave
        ret
.Lg_oob:
        movq    %rcx, %rdi
        callq   mgc_panic_index
ENDFUNC("main.g", g, FILE, 1)
        LINE("main.g", "main.g", 4)

        .data
.Larr:  .quad 1, 2, 3
FUNC("main.main", main)
.Lm1:   leaq    .Larr(%rip), %rdi
        movl    $3, %esi
        movl    $3, %edx
        movl    $5, %ecx
        callq   "main.g"
        movq    %rax, %rdi
        callq   mgc_printint
ENDFUNC("main.main", main, FILE, 2)
        LINE("main.main", "main.main", 6)
        LINE("main.main", .Lm1, 8)
