/* exit.go: println then os.Exit(3). */
#include "mimic.h"
#define FILE .Lfile
        .section .rodata
.Lfile: .asciz "tests/runtime/e2e/exit.go"
        EMPTY_INIT
        GOSTRING(.Lbye, "bye", 3)

FUNC("main.main", main)
.Lm1:   P_LOCK
        P_STR(.Lbye)
        P_NL
        P_UNLOCK
.Lm2:   movl    $3, %edi
        callq   mgc_os_exit
ENDFUNC("main.main", main, FILE, 3)
        LINE("main.main", "main.main", 5)
        LINE("main.main", .Lm1, 6)
        LINE("main.main", .Lm2, 7)
