/* main.c — mgc's entry point: parses the command line, then runs the
 * pipeline of phases from one table, each wrapped in the memory tracker's
 * phase_begin/phase_end.
 *
 * Exit status: 0 success, 1 errors in the program (or an unsupported
 * feature), 2 usage errors, 3 internal compiler errors. */
#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ast/ast.h"
#include "diag/diag.h"
#include "driver/driver.h"
#include "mem/mem.h"
#include "mgc_version.h"
#include "parser/parser.h"
#include "escape/escape.h"
#include "codegen/amd64/amd64.h"
#include "codegen/codegen.h"
#include "driver/toolchain.h"
#include "ssa/ssa.h"
#include "types/types.h"

/* The compilation in progress. */
typedef struct Compiler {
    const Options *opt;
    Mem mem;
    Diag diag;
    AstFile **files;
    int nfiles;
    Program *prog;
    char tmpdir[4096];     /* build/run: private directory, removed at the end */
    char asm_path[4200];
    char exe_path[4200];
    FILE *asm_out;
    bool asm_is_ours;      /* asm_path is a regular file we may remove */
    int exit_status;       /* when set: overrides 0/1 (the program's own status for run) */
} Compiler;

typedef enum PhaseResult {
    PHASE_NEXT,  /* go on to the next phase */
    PHASE_DONE,  /* the work asked for is complete: exit 0 */
    PHASE_ERROR, /* errors were reported: exit 1 */
} PhaseResult;

/* parse: read and parse every file into the ast region. */
static PhaseResult run_parse(Compiler *c) {
    c->files = ARENA_NEW_ARRAY(mem_ast(&c->mem), AstFile *, c->opt->nfiles);
    for (int i = 0; i < c->opt->nfiles && !c->diag.too_many; i++) {
        SourceFile *src = diag_load_file(&c->diag, c->opt->files[i]);
        if (!src) {
            fprintf(stderr, "mgc: open %s: %s\n", c->opt->files[i], strerror(errno));
            exit(2);
        }
        c->files[c->nfiles++] = parse_file(src, &c->diag, mem_ast(&c->mem), &c->mem.names);
    }
    if (diag_errors(&c->diag) > 0)
        return PHASE_ERROR;
    if (c->opt->debug.ast) {
        for (int i = 0; i < c->nfiles; i++)
            ast_print(stdout, c->files[i]);
        return PHASE_DONE;
    }
    return c->opt->debug.parse ? PHASE_DONE : PHASE_NEXT;
}


/* typecheck: resolve names and check types (types/).  `mgc compile`
 * accepts bodyless functions; channels, go and select are checked for
 * analysis.  -d types prints every declaration with its type and stops. */
static PhaseResult run_typecheck(Compiler *c) {
    TypesConfig cfg = {
        .allow_missing_body = c->opt->cmd == CMD_COMPILE,
        .allow_unsupported = true,
    };
    c->prog = types_check(c->files, c->nfiles, &cfg, &c->mem, &c->diag);
    if (diag_errors(&c->diag) > 0)
        return PHASE_ERROR;
    if (c->opt->debug.types) {
        types_print(stdout, c->prog);
        return PHASE_DONE;
    }
    return PHASE_NEXT;
}

/* escape: decide stack or heap for every variable and allocation (escape/),
 * printing the decisions with -m.  Programs with goroutines or channels are
 * analysis-only: their decisions are printed, then code generation stops. */
static PhaseResult run_escape(Compiler *c) {
    EscapeConfig cfg = {
        .m = c->opt->m,
        .off = c->opt->debug.escape_off,
        .out = c->opt->cmd == CMD_COMPILE ? stdout : stderr,
        .files = c->files,
        .nfiles = c->nfiles,
    };
    if (cfg.m > 0 && !c->opt->no_inline)
        fprintf(cfg.out, "mgc: no inliner yet: escape decisions are those of -m -l\n");
    escape_analyze(c->prog, &cfg, &c->mem, &c->diag);
    fflush(cfg.out);
    if (diag_errors(&c->diag) > 0)
        return PHASE_ERROR;
    if (c->prog->uses_goroutines) {
        fprintf(stderr, "mgc: goroutines are not supported by code generation; no assembly written\n");
        return PHASE_ERROR;
    }
    return PHASE_NEXT;
}

/* MGC_SSA_CHECK=1 in the environment runs the SSA verifier after every
 * pass (the test suites set it). */
static bool ssa_check_requested(void) {
    const char *v = getenv("MGC_SSA_CHECK");
    return v && *v && strcmp(v, "0") != 0;
}

/* Where the assembly goes: -o for `mgc compile` (default: the first
 * file's base name with .s), a private temporary directory for build/run. */
