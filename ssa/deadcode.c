/* deadcode.c — removes unreachable blocks and values nothing needs.
 *
 * A value is live when it has a side effect (its op is not OPF_PURE:
 * stores, calls, checks, loads, entry values), is a block's control, or is
 * an arg of a live value.  Everything else goes back to the pool, including
 * cycles of phis and arithmetic that only feed each other.  Unreachable
 * blocks are removed first, by ssa_order_blocks, which also fixes the
 * predecessors and phis of the blocks they jumped to; it runs only when the
 * control flow graph changed since it last did (f->rpo_version).  The pass
 * does nothing more when no value was made, freed or lost a use since it
 * last ran (f->dead_version). */
#include "ssa/ssa.h"

/* Marks v live and queues it unless it already was (*nwork also counts
 * the values marked). */
static void mark_live(Value *v, bool *live, Value **work, int *nwork) {
    if (live[v->id])
        return;
    live[v->id] = true;
    work[(*nwork)++] = v;
}

/* The pass: unreachable blocks, then dead values. */
void ssa_pass_deadcode(SsaFunc *f) {
    if (f->rpo_version != f->cfg_version)
        ssa_order_blocks(f);
    if (f->dead_version == f->value_version)
        return;
    Arena *scratch = mem_scratch(f->mem);
    bool *live = ARENA_NEW_ARRAY(scratch, bool, f->next_value_id);
    /* ids are below next_value_id: room for every value */
    Value **work = arena_alloc(scratch, sizeof(Value *) * (size_t)f->next_value_id, _Alignof(Value *));
    int nwork = 0, nvalues = 0;
    for (int i = 0; i < f->nblocks; i++) {
        Block *b = f->blocks[i];
        nvalues += b->nvalues;
        for (int j = 0; j < b->nvalues; j++)
            if (!(ssa_op_flags(b->values[j]->op) & OPF_PURE))
                mark_live(b->values[j], live, work, &nwork);
        for (int j = 0; j < b->ncontrols; j++)
            mark_live(b->controls[j], live, work, &nwork);
    }
    for (int next = 0; next < nwork; next++) {
        Value *v = work[next];
        for (int k = 0; k < v->nargs; k++)
            mark_live(v->args[k], live, work, &nwork);
    }
    if (nwork == nvalues) {
        f->dead_version = f->value_version;
        return; /* every value is live */
    }

    /* Dead values may use each other: drop all their args before freeing
     * any, so that every one of them reaches zero uses.  Each block's list
     * is compacted here, in one sweep, rather than value by value. */
    Value **dead = work;
    int ndead = 0;
    for (int i = 0; i < f->nblocks; i++) {
        Block *b = f->blocks[i];
        int n = 0;
        for (int j = 0; j < b->nvalues; j++) {
            Value *v = b->values[j];
            if (live[v->id]) {
                b->values[n++] = v;
                continue;
            }
            ssa_value_reset_args(v);
            v->block = NULL;
            dead[ndead++] = v;
        }
        for (int j = n; j < b->nvalues; j++)
            b->values[j] = NULL;
        b->nvalues = n;
    }
    for (int i = 0; i < ndead; i++)
        ssa_value_free(f, dead[i]);
    f->dead_version = f->value_version;
}
