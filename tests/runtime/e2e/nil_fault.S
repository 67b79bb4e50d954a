/* nil_fault.go: get(p) loads through nil without a check; the fault
 * handler must still report Go's nil dereference. */
#include "mimic.h"
#define FILE .Lfile
        .section .rodata
.Lfile: .asciz "tests/runtime/e2e/nil_fault.go"
        EMPTY_INIT

FUNC("main.get", get)
.Lg1:   movq    (%rdi), %rax
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
