/* print_basic.go: println and print of every basic kind. */
#include "mimic.h"
#define FILE .Lfile
        .section .rodata
.Lfile: .asciz "tests/runtime/e2e/print_basic.go"
        EMPTY_INIT
        GOSTRING(.Lstr, "str", 3)
        GOSTRING(.Lempty, "", 0)
        GOSTRING(.La, "a", 1)
        GOSTRING(.Lnl, "\n", 1)

FUNC("main.main", main)
        P_LOCK
        P_INT(1); P_SP; P_INT(-5); P_SP; P_UINT(0xffffffffffffffff); P_SP
        P_INT(0x8000000000000000); P_NL
        P_UNLOCK
        P_LOCK
        P_FLOAT(0x3ff8000000000000); P_SP; P_FLOAT(0xc002000000000000); P_SP
        P_FLOAT(0x7e6ddd4baa009303); P_SP; P_FLOAT(0x400921fb54442d11); P_SP
        P_FLOAT(0x3e7ad7f29abcaf48); P_SP; P_FLOAT(0x419d6f3454000000); P_SP
        P_FLOAT(0x3fb99999a0000000); P_SP; P_FLOAT(0x4023fffffca501ad); P_SP
        P_FLOAT(0x3fefffffe5280d65); P_SP; P_FLOAT(0x1); P_SP
        P_FLOAT(0x7fefffffffffffff); P_NL
        P_UNLOCK
        P_LOCK
        P_BOOL(1); P_SP; P_BOOL(0); P_SP; P_STR(.Lstr); P_SP; P_STR(.Lempty); P_NL
        P_UNLOCK
        P_LOCK
        xorl    %edi, %edi
        callq   mgc_printpointer
        P_NL
        P_UNLOCK
        P_LOCK
        P_STR(.La); P_INT(1); P_STR(.Lnl)
        P_UNLOCK
        /* z/z, 1/z, -1/z, -z with z a zero variable */
        P_LOCK
        xorpd   %xmm0, %xmm0
        xorpd   %xmm1, %xmm1
        divsd   %xmm1, %xmm0
        callq   mgc_printfloat
        P_SP
        P_FLOAT(0x7ff0000000000000); P_SP; P_FLOAT(0xfff0000000000000); P_SP
        P_FLOAT(0x8000000000000000); P_NL
        P_UNLOCK
        P_LOCK
        P_NL
        P_UNLOCK
ENDFUNC("main.main", main, FILE, 1)
        LINE("main.main", "main.main", 3)
