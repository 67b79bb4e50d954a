/* panic_string.go: main calls h, which panics with a string. */
#include "mimic.h"
#define FILE .Lfile
        .section .rodata
.Lfile: .asciz "tests/runtime/e2e/panic_string.go"
        EMPTY_INIT
        GOSTRING(.Lboom, "boom", 4)

FUNC("main.h", h)
.Lh1:   leaq    mgc_type_string(%rip), %rdi
        leaq    .Lboom(%rip), %rsi
        callq   mgc_gopanic
ENDFUNC("main.h", h, FILE, 1)
        LINE("main.h", "main.h", 4)

FUNC("main.main", main)
.Lm1:   callq   "main.h"
ENDFUNC("main.main", main, FILE, 2)
        LINE("main.main", "main.main", 6)
        LINE("main.main", .Lm1, 7)
