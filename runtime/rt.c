/*
 * rt.c: the runtime's state and the way out of the process.
 */
#include <unistd.h>

#include "runtime/rt.h"

/* The runtime's state (see rt.h for why it is the one global). */
static MgcRuntime runtime_state;

MgcRuntime *mgc_rt(void) {
    return &runtime_state;
}

/* Prints the heap statistics (MGCDEBUG=memstats=1; docs/runtime.md). */
static void print_memstats(void) {
    MgcMemStats st;
    mgc_read_memstats(&st);
    mgc_printlock();
    mgc_print_cstr("mgc memstats: Mallocs=");
    mgc_printuint(st.mallocs);
    mgc_print_cstr(" Frees=");
    mgc_printuint(st.frees);
    mgc_print_cstr(" HeapAlloc=");
    mgc_printuint(st.heap_alloc);
    mgc_print_cstr(" TotalAlloc=");
    mgc_printuint(st.total_alloc);
    mgc_print_cstr(" PeakHeapAlloc=");
    mgc_printuint(st.peak_heap_alloc);
    mgc_print_cstr(" HeapSys=");
    mgc_printuint(st.heap_sys);
    mgc_print_cstr(" HeapInuse=");
    mgc_printuint(st.heap_inuse);
    mgc_print_cstr(" NumGC=");
    mgc_printuint(st.num_gc);
    mgc_print_cstr("\n");
    mgc_printunlock();
}

/* Flushes what the program printed and ends the process. */
void mgc_exit(int code) {
    MgcRuntime *rt = mgc_rt();
    rt->print.depth = 0;
    mgc_print_flush();
    if (rt->debug_memstats && !rt->running_exit_hooks) {
        rt->running_exit_hooks = true;
        print_memstats();
    }
    _exit(code);
}

void mgc_os_exit(int64_t code) {
    mgc_exit((int)code);
}

