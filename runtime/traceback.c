/*
 * traceback.c: goroutine 1's stack trace, from the frame-pointer chain and
 * the function table the compiler emits into section mgc_pctab.
 *
 * Every generated function keeps a frame pointer, so a frame at fp holds
 * the caller's fp at fp[0] and the return address at fp[1].  Frames whose
 * return address is not in a Go function (the runtime's own C frames) are
 * skipped.  Go's format: "main.f(...)" then "\t/path/file.go:LINE +0xOFF".
 */
#include "runtime/rt.h"

/* The linker defines these for a section named like a C identifier; weak,
 * so a program without Go functions (a runtime test) still links. */
extern const MgcFuncInfo __start_mgc_pctab[] __attribute__((weak));
extern const MgcFuncInfo __stop_mgc_pctab[] __attribute__((weak));

/* The Go function containing pc, or NULL. */
const MgcFuncInfo *mgc_find_func(uintptr_t pc) {
    const MgcFuncInfo *f = __start_mgc_pctab, *end = __stop_mgc_pctab;
    if (!f || !end)
        return NULL;
    for (; f < end; f++)
        if (pc >= (uintptr_t)f->start && pc < (uintptr_t)f->end)
            return f;
    return NULL;
}

/* The source line of pc in f (0 when the table has none). */
int32_t mgc_func_line(const MgcFuncInfo *f, uintptr_t pc) {
    uint64_t off = pc - (uintptr_t)f->start;
    int32_t line = 0;
    for (uint32_t i = 0; i < f->nlines && f->lines[i].pcoff <= off; i++)
        line = (int32_t)f->lines[i].line;
    return line;
}

/* Whether fp can be a frame of goroutine 1's stack. */
static bool frame_ok(const MgcRuntime *rt, uintptr_t fp, uintptr_t prev) {
    if (fp == 0 || fp % 8 != 0 || fp <= prev)
        return false;
    if (rt->stack_hi != 0)
        return fp >= rt->stack_lo && fp + 16 <= rt->stack_hi;
    return true;
}

/* Prints one frame: the function containing pc (a return address when
 * is_ret, so the call's line is that of pc-1). */
static void print_frame(const MgcFuncInfo *f, uintptr_t pc, bool is_ret,
                        uintptr_t fp, uintptr_t sp, bool show_regs) {
    mgc_print_cstr(f->name);
    mgc_print_cstr("(...)\n\t");
    mgc_print_cstr(f->file);
    mgc_print_cstr(":");
    mgc_printint(mgc_func_line(f, is_ret ? pc - 1 : pc));
    mgc_print_cstr(" +");
    mgc_printhex(pc - (uintptr_t)f->start);
    if (show_regs) {
        mgc_print_cstr(" fp=");
        mgc_printhex(fp);
        mgc_print_cstr(" sp=");
        mgc_printhex(sp);
        mgc_print_cstr(" pc=");
        mgc_printhex(pc);
    }
    mgc_print_cstr("\n");
}

/* Prints the Go frames from the frame at fp outward.  Go walks at most 100
 * frames, counting the hidden runtime frames of the panic path (hidden of
 * them), and says "...additional frames elided..." only when it printed
 * all 100.  A nonzero pc is the innermost frame's current pc (a faulting
 * instruction). */
void mgc_traceback(uintptr_t pc, uintptr_t fp, bool show_regs, int hidden) {
    const MgcRuntime *rt = mgc_rt();
    int printed = 0;
    int budget = MGC_TRACE_MAX_FRAMES - hidden;
    if (pc != 0) {
        const MgcFuncInfo *f = mgc_find_func(pc);
        if (f && !(f->flags & MGC_FUNC_WRAPPER)) {
            print_frame(f, pc, false, fp, fp, show_regs);
            printed++;
        }
    }
    uintptr_t prev = 0;
    while (frame_ok(rt, fp, prev)) {
        const uintptr_t *frame = (const uintptr_t *)fp;
        uintptr_t ret = frame[1];
        uintptr_t next = frame[0];
        const MgcFuncInfo *f = mgc_find_func(ret - 1);
        if (f && !(f->flags & MGC_FUNC_WRAPPER)) {
            if (printed == budget) {
                if (printed == MGC_TRACE_MAX_FRAMES)
                    mgc_print_cstr("...additional frames elided...\n");
                return;
            }
            print_frame(f, ret, true, next, fp + 16, show_regs);
            printed++;
        }
        prev = fp;
        fp = next;
    }
}
