/* divide.go: d(a, b) checks b before the operation, as mgc's code does. */
#include "mimic.h"
#define FILE .Lfile
        .section .rodata
.Lfile: .asciz "tests/runtime/e2e/divide.go"
        EMPTY_INIT

FUNC("main.d", d)
.Ld1:   testq %rsi, %rsi; je .Ld_bad; movq %rdi, %rax; cqto; idivq %rsi
        leave
        ret
.Ld_bad:
        callq   mgc_panic_divide
ENDFUNC("main.d", d, FILE, 1)
        LINE("main.d", "main.d", 4)

FUNC("main.main", main)
.Lm1:   movl    $1, %edi
        movq    $0, %rsi
        callq   "main.d"
        movq    %rax, %rdi
        callq   mgc_printint
ENDFUNC("main.main", main, FILE, 2)
        LINE("main.main", "main.main", 6)
        LINE("main.main", .Lm1, 6)
