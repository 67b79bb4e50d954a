/*
 * fault.c: faults.  A SIGSEGV on the stack's guard region is a stack
 * overflow, reported as Go reports it; a fault near address 0 is a nil
 * dereference (generated code checks nil explicitly, so this is a safety
 * net); anything else is Go's "unexpected fault address".  All exit with
 * status 2.  The handler runs on an alternate stack, since the goroutine
 * stack is exhausted when it overflows.
 */
#define _GNU_SOURCE 1           /* REG_RIP and friends in <sys/ucontext.h> */
#include <signal.h>
#include <string.h>
#include <sys/mman.h>
#include <ucontext.h>

#include "runtime/fault.h"

enum { ALT_STACK_SIZE = 1 << 16, NIL_PAGE = 4096 };

/* The interrupted pc, sp and frame pointer. */
static void context_regs(const void *uc_raw, uintptr_t *pc, uintptr_t *sp,
                         uintptr_t *fp) {
    const ucontext_t *uc = uc_raw;
#if defined(__x86_64__)
    *pc = (uintptr_t)uc->uc_mcontext.gregs[REG_RIP];
    *sp = (uintptr_t)uc->uc_mcontext.gregs[REG_RSP];
    *fp = (uintptr_t)uc->uc_mcontext.gregs[REG_RBP];
#elif defined(__aarch64__)
    *pc = (uintptr_t)uc->uc_mcontext.pc;
    *sp = (uintptr_t)uc->uc_mcontext.sp;
    *fp = (uintptr_t)uc->uc_mcontext.regs[29];
#else
#error "unsupported target"
#endif
}

/* Prints Go's [signal ...] line. */
static void print_signal_line(int sig, int code, uintptr_t addr, uintptr_t pc) {
    mgc_print_cstr(sig == SIGBUS ? "[signal SIGBUS: bus error code="
                                 : "[signal SIGSEGV: segmentation violation code=");
    mgc_printhex((uint64_t)(unsigned)code);
    mgc_print_cstr(" addr=");
    mgc_printhex(addr);
    mgc_print_cstr(" pc=");
    mgc_printhex(pc);
    mgc_print_cstr("]\n");
}

/* The handler: reports the fault and exits 2. */
static void on_fault(int sig, siginfo_t *info, void *uc) {
    MgcRuntime *rt = mgc_rt();
    uintptr_t pc, sp, fp;
    context_regs(uc, &pc, &sp, &fp);
    uintptr_t addr = (uintptr_t)info->si_addr;
    rt->print.len = 0;
    rt->print.depth = 0;
    mgc_printlock();
    bool in_guard = addr >= rt->guard_lo && addr < rt->stack_lo;
    bool sp_low = sp >= rt->guard_lo && sp < rt->stack_lo + 256;
    if (sig == SIGSEGV && rt->stack_hi != 0 && (in_guard || sp_low)) {
        mgc_print_cstr("runtime: goroutine stack exceeds 1000000000-byte limit\n"
                       "runtime: sp=");
        mgc_printhex(sp);
        mgc_print_cstr(" stack=[");
        mgc_printhex(rt->stack_lo);
        mgc_print_cstr(", ");
        mgc_printhex(rt->stack_hi);
        mgc_print_cstr("]\nfatal error: stack overflow\n\ngoroutine 1 [running]:\n");
        mgc_traceback(pc, fp, true, 0);
    } else if (addr < NIL_PAGE) {
        mgc_print_cstr("panic: runtime error: invalid memory address or nil "
                       "pointer dereference\n");
        print_signal_line(sig, info->si_code, addr, pc);
        mgc_print_cstr("\ngoroutine 1 [running]:\n");
        mgc_traceback(pc, fp, false, 3);
    } else {
        mgc_print_cstr("unexpected fault address ");
        mgc_printhex(addr);
        mgc_print_cstr("\nfatal error: fault\n");
        print_signal_line(sig, info->si_code, addr, pc);
        mgc_print_cstr("\ngoroutine 1 [running]:\n");
        mgc_traceback(pc, fp, false, 3);
    }
    mgc_printunlock();
    mgc_exit(2);
}

void mgc_install_signals(MgcRuntime *rt) {
    (void)rt;
    stack_t ss;
    memset(&ss, 0, sizeof ss);
    ss.ss_sp = mmap(NULL, ALT_STACK_SIZE, PROT_READ | PROT_WRITE,
                    MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (ss.ss_sp == MAP_FAILED)
        mgc_throw("cannot map the signal stack");
    ss.ss_size = ALT_STACK_SIZE;
    if (sigaltstack(&ss, NULL) != 0)
        mgc_throw("sigaltstack failed");
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = on_fault;
    sa.sa_flags = SA_SIGINFO | SA_ONSTACK;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGSEGV, &sa, NULL);
    sigaction(SIGBUS, &sa, NULL);
}
