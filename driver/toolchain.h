/* toolchain.h — the programs mgc drives after code generation: the system
 * C compiler as assembler and linker, and the built program itself. */
#ifndef MGC_TOOLCHAIN_H
#define MGC_TOOLCHAIN_H

#include <stdbool.h>
#include <stddef.h>

#include "driver/driver.h"

/* Where the runtime library for arch is: $MGCROOT/libmgcrt[-arm64].a if
 * MGCROOT is set, else in the build tree next to the mgc executable
 * (build/runtime/), else where meson install put it (LIBDIR/mgc/).  Returns
 * false with a message in why if it cannot be found. */
bool toolchain_runtime_lib(Arch arch, char *path, size_t n, char *why, size_t nwhy);

/* Assembles asm_path and links it with the runtime into exe.  On failure
 * returns false with the tool's own output (the first lines) in why. */
bool toolchain_link(Arch arch, const char *asm_path, const char *exe, char *why, size_t nwhy);

/* Runs exe with args (argv[0] = exe), waits, and returns the exit status
 * the way a shell reports it (128 + signal number for a signal). */
int toolchain_run(const char *exe, const char **args, int nargs);

/* A fresh private directory for temporary files (mkdtemp), and its removal. */
bool toolchain_tempdir(char *dir, size_t n);
void toolchain_remove_tempdir(const char *dir);

#endif
