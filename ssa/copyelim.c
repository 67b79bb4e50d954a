/* copyelim.c — copy and phi elimination.
 *
 * After this pass no arg slot or control names an SSA_OP_COPY, no phi is
 * trivial (all its args, ignoring itself, the same value), and the copies
 * that became unused are gone.  A phi's arg may name the phi itself: a
 * trivial phi of an inner loop header that turned into a copy of the outer
 * header's phi is bypassed that way, so the outer phi becomes trivial too
 * instead of keeping a copy alive among the phis.  Copies are what the other passes leave
 * behind when they replace a value (ssa_value_copy_of), so constfold and
 * cse call this pass at their end; a copy can only survive inside a cycle
 * of copies, which only unreachable code can form.
 *
 * Cost: one sweep bypasses the copies and turns the trivial phis it meets
 * into copies; only a phi found trivial in a sweep can have users the sweep
 * already passed (the phis of loop headers), so only then does another
 * sweep follow. */
#include "ssa/ssa.h"

/* Returns the value that the copy chain starting at v ends in (v itself if
 * it is no copy); gives up on a cycle and returns v. */
static Value *copy_source(Value *v) {
    Value *w = v;
    for (int steps = 0; w->op == SSA_OP_COPY && w->nargs == 1; steps++) {
        if (steps > 1000000)
            return v; /* a cycle of copies: unreachable code */
        w = w->args[0];
        if (w == v)
            return v;
    }
    return w;
}

/* The single value a phi merges, ignoring the phi itself, or NULL. */
static Value *trivial_phi_value(Value *phi) {
    Value *same = NULL;
    for (int i = 0; i < phi->nargs; i++) {
        Value *a = phi->args[i];
        if (a == phi || a == same)
            continue;
        if (same)
            return NULL;
        same = a;
    }
    return same;
}

/* Points v's args that name copies at the copies' sources. */
static void bypass_args(Value *v) {
    for (int k = 0; k < v->nargs; k++) {
        Value *a = v->args[k];
        if (a->op != SSA_OP_COPY)
            continue;
        Value *src = copy_source(a);
        /* A copy leading back to v itself: a phi may name itself
         * (trivial_phi_value ignores that arg); any other value would be
         * a cycle, which only unreachable code forms. */
        if (src != a && (src != v || v->op == SSA_OP_PHI))
            ssa_value_set_arg(v, k, src);
    }
}

/* Points b's controls that name copies at the copies' sources. */
static void bypass_controls(Block *b) {
    for (int k = 0; k < b->ncontrols; k++) {
        Value *c = b->controls[k];
        Value *src = c->op == SSA_OP_COPY ? copy_source(c) : c;
        if (src != c) {
            src->uses++;
            c->uses--;
            b->controls[k] = src;
            b->func->value_version++;
        }
    }
}

/* One sweep: bypasses every copy and turns trivial phis into copies.
 * Returns whether a phi became a copy; *copies counts the copies left. */
static bool sweep(SsaFunc *f, int *copies) {
    bool phi_gone = false;
    int n = 0;
    for (int i = 0; i < f->nblocks; i++) {
        Block *b = f->blocks[i];
        for (int j = 0; j < b->nvalues; j++) {
            Value *v = b->values[j];
            bypass_args(v);
            if (v->op == SSA_OP_PHI) {
                Value *w = trivial_phi_value(v);
                if (w) {
                    ssa_value_copy_of(f, v, w);
                    phi_gone = true;
                }
            }
            n += v->op == SSA_OP_COPY;
        }
        bypass_controls(b);
    }
    *copies = n;
    return phi_gone;
}

/* Frees the copies nothing uses any more (a copy standing where a phi was
 * must not stay among the phis), compacting each block's list in place. */
static void free_unused_copies(SsaFunc *f) {
    for (int i = 0; i < f->nblocks; i++) {
        Block *b = f->blocks[i];
        int n = 0;
        for (int j = 0; j < b->nvalues; j++) {
            Value *v = b->values[j];
            if (v->op != SSA_OP_COPY || v->uses != 0) {
                b->values[n++] = v;
                continue;
            }
            ssa_value_reset_args(v);
            v->block = NULL;
            ssa_value_free(f, v);
        }
        for (int j = n; j < b->nvalues; j++)
            b->values[j] = NULL;
        b->nvalues = n;
    }
}

/* The pass: bypasses copies and trivial phis until none is left.  Nothing
 * to do when no value became a copy and no phi's args changed since the
 * last run (f->copyelim_version). */
void ssa_pass_copyelim(SsaFunc *f) {
    if (f->copyelim_version == f->copy_version)
        return;
    int copies = 0;
    for (int round = 0; round < 1000; round++)
        if (!sweep(f, &copies))
            break;
    if (copies > 0)
        free_unused_copies(f);
    f->copyelim_version = f->copy_version;
}
