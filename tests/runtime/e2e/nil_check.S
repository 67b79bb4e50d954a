/* nil_check.go: get(p) tests p explicitly, as mgc's code does. */
#include "mimic.h"
#define FILE .Lfile
        .section .rodata
.Lfile: .asciz "tests/runtime/e2e/nil_check.go"
        EMPTY_INIT

FUNC("main.get", get)
.Lg1:   testq   %rdi, %rdi
        je      .Lg_nil
        movq    (%rdi), %rax
        leave
        ret
.Lg_nil:
        callq   mgc_panic_nil
ENDFUNC("main.get", get, FILE, 1)
        LINE("main.get", "main.get", 6)

FUNC("main.main", main)
.Lm1:   xorl    %edi, %edi
        callq   "main.get"
        movq    %rax, %rdi
        callq   mgc_printint
ENDFUNC("main.main", main, FILE, 2)
        LINE("main.main", "main.main", 8)
        LINE("main.main", .Lm1, 10)
