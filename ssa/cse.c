/* cse.c — common subexpression elimination by global value numbering.
 *
 * As Go's cse pass: the pure values are partitioned into classes of values
 * that compute the same thing.  The first partition groups values by op,
 * class, type, aux, aux_int and number of args (phis also by block); each
 * round then splits a class whose members' args are in different classes,
 * until no class splits.  Commutative ops are normalized on the way: their
 * two args are ordered by class.  Finally, walking the dominator tree, a
 * value whose class has a member that dominates it becomes a copy of that
 * member, and copy elimination points its uses there.  Values that are not
 * pure (loads, calls, checks) are each their own class. */
#include "ssa/ssa.h"

#include <stdlib.h>

/* One pure value while it is being partitioned. */
typedef struct CseEntry {
    Value *v;
    const int32_t *class_of; /* by value id: the partition (shared) */
    int32_t pre;             /* dominator-tree entry number of v's block */
    int32_t index;           /* v's index in its block */
} CseEntry;

/* Orders entries by the first partition's key. */
static int cmp_key(const void *pa, const void *pb) {
    const Value *a = ((const CseEntry *)pa)->v, *b = ((const CseEntry *)pb)->v;
    if (a->op != b->op)
        return a->op < b->op ? -1 : 1;
    if (a->cls != b->cls)
        return a->cls < b->cls ? -1 : 1;
    if (a->aux_int != b->aux_int)
        return a->aux_int < b->aux_int ? -1 : 1;
    if (a->type != b->type)
        return (uintptr_t)a->type < (uintptr_t)b->type ? -1 : 1;
    if (a->aux != b->aux)
        return (uintptr_t)a->aux < (uintptr_t)b->aux ? -1 : 1;
    if (a->nargs != b->nargs)
        return a->nargs < b->nargs ? -1 : 1;
    if (a->op == SSA_OP_PHI && a->block != b->block)
        return a->block->id < b->block->id ? -1 : 1;
    return 0;
}

/* Orders entries by class, then by the classes of their args. */
static int cmp_class_args(const void *pa, const void *pb) {
    const CseEntry *ea = pa, *eb = pb;
    const int32_t *class_of = ea->class_of;
    int32_t ca = class_of[ea->v->id], cb = class_of[eb->v->id];
    if (ca != cb)
        return ca < cb ? -1 : 1;
    int n = ea->v->nargs < eb->v->nargs ? ea->v->nargs : eb->v->nargs;
    for (int i = 0; i < n; i++) {
        int32_t x = class_of[ea->v->args[i]->id], y = class_of[eb->v->args[i]->id];
        if (x != y)
            return x < y ? -1 : 1;
    }
    return (ea->v->nargs > eb->v->nargs) - (ea->v->nargs < eb->v->nargs);
}

/* Orders entries by dominator-tree preorder, then by place in the block. */
static int cmp_dom(const void *pa, const void *pb) {
    const CseEntry *a = pa, *b = pb;
    if (a->pre != b->pre)
        return a->pre < b->pre ? -1 : 1;
    return (a->index > b->index) - (a->index < b->index);
}

/* Whether v may be merged with values computing the same. */
static bool cse_candidate(const Value *v) {
    return (ssa_op_flags(v->op) & OPF_PURE) && v->op != SSA_OP_COPY && v->cls != CLS_VOID &&
           v->cls != CLS_TUPLE;
}

/* Puts the two args of a commutative v in class order. */
static void normalize_commutative(Value *v, const int32_t *class_of) {
    if (!(ssa_op_flags(v->op) & OPF_COMMUTATIVE) || v->nargs != 2)
        return;
    Value *a = v->args[0], *b = v->args[1];
    if (class_of[a->id] > class_of[b->id] || (class_of[a->id] == class_of[b->id] && a->id > b->id)) {
        ssa_value_set_arg(v, 0, b);
        ssa_value_set_arg(v, 1, a);
    }
}

/* Splits the classes of e[0..*n) by their args' classes until no class
 * splits.  A value alone in its class is dropped from e: it can neither
 * split nor merge.  On return e is sorted by class. */
