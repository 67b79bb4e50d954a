/*
 * rt.h: the runtime's internal interfaces, shared by its files only.
 *
 * The runtime has one piece of process-wide state, MgcRuntime, because the
 * entry points generated code calls have fixed signatures (docs/abi.md) and
 * cannot carry a context; every file reaches it through mgc_rt().
 */
#ifndef MGC_RUNTIME_RT_H
#define MGC_RUNTIME_RT_H

#include <stddef.h>
#include <stdint.h>

#include "runtime/heap.h"
#include "runtime/mgcrt.h"

/* One print statement's bytes, written to fd 2 at once. */
typedef struct MgcPrintBuf {
    int depth;                  /* printlock nesting */
    size_t len;
    char buf[4096];
} MgcPrintBuf;

/* A panic in progress, newest first (Go's _panic). */
typedef struct MgcPanic {
    struct MgcPanic *link;
    MgcIface arg;
    bool recovered;
    int sig;                    /* nonzero: raised by a fault (prints [signal ...]) */
    int hidden;                 /* Go's runtime frames on its panic path */
    uint64_t sigcode, sigaddr, sigpc;
} MgcPanic;

typedef struct MgcRuntime {
    MgcHeap heap;
    MgcPrintBuf print;
    MgcDeferFrame *defer_frames;    /* innermost first */
    MgcPanic *panics;
    uintptr_t stack_lo, stack_hi;   /* the goroutine stack, guard excluded */
    uintptr_t guard_lo;             /* the guard region: [guard_lo, stack_lo) */
    bool debug_memstats;
    bool running_exit_hooks;
} MgcRuntime;

MgcRuntime *mgc_rt(void);

/* print.c */
void mgc_print_bytes(const void *p, size_t n);
void mgc_print_cstr(const char *s);
void mgc_print_flush(void);

/* panic.c */
MGC_NORETURN void mgc_throw(const char *msg);
MGC_NORETURN void mgc_panic_runtime_error(const char *msg);
MGC_NORETURN void mgc_panic_sig(const char *msg, uint64_t code, uint64_t addr,
                                uint64_t pc);
void mgc_print_panic_value(MgcIface v);

/* traceback.c: prints goroutine 1's frames from a frame pointer on; pc is
 * the innermost frame's pc (0: the return address stored above fp);
 * hidden is how many runtime frames Go would count without printing. */
enum { MGC_TRACE_MAX_FRAMES = 100 };
void mgc_traceback(uintptr_t pc, uintptr_t fp, bool show_regs, int hidden);
const MgcFuncInfo *mgc_find_func(uintptr_t pc);
int32_t mgc_func_line(const MgcFuncInfo *f, uintptr_t pc);

/* start.c */
MGC_NORETURN void mgc_exit(int code);

/* amd64/stack.S */
void mgc_run_on_stack(void *top, void (*fn)(void));
MGC_NORETURN void mgc_resume(MgcDeferFrame *f);
/* Calls a deferred closure for a panic; recover() recognizes its return
 * address, mgc_call_deferred_ret. */
void mgc_call_deferred(void *closure);
extern char mgc_call_deferred_ret[];

#endif