static bool open_asm(Compiler *c) {
    const Options *o = c->opt;
    if (o->cmd == CMD_COMPILE) {
        if (o->output)
            snprintf(c->asm_path, sizeof c->asm_path, "%s", o->output);
        else {
            const char *base = strrchr(o->files[0], '/');
            base = base ? base + 1 : o->files[0];
            snprintf(c->asm_path, sizeof c->asm_path, "%.*s.s", (int)(strlen(base) - 3), base);
        }
    } else {
        if (!toolchain_tempdir(c->tmpdir, sizeof c->tmpdir)) {
            fprintf(stderr, "mgc: cannot create a temporary directory: %s\n", strerror(errno));
            return false;
        }
        snprintf(c->asm_path, sizeof c->asm_path, "%s/prog.s", c->tmpdir);
    }
    struct stat st;
    c->asm_is_ours = stat(c->asm_path, &st) != 0 || S_ISREG(st.st_mode);
    c->asm_out = fopen(c->asm_path, "w");
    if (!c->asm_out) {
        fprintf(stderr, "mgc: open %s: %s\n", c->asm_path, strerror(errno));
        return false;
    }
    /* codegen buffers the assembly itself and writes it in large pieces */
    setvbuf(c->asm_out, NULL, _IONBF, 0);
    return true;
}

/* backend: each function in turn is built into SSA from the pools and the
 * func region, optimized, lowered and emitted, and its Values and Blocks go
 * back to the pools before the next, so the back end's memory follows the
 * largest function.  Tracks its own per-function phases ("ssa", "codegen"). */
static PhaseResult run_backend(Compiler *c) {
    const Options *o = c->opt;
    if (o->arch == ARCH_ARM64 && !o->debug.ssa) {
        fprintf(stderr, "mgc: -arch arm64: code generation for arm64 is not implemented yet\n");
        return PHASE_ERROR;
    }
    SsaConfig cfg = {
        .no_opt = o->no_opt,
        .dump_func = o->debug.ssa,
        .dump_out = stdout,
        .diag = &c->diag,
        /* The verifier after every pass costs a quarter of the compile:
         * the test suites turn it on (MGC_SSA_CHECK=1, meson's test setup). */
        .verify = ssa_check_requested(),
        .retain = (int)o->debug.retain,
    };
    ssa_init(&c->mem, (int)o->debug.retain);
    SsaUnit *units = NULL;
    int n = ssa_collect_program_units(c->prog, c->files, c->nfiles, &c->mem, &units);

    /* With -d ssa=FUNC alone, stop after SSA: no assembly is written. */
    bool emit = !o->debug.ssa || o->cmd != CMD_COMPILE || o->output;
    const char **names = ARENA_NEW_ARRAY(mem_ast(&c->mem), const char *, c->diag.nfiles + 1);
    for (uint32_t i = 0; i < c->diag.nfiles; i++)
        names[i] = c->diag.files[i]->name;
    CodegenCtx cg;
    if (emit) {
        if (!open_asm(c))
            return PHASE_ERROR;
        codegen_init(&cg, &AMD64_TARGET, &c->mem, c->prog, names, (int)c->diag.nfiles, c->asm_out);
        cg.dump_func = o->debug.ssa;
        cg.dump_out = stdout;
        codegen_begin(&cg);
    }
    for (int i = 0; i < n && !c->diag.too_many; i++) {
        phase_begin(&c->mem, "ssa");
        SsaFunc *f = ssa_build_func(&cfg, &c->mem, c->prog, &units[i]);
        if (f)
            ssa_run_passes(f, &cfg);
        phase_end(&c->mem);
        if (!f)
            break; /* one line says what is not supported; no cascade */
        if (emit) {
            phase_begin(&c->mem, "codegen");
            codegen_func(cg.t, f, &cg);
            phase_end(&c->mem);
        }
        ssa_func_free(f);
    }
    /* The last function is in SSA: the AST and everything local to it die. */
    if (o->debug.retain != RETAIN_AST)
        arena_reset(mem_ast(&c->mem));
    if (emit) {
        bool written = codegen_end(&cg);
        int err = cg.asm.err;
        codegen_free(&cg);
        if (fclose(c->asm_out) != 0 && written) {
            written = false;
            err = errno;
        }
        c->asm_out = NULL;
        if (!written) {
            fprintf(stderr, "mgc: write %s: %s\n", c->asm_path, strerror(err));
            return PHASE_ERROR;
        }
    }
    if (diag_errors(&c->diag) > 0) {
        if (emit && c->asm_is_ours)
            unlink(c->asm_path); /* no partial assembly (never /dev/null or a pipe) */
        return PHASE_ERROR;
    }
    if (emit && o->print_asm) {
        FILE *in = fopen(c->asm_path, "r");
        char buf[1 << 14];
        size_t k;
        while (in && (k = fread(buf, 1, sizeof buf, in)) > 0)
            fwrite(buf, 1, k, stdout);
        if (in)
            fclose(in);
    }
    return o->cmd == CMD_COMPILE ? PHASE_DONE : PHASE_NEXT;
}