static void refine(CseEntry *e, int *np, int32_t *class_of, int32_t *next_class, int32_t *newc) {
    int n = *np;
    for (bool split = true; split;) {
        split = false;
        for (int i = 0; i < n; i++)
            normalize_commutative(e[i].v, class_of);
        qsort(e, (size_t)n, sizeof *e, cmp_class_args);
        /* New classes are computed from the old ones, then applied. */
        for (int i = 0; i < n; i++) {
            newc[i] = class_of[e[i].v->id];
            if (i == 0 || class_of[e[i - 1].v->id] != class_of[e[i].v->id])
                continue;
            if (cmp_class_args(&e[i - 1], &e[i]) != 0) {
                newc[i] = (*next_class)++;
                split = true;
            } else {
                newc[i] = newc[i - 1];
            }
        }
        for (int i = 0; i < n; i++)
            class_of[e[i].v->id] = newc[i];
        int k = 0;
        for (int i = 0; i < n; i++)
            if ((i > 0 && newc[i - 1] == newc[i]) || (i + 1 < n && newc[i + 1] == newc[i]))
                e[k++] = e[i];
        n = k;
    }
    *np = n;
}

/* Replaces each value of the class run e[0..n) by a member that dominates
 * it, walking the run in dominator-tree order with a stack of candidates. */
static bool merge_class(SsaFunc *f, CseEntry *e, int n, const SsaDomTree *dt, CseEntry **stack) {
    qsort(e, (size_t)n, sizeof *e, cmp_dom);
    int sp = 0;
    bool changed = false;
    for (int i = 0; i < n; i++) {
        CseEntry *x = &e[i];
        while (sp > 0) {
            CseEntry *t = stack[sp - 1];
            bool dom = t->v->block == x->v->block ? t->index < x->index
                                                  : ssa_dom_tree_dominates(dt, t->v->block, x->v->block);
            if (dom)
                break;
            sp--;
        }
        if (sp > 0) {
            ssa_value_copy_of(f, x->v, stack[sp - 1]->v);
            changed = true;
        } else {
            stack[sp++] = x;
        }
    }
    return changed;
}

/* The pass: partition, refine, merge, then bypass the copies. */
void ssa_pass_cse(SsaFunc *f) {
    Arena *scratch = mem_scratch(f->mem);
    SsaDomTree dt;
    ssa_dom_tree(f, &dt);
    int32_t *class_of = ARENA_NEW_ARRAY(scratch, int32_t, f->next_value_id);
    int n = 0;
    for (int i = 0; i < f->nblocks; i++)
        n += f->blocks[i]->nvalues;
    CseEntry *e = ARENA_NEW_ARRAY(scratch, CseEntry, n + 1);
    int32_t *newc = ARENA_NEW_ARRAY(scratch, int32_t, n + 1);
    CseEntry **stack = ARENA_NEW_ARRAY(scratch, CseEntry *, n + 1);
    int32_t next_class = 1;
    int ne = 0;
    for (int i = 0; i < f->nblocks; i++) {
        Block *b = f->blocks[i];
        if (dt.pre[b->order] < 0)
            continue;
        for (int j = 0; j < b->nvalues; j++) {
            Value *v = b->values[j];
            if (!cse_candidate(v)) {
                class_of[v->id] = next_class++;
                continue;
            }
            e[ne++] = (CseEntry){v, class_of, dt.pre[b->order], j};
        }
    }
    qsort(e, (size_t)ne, sizeof *e, cmp_key);
    for (int i = 0; i < ne; i++) {
        if (i > 0 && cmp_key(&e[i - 1], &e[i]) == 0)
            class_of[e[i].v->id] = class_of[e[i - 1].v->id];
        else
            class_of[e[i].v->id] = next_class++;
    }
    refine(e, &ne, class_of, &next_class, newc);

    bool changed = false;
    for (int lo = 0; lo < ne;) {
        int hi = lo + 1;
        while (hi < ne && class_of[e[hi].v->id] == class_of[e[lo].v->id])
            hi++;
        if (hi - lo > 1)
            changed |= merge_class(f, e + lo, hi - lo, &dt, stack);
        lo = hi;
    }
    if (changed)
        ssa_pass_copyelim(f);
}
