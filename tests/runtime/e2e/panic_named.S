/* panic_named.go: panic(S("x")) with a defined string type. */
#include "mimic.h"
#define FILE .Lfile
        .section .rodata
.Lfile: .asciz "tests/runtime/e2e/panic_named.go"
        EMPTY_INIT
        TYPEDESC(.Ltype_S, 16, 17, 6, "main.S")
        GOSTRING(.Lx, "x", 1)

FUNC("main.main", main)
.Lm1:   leaq    .Ltype_S(%rip), %rdi
        leaq    .Lx(%rip), %rsi
        callq   mgc_gopanic
ENDFUNC("main.main", main, FILE, 2)
        LINE("main.main", "main.main", 5)
        LINE("main.main", .Lm1, 6)
