/*
 * fault.h: the fault handler (runtime/fault.c).
 */
#ifndef MGC_RUNTIME_FAULT_H
#define MGC_RUNTIME_FAULT_H

#include "runtime/rt.h"

/* Installs the SIGSEGV/SIGBUS handler on an alternate signal stack. */
void mgc_install_signals(MgcRuntime *rt);

#endif
