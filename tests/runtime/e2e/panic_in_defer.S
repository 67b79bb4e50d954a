/* panic_in_defer.go: a deferred closure panics while the first panic runs
 * it: Go prints both, "panic: first" then "\tpanic: second". */
#include "mimic.h"
#define FILE .Lfile
        .section .rodata
.Lfile: .asciz "tests/runtime/e2e/panic_in_defer.go"
        EMPTY_INIT
        GOSTRING(.Lfirst, "first", 5)
        GOSTRING(.Lsecond, "second", 6)

FUNC("main.main.func1", func1)
.Lc1:   leaq    mgc_type_string(%rip), %rdi
        leaq    .Lsecond(%rip), %rsi
        callq   mgc_gopanic
ENDFUNC("main.main.func1", func1, FILE, 2)
        LINE("main.main.func1", "main.main.func1", 4)
        LINE("main.main.func1", .Lc1, 5)

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
        LINE("main.main", .Lm2, 7)
