/* passes.c — the pass table and the pipeline that runs it.
 *
 * As Go's compile.go: one table of named passes, each a function over an
 * SsaFunc, run in order.  Required passes run under -N too (the code
 * generator relies on what they establish: no unreachable blocks, no
 * critical edges).  After every pass the function can be printed (-d
 * ssa=FUNC) and verified (test builds); each pass's temporaries live in
 * the scratch region, released when it ends.  The target's passes (lower,
 * regalloc, layout) follow the generic ones: the code generator hands
 * them over with ssa_register_target_passes. */
#include "ssa/ssa.h"

#include <string.h>

/* copyelim and phi elimination, under the name of Go's first cleanup. */
static void pass_opt_early(SsaFunc *f) {
    ssa_pass_copyelim(f);
}

/* The generic passes, in order. */
static const SsaPass GENERIC_PASSES[] = {
    {"opt-early", pass_opt_early, false},
    {"deadcode", ssa_pass_deadcode, true},
    {"constfold", ssa_pass_constfold, false},
    {"divconst", ssa_pass_divconst, false},
    {"opt-deadcode", ssa_pass_deadcode, false},
    {"cse", ssa_pass_cse, false},
    {"checkelim", ssa_pass_checkelim, false},
    {"zeroelim", ssa_pass_zeroelim, false},
    {"critical", ssa_pass_critical, true},
    {"late-deadcode", ssa_pass_deadcode, true},
};

/* Hands the target's passes to the pipeline. */
void ssa_register_target_passes(SsaConfig *cfg, const SsaPass *passes, int n) {
    cfg->target_passes = passes;
    cfg->ntarget_passes = n;
}

/* Whether dump_func selects name, as GOSSAFUNC does: the name without its
 * package ("f", "T.M", "(*T).M", "f.func1"), or the full symbol. */
bool ssa_dump_matches(const char *dump_func, const char *name) {
    if (!dump_func || !*dump_func || !name)
        return false;
    if (strcmp(dump_func, name) == 0)
        return true;
    const char *dot = strchr(name, '.');
    return dot && strcmp(dump_func, dot + 1) == 0;
}

/* Verifies f after pass; an invariant broken is an internal error. */
static void verify_after(const SsaFunc *f, const char *pass) {
    char why[512];
    if (!ssa_verify(f, pass, why, sizeof why))
        ssa_ice(0, "%s: invalid after pass %s: %s", f->name, pass, why);
}

/* Runs one pass with its scratch memory, then prints and verifies.  Most
 * passes on most functions allocate nothing: the release is skipped then. */
static void run_pass(SsaFunc *f, const SsaConfig *cfg, const SsaPass *p, bool dump) {
    Arena *scratch = mem_scratch(f->mem);
    ArenaMark mark = arena_mark(scratch);
    uint64_t allocs = scratch->stats.allocs;
    p->run(f);
    if (scratch->stats.allocs != allocs)
        arena_release(scratch, mark);
    if (dump)
        ssa_print_func(cfg->dump_out ? cfg->dump_out : stdout, f, p->name);
    if (cfg->verify)
        verify_after(f, p->name);
}

/* Runs the pipeline on f: the generic passes, then the target's. */
void ssa_run_passes(SsaFunc *f, const SsaConfig *cfg) {
    bool dump = ssa_dump_matches(cfg->dump_func, f->name);
    if (dump)
        ssa_print_func(cfg->dump_out ? cfg->dump_out : stdout, f, "build");
    if (cfg->verify)
        verify_after(f, "build");
    int n = (int)(sizeof GENERIC_PASSES / sizeof GENERIC_PASSES[0]);
    for (int i = 0; i < n; i++)
        if (GENERIC_PASSES[i].required || !cfg->no_opt)
            run_pass(f, cfg, &GENERIC_PASSES[i], dump);
    for (int i = 0; i < cfg->ntarget_passes; i++)
        if (cfg->target_passes[i].required || !cfg->no_opt)
            run_pass(f, cfg, &cfg->target_passes[i], dump);
}
