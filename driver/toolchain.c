/* toolchain.c — assembling, linking and running, with fork/exec. */
#include "driver/toolchain.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "mem/mem.h"
#include "mgc_version.h"

static bool file_exists(const char *path) {
    struct stat st;
    return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

static const char *lib_name(Arch arch) {
    return arch == ARCH_ARM64 ? "libmgcrt-arm64.a" : "libmgcrt.a";
}

bool toolchain_runtime_lib(Arch arch, char *path, size_t n, char *why, size_t nwhy) {
    if (!path || n == 0 || !why || nwhy == 0)
        return false;
    const char *root = getenv("MGCROOT");
    if (root && *root) {
        snprintf(path, n, "%s/%s", root, lib_name(arch));
        if (file_exists(path))
            return true;
        snprintf(why, nwhy, "MGCROOT is set but %s does not exist", path);
        return false;
    }
    char exe[4096];
    ssize_t len = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (len > 0) {
        exe[len] = 0;
        char *slash = strrchr(exe, '/');
        if (slash) {
            *slash = 0;
            /* the build tree: build/mgc and build/runtime/libmgcrt.a */
            snprintf(path, n, "%s/runtime/%s", exe, lib_name(arch));
            if (file_exists(path))
                return true;
        }
    }
    /* installed by meson install */
    snprintf(path, n, "%s/%s", MGC_LIBDIR, lib_name(arch));
    if (file_exists(path))
        return true;
    snprintf(why, nwhy, "cannot find the runtime library %s (set MGCROOT to the folder holding it)",
             lib_name(arch));
    return false;
}

/* Runs argv with stdout and stderr sent to the file errfile (NULL: inherit);
 * returns the exit status as a shell reports it, or -1 if it cannot start. */
static int run_argv(char *const argv[], const char *errfile) {
    pid_t pid = fork();
    if (pid < 0)
        return -1;
    if (pid == 0) {
        if (errfile) {
            int fd = open(errfile, O_WRONLY | O_CREAT | O_TRUNC, 0600);
            if (fd >= 0) {
                dup2(fd, 1);
                dup2(fd, 2);
                close(fd);
            }
        }
        execvp(argv[0], argv);
        fprintf(stderr, "mgc: cannot run %s: %s\n", argv[0], strerror(errno));
        _exit(127);
    }
    int status;
    while (waitpid(pid, &status, 0) < 0)
        if (errno != EINTR)
            return -1;
    if (WIFEXITED(status))
        return WEXITSTATUS(status);
    if (WIFSIGNALED(status))
        return 128 + WTERMSIG(status);
    return -1;
}

/* Copies the first lines of file into why. */
static void read_head(const char *file, char *why, size_t n) {
    FILE *f = fopen(file, "r");
    size_t got = 0;
    if (f) {
        got = fread(why, 1, n - 1, f);
        fclose(f);
    }
    why[got] = 0;
    while (got > 0 && why[got - 1] == '\n')
        why[--got] = 0;
}

bool toolchain_link(Arch arch, const char *asm_path, const char *exe, char *why, size_t nwhy) {
    char lib[4096];
    if (!toolchain_runtime_lib(arch, lib, sizeof lib, why, nwhy))
        return false;
    const char *cc = arch == ARCH_ARM64 ? "aarch64-linux-gnu-gcc" : "cc";
    const char *env_cc = getenv("MGC_CC");
    if (env_cc && *env_cc)
        cc = env_cc;
    char errfile[4200];
    snprintf(errfile, sizeof errfile, "%s.log", exe);
    char *argv[] = {(char *)cc, "-o", (char *)exe, (char *)asm_path, lib, "-lm", "-no-pie", NULL};
    int st = run_argv(argv, errfile);
    if (st != 0) {
        char out[2048];
        read_head(errfile, out, sizeof out);
        snprintf(why, nwhy, "%s failed (exit status %d): %s", cc, st, out);
        unlink(errfile);
        return false;
    }
    unlink(errfile);
    return true;
}

int toolchain_run(const char *exe, const char **args, int nargs) {
    char **argv = mem_xmalloc(((size_t)nargs + 2) * sizeof *argv);
    argv[0] = (char *)exe;
    for (int i = 0; i < nargs; i++)
        argv[i + 1] = (char *)args[i];
    argv[nargs + 1] = NULL;
    /* exe is a path: execvp runs it as given. */
    int st = run_argv(argv, NULL);
    mem_xfree(argv);
    return st;
}

bool toolchain_tempdir(char *dir, size_t n) {
    const char *tmp = getenv("TMPDIR");
    snprintf(dir, n, "%s/mgc-XXXXXX", tmp && *tmp ? tmp : "/tmp");
    return mkdtemp(dir) != NULL;
}

void toolchain_remove_tempdir(const char *dir) {
    DIR *d = opendir(dir);
    if (d) {
        struct dirent *e;
        char path[4096];
        while ((e = readdir(d))) {
            if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
                continue;
            snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
            unlink(path);
        }
        closedir(d);
    }
    rmdir(dir);
}