/* link: assemble and link with the runtime library (build and run). */
static PhaseResult run_link(Compiler *c) {
    const Options *o = c->opt;
    if (o->cmd == CMD_RUN)
        snprintf(c->exe_path, sizeof c->exe_path, "%s/prog", c->tmpdir);
    else if (o->output)
        snprintf(c->exe_path, sizeof c->exe_path, "%s", o->output);
    else {
        const char *base = strrchr(o->files[0], '/');
        base = base ? base + 1 : o->files[0];
        snprintf(c->exe_path, sizeof c->exe_path, "%.*s", (int)(strlen(base) - 3), base);
    }
    char why[2600];
    if (!toolchain_link(o->arch, c->asm_path, c->exe_path, why, sizeof why)) {
        fprintf(stderr, "mgc: internal compiler error: linking failed: %s\n", why);
        c->exit_status = 3;
        return PHASE_ERROR;
    }
    return o->cmd == CMD_RUN ? PHASE_NEXT : PHASE_DONE;
}

/* run: the built program, with the arguments after --; mgc exits with its status. */
static PhaseResult run_program(Compiler *c) {
    fflush(stdout);
    fflush(stderr);
    c->exit_status = toolchain_run(c->exe_path, c->opt->run_args, c->opt->nrun_args);
    if (c->exit_status < 0) {
        fprintf(stderr, "mgc: cannot run %s: %s\n", c->exe_path, strerror(errno));
        c->exit_status = 2;
    }
    return PHASE_DONE;
}

typedef struct Phase {
    const char *name;      /* NULL: the row tracks its own phases */
    PhaseResult (*run)(Compiler *c);
} Phase;

/* The pipeline, top to bottom. */
static const Phase pipeline[] = {
    {"parse", run_parse},
    {"typecheck", run_typecheck},
    {"escape", run_escape},
    {NULL, run_backend}, /* per function: "ssa", then "codegen" */
    {"link", run_link},
    {NULL, run_program},
};

/* Runs the pipeline; returns the exit status. */
static int compile(const Options *opt) {
    Compiler c = {.opt = opt};
    mem_init(&c.mem, false);
    diag_init(&c.diag, mem_perm(&c.mem), opt->cmd == CMD_COMPILE ? stdout : stderr);

    int status = 0;
    for (size_t i = 0; i < sizeof pipeline / sizeof pipeline[0]; i++) {
        if (pipeline[i].name)
            phase_begin(&c.mem, pipeline[i].name);
        PhaseResult r = pipeline[i].run(&c);
        if (pipeline[i].name)
            phase_end(&c.mem);
        if (r == PHASE_NEXT)
            continue;
        status = r == PHASE_DONE ? 0 : 1;
        break;
    }
    if (c.exit_status)
        status = c.exit_status;
    if (c.asm_out)
        fclose(c.asm_out);
    if (c.tmpdir[0])
        toolchain_remove_tempdir(c.tmpdir);
    diag_flush(&c.diag);
    fflush(stdout);

    if (opt->memstats)
        memstats_print(&c.mem, stderr, opt->memstats);
    if (opt->memstats_json && memstats_write_json(&c.mem, opt->memstats_json) != 0) {
        fprintf(stderr, "mgc: write %s: %s\n", opt->memstats_json, strerror(errno));
        status = status ? status : 1;
    }
    if (opt->memprofile) {
        fprintf(stderr, "mgc: -memprofile is not implemented yet\n");
        status = status ? status : 1;
    }
    diag_free(&c.diag);
    mem_free(&c.mem);
    return status;
}

typedef struct MainArgs {
    int argc;
    char **argv;
    int status;
} MainArgs;

static void *compiler_thread(void *p) {
    MainArgs *a = p;
    Options opt;
    if (!options_parse(&opt, a->argc, a->argv, stderr)) {
        a->status = 2;
        return NULL;
    }
    switch (opt.cmd) {
    case CMD_HELP:
        print_help(stdout);
        a->status = 0;
        break;
    case CMD_VERSION:
        printf("mgc version " MGC_VERSION " (Go 1.19 subset)\n");
        a->status = 0;
        break;
    default:
        a->status = compile(&opt);
        break;
    }
    return NULL;
}

/* The compiler's recursive walks are bounded by the parser's nesting limit;
 * a 1 GiB reserved stack (touched only as deep as used) makes every such
 * walk safe. */
#define COMPILER_STACK_SIZE ((size_t)1 << 30)

int main(int argc, char **argv) {
    MainArgs a = {argc, argv, 0};
    pthread_attr_t attr;
    pthread_t t;
    if (pthread_attr_init(&attr) != 0 || pthread_attr_setstacksize(&attr, COMPILER_STACK_SIZE) != 0 ||
        pthread_create(&t, &attr, compiler_thread, &a) != 0) {
        compiler_thread(&a); /* no thread: run on the main stack */
        return a.status;
    }
    pthread_join(t, NULL);
    pthread_attr_destroy(&attr);
    return a.status;
}
